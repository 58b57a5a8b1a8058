// Test Explorer results a new description outdates (client/testing/changed-tests.ts).
import { describe, expect, it } from 'vitest';
import { changedTestIds, isProblemCase } from '../../client/testing/changed-tests.js';
import type { TestDescription } from '../../server/protocol.js';

const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 10 } };
const test = (id: string, fields: Partial<TestDescription> = {}): TestDescription => ({
    id, label: `#1 RB → accept`, detail: 'input RB, expects accepted (acceptance only)', input: 'RB', expected_output: '', expected_accepted: true, check_output: false, range, ...fields,
});

describe('changedTestIds', () => {
    it('names the ids that now stand for another case; new, removed and moved tests are not results to outdate', () => {
        const before = new Map([test('p0'), test('p1'), test('p2'), test('p3'), test('l4')].map((t) => [t.id, t]));
        const after = [
            test('p0'), // the same case
            test('p1', { input: 'BR' }),
            test('p2', { expected_accepted: false }),
            test('p3', { detail: 'input RB, expects accepted (acceptance only) — another description' }),
            test('l5'), // a new line: a new item
            test('l4', { range: { ...range, start: { line: 3, character: 0 } } }), // moved, same case
            test('p9', { check_output: true }),
        ];
        expect(changedTestIds(before, after)).toEqual(['p1', 'p2', 'p3']);
        expect(changedTestIds(before, [test('p0', { expected_output: 'B', check_output: true })])).toEqual(['p0']);
        expect(changedTestIds(new Map(), after)).toEqual([]);
        // Only a changed problem case outdates the problem's solved/failing status (an inline test is the user's edit).
        expect(['p1', 'l5'].map(isProblemCase)).toEqual([true, false]);
    });
});
