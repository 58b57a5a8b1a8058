// Assert strings (spec §7.2, §11.3 item 6): parsing and byte-exact regeneration.
import { describe, expect, it } from 'vitest';
import { AssertFormatError, formatAssert, formatAsserts, parseAssert } from '../../language/bouncingsim/asserts.js';
import { checkDistance } from '../../language/bouncingsim/distance.js';
import { rowAsserts } from '../../language/bouncingsim/row-asserts.js';
import { parseRows } from '../../language/bouncingsim/rows.js';
import { fixtureRows } from './fixtures.js';

describe('parseAssert', () => {
    it('reads function and list asserts', () => {
        expect(parseAssert('assert check_distance(predict_position(0.10), [[775.84, 793.16]]) <= 50.0'))
            .toEqual({ mode: 'function', time: 0.1, expected: [[775.84, 793.16]], tolerance: 50 });
        expect(parseAssert('assert check_distance(predict_position()[14], [[1.0, -2.5], [3.0, 4.0]]) <= 50'))
            .toEqual({ mode: 'list', index: 14, expected: [[1, -2.5], [3, 4]], tolerance: 50 });
    });
    it('rejects other text', () => {
        expect(() => parseAssert('assert predict_position(1) == 2')).toThrow(AssertFormatError);
        expect(() => parseAssert('assert check_distance(predict_position(0.1), [[1, "a"]]) <= 50.0')).toThrow(/not a list of \[x, y\] pairs/);
    });
});

describe('formatAssert', () => {
    it('writes Python reprs and {t:.2f}', () => {
        expect(formatAssert({ mode: 'function', time: 1.5, positions: [[831, 812.1], [-0.5, 3]], tolerance: 50 }))
            .toBe('assert check_distance(predict_position(1.50), [[831.0, 812.1], [-0.5, 3.0]]) <= 50.0');
        expect(formatAssert({ mode: 'list', index: 0, positions: [[732.3, 759.34]], tolerance: 50 }))
            .toBe('assert check_distance(predict_position()[0], [[732.3, 759.34]]) <= 50.0');
    });

    it.each(fixtureRows().map((r) => [r.row.id, r.file, r.row] as const))('%s (%s): regenerated asserts equal the row byte for byte', (_id, _file, row) => {
        const { timestamps, expected, tolerances } = rowAsserts(row);
        expect(timestamps).toEqual(row.timestamps);
        expect(new Set(tolerances)).toEqual(new Set([row.tolerance]));
        expect(formatAsserts(row.prompt_setting, timestamps, expected, row.tolerance ?? 50)).toEqual(row.ground_truth);
    });
});

describe('checkDistance', () => {
    it('is the mean distance over balls rounded to 3 dp, and refuses mismatched lists', () => {
        expect(checkDistance([[3, 4], [0, 0]], [[0, 0], [0, 1]])).toBe(3);
        expect(checkDistance([[0, 0]], [[1, 1]])).toBe(1.414);
        expect(() => checkDistance([], [[0, 0]])).toThrow();
        expect(() => checkDistance([[0, 0]], [[0, 0], [1, 1]])).toThrow(/1 predicted positions for 2 balls/);
    });
});

describe('parseRows', () => {
    it('keeps going past bad lines and names file and line', () => {
        const good = JSON.stringify({ id: 'A_0_1', messages: [{ role: 'user', content: 'x' }], ground_truth: [] });
        const text = [good, '{"id": ', JSON.stringify({ id: 'B_0_1', messages: [] }), '', JSON.stringify({ messages: [{ content: 'y' }] }), good].join('\n');
        const { rows, errors } = parseRows(text, 'rows.jsonl');
        expect(rows.map((r) => r.line)).toEqual([1, 6]);
        expect(errors.map((e) => `${e.file}:${e.line}`)).toEqual(['rows.jsonl:2', 'rows.jsonl:3', 'rows.jsonl:5']);
        expect(errors[0].message).toMatch(/malformed JSON/);
        expect(errors[1].message).toBe('row B_0_1: missing field "messages[0].content" (string)');
        expect(errors[2].message).toBe('missing field "id" (string)');
    });

    it('a field of the wrong type says what it holds (it was called missing)', () => {
        const row = (fields: Record<string, unknown>) => JSON.stringify({ id: 'A_0_1', messages: [{ role: 'user', content: 'x' }], ground_truth: [], ...fields });
        const text = [row({ id: 5 }), row({ ground_truth: 5 }), row({ ground_truth: ['assert True', 7] }), row({ messages: [{ content: null }] })].join('\n');
        expect(parseRows(text, 'rows.jsonl').errors.map((e) => e.message)).toEqual([
            'field "id" must be a string, got number 5',
            'row A_0_1: field "ground_truth" must be a list of assert strings, got number 5',
            'row A_0_1: field "ground_truth[1]" must be a string (an assert), got number 7',
            'row A_0_1: field "messages[0].content" must be a string, got null',
        ]);
    });
});
