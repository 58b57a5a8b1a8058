// delta serve answers cheap /test_solution requests on its HTTP thread (quickAnswerTestSolution)
// and the rest on a verdict thread (answerTestSolution): the two must give the same bytes, and the
// quick path must decline exactly what it cannot bound (docs/verifier-http.md).
import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { BufferShelf, ByteSink, SinkLimitError } from '../../language/verifier/byte-sink.js';
import { answerTestSolution, QUICK_LIMITS, quickAnswerTestSolution } from '../../language/verifier/test-solution.js';
import { readJson } from '../helpers/fixtures.js';

const limits = { maxResponseBytes: 16 * 1024 * 1024 };
const utf8 = (text: string) => new TextEncoder().encode(text);
const generated = execFileSync(process.execPath, ['scripts/bench/gen-requests.mjs', '--count', '300', '--seed', '31'], { encoding: 'utf8' }).trim().split('\n');
const apiCases = readJson<Array<{ path: string; request: unknown }>>('manufactoria/api_cases.json').filter((c) => c.path === '/test_solution' && c.request !== null);
const ACCEPT = 'START start:\n    NEXT end\nEND end';

describe('the HTTP-thread answer', () => {
    test('equals the verdict thread\'s answer byte for byte wherever it answers', () => {
        let quick = 0;
        for (const text of [...generated, ...apiCases.map((c) => JSON.stringify(c.request))]) {
            const body = utf8(text);
            const answer = quickAnswerTestSolution('application/json', body, limits);
            if (!answer) continue;
            quick++;
            const reference = answerTestSolution('application/json', body, limits);
            expect(answer.status).toBe(reference.status);
            expect(answer.headers).toEqual(reference.headers);
            expect(Buffer.from(answer.body).toString('latin1')).toBe(Buffer.from(reference.body).toString('latin1'));
        }
        expect(quick).toBeGreaterThan(30);
    });

    test('declines regex pass rules (their matching cannot be stopped on this thread), but not regex text that is never matched', () => {
        const regex = { dsl: ACCEPT, test_cases: [{ input: 'RR', expected_output: '(R+)+B' }] };
        expect(quickAnswerTestSolution('application/json', utf8(JSON.stringify(regex)), limits)).toBeUndefined();
        const unchecked = { dsl: ACCEPT, test_cases: [{ input: 'RR', expected_output: '(R+)+B', check_output: false }] };
        expect(quickAnswerTestSolution('application/json', utf8(JSON.stringify(unchecked)), limits)?.status).toBe(200);
    });

    test('declines large bodies, long programs, large answers and bodies that need the Python-exact decoder', () => {
        const padded = { dsl: ACCEPT, test_cases: [{ input: 'R' }], pad: 'x'.repeat(QUICK_LIMITS.bodyBytes) };
        expect(quickAnswerTestSolution('application/json', utf8(JSON.stringify(padded)), limits)).toBeUndefined();
        const long = { dsl: `${'# comment\n'.repeat(QUICK_LIMITS.dslChars / 10)}${ACCEPT}`, test_cases: [{ input: 'R' }] };
        expect(quickAnswerTestSolution('application/json', utf8(JSON.stringify(long)), limits)).toBeUndefined();
        // 1000-step paths of a 200-character id: about 200 KB per test, past the quick answer bound at 20 tests.
        const id = 'n'.repeat(200);
        const loop = `START start:\n    NEXT ${id}\nPULLER_RB ${id}:\n    [EMPTY] ${id}\nEND end`;
        const big = { dsl: loop, test_cases: Array.from({ length: 20 }, () => ({ input: '' })) };
        expect(quickAnswerTestSolution('application/json', utf8(JSON.stringify(big)), limits)).toBeUndefined();
        expect(answerTestSolution('application/json', utf8(JSON.stringify(big)), limits).status).toBe(200);
        expect(quickAnswerTestSolution('application/json', utf8(JSON.stringify({ ...big, test_cases: big.test_cases.slice(0, 2) })), limits)?.status).toBe(200);
        expect(quickAnswerTestSolution('application/json', utf8('{"dsl": NaN, "test_cases": []}'), limits)).toBeUndefined();
        expect(quickAnswerTestSolution('text/plain', utf8(JSON.stringify({ dsl: ACCEPT, test_cases: [] })), limits)).toBeUndefined();
    });
});

describe('answers written into recycled buffers (BufferShelf)', () => {
    test('give the same bytes as fresh buffers, whatever longer answer the buffer held before', () => {
        const shelf = new BufferShelf(1);
        let recycled = 0;
        // One buffer on the shelf, passed from answer to answer: long and short answers alternate.
        for (const text of generated) {
            const body = utf8(text);
            const answer = quickAnswerTestSolution('application/json', body, limits, shelf);
            if (!answer) continue;
            const fresh = quickAnswerTestSolution('application/json', body, limits)!;
            expect(answer.headers).toEqual(fresh.headers);
            expect(Buffer.from(answer.body).equals(Buffer.from(fresh.body))).toBe(true);
            if (answer.status !== 200) continue;
            expect(answer.recycle).toBe(answer.body.buffer);
            expect(fresh.recycle).toBeUndefined();
            if (shelf.size === 0) recycled++;
            shelf.give(answer.recycle!);
        }
        expect(recycled).toBeGreaterThan(40);
    });

    test('a recycled buffer larger than the limit does not raise the limit', () => {
        const sink = new ByteSink(new ArrayBuffer(4096), 100);
        sink.write('x'.repeat(100));
        expect(() => sink.write('y')).toThrow(SinkLimitError);
    });

    test('the shelf keeps a bounded number of bounded buffers', () => {
        const shelf = new BufferShelf(2, 1024);
        shelf.give(new ArrayBuffer(2048));
        expect(shelf.size).toBe(0);
        for (let i = 0; i < 3; i++) shelf.give(new ArrayBuffer(512));
        expect(shelf.size).toBe(2);
        expect(shelf.take()?.byteLength).toBe(512);
        expect(shelf.size).toBe(1);
    });
});


describe('nesting depth of the body (Python recursion limit, language/python/recursion-limit.ts)', () => {
    // Measured with an app of the reference's shape under uvicorn: 964 levels decode (and fail
    // validation), 965 are the decoder's RecursionError, a 400.
    test.each([
        [964, 422],
        [965, 400],
    ])('an array nested %i deep answers %i, on both threads', (depth, status) => {
        const body = utf8('['.repeat(depth) + ']'.repeat(depth));
        expect(answerTestSolution('application/json', body, limits).status).toBe(status);
        const quick = quickAnswerTestSolution('application/json', body, limits);
        if (quick) expect(quick.status).toBe(status);
    });
});
