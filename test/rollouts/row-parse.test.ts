// readers/row-parse.ts RowParser must be JSON.parse exactly: the same value for every line and the
// same error for every bad one, while parsing a label seen before only once (its fast path).
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
// @ts-expect-error: a plain .mjs script shared with the bench
import { generateRollouts } from '../../scripts/bench/gen-rollouts.mjs';
import { lineText } from '../../language/rollouts/readers/lines.js';
import { RowParser } from '../../language/rollouts/readers/row-parse.js';
import { applyByteEdits } from '../helpers/byte-edits.js';

/** What JSON.parse makes of a line: its value, or its error message. */
function outcome(parse: (text: string) => unknown, text: string): { value: unknown } | { error: string } {
    try {
        return { value: parse(text) };
    } catch (error) {
        return { error: `${(error as Error).name}: ${(error as Error).message}` };
    }
}

function expectSame(parser: RowParser, text: string): void {
    const ours = outcome((t) => parser.parse(t), text);
    const theirs = outcome(JSON.parse, text);
    if (!isDeepStrictEqual(ours, theirs)) expect({ text, ours }).toEqual({ text, theirs });
}

/** parseBytes (falling back to parse of the decoded line, as block.ts does) against JSON.parse of the decoded line. */
function expectSameBytes(parser: RowParser, bytes: Uint8Array): void {
    const text = lineText(bytes, 2);
    const ours = outcome(() => parser.parseBytes(bytes) ?? parser.parse(text), text);
    const theirs = outcome(JSON.parse, text);
    if (!isDeepStrictEqual(ours, theirs)) expect({ bytes: Buffer.from(bytes).toString('hex'), ours }).toEqual({ bytes: Buffer.from(bytes).toString('hex'), theirs });
}

const CASES = Array.from({ length: 20 }, (_, i) => ({ input: 'RB'.repeat(i), expected_output: '', expected_accepted: i % 3 === 0, check_output: false, description: `test ${i}` }));
const LABEL = JSON.stringify(CASES);
const OTHER = JSON.stringify(CASES.map((c) => ({ ...c, expected_accepted: !c.expected_accepted })));

