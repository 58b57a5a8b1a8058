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
let server: Server;
let seen = 0;

beforeAll(async () => {
    if (!hasWrk()) throw new Error('wrk is not installed: apt-get install wrk');
    writeFileSync(bodiesFile, ['{"a":1}', '{"b":2}', '{"c":3}'].join('\n'));
    // The first ANSWERED requests get an answer (the 5th a 500); later ones are held until the end.
    server = createServer((req, res) => {
        req.resume();
        req.on('end', () => {
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
