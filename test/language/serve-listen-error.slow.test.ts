// `delta serve` on a port already in use: one line naming the error and exit code 2, with one
// process or several. It printed the error (once per process) and then never exited: the verdict
// threads, and in a cluster the workers' IPC channels, kept the processes alive. The port is held by
// a plain listener of this process on delta serve's default host (a `delta serve` holding it cost
// ~0.8 CPU-s to start).
import { spawn } from 'node:child_process';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

let taken: Server;
let port = 0;
beforeAll(async () => {
    taken = createServer();
    await new Promise<void>((resolve, reject) => taken.once('error', reject).listen(0, '127.0.0.1', resolve));
    port = (taken.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

function serveOn(port: number, workers: number): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve) => {
        const child = spawn(process.execPath, ['out/cli.cjs', 'serve', '--port', String(port), '--workers', String(workers)], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.setEncoding('utf8').on('data', (text: string) => { stderr += text; });
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', (code) => { clearTimeout(timer); resolve({ code, stderr }); });
    });
}

describe('delta serve on a port in use', () => {
    for (const workers of [1, 2]) {
        test(`--workers ${workers}: exit 2 with one line`, async () => {
            const { code, stderr } = await serveOn(port, workers);
            expect(code).toBe(2);
            expect(stderr).toMatch(new RegExp(`^delta: .*EADDRINUSE.*:${port}\\n$`));
        });
    }
});
