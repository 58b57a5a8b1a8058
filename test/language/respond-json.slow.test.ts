// The direct serializer must be byte-identical to JSON.stringify of the response object.
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { binaryString } from '../helpers/binary-string.js';
import { describe, expect, test } from 'vitest';
import { checkRequest } from '../../language/verifier/request.js';
import { respond } from '../../language/verifier/respond.js';
import { ByteSink } from '../../language/verifier/byte-sink.js';
import { respondJson } from '../../language/verifier/respond-json.js';
import { readJson } from '../helpers/fixtures.js';

describe('respondJson', () => {
    const fixtureBodies = readJson<Array<{ request: unknown; status: number }>>('manufactoria/api_cases.json')
        .filter((c) => c.status === 200 && c.request !== null).map((c) => c.request);
    const generated = execFileSync(process.execPath, ['scripts/bench/gen-requests.mjs', '--count', '300', '--seed', '7'], { encoding: 'utf8' })
        .trim().split('\n').map((l) => JSON.parse(l) as unknown);
    const unicode = { dsl: 'START start:\n    NEXT café\nPAINTER_RED café:\n    NEXT end\nEND end', test_cases: [{ input: 'é"\\\n\u2028😀', description: 'ü' }] };
    // A painter loop grows the final tape to hundreds of symbols: after a plain input, and after one that needs escapes.
    const loop = 'START start:\n    NEXT p\nPAINTER_RED p:\n    NEXT p\nEND end';
    const long = { dsl: loop, test_cases: [{ input: 'RB'.repeat(40) }, { input: 'é"\\\u0001' }, { input: 'x'.repeat(33), expected_output: 'R"'.repeat(20) }] };
    test.each([...fixtureBodies, ...generated, unicode, long].map((b, i) => [i, b] as const))('request %i', (_i, body) => {
        const checked = checkRequest(body);
        if (!checked.ok) throw new Error('fixture request should validate');
        expect(respondJson(checked.request)).toBe(JSON.stringify(respond(checked.request)));
    });
});

describe('unexpected errors', () => {
    test('a regex that trips the CPython SystemError answers like the reference catch-all, in both serializers', () => {
        const checked = checkRequest({ dsl: 'START start:\n    NEXT end\nEND end', test_cases: [{ input: 'BYx', expected_output: '((B)Y|\\w){2}+' }] });
        if (!checked.ok) throw new Error('request should validate');
        const body = respond(checked.request);
        expect(body).toMatchObject({ valid: false, all_passed: false, results: [] });
        expect((body as { message: string }).message).toMatch(/^Unexpected error: /);
        expect(respondJson(checked.request)).toBe(JSON.stringify(body));
    });
    // Answers recorded from the lean Python verifier (scripts/bench/lean_verifier.py, python3 3.11): Python
    // raises OverflowError / ValueError, not re.error, so the pass rule does not fall back to text.
    test.each([
        ['(?a)(?u)R', 'Unexpected error: ASCII and UNICODE flags are incompatible'],
        ['(R){4294967295}', 'Unexpected error: the repetition number is too large'],
    ])('an expected output %j that Python refuses outside re.error answers %j, in both serializers', (pattern, message) => {
        const checked = checkRequest({ dsl: 'START start:\n    NEXT end\nEND end', test_cases: [{ input: 'R', expected_output: pattern }] });
        if (!checked.ok) throw new Error('request should validate');
        const body = respond(checked.request);
        expect(body).toEqual({ valid: false, all_passed: false, message, results: [] });
        expect(respondJson(checked.request)).toBe(JSON.stringify(body));
    });
});

describe('Python recursion limit', () => {
    // Measured against the reference's endpoint shape (an async FastAPI handler calling re.fullmatch)
    // under uvicorn: 479 nested groups compile, 480 raise RecursionError past the pass rule.
    test.each([
        [479, { valid: true, all_passed: true }],
        [480, { valid: false, all_passed: false, message: 'Unexpected error: maximum recursion depth exceeded', results: [] }],
        [100_000, { valid: false, all_passed: false, message: 'Unexpected error: maximum recursion depth exceeded', results: [] }],
    ])('an expected output nested %i groups deep answers %j, in both serializers', (depth, expected) => {
        const pattern = `${'('.repeat(depth)}R${')'.repeat(depth)}`;
        const checked = checkRequest({ dsl: 'START start:\n    NEXT end\nEND end', test_cases: [{ input: 'R', expected_output: pattern }] });
        if (!checked.ok) throw new Error('request should validate');
        const body = respond(checked.request);
        expect(body).toMatchObject(expected);
        expect(respondJson(checked.request)).toBe(JSON.stringify(body));
    });
});

describe('ByteSink.jsonString', () => {
    test('writes what JSON.stringify writes, for any string (escapes, non-ASCII, lone surrogates)', () => {
        const text = fc.oneof(fc.string(), binaryString(), fc.string({ unit: fc.constantFrom('R', 'B', '"', '\\', '\u007f', '\u001f', '\ud800', 'é') }));
        fc.assert(fc.property(fc.array(text, { maxLength: 4 }), (texts) => {
            const sink = new ByteSink(8);
            for (const t of texts) sink.jsonString(t);
            expect(sink.toString()).toBe(texts.map((t) => JSON.stringify(t)).join(''));
        }), { numRuns: 2000, seed: 3 });
    });
});
