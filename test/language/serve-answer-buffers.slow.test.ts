// `delta serve` writes HTTP-thread answers into buffers it reuses once the socket has written them
// (BufferShelf, docs/verifier-http.md §9). A buffer given back too early would be overwritten by
// another answer while the kernel still has to copy it. Loopback takes 1–4 MB for a connection
// that is not read before a write stays pending, so each client pipelines ~5 MB of answers (each
// under the shelf's 256 KiB) and reads nothing for a while: with buffers given back at `res.end`
// instead of at 'finish', this test fails.
import { connect } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { answerTestSolution } from '../../language/verifier/test-solution.js';
import { startServe, type ServeProcess } from '../helpers/serve-process.js';

let server: ServeProcess;
beforeAll(async () => { server = await startServe(['--workers', '1']); }, 30000);
afterAll(async () => { await server?.stop(); });

/** A program that loops for 1000 steps through a node named by `tag` (~48 KB of answer per test). */
function request(tag: string, tests: number): string {
    const id = `${tag}_${'x'.repeat(40)}`;
    const dsl = `START start:\n    NEXT ${id}\nPULLER_RB ${id}:\n    [R] ${id}\n    [B] ${id}\n    [EMPTY] ${id}\nEND end`;
    return JSON.stringify({ dsl, test_cases: Array.from({ length: tests }, (_, i) => ({ input: 'RB'.repeat(i), description: tag })) });
}

/** Sends `bodies` pipelined on one connection, reads nothing for `pauseMs`, then the answers' bodies in order. */
function pipelined(port: number, bodies: string[], pauseMs: number): Promise<Buffer[]> {
    return new Promise((resolve, reject) => {
        const socket = connect(port, '127.0.0.1');
        let data = Buffer.alloc(0);
        const answers: Buffer[] = [];
        socket.pause();
        setTimeout(() => socket.resume(), pauseMs);
        socket.on('data', (chunk) => {
            data = Buffer.concat([data, chunk]);
            for (;;) {
                const end = data.indexOf('\r\n\r\n');
                if (end < 0) break;
                const length = Number(/content-length: (\d+)/i.exec(data.subarray(0, end).toString('latin1'))?.[1]);
                if (data.length < end + 4 + length) break;
                answers.push(data.subarray(end + 4, end + 4 + length));
                data = data.subarray(end + 4 + length);
            }
            if (answers.length === bodies.length) {
                socket.destroy();
                resolve(answers);
            }
        });
        socket.on('error', reject);
        socket.write(bodies.map((body) => `POST /test_solution HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`).join(''));
    });
}

test('slow readers with pipelined requests get each answer intact while other answers reuse buffers', async () => {
    const clients = Array.from({ length: 3 }, (_, c) => Array.from({ length: 24 }, (_, r) => request(`c${c}r${r}`, 4 + ((c + r) % 2))));
    const expected = clients.map((bodies) => bodies.map((body) => Buffer.from(answerTestSolution('application/json', new TextEncoder().encode(body), { maxResponseBytes: 1 << 24 }).body)));
    expect(Math.max(...expected.flat().map((b) => b.length))).toBeGreaterThan(150_000);
    // Two rounds: the second finds buffers the first gave back.
    for (let round = 0; round < 2; round++) {
        const answers = await Promise.all(clients.map((bodies, c) => pipelined(server.port, bodies, 100 + 200 * c)));
        answers.forEach((got, c) => got.forEach((body, r) => expect(body.equals(expected[c][r]), `client ${c} request ${r}`).toBe(true)));
    }
}, 60000);
