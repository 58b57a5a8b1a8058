// The block path's lazy response (readers/row-parse.ts parseBytesLazy, dataset/scoring/extract.ts
// extractDslProgramFromEscaped): a row parsed with its `response` string left in the line's bytes
// must be JSON.parse of the line once the decoded response is put back, and the extraction made on
// the escaped text must be extractDslProgramWithNotes of the decoded response, notes included.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
// @ts-expect-error: a plain .mjs script shared with the bench
import { generateRollouts } from '../../scripts/bench/gen-rollouts.mjs';
import { extractDslProgramFromEscaped, extractDslProgramOnlyFromEscaped, extractDslProgramWithNotes } from '../../language/dataset/scoring/extract.js';
import { lineText } from '../../language/rollouts/readers/lines.js';
import { RESPONSE_SENTINEL, RowParser } from '../../language/rollouts/readers/row-parse.js';
import { applyByteEdits } from '../helpers/byte-edits.js';

const CASES = Array.from({ length: 20 }, (_, i) => ({ input: 'RB'.repeat(i), expected_output: '', expected_accepted: i % 3 === 0, check_output: false, description: `test ${i}` }));
const LABEL = JSON.stringify(CASES);

/** The row parseBytesLazy gives (the response put back), or parse of the decoded line when it gives none; or the error. */
function lazyOutcome(parser: RowParser, bytes: Uint8Array, counts: { lazy: number; extracted: number }): { value: unknown } | { error: string } {
    const text = lineText(bytes, 2);
    try {
        const got = parser.parseBytesLazy(bytes, true);
        if (!got) return { value: parser.parse(text) };
        const row = got.row as Record<string, unknown>;
        if (got.response) {
            counts.lazy++;
            if (row.response !== RESPONSE_SENTINEL) expect(row.response).toBe(RESPONSE_SENTINEL);
            const response = got.response.decode(0, got.response.raw.length);
            row.response = response;
            const extraction = extractDslProgramFromEscaped(got.response);
            // The program alone (the summary's extraction) is the decoded response's, whatever its tag.
            const program = extractDslProgramOnlyFromEscaped(got.response);
            if (program !== extractDslProgramWithNotes(response).program) expect({ response, program }).toEqual({ response, program: extractDslProgramWithNotes(response).program });
            if (extraction) {
                counts.extracted++;
                const expected = extractDslProgramWithNotes(response);
                if (!isDeepStrictEqual(extraction, expected)) expect({ response, extraction }).toEqual({ response, extraction: expected });
            }
        }
        return { value: row };
    } catch (error) {
        return { error: `${(error as Error).name}: ${(error as Error).message}` };
    }
}

function theirs(bytes: Uint8Array): { value: unknown } | { error: string } {
    try {
        return { value: JSON.parse(lineText(bytes, 2)) };
    } catch (error) {
        return { error: `${(error as Error).name}: ${(error as Error).message}` };
    }
}

function expectSame(parser: RowParser, bytes: Uint8Array, counts = { lazy: 0, extracted: 0 }): void {
    const ours = lazyOutcome(parser, bytes, counts);
    const expected = theirs(bytes);
    if (!isDeepStrictEqual(ours, expected)) expect({ bytes: Buffer.from(bytes).toString('hex'), ours }).toEqual({ bytes: Buffer.from(bytes).toString('hex'), ours: expected });
}

const row = (response: string, label = LABEL) => Buffer.from(`{"id":"p1","step":3,"response":${JSON.stringify(response)},"ground_truth":${label},"finish_reason":"stop"}`);

/** Pieces responses are made of: fences, tags, escapes, non-ASCII (spaces Python strips, BOM, emoji), feedback turns. */
const PIECES = [
    '```', '`', '``', '````', 'manufactoria', 'manufactori', 'python', '\n', '\r\n', '\t', ' ', '\\', '"', '/', '\b', '\f', '\u0001', '\u007f',
    'é', '😀', '\u00a0', '\u3000', '\u2028', '\ufeff', '\u0085', '\ud800', 'START start:\n    NEXT end\nEND end', 'x', 'END end',
    '--- Test Results ---', '--- End Results ---', '\u0060', 'a'.repeat(70),
];

