// Training-side scoring of one model response against a row's label (spec §8.2–§8.3).
import { checkRequest } from '../../verifier/request.js';
import { respond, type VerifierResponse } from '../../verifier/respond.js';
import { extractDslProgram } from './extract.js';

export interface Score {
    pass_rate: number;
    all_pass: number;
    /** Why the response scored 0 without being run, when it did. */
    reason?: string;
    program: string;
    response?: VerifierResponse;
}

/** `label` is the row's ground_truth: a list of test cases, or a JSON string of one. */
export function scoreResponse(response: string, label: unknown): Score {
    const program = extractDslProgram(response);
    const zero = (reason: string): Score => ({ pass_rate: 0, all_pass: 0, reason, program });
    let cases = label;
    if (typeof cases === 'string') {
        try {
            cases = JSON.parse(cases);
        } catch (error) {
            return zero(`Label is not valid JSON: ${(error as Error).message}`);
        }
    }
    if (!Array.isArray(cases)) return zero(`Label must be a list of test cases, got: ${typeof cases}`);
    if (cases.length === 0) return zero('No test cases provided');
    // The label is forwarded to the verifier as is, so its validation decides like the server would.
    const checked = checkRequest({ dsl: program, test_cases: cases, max_execution_time: 1.0 });
    if (!checked.ok) return zero(`Verifier rejected the request: ${checked.errors.map((e) => `${e.loc.slice(1).join('.')}: ${e.msg}`).join('; ')}`);
    const verdict = respond(checked.request);
    const passed = verdict.results.filter((r) => r.passed).length;
    return {
        pass_rate: verdict.results.length === 0 ? 0 : passed / verdict.results.length,
        all_pass: verdict.all_passed ? 1 : 0,
        program,
        response: verdict,
    };
}

