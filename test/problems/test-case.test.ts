// The five-field test case and the verifier defaults (§6.1).
import { describe, expect, it } from 'vitest';
import { makeTestCase, normalizeTestCase, normalizeTestCases, TEST_CASE_KEYS } from '../../language/dataset/testcases/test-case.js';

describe('normalizeTestCase', () => {
    it('fills the verifier defaults, check_output defaulting to true', () => {
        const r = normalizeTestCase({ input: 'RB' });
        expect(r).toEqual({ ok: true, value: { input: 'RB', expected_output: '', expected_accepted: true, check_output: true, description: '' } });
        if (r.ok) expect(Object.keys(r.value)).toEqual([...TEST_CASE_KEYS]);
    });
    it('keeps given fields, ignores extra keys and reorders to §6.1', () => {
        const r = normalizeTestCase({ description: 'd', check_output: false, extra: 1, expected_accepted: false, input: '', expected_output: 'B' });
        expect(r.ok && Object.keys(r.value)).toEqual([...TEST_CASE_KEYS]);
        expect(r.ok && r.value).toEqual({ input: '', expected_output: 'B', expected_accepted: false, check_output: false, description: 'd' });
    });
    it.each([
        [{}, 'input', 'missing required field'],
        [{ input: 5 }, 'input', 'expected a string, got number 5'],
        [{ input: 'R', expected_output: null }, 'expected_output', 'expected a string, got null'],
        [{ input: 'R', check_output: 'yes' }, 'check_output', 'expected a boolean, got string "yes"'],
        [['R'], null, 'test case must be an object, got a list'],
    ])('%j → %s: %s', (raw, field, message) => {
        expect(normalizeTestCase(raw)).toEqual({ ok: false, issue: { field, message } });
    });
    it('lists report the first bad entry with its index', () => {
        expect(normalizeTestCases([{ input: 'R' }, { input: 'B', expected_accepted: 1 }])).toMatchObject({ ok: false, index: 1, issue: { field: 'expected_accepted' } });
        expect(normalizeTestCases('x')).toMatchObject({ ok: false, index: null });
        expect(normalizeTestCases([])).toEqual({ ok: true, value: [] });
    });
    it('makeTestCase builds in key order with defaults', () => {
        expect(Object.keys(makeTestCase('R', { description: 'x' }))).toEqual([...TEST_CASE_KEYS]);
        expect(makeTestCase('R').check_output).toBe(true);
    });
});