describe('lazy response (parseBytesLazy + extractDslProgramFromEscaped)', () => {
    test('generated rollouts: JSON.parse\'s rows and extractDslProgramWithNotes\' extractions, nearly all without decoding the response', () => {
        const parser = new RowParser();
        const counts = { lazy: 0, extracted: 0 };
        const lines = (generateRollouts(3000, 13) as unknown[]).map((r) => Buffer.from(JSON.stringify(r)));
        for (const line of lines) expectSame(parser, line, counts);
        expect(counts.lazy).toBeGreaterThan(2900);
        expect(counts.extracted).toBeGreaterThan(2900);
    });

    test('crafted responses: escapes, tags, non-ASCII around and inside the fences', () => {
        const parser = new RowParser();
        const counts = { lazy: 0, extracted: 0 };
        const responses = [
            'no fence at all\n\\ "quoted"',
            '```manufactoria\nSTART start:\n    NEXT end\nEND end\n```',
            '```\\b\\n```', '```\b\n```', '```"tag"/x\\y\n  body  \n```', '```\fbody```', '```\tbody```', '``` body```',
            `\`\`\`${'t'.repeat(80)}\nbody\n\`\`\``, `\`\`\`${'t'.repeat(60)} body\`\`\``, '```é\nbody```', '```x😀\nbody```',
            '\u00a0```manufactoria\n\u3000 START \u00a0\n```\u3000', '```\ufeffSTART\ufeff```', 'é😀\n```\nSTART\n```\n```\nEND', '`````x````', '```manufactoria```',
            '--- Test Results ---\n❌ x\n--- End Results ---\n```manufactoria\r\nSTART start:\r\n    NEXT end\r\nEND end\r\n```',
            'a \u0060\u0060\u0060 b', '\ud800 ```x```', '```\u2028\u0085 body \u0085```',
        ];
        for (const response of responses) {
            expectSame(parser, row(response), counts);
            expectSame(parser, row(response), counts);
        }
        // Decoded: the responses with a `\u` escape (JSON.stringify writes one for U+0001-U+001F but
        // \b \t \n \f \r, and for lone surrogates); an escaped backslash followed by any character is
        // read lazily (the scan pairs backslashes).
        expect(counts.lazy).toBe(2 * responses.filter((r) => !/[\u0000-\u0007\u000b\u000e-\u001f\ud800]/.test(r)).length);
    });

    test('random responses made of fences, escapes and non-ASCII pieces', () => {
        const parser = new RowParser();
        const counts = { lazy: 0, extracted: 0 };
        fc.assert(
            fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }), (pieces) => {
                expectSame(parser, row(pieces.join('')), counts);
            }),
            { numRuns: 4000, seed: 10 },
        );
        expect(counts.extracted).toBeGreaterThan(1500);
    });

    test('random byte edits around the response give what JSON.parse of the decoded line gives', () => {
        const parser = new RowParser();
        const base = row('prose é\n```manufactoria\nSTART start:\n    NEXT end\nEND end\n```\n');
        expectSame(parser, base);
        const at = base.indexOf('"response":');
        const end = base.indexOf('","ground_truth"') + 1;
        const pieces = [[0xef, 0xbb, 0xbf], [0xff], [0xc3], [0xa9], [0x22], [0x5c], [0x7d], [0x2c], [0x20], [0x00], [0x01], [0x60], Buffer.from('\\u0002'), Buffer.from('\\u0060'), Buffer.from('\\n'), Buffer.from('"response":'), Buffer.from('```')];
        fc.assert(
            fc.property(
                fc.array(fc.record({ at: fc.oneof(fc.integer({ min: 0, max: base.length }), fc.integer({ min: at - 4, max: end + 4 }), fc.integer({ min: end - 6, max: end + 6 })), cut: fc.integer({ min: 0, max: 2 }), put: fc.constantFrom(...pieces) }), { minLength: 1, maxLength: 3 }),
                (edits) => {
                    expectSame(parser, applyByteEdits(base, edits));
                },
            ),
            { numRuns: 3000, seed: 8 },
        );
    });

    test('a duplicate or nested response key is not taken for the row\'s response', () => {
        const parser = new RowParser();
        const tricky = [
            `{"response":"a","response":"b","ground_truth":${LABEL}}`,
            `{"meta":{"response":"a"},"response":"b"}`,
            `{"meta":{"response":"a"}}`,
            `{"response":"a","x":"\\u0002"}`,
            `{"response":"\\u0002"}`,
            `{"x\\"response":"a"}`,
            `{"response":"a"`,
            `{"response":"a\tb"}`,
            `{"response":"a\\x"}`,
            `{"response" : "a"}`,
            `["response":"a"]`,
        ];
        for (const line of tricky) expectSame(parser, Buffer.from(line));
    });

    test('labels before and after the response, nested label keys, in any order of rows: JSON.parse\'s rows, the known label found', () => {
        const parser = new RowParser();
        const response = JSON.stringify('```manufactoria\nSTART s:\n    NEXT end\nEND end\n```');
        const shapes = [
            `{"id":"a","response":${response},"ground_truth":${LABEL}}`,
            `{"id":"b","ground_truth":${LABEL},"response":${response}}`,
            `{"meta":{"ground_truth":${LABEL}},"response":${response},"ground_truth":${LABEL}}`,
            `{"ground_truth":${LABEL},"response":${response},"meta":{"ground_truth":${LABEL}}}`,
            `{"response":${response},"meta":{"ground_truth":${LABEL}},"ground_truth":${LABEL}}`,
        ];
        const order = [0, 1, 0, 0, 1, 1, 2, 3, 4, 2, 0, 3, 1, 4, 4, 0];
        let plain = 0;
        for (const i of order) {
            const counts = { lazy: 0, extracted: 0 };
            expectSame(parser, Buffer.from(shapes[i]), counts);
            // A row with one label key is read lazily wherever its label is (a nested key may send it to the full parse).
            if (i < 2) expect(counts.lazy).toBe(1);
            if (i < 2) plain++;
        }
        // Past the first row (which teaches it the label) the label is not parsed again.
        expect(parser.hits).toBeGreaterThanOrEqual(plain - 1);
    });

    test('a label right after the response, or further on: found either way, each row JSON.parse\'s', () => {
        const parser = new RowParser();
        const response = JSON.stringify('```manufactoria\nSTART s:\n    NEXT end\nEND end\n```');
        // The first row teaches the parser the label.
        expectSame(parser, Buffer.from(`{"id":"t","response":${response},"ground_truth":${LABEL}}`));
        const rows = [
            `{"id":"a","response":${response},"ground_truth":${LABEL}}`,
            `{"id":"b","response":${response} , "ground_truth":${LABEL}}`,
            `{"id":"c","response":${response}\t,\r\n "ground_truth": ${LABEL},"x":1}`,
            `{"id":"d","response":${response},"step":3,"ground_truth":${LABEL}}`,
            `{"id":"e","response":${response},"ground_truth_x":1,"ground_truth":${LABEL}}`,
            `{"id":"f","response":${response},"ground_truth":${LABEL}}`,
        ];
        for (const row of rows) {
            const before = parser.hits;
            const counts = { lazy: 0, extracted: 0 };
            expectSame(parser, Buffer.from(row), counts);
            expect(counts.lazy, row.slice(0, 12)).toBe(1);
            expect(parser.hits - before, row.slice(0, 12)).toBe(1);
        }
    });
});
