// Replays every api_cases.json request against our server on loopback (spec §14.3): same status,
// and the body byte-equal to the reference's compact JSON (so key order is checked too).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startVerifierServer, type VerifierServer } from '../../language/verifier/http-server.js';
import { readJson } from '../helpers/fixtures.js';

interface ApiCase { label: string; method: string; path: string; request: unknown; status: number; response: unknown }
const cases = readJson<ApiCase[]>('manufactoria/api_cases.json');

let server: VerifierServer;
beforeAll(async () => { server = await startVerifierServer({ host: '127.0.0.1', port: 0 }); });
afterAll(async () => { await server.close(); });

describe('api_cases.json over HTTP', () => {
    test('has the 14 cases the spec lists', () => expect(cases).toHaveLength(14));
    test.each(cases.map((c) => [c.label, c] as const))('%s', async (_label, c) => {
        const response = await fetch(`http://127.0.0.1:${server.port}${c.path}`, {
            method: c.method,
            headers: c.request === null ? undefined : { 'content-type': 'application/json' },
            body: c.request === null ? undefined : JSON.stringify(c.request),
        });
        expect(response.status).toBe(c.status);
        expect(await response.text()).toBe(JSON.stringify(c.response));
    });
});

describe('HTTP surface beyond the fixtures', () => {
    const post = (body: string) => fetch(`http://127.0.0.1:${server.port}/test_solution`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    test('malformed JSON is a 422 json_invalid, and the server keeps serving', async () => {
        const bad = await post('{"dsl": ');
        expect(bad.status).toBe(422);
        expect(((await bad.json()) as { detail: Array<{ type: string }> }).detail[0].type).toBe('json_invalid');
        expect((await fetch(`http://127.0.0.1:${server.port}/health`)).status).toBe(200);
    });
    test('a non-object body names the body', async () => {
        const res = await post('[1, 2]');
        expect(res.status).toBe(422);
        expect(await res.json()).toEqual({ detail: [{ type: 'model_attributes_type', loc: ['body'], msg: 'Input should be a valid dictionary or object to extract fields from', input: [1, 2] }] });
    });
    test('a text/plain body (the fetch default for a string) is not decoded, as in FastAPI', async () => {
        const res = await fetch(`http://127.0.0.1:${server.port}/test_solution`, { method: 'POST', body: '{}' });
        expect(res.status).toBe(422);
        expect(await res.json()).toEqual({ detail: [{ type: 'model_attributes_type', loc: ['body'], msg: 'Input should be a valid dictionary or object to extract fields from', input: '{}' }] });
    });
    test('unknown paths and methods answer like FastAPI', async () => {
        expect((await fetch(`http://127.0.0.1:${server.port}/nope`)).status).toBe(404);
        expect((await fetch(`http://127.0.0.1:${server.port}/test_solution`)).status).toBe(405);
    });
});
