// POST /test_program runs model Python through the sandboxed runner (language/bouncingsim/python)
// with the reference's result shape: 1/0 per test and the assert's seconds or -1.0, in order.
// Needs python3 and bubblewrap (installed by .ci/run). Also the restricted pickle reader.
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readPickle, PickleUnsupported } from '../../language/python/pickle-read.js';
import { readJsonLines } from '../helpers/fixtures.js';
import { sendRaw } from '../helpers/raw-http.js';
import { startServe, type ServeProcess } from '../helpers/serve-process.js';

let server: ServeProcess;
beforeAll(async () => { server = await startServe(['--workers', '1']); }, 30000);
afterAll(async () => { await server?.stop(); });

const call = async (path: string, body: unknown) => {
    const res = await fetch(`http://127.0.0.1:${server.port}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, text: await res.text() };
};

interface Row { ground_truth: string[]; timestamps: number[] }
const row = readJsonLines<Row>('bouncingsim/rows/dataset_sample_basic.jsonl')[0];
/** A "model answer" that knows the ground truth: every assert of the row passes. */
const oracle = `TRUTH = {${row.ground_truth.map((a, i) => `${row.timestamps[i].toFixed(2)}: ${/predict_position\([^)]*\), (\[\[.*\]\])\)/.exec(a)![1]}`).join(', ')}}\ndef predict_position(t):\n    return TRUTH[round(t, 2)]\n`;

describe('/test_program', () => {
    test('a dataset row: every assert passes, runtimes are the asserts\' seconds', async () => {
        const res = await call('/test_program', { program: oracle, tests: row.ground_truth, max_execution_time: 5 });
        expect(res.status).toBe(200);
        const body = JSON.parse(res.text) as { results: number[]; runtimes: number[] };
        expect(Object.keys(body)).toEqual(['results', 'runtimes']);
        expect(body.results).toEqual(row.ground_truth.map(() => 1));
        for (const r of body.runtimes) expect(r).toBeGreaterThanOrEqual(0);
        expect(res.text).toMatch(/^\{"results":\[(1,)*1\],"runtimes":\[[-0-9.e,]+\]\}$/);
    }, 60000);

    test('failing, non-string and timed-out tests are 0 with -1.0, in request order; a JSON-string list works too', async () => {
        const program = 'def predict_position(t):\n    if t > 1:\n        while True: pass\n    return [[0.0, 0.0]]\n';
        const tests = JSON.stringify(['assert check_distance(predict_position(0.5), [[0, 0]]) <= 50.0', 'assert check_distance(predict_position(0.5), [[500, 0]]) <= 50.0', 'assert check_distance(predict_position(2.0), [[0, 0]]) <= 50.0']);
        const res = await call('/test_program', { program, tests, max_execution_time: 1 });
        const body = JSON.parse(res.text) as { results: number[]; runtimes: number[] };
        expect(body.results).toEqual([1, 0, 0]);
        expect(body.runtimes[0]).toBeGreaterThanOrEqual(0);
        expect(res.text).toMatch(/,-1\.0,-1\.0\]\}$/);
        const mixed = await call('/test_program', { program, tests: ['assert True', 5, null], max_execution_time: 1 });
        expect(JSON.parse(mixed.text).results).toEqual([1, 0, 0]);
        expect(mixed.text).toMatch(/,-1\.0,-1\.0\]\}$/);
    }, 60000);

    test('base64(zlib(pickle)) tests are read without unpickling anything else', async () => {
        // pickle.dumps(['assert 1 == 1', 'assert 1 == 2'], protocol=4)
        const pickled = Buffer.from('gASVJQAAAAAAAABdlCiMDWFzc2VydCAxID09IDGUjA1hc3NlcnQgMSA9PSAylGUu', 'base64');
        expect(readPickle(pickled)).toEqual(['assert 1 == 1', 'assert 1 == 2']);
        const res = await call('/test_program', { program: 'x = 1', tests: deflateSync(pickled).toString('base64') });
        expect(JSON.parse(res.text).results).toEqual([1, 0]);
        // pickle.dumps(os.system) would import and call: refused with a clear 500, never run.
        const evil = Buffer.from('gASVFAAAAAAAAACMBXBvc2l4lIwGc3lzdGVtlJOULg==', 'base64');
        expect(() => readPickle(evil)).toThrow(PickleUnsupported);
        const refused = await call('/test_program', { program: 'x = 1', tests: deflateSync(evil).toString('base64') });
        expect(refused.status).toBe(500);
        expect(JSON.parse(refused.text).detail).toMatch(/STACK_GLOBAL, which delta serve does not unpickle/);
    }, 60000);
});

describe('/test_program time budget', () => {
    test('is at least 60 s however the target names the route (absolute form, percent-encoded)', async () => {
        const short = await startServe(['--workers', '1', '--timeout', '1']);
        try {
            const body = JSON.stringify({ program: 'import time\n', tests: ['time.sleep(1.5)'], max_execution_time: 5 });
            for (const target of [`http://127.0.0.1:${short.port}/test_program`, '/%74est_program']) {
                const request = `POST ${target} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`;
                const response = await sendRaw(short.port, request, { timeoutMs: 30000 });
                expect(response.status).toBe(200);
                expect(response.body.toString()).toMatch(/^\{"results":\[1\],"runtimes":\[1\.\d+\]\}$/);
            }
        } finally {
            await short.stop();
        }
    }, 60000);
});

describe('readPickle', () => {
    test('protocols 0 and 2 of a list of str', () => {
        expect(readPickle(Buffer.from('(lp0\nVa\np1\na.', 'latin1'))).toEqual(['a']);
        expect(readPickle(Buffer.from('\x80\x02]q\x00X\x01\x00\x00\x00aq\x01a.', 'latin1'))).toEqual(['a']);
    });

    test('a str that starts with U+FEFF keeps it, as Python decodes UTF-8', () => {
        // pickle.dumps(['\ufeffassert 1'], protocol=4)
        const pickled = Buffer.from('\x80\x04\x95\x12\x00\x00\x00\x00\x00\x00\x00]\x94\x8c\x0b\xef\xbb\xbfassert 1\x94a.', 'latin1');
        expect(readPickle(pickled)).toEqual(['\ufeffassert 1']);
    });
});
