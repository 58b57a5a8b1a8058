// The verifier's pass rule (docs/manufactoria.md §6), shared by the HTTP verifier, the CLI and the editor.
import type { RunResult } from '../../manufactoria/interpreter/run.js';
import { pythonFullmatch } from '../../python/regex/index.js';

/** Only these characters switch the expected output into Python-regex mode. */
const REGEX_TRIGGERS = /[.+*?|()]/;

/** Whether an expected output is matched as a Python regex (rather than compared as text). */
export function isRegexOutput(expected: string): boolean {
    return REGEX_TRIGGERS.test(expected);
}

export function outputMatches(expected: string, actual: string): boolean {
    if (!isRegexOutput(expected)) return actual === expected;
    const matched = pythonFullmatch(expected, actual);
    // A pattern Python cannot compile falls back to an exact comparison.
    return matched === 'compile-error' ? actual === expected : matched;
}

export function testPasses(test: { expected_output: string; expected_accepted: boolean; check_output: boolean }, run: Pick<RunResult, 'finished' | 'final_tape'>): boolean {
    if (!test.check_output) return run.finished === test.expected_accepted;
    return (outputMatches(test.expected_output, run.final_tape) && run.finished) === test.expected_accepted;
}
