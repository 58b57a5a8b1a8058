// `delta serve` under abuse stays responsive and bounded: each case runs against the built server
// (one process) while /health is polled and the process's RSS is sampled. The bounds are generous
// (the machine is shared): they still fail on a stall (seconds) or an unbounded answer (hundreds of MB).
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { CACHE_LIMITS, compileDsl, verdictCacheBytes } from '../../language/verifier/verdict-cache.js';
import { startServe, type ServeProcess } from '../helpers/serve-process.js';

let server: ServeProcess | undefined;
afterEach(async () => { await server?.stop(); server = undefined; });
/**
 * One server for the two cases whose limits never meet (--timeout 2, and --max-body 1000 above the
 * ~150-byte bodies of the regex case), started by the first of them: a start costs ~0.6 CPU-s.
 */
let shared: Promise<ServeProcess> | undefined;
const sharedServer = () => (shared ??= startServe(['--workers', '1', '--timeout', '2', '--max-body', '1000']));
afterAll(async () => { await (await shared)?.stop(); });

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/** Polls /health and RSS until `work` settles: the slowest /health and the highest RSS seen; `onHealth` gets the time of each answer. */
async function watch<T>(port: number, pid: number, work: Promise<T>, onHealth?: (at: number) => void): Promise<{ result: T; slowestHealthMs: number; peakRssMb: number }> {
    let done = false;
    let slowestHealthMs = 0;
    let peakRssMb = rssMb(pid);
    const poll = (async () => {
        while (!done) {
            const t0 = performance.now();
            const res = await fetch(`http://127.0.0.1:${port}/health`);
            expect(res.status).toBe(200);
            await res.text();
            slowestHealthMs = Math.max(slowestHealthMs, performance.now() - t0);
            onHealth?.(performance.now());
            peakRssMb = Math.max(peakRssMb, rssMb(pid));
            await new Promise((r) => setTimeout(r, 50));
        }
    })();
    const result = await work.finally(() => { done = true; });
    await poll;
    return { result, slowestHealthMs, peakRssMb };
}

const post = (port: number, body: unknown) => fetch(`http://127.0.0.1:${port}/test_solution`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
}).then(async (r) => ({ status: r.status, text: await r.text() }));

const ACCEPT = 'START start:\n    NEXT end\nEND end';
/** A regex that backtracks exponentially on a tape of R's (the reference stalls on it for tens of seconds). */
const stuck = { dsl: ACCEPT, test_cases: [{ input: 'R'.repeat(34), expected_output: '(R+)+B', expected_accepted: false }] };
/** Every run loops for 1000 steps through a node with a 200-character id: ~200 KB of path per test. */
const longId = 'n'.repeat(200);
const bigPaths = (tests: number) => ({
    dsl: `START start:\n    NEXT ${longId}\nPULLER_RB ${longId}:\n    [R] ${longId}\n    [B] ${longId}\n    [EMPTY] ${longId}\nEND end`,
    test_cases: Array.from({ length: tests }, () => ({ input: '' })),
});

