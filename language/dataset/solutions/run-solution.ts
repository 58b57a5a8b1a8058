// Runs a solution's tests through the verifier's own path, so the editor's pass/fail and scores
// are the reference's: same parse verdict, same runs, same pass rule.
import { respond } from '../../verifier/respond.js';
import type { VerifierResult } from '../../verifier/response-shape.js';
import type { TestCase } from '../testcases/test-case.js';

export interface SolutionCase {
    id: string;
    testCase: TestCase;
}

export type SolutionRun =
    | { state: 'invalid'; message: string; referenceLine: number | null }
    | { state: 'error'; message: string }
    | { state: 'ran'; results: { id: string; result: VerifierResult }[]; passed: number; total: number; pass_rate: number; all_pass: 0 | 1 };

export function runSolution(text: string, cases: readonly SolutionCase[]): SolutionRun {
    const response = respond({ dsl: text, test_cases: cases.map((c) => c.testCase), max_execution_time: 1.0 });
    if (!response.valid) {
        if (response.message.startsWith('DSL Parse Error: ')) {
            const line = /^DSL Parse Error: Line (\d+): /.exec(response.message);
            return { state: 'invalid', message: response.message, referenceLine: line ? Number(line[1]) : null };
        }
        return { state: 'error', message: response.message };
    }
    const results = response.results.map((result, i) => ({ id: cases[i].id, result }));
    return { state: 'ran', results, ...scoresOf(results.filter((r) => r.result.passed).length, results.length) };
}

/** Scores as the training side computes them: no tests scores 0, not a vacuous pass. */
export function scoresOf(passed: number, total: number): { passed: number; total: number; pass_rate: number; all_pass: 0 | 1 } {
    return { passed, total, pass_rate: total === 0 ? 0 : passed / total, all_pass: total > 0 && passed === total ? 1 : 0 };
}
