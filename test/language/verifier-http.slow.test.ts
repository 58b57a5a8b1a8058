// The reference servers' answers to raw requests, byte for byte (test/fixtures/verifier-http/,
// written by scripts/verifier-http/make_fixtures.py; the rules are in docs/verifier-http.md):
// status line, every header but uvicorn's date and server (whose names and order must still
// match), body, and whether the connection is closed after it. One test per fixture record.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readJson } from '../helpers/fixtures.js';
import { sendRaw } from '../helpers/raw-http.js';
import { startServe, type ServeProcess } from '../helpers/serve-process.js';

interface HttpCase {
    category: string; label: string; request?: string; requestBase64?: string;
    status: number; headers: string[]; body?: string; bodyBase64?: string; closed: boolean;
}
const cases = readJson<HttpCase[]>('verifier-http/cases.json');
const categories = [...new Set(cases.map((c) => c.category))];

let server: ServeProcess;
beforeAll(async () => { server = await startServe(['--workers', '1']); }, 30000);
afterAll(async () => { await server?.stop(); });

test('every category of the issue has fixtures', () => {
    expect(categories).toEqual(expect.arrayContaining([
        'json_decode', 'nan_infinity', 'encodings', 'invalid_utf8', 'empty_null', 'float_echo', 'model_attributes_type', 'bool_type',
        'content_type', 'trailing_slash', 'method_not_allowed', 'percent_paths', 'big_headers', 'deep_nesting', 'surrogates', 'protocol', 'test_program',
    ]));
});

describe.each(categories)('%s', (category) => {
    test.each(cases.filter((c) => c.category === category).map((c) => [c.label, c] as const))('%s', async (_label, c) => {
        const request = c.request !== undefined ? Buffer.from(c.request, 'utf8') : Buffer.from(c.requestBase64!, 'base64');
        // Where the reference closes, wait for the close (it ends the wait), not only 30 ms: on a busy machine it came later.
        const response = await sendRaw(server.port, request, { head: request.subarray(0, 5).toString() === 'HEAD ', closeWithinMs: c.closed ? 5000 : 30 });
        expect(response.status).toBe(c.status);
        // uvicorn's headers come first: date (the time) and server (it says uvicorn, we say delta).
        expect(response.headers[0]).toMatch(/^date: \w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
        expect(response.headers[1]).toBe('server: delta');
        expect(response.headers.slice(2)).toEqual(c.headers);
        const body = c.body !== undefined ? Buffer.from(c.body, 'utf8') : Buffer.from(c.bodyBase64!, 'base64');
        expect(response.body.toString('latin1')).toBe(body.toString('latin1'));
        if (c.closed) expect(response.closed).toBe(true);
    });
});

describe('Expect: 100-continue', () => {
    test('a route that reads the body gets `100 Continue` first, as uvicorn writes it when FastAPI reads the body', async () => {
        const body = '{"dsl": "START s:\\n    NEXT e\\nEND e", "test_cases": []}';
        const request = `POST /test_solution HTTP/1.1\r\nHost: verifier.test\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
        const response = await sendRaw(server.port, request);
        // The raw reader stops at the interim answer: it is the first thing on the wire.
        expect(response.status).toBe(100);
        expect(response.headers).toEqual([]);
    });
});

describe('no Host header', () => {
    test('a redirect names the socket\'s local address, as Starlette\'s URL does from the ASGI server address', async () => {
        const response = await sendRaw(server.port, 'GET /health/ HTTP/1.1\r\n\r\n');
        expect(response.status).toBe(307);
        expect(response.headers.slice(2)).toEqual(['content-length: 0', `location: http://127.0.0.1:${server.port}/health`]);
    });
});
