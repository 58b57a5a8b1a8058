// Builds the reference server's 200 body for a validated request (spec §7.2), keys in its order.
import { runTape } from '../manufactoria/interpreter/run.js';
import { testPasses } from '../dataset/testcases/pass-rule.js';
import { verdictOf } from '../manufactoria/verdict.js';
import type { VerifierRequest, VerifierTestCase } from './request.js';

export interface VerifierResult {
    input: string;
    expected_output: string;
    actual_output: string;
    expected_accepted: boolean;
    actual_accepted: boolean;
    check_output: boolean;
    passed: boolean;
    path: string[];
    rejection_reason: string | null;
    description: string;
}

export type VerifierResponse =
    | { valid: true; all_passed: boolean; results: VerifierResult[] }
    | { valid: false; all_passed: false; message: string; results: [] };

export function respond(request: VerifierRequest): VerifierResponse {
    const verdict = verdictOf(request.dsl);
    if (!verdict.ok) return { valid: false, all_passed: false, message: `DSL Parse Error: ${verdict.error}`, results: [] };
    try {
        const results = request.test_cases.map((test) => resultFor(test, runTape(verdict.program, test.input)));
        return { valid: true, all_passed: results.every((r) => r.passed), results };
    } catch (error) {
        // The reference's catch-all: e.g. a CPython regex bug raised while matching (see python-regex.ts).
        return { valid: false, all_passed: false, message: `Unexpected error: ${(error as Error).message}`, results: [] };
    }
}

function resultFor(test: VerifierTestCase, run: ReturnType<typeof runTape>): VerifierResult {
    return {
        input: test.input,
        expected_output: test.expected_output,
        actual_output: run.final_tape,
        expected_accepted: test.expected_accepted,
        actual_accepted: run.finished,
        check_output: test.check_output,
        passed: testPasses(test, run),
        path: run.path,
        rejection_reason: run.rejection_reason,
        description: test.description,
    };
}
