// Runs Debian's nginx with deploy/nginx/delta-verifier.conf in front of the given `delta serve`
// ports, on a loopback port, as an unprivileged foreground process in a scratch folder.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const freePort = () => new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => resolve(port)); });
});

/** Starts nginx; resolves with its port and a stop function once it proxies /health. */
export async function startNginx(backendPorts) {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'delta-nginx-'));
    const site = readFileSync(new URL('../../deploy/nginx/delta-verifier.conf', import.meta.url), 'utf8')
        .replace(/^\s*server 127\.0\.0\.1:\d+ .*\n/gm, '')
        .replace('    keepalive 64;', `${backendPorts.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n')}\n    keepalive 64;`)
        .replace('listen 8071;', `listen 127.0.0.1:${port};`);
    writeFileSync(join(dir, 'delta-verifier.conf'), site);
    writeFileSync(join(dir, 'nginx.conf'), [
        'worker_processes 2;', `pid ${dir}/nginx.pid;`, `error_log ${dir}/error.log warn;`, 'events { worker_connections 1024; }',
        'http {', '  access_log off;', `  client_body_temp_path ${dir}/body;`, `  proxy_temp_path ${dir}/proxy;`,
        `  fastcgi_temp_path ${dir}/fcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;`, `  include ${dir}/delta-verifier.conf;`, '}',
    ].join('\n'));
    const child = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
    const stop = async () => {
        if (child.exitCode === null && child.signalCode === null) {
            await new Promise((resolve) => { child.once('exit', resolve); child.kill('SIGTERM'); });
        }
        rmSync(dir, { recursive: true, force: true });
    };
    for (let i = 0; i < 100; i++) {
        try {
            if ((await fetch(`http://127.0.0.1:${port}/health`)).status === 200) return { port, stop };
        } catch { /* not up yet */ }
        await new Promise((r) => setTimeout(r, 100));
    }
    await stop();
    throw new Error('nginx did not start');
}
