// Builds the reference server's 200 body for a validated request (docs/manufactoria.md §7), keys in its order.
import { runTape } from '../manufactoria/interpreter/run.js';
import { runCompact } from '../manufactoria/interpreter/run-compact.js';
import { compileDsl } from './verdict-cache.js';
import { testPasses } from '../dataset/testcases/pass-rule.js';
import type { VerifierRequest, VerifierTestCase } from './request.js';
import type { VerifierResponse, VerifierResult } from './response-shape.js';

export interface RespondOptions {
    /** false: each result's `path` is left empty (bulk re-scoring keeps the verdicts only); default true. */
    paths?: boolean;
}

export function respond(request: VerifierRequest, options: RespondOptions = {}): VerifierResponse {
    // Verdicts by DSL text come from the shared cache: RL batches repeat programs.
    const entry = compileDsl(request.dsl);
    if ('invalid' in entry) return JSON.parse(entry.invalid) as VerifierResponse;
    if ('failure' in entry) return { valid: false, all_passed: false, message: `Unexpected error: ${entry.failure}`, results: [] };
    const program = entry.program;
    const paths = options.paths !== false;
    try {
        const results = request.test_cases.map((test) => resultFor(test, paths ? runTape(program, test.input) : pathless(runCompact(program, test.input))));
        return { valid: true, all_passed: results.every((r) => r.passed), results };
    } catch (error) {
        // The reference's catch-all: e.g. a CPython regex bug raised while matching (PythonRegexRuntimeError in python/regex/errors.ts).
        return { valid: false, all_passed: false, message: `Unexpected error: ${(error as Error).message}`, results: [] };
    }
}

const NO_PATH: string[] = [];

function pathless(run: ReturnType<typeof runCompact>): ReturnType<typeof runTape> {
    return { finished: run.finished, final_tape: run.finalTape, path: NO_PATH, rejection_reason: run.rejection };
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