describe('RowParser', () => {
    test('generated rollouts: the same rows as JSON.parse, most labels through the fast path', () => {
        const parser = new RowParser();
        const lines = (generateRollouts(3000, 11) as unknown[]).map((r) => JSON.stringify(r));
        for (const line of lines) expectSame(parser, line);
        expect(parser.hits).toBeGreaterThan(2000);
    });

    test('labels written by Python (": " and ", " separators) and as JSON strings', () => {
        const python = (label: string) => label.replace(/,"/g, ', "').replace(/":/g, '": ');
        const spaced = new RowParser();
        const strings = new RowParser();
        for (let i = 0; i < 5; i++) {
            expectSame(spaced, `{"response": "r${i}", "ground_truth": ${python(LABEL)}, "id": "a"}`);
            expectSame(strings, `{"response":"r${i}","gts":${JSON.stringify(LABEL)}}`);
        }
        expect(spaced.hits).toBe(4);
        expect(strings.hits).toBe(4);
    });

    test('a known label that is not the row\'s label, or is overridden, is not taken for it', () => {
        const parser = new RowParser();
        expectSame(parser, `{"response":"x","ground_truth":${LABEL}}`);
        const tricky = [
            // nested first, the real one later
            `{"meta":{"ground_truth":${LABEL}},"ground_truth":${OTHER}}`,
            `{"meta":{"ground_truth":${LABEL}},"ground_truth":null}`,
            // a duplicate key: the last one counts
            `{"ground_truth":${LABEL},"ground_truth":${OTHER}}`,
            `{"ground_truth":${LABEL},"ground_truth":"\\u0001"}`,
            `{"ground_truth":${OTHER},"ground_truth":${LABEL}}`,
            // the label's text inside a string
            `{"response":"\\"ground_truth\\":${LABEL.replace(/"/g, '\\"')}","ground_truth":${OTHER}}`,
            `{"response":"\\\\","ground_truth":${LABEL}}`,
            // the sentinel's spelling already in the row
            `{"response":"\\u0001","ground_truth":${LABEL}}`,
            `{"ground_truth":${LABEL},"x":"\\u0001"}`,
            // what follows the label breaks the row, in ways a number in its place would not
            `{"ground_truth":${LABEL}.5}`,
            `{"ground_truth":${LABEL}e5}`,
            `{"ground_truth":${LABEL}0}`,
            `{"ground_truth":${LABEL}`,
            `{"ground_truth":${LABEL}]`,
            `{"ground_truth":${LABEL}}}`,
            `{"ground_truth":${LABEL}}x`,
            `{"ground_truth":${LABEL} , }`,
            `{"ground_truth" :${LABEL}}`,
            `[{"ground_truth":${LABEL}}]`,
            `{"ground_truth":\n\t ${LABEL}\r\n}`,
            `"ground_truth":${LABEL}`,
            `{"ground_truth":${LABEL},"__proto__":{"a":1}}`,
        ];
        for (const line of tricky) expectSame(parser, line);
        const fromBytes = new RowParser();
        expectSameBytes(fromBytes, Buffer.from(`{"response":"x","ground_truth":${LABEL}}`));
        for (const line of tricky) expectSameBytes(fromBytes, Buffer.from(line));
    });

    test('from bytes: generated rows, crafted rows and random byte edits (bad UTF-8, BOMs) give what JSON.parse of the decoded line gives', () => {
        const parser = new RowParser();
        const lines = (generateRollouts(1500, 12) as unknown[]).map((r) => Buffer.from(JSON.stringify(r)));
        for (const line of lines) expectSameBytes(parser, line);
        expect(parser.hits).toBeGreaterThan(1000);
        const accented = JSON.stringify(CASES.map((c) => ({ ...c, description: `é ${c.description} 😀` })));
        const base = Buffer.from(`{"id":"é","response":"\u00e9 ok","ground_truth":${accented},"x":"ü"}`);
        expectSameBytes(parser, base);
        expectSameBytes(parser, base);
        const labelAt = base.indexOf(Buffer.from(accented));
        const labelEnd = labelAt + Buffer.byteLength(accented);
        const pieces = [[0xef, 0xbb, 0xbf], [0xff], [0xc3], [0xa9], [0xf0, 0x9f], [0x22], [0x5c], [0x5d], [0x7d], [0x2c], [0x20], [0x30], [0x2e], [0x00], [0x01], Buffer.from('\\u0001'), Buffer.from('"ground_truth":'), Buffer.from(accented)];
        fc.assert(
            fc.property(
                fc.array(fc.record({ at: fc.oneof(fc.integer({ min: 0, max: base.length }), fc.integer({ min: labelAt - 8, max: labelAt + 8 }), fc.integer({ min: labelEnd - 8, max: labelEnd + 8 })), cut: fc.integer({ min: 0, max: 2 }), put: fc.constantFrom(...pieces) }), { minLength: 1, maxLength: 3 }),
                (edits) => {
                    expectSameBytes(parser, applyByteEdits(base, edits));
                },
            ),
            { numRuns: 3000, seed: 7 },
        );
    });

    test('from bytes: rows alternating between known labels of one length each take the fast path with their own label', () => {
        const parser = new RowParser();
        const twin = LABEL.replace('test 0', 'TEST 0');
        expect(twin.length).toBe(LABEL.length);
        const row = (label: string, i: number) => `{"id":"p${i}","response":"r","ground_truth":${label},"x":${i}}`;
        expectSame(parser, row(LABEL, 0));
        expectSame(parser, row(twin, 1));
        const before = parser.hits;
        for (let i = 2; i < 12; i++) expectSameBytes(parser, Buffer.from(row(i % 2 ? twin : LABEL, i)));
        expect(parser.hits - before).toBe(10);
    });

    test('random edits of rows around a known label give what JSON.parse gives', () => {
        const parser = new RowParser();
        const base = `{"id":"p1","response":"\`\`\`\\nSTART start:\\n    NEXT end\\nEND end\\n\`\`\`","ground_truth":${LABEL},"finish_reason":"stop"}`;
        expectSame(parser, base);
        const labelAt = base.indexOf(LABEL);
        const pieces = ['"', '\\', ',', ']', '}', '[', '{', ':', ' ', '0', '.', 'e', '\\u0001', '"ground_truth":', LABEL, 'x', '\u0001', '\n'];
        fc.assert(
            fc.property(
                fc.array(fc.record({ at: fc.oneof(fc.integer({ min: 0, max: base.length }), fc.integer({ min: labelAt - 20, max: labelAt + 20 }), fc.integer({ min: labelAt + LABEL.length - 20, max: labelAt + LABEL.length + 20 })), cut: fc.integer({ min: 0, max: 3 }), put: fc.constantFrom(...pieces) }), { minLength: 1, maxLength: 3 }),
                (edits) => {
                    let text = base;
                    for (const { at, cut, put } of edits) {
                        const i = Math.min(Math.max(at, 0), text.length);
                        text = text.slice(0, i) + put + text.slice(i + cut);
                    }
                    expectSame(parser, text);
                },
            ),
            { numRuns: 3000, seed: 42 },
        );
        expect(parser.hits).toBeGreaterThan(100);
    });
});
