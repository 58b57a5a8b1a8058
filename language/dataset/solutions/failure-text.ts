// One-line explanations of a test result, shared by the CLI, the code lenses and Test Explorer.
import type { TestCase } from '../testcases/test-case.js';
import type { VerifierResult } from '../../verifier/response-shape.js';
import { formatTape } from './directives.js';

type Outcome = Pick<VerifierResult, 'actual_output' | 'actual_accepted' | 'rejection_reason'>;

/** `accepted` or `rejected (Routed to NONE)`. */
export function outcomeText(result: Outcome): string {
    return result.actual_accepted ? 'accepted' : `rejected (${result.rejection_reason ?? 'no reason'})`;
}

/** Why a test failed, e.g. `expected accept, got rejected (Routed to NONE)` or `expected output RBR, got RB`. */
export function failureText(test: TestCase, result: Outcome): string {
    const got = outcomeText(result);
    if (!test.check_output) return `expected ${test.expected_accepted ? 'accept' : 'reject'}, got ${got}`;
    const output = formatTape(result.actual_output);
    if (!test.expected_accepted) {
        return `expected not to both accept and output ${formatTape(test.expected_output)}, got output ${output}, ${got}`;
    }
    if (!result.actual_accepted) return `expected accept with output ${formatTape(test.expected_output)}, got ${got} with output ${output}`;
    return `expected output ${formatTape(test.expected_output)}, got ${output}`;
}

/** A score as Python prints a float, as in training logs: 1.0, 0.875, 0.4117647058823529. */
export function formatRate(rate: number): string {
    return Number.isInteger(rate) ? rate.toFixed(1) : String(rate);
}

/**
 * A score rounded for reading (0.833); the exact value belongs in hovers and JSON. A rate that is
 * not exactly 0 or 1 never reads as one (0.9996 → 0.999), so the rounding cannot hide a failure.
 */
export function roundedRate(rate: number): string {
    if (Number.isInteger(rate)) return rate.toFixed(1);
    const rounded = Math.min(0.999, Math.max(0.001, Math.round(rate * 1000) / 1000));
    return String(rounded);
}
