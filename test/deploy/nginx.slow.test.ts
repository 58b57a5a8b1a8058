// deploy/nginx/delta-verifier.conf with Debian's nginx in front of two `delta serve` instances on
// loopback: a load run (every answer checked), then one backend killed in the middle of a second
// run: no request lost, every answer still correct (nginx retries on the other backend).
// Needs nginx (.ci/run installs it) and the built CLI.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { answerTestSolution } from '../../language/verifier/test-solution.js';
// @ts-expect-error plain JS module shared with the benchmark
import { runLoad } from '../../scripts/bench/http-load.mjs';
import { startServe, type ServeProcess } from '../helpers/serve-process.js';

const freePort = () => new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => { const { port } = probe.address() as { port: number }; probe.close(() => resolve(port)); });
});

let backends: ServeProcess[] = [];
let nginx: ChildProcess | undefined;
let port = 0;
const bodies = execFileSync(process.execPath, ['scripts/bench/gen-requests.mjs', '--count', '200', '--seed', '5'], { encoding: 'utf8' }).trim().split('\n');
const expected = bodies.map((b) => Buffer.from(answerTestSolution('application/json', Buffer.from(b), { maxResponseBytes: 1 << 26 }).body).toString('utf8'));
const check = (i: number, _status: number, text: string) => text === expected[i];

beforeAll(async () => {
    backends = await Promise.all([startServe(['--workers', '1']), startServe(['--workers', '1'])]);
    port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'delta-nginx-'));
    const site = readFileSync('deploy/nginx/delta-verifier.conf', 'utf8')
        .replace(/^\s*server 127\.0\.0\.1:\d+ .*\n/gm, '')
        .replace('    keepalive 64;', `${backends.map((b) => `    server 127.0.0.1:${b.port} max_fails=1 fail_timeout=5s;`).join('\n')}\n    keepalive 64;`)
        .replace('listen 8071;', `listen 127.0.0.1:${port};`);
    writeFileSync(join(dir, 'delta-verifier.conf'), site);
    writeFileSync(join(dir, 'nginx.conf'), [
        'worker_processes 2;', `pid ${dir}/nginx.pid;`, `error_log ${dir}/error.log warn;`, 'events { worker_connections 1024; }',
        'http {', `  access_log off;`, `  client_body_temp_path ${dir}/body;`, `  proxy_temp_path ${dir}/proxy;`,
        `  fastcgi_temp_path ${dir}/fcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;`, `  include ${dir}/delta-verifier.conf;`, '}',
    ].join('\n'));
    nginx = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
        try {
            if ((await fetch(`http://127.0.0.1:${port}/health`)).status === 200) return;
        } catch { /* not up yet */ }
        await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('nginx did not start');
}, 60000);

afterAll(async () => {
    nginx?.kill('SIGTERM');
    await Promise.all(backends.map((b) => b.stop()));
});

describe('nginx in front of two delta serve instances', () => {
    test('a load run: no errors, every answer correct', async () => {
        const result = await runLoad({ port, bodies, total: 1000, concurrency: 8, check });
        console.log(`nginx load run: ${result.rps.toFixed(0)} requests/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ${result.errors} errors (2-core VM, shared)`);
        expect(result.errors).toBe(0);
        expect(result.wrong).toBe(0);
    }, 120000);

    test('one backend killed in the middle of a run: no request lost, every answer correct', async () => {
        let killed = false;
        const result = await runLoad({
            port, bodies, total: 1000, concurrency: 8, check,
            onProgress: (i: number) => { if (i >= 300 && !killed) { killed = true; backends[0].child.kill('SIGKILL'); } },
        });
        console.log(`nginx with a backend killed: ${result.rps.toFixed(0)} requests/s, p99 ${result.p99.toFixed(1)} ms, statuses ${JSON.stringify(result.statuses)}`);
        expect(killed).toBe(true);
        expect(result.statuses).toEqual({ 200: 1000 });
        expect(result.wrong).toBe(0);
    }, 120000);
});
