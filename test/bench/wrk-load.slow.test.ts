// The bench's load client (scripts/bench/wrk-load.mjs + wrk-load.lua) stops after exactly `total`
// answers: its Lua script counts request() calls, not answers (a response() callback would make
// wrk copy every body into Lua), so the count depends on when wrk calls request(). Against a
// server that answers only the first K requests and holds the rest: `total: K` finishes with K
// requests counted, `total: K + 1` never finishes. Needs Debian's wrk (.ci/run installs it).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { hasWrk, runWrk } from '../../scripts/bench/wrk-load.mjs';

const ANSWERED = 25;
const scratch = mkdtempSync(join(tmpdir(), 'wrk-load-test-'));
const bodiesFile = join(scratch, 'bodies.jsonl');
const warmFile = join(scratch, 'warm.jsonl');
let server: Server;
let seen = 0;
/** The bodies the server got, in order. */
let received: string[] = [];

beforeAll(async () => {
    if (!hasWrk()) throw new Error('wrk is not installed: apt-get install wrk');
    writeFileSync(bodiesFile, ['{"a":1}', '{"b":2}', '{"c":3}'].join('\n'));
    writeFileSync(warmFile, ['{"w":1}', '{"w":2}'].join('\n'));
    // The first ANSWERED requests get an answer (the 5th a 500); later ones are held until the end.
    server = createServer((req, res) => {
        let body = '';
        req.setEncoding('utf8').on('data', (chunk: string) => { body += chunk; });
        req.on('end', () => {
            received.push(body);
            seen++;
            if (seen > ANSWERED) return;
            res.writeHead(seen === 5 ? 500 : 200, { 'content-type': 'application/json' });
            res.end('{"ok":true}');
        });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(scratch, { recursive: true, force: true });
});

test('finishes after exactly `total` answers, counting non-2xx ones as errors', async () => {
    seen = 0;
    const port = (server.address() as AddressInfo).port;
    const started = performance.now();
    const r = await runWrk({ port, bodiesFile, total: ANSWERED, connections: 4, serverPid: process.pid, timeoutMs: 20_000 });
    const elapsed = (performance.now() - started) / 1000;
    expect(r.requests).toBe(ANSWERED);
    expect(r.errors).toBe(1);
    // /proc rounds a process's total and each thread's time separately (10 ms ticks, scaled): allow two ticks,
    // plus a hair for the float subtraction (0.03000000000000025 vs 0.01 + 0.02 failed once in CI).
    expect(r.serverMainCpu).toBeLessThanOrEqual(r.serverCpu + 0.02 + 1e-9);
    // The whole machine's busy time covers this process's and wrk's (within /proc's sampled 10 ms ticks) and fits in its cores.
    expect(r.machineCpu).toBeGreaterThanOrEqual(r.serverCpu + r.clientCpu - 0.1);
    expect(r.machineCpu).toBeLessThanOrEqual(elapsed * availableParallelism() + 0.1);
    // The CPU is counted from wrk's first request (after its start-up) to the last counted answer.
    expect(r.window).toBeGreaterThan(0);
    expect(r.window).toBeLessThan(elapsed);
    server.closeAllConnections();
    seen = 0;
    await expect(runWrk({ port, bodiesFile, total: ANSWERED + 1, connections: 4, timeoutMs: 2_000 })).rejects.toThrow(/did not finish/);
    server.closeAllConnections();
}, 40_000);

test('with a warm-up on the same connections, counts the `total` answers after the warm-up ones', async () => {
    seen = 0;
    received = [];
    const port = (server.address() as AddressInfo).port;
    const warmup = { file: warmFile, count: 10 };
    const r = await runWrk({ port, bodiesFile, total: ANSWERED - warmup.count, connections: 4, serverPid: process.pid, timeoutMs: 20_000, warmup });
    expect(r.requests).toBe(ANSWERED - warmup.count);
    expect(r.rps).toBeCloseTo(r.requests / r.window, 6);
    // The warm-up bodies went first: all but the one wrk's start-up check takes, each among the
    // first requests (the connections' sends can arrive out of order by up to one per connection).
    const warm = received.flatMap((body, i) => (body.startsWith('{"w"') ? [i] : []));
    expect(warm.length).toBe(warmup.count - 1);
    expect(Math.max(...warm)).toBeLessThan(warmup.count + 4);
    server.closeAllConnections();
    seen = 0;
    await expect(runWrk({ port, bodiesFile, total: ANSWERED - warmup.count + 1, connections: 4, timeoutMs: 2_000, warmup })).rejects.toThrow(/did not finish/);
    server.closeAllConnections();
}, 40_000);
