// Texts of Test Explorer and the run commands (client/testing/run-text.ts).
import { describe, expect, it } from 'vitest';
import { failureMessage, fileItemLabel, fileSummary, fileVerdict, progressText, runAllSummary } from '../../client/testing/run-text.js';
import type { RunTestsResult, TestDescription, TestOutcome } from '../../server/protocol.js';

const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 10 } };
const test = (fields: Partial<TestDescription>): TestDescription => ({
    id: 'p0', label: '#1 RB → accept', detail: '', input: 'RB', expected_output: '', expected_accepted: true, check_output: false, range, ...fields,
});
const outcome = (fields: Partial<TestOutcome>): TestOutcome => ({
    id: 'p0', passed: false, actual_output: '', actual_accepted: false, rejection_reason: 'Routed to NONE', path: [], endNode: null, ...fields,
});
const result = (fields: Partial<RunTestsResult>): RunTestsResult => ({
    uri: 'file:///a.manufactoria', version: 1, state: 'ran', outcomes: [], passed: 3, total: 4, pass_rate: 0.75, all_pass: 0, durationMs: 12.4, ...fields,
});

describe('fileItemLabel', () => {
    it('names the problem and the file, or just the file', () => {
        expect(fileItemLabel('starts-with-b.manufactoria', 'Starts with B')).toBe('Starts with B (starts-with-b.manufactoria)');
        expect(fileItemLabel('scratch.mfy')).toBe('scratch.mfy');
    });
});

describe('failureMessage', () => {
    it('says what was expected and what happened, as the CLI does', () => {
        expect(failureMessage(test({}), outcome({}))).toBe('expected accept, got rejected (Routed to NONE)');
        expect(failureMessage(test({ expected_accepted: false }), outcome({ actual_accepted: true }))).toBe('expected reject, got accepted');
    });

    it('reports output mismatches of check_output tests', () => {
        const t = test({ check_output: true, expected_output: 'RBR' });
        expect(failureMessage(t, outcome({ actual_accepted: true, actual_output: 'RB' }))).toBe('expected output RBR, got RB');
        expect(failureMessage(t, outcome({ actual_output: '' }))).toBe('expected accept with output RBR, got rejected (Routed to NONE) with output ""');
    });
});

describe('run summaries', () => {
    it('one line per file', () => {
        expect(fileSummary('a.manufactoria', result({}))).toBe('a.manufactoria: 3/4 passed in 12 ms');
        expect(fileSummary('a.manufactoria', result({ state: 'invalid', message: 'DSL Parse Error: Line 1: x' }))).toBe('a.manufactoria: not run, the program is invalid: DSL Parse Error: Line 1: x');
        expect(fileSummary('a.manufactoria', result({ state: 'error', message: 'timed out' }))).toBe('a.manufactoria: the run failed: timed out');
    });

    it('verdicts and the Run All message', () => {
        expect(fileVerdict(result({ all_pass: 1 }))).toBe('pass');
        expect(fileVerdict(result({}))).toBe('fail');
        expect(fileVerdict(result({ state: 'invalid' }))).toBe('invalid');
        expect(progressText(3, 7)).toBe('3/7 files');
        expect(runAllSummary(['pass', 'pass', 'fail', 'invalid'])).toBe('Manufactoria: 2 of 4 solution files pass all their tests (1 failing, 1 invalid).');
        expect(runAllSummary(['pass'])).toBe('Manufactoria: 1 of 1 solution file passes all its tests.');
        expect(runAllSummary(['fail'], true)).toBe('Manufactoria: cancelled; 0 of 1 solution file passes all its tests (1 failing).');
        expect(runAllSummary([])).toBe('Manufactoria: no solution files with tests in this workspace.');
    });
});
