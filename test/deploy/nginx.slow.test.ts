// deploy/nginx/delta-verifier.conf with Debian's nginx in front of two `delta serve` instances on
// loopback: a load run (every answer checked), then one backend killed in the middle of a second
// run: no request lost, every answer still correct (nginx retries on the other backend). Runs of 300
// requests at 8 in flight, every one of the 200 bodies among them (the bench measures throughput;
// here every answer is checked).
// Needs nginx (.ci/run installs it) and the built CLI.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { answerTestSolution } from '../../language/verifier/test-solution.js';
// @ts-expect-error plain JS modules shared with the benchmark
import { runLoad } from '../../scripts/bench/http-load.mjs';
// @ts-expect-error plain JS modules shared with the benchmark
import { startNginx } from '../../scripts/bench/nginx-front.mjs';
import { startServe, type ServeProcess } from '../helpers/serve-process.js';

let backends: ServeProcess[] = [];
let nginx: { port: number; stop(): Promise<void> } | undefined;
let port = 0;
const bodies = execFileSync(process.execPath, ['scripts/bench/gen-requests.mjs', '--count', '200', '--seed', '5'], { encoding: 'utf8' }).trim().split('\n');
const expected = bodies.map((b) => Buffer.from(answerTestSolution('application/json', Buffer.from(b), { maxResponseBytes: 1 << 26 }).body).toString('utf8'));
const check = (i: number, _status: number, text: string) => text === expected[i];

beforeAll(async () => {
    backends = await Promise.all([startServe(['--workers', '1']), startServe(['--workers', '1'])]);
    const front = await startNginx(backends.map((b) => b.port)) as { port: number; stop(): Promise<void> };
    nginx = front;
    port = front.port;
}, 60000);

afterAll(async () => {
    await nginx?.stop();
    await Promise.all(backends.map((b) => b.stop()));
});

describe('nginx in front of two delta serve instances', () => {
    test('a load run: no errors, every answer correct', async () => {
        const result = await runLoad({ port, bodies, total: 300, concurrency: 8, check });
        console.log(`nginx load run: ${result.rps.toFixed(0)} requests/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ${result.errors} errors (2-core VM, shared)`);
        expect(result.errors).toBe(0);
        expect(result.wrong).toBe(0);
    }, 120000);

    test('one backend killed in the middle of a run: no request lost, every answer correct', async () => {
        let killed = false;
        const result = await runLoad({
            port, bodies, total: 300, concurrency: 8, check,
            onProgress: (i: number) => { if (i >= 100 && !killed) { killed = true; backends[0].child.kill('SIGKILL'); } },
        });
        console.log(`nginx with a backend killed: ${result.rps.toFixed(0)} requests/s, p99 ${result.p99.toFixed(1)} ms, statuses ${JSON.stringify(result.statuses)}`);
        expect(killed).toBe(true);
        expect(result.statuses).toEqual({ 200: 300 });
        expect(result.wrong).toBe(0);
    }, 120000);
});