describe('delta serve under abuse', () => {
    test('a catastrophic regex gets a 504 at the time budget; /health and other requests do not wait for it', async () => {
        // The stuck request burns a core until the budget: 2 s keeps that short. What is checked is
        // order, not latency, so a loaded machine cannot fail it: a request or a /health poll that
        // waited behind the regex would come back only after its 504.
        const { port, child } = await sharedServer();
        await Promise.all([post(port, { dsl: ACCEPT, test_cases: [] }), post(port, { dsl: ACCEPT, test_cases: [] })]); // both threads warm
        const healthAnswered: number[] = [];
        const { result } = await watch(port, child.pid!, (async () => {
            const sent = performance.now();
            const slow = post(port, stuck).then((r) => ({ ...r, at: performance.now() }));
            await new Promise((r) => setTimeout(r, 300));
            const other = await post(port, { dsl: ACCEPT, test_cases: [{ input: 'R' }] });
            const otherAt = performance.now();
            return { sent, slow: await slow, other, otherAt };
        })(), (at) => healthAnswered.push(at));
        expect(result.slow.status).toBe(504);
        expect(JSON.parse(result.slow.text).detail).toMatch(/took longer than 2 s \(delta serve --timeout\); its work was stopped/);
        expect(result.slow.at - result.sent).toBeGreaterThan(1900);
        expect(result.other.status).toBe(200);
        expect(result.otherAt).toBeLessThan(result.slow.at);
        // /health answered while the regex ran (from 0.3 s after it was sent until 0.3 s before its 504).
        expect(healthAnswered.filter((at) => at > result.sent + 300 && at < result.slow.at - 300).length).toBeGreaterThanOrEqual(2);
        // The stopped thread was replaced: the server still answers verdicts.
        expect((await post(port, { dsl: ACCEPT, test_cases: [{ input: 'B' }] })).status).toBe(200);
    }, 30000);

    test('an answer over --max-response is refused without being built (13 KB of request, 400 MB of answer in the reference)', async () => {
        server = await startServe(['--workers', '1', '--max-response', '16000000']);
        const body = bigPaths(2000);
        expect(JSON.stringify(body).length).toBeLessThan(40_000);
        const { result, peakRssMb, slowestHealthMs } = await watch(server.port, server.child.pid!, post(server.port, body));
        expect(result.status).toBe(500);
        expect(JSON.parse(result.text).detail).toBe('The answer would exceed 16000000 bytes (delta serve --max-response); send fewer test cases per request');
        expect(peakRssMb).toBeLessThan(600);
        expect(slowestHealthMs).toBeLessThan(3000); // a stall would be the whole budget or more (the machine is shared and loaded)
        // Under the cap, the same program is answered in full.
        const small = await post(server.port, bigPaths(20));
        expect(small.status).toBe(200);
        expect(small.text.length).toBeGreaterThan(20 * 200 * 1000);
    }, 60000);

    test('clients that never read: memory stays bounded and their connections are closed at the time budget', async () => {
        server = await startServe(['--workers', '1', '--timeout', '3']);
        const payload = Buffer.from(JSON.stringify(bigPaths(60)));
        const sockets: Socket[] = [];
        const closed: Promise<number>[] = [];
        const { peakRssMb, slowestHealthMs } = await watch(server.port, server.child.pid!, (async () => {
            for (let i = 0; i < 4; i++) {
                const socket = connect(server!.port, '127.0.0.1');
                socket.pause(); // never read (until the end of the test)
                let received = 0;
                socket.on('data', (d: Buffer) => { received += d.length; });
                closed.push(new Promise((r) => socket.once('close', () => r(received))));
                socket.on('error', () => { /* reset by the server */ });
                socket.write(`POST /test_solution HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${payload.length}\r\n\r\n`);
                socket.write(payload);
                sockets.push(socket);
            }
            await new Promise((r) => setTimeout(r, 2000));
        })());
        expect(peakRssMb).toBeLessThan(600);
        expect(slowestHealthMs).toBeLessThan(3000); // a stall would be the whole budget or more (the machine is shared and loaded)
        // Past the budget the server has closed each connection mid-answer: reading now finds the end of a cut answer.
        await new Promise((r) => setTimeout(r, 2000));
        for (const socket of sockets) socket.resume();
        const received = await Promise.race([Promise.all(closed), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('connections not closed')), 5000))]);
        for (const bytes of received) expect(bytes).toBeLessThan(60 * 200 * 1000);
    }, 30000);

    test('more requests in progress than --max-concurrent get a clear 503', async () => {
        // The two admitted requests each burn a core until the budget (1.5 s); the other three are
        // refused at once, so all five are in flight well within it.
        server = await startServe(['--workers', '1', '--timeout', '1.5', '--max-concurrent', '2']);
        const answers = await Promise.all(Array.from({ length: 5 }, () => post(server!.port, stuck)));
        const busy = answers.filter((a) => a.status === 503);
        expect(busy.length).toBeGreaterThanOrEqual(2);
        expect(JSON.parse(busy[0].text).detail).toBe('Too many requests in progress (more than 2, delta serve --max-concurrent); retry later');
        expect(answers.filter((a) => a.status === 504).length).toBeGreaterThanOrEqual(1);
    }, 30000);

    test('/health is answered while slow clients hold every --max-concurrent slot; more work is refused', async () => {
        server = await startServe(['--workers', '1', '--timeout', '5', '--max-concurrent', '2']);
        const port = server.port;
        // Two requests whose bodies never finish: in progress until the time budget.
        const slow = await Promise.all([0, 1].map(() => new Promise<Socket>((resolve) => {
            const socket = connect(port, '127.0.0.1', () => {
                socket.write('POST /test_solution HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"dsl":');
                resolve(socket);
            });
            socket.on('error', () => {});
        })));
        try {
            // Once the server holds both (work is refused), /health must still be answered.
            let status = 0;
            for (let tries = 0; tries < 50 && status !== 503; tries++) {
                status = (await post(port, { dsl: ACCEPT, test_cases: [] })).status;
                if (status !== 503) await new Promise((r) => setTimeout(r, 50));
            }
            expect(status).toBe(503);
            const health = await fetch(`http://127.0.0.1:${port}/health`);
            expect(health.status).toBe(200);
            expect(await health.text()).toBe('{"status":"healthy"}');
        } finally {
            for (const socket of slow) socket.destroy();
        }
    }, 30000);

    test('a body over --max-body is refused with 413 before it is read', async () => {
        const res = await post((await sharedServer()).port, { dsl: ACCEPT, test_cases: Array.from({ length: 100 }, () => ({ input: 'RBRBRB' })) });
        expect(res.status).toBe(413);
        expect(JSON.parse(res.text)).toEqual({ detail: 'Request body larger than 1000 bytes (delta serve --max-body)' });
    }, 30000);
});

describe('verdict cache', () => {
    test('stays within its byte bound however large the programs', () => {
        const pad = (i: number) => `# ${String(i).repeat(50_000)}\n`;
        for (let i = 0; i < 800; i++) compileDsl(`${pad(i)}START start:\n    NEXT end\nEND end`);
        expect(verdictCacheBytes()).toBeLessThanOrEqual(CACHE_LIMITS.totalBytes);
        expect(verdictCacheBytes()).toBeGreaterThan(CACHE_LIMITS.totalBytes / 2);
    });
});
