import { describe, expect, test } from 'vitest';
import { describeSolved } from '../../client/rollouts/tree-text.js';

describe('the Rollouts view: when a problem was solved', () => {
    test('the first solved step, and the step since which every step was solved when it came later', () => {
        expect(describeSolved({ firstSolvedStep: 2, solvedSince: 33 })).toBe('first solved at step 2, every step since 33');
        expect(describeSolved({ firstSolvedStep: 5, solvedSince: 5 })).toBe('first solved at step 5');
        // Solved at some steps, but not at the last one.
        expect(describeSolved({ firstSolvedStep: 4, solvedSince: null })).toBe('first solved at step 4');
        expect(describeSolved({ firstSolvedStep: 0, solvedSince: 0 })).toBe('first solved at step 0');
    });

    test('never solved, or no pass@k row', () => {
        expect(describeSolved({ firstSolvedStep: null, solvedSince: null })).toBe('never solved');
        expect(describeSolved(undefined)).toBe('never solved');
    });
});
