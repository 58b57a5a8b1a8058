// Training-side scoring of one model response against a row's label (docs/manufactoria.md §8–§8.3), with the
// extraction notes and the error class `delta rollouts` reports (docs/rollouts.md, "Error classes").
import type { ManufactoriaErrorClass } from '../../rollouts/types.js';
import { checkRequest, wellTypedRequest, type VerifierTestCase } from '../../verifier/request.js';
import { respond } from '../../verifier/respond.js';
import type { VerifierResponse, VerifierResult } from '../../verifier/response-shape.js';
import { extractDslProgramWithNotes, type Extraction } from './extract.js';
import { PyFloat } from '../../python/json-dumps.js';
import { jsonParseAsPython, pyJsonLoads } from '../../python/json-loads.js';

export interface Score {
    pass_rate: number;
    all_pass: number;
    /** Why the response scored 0 without being run, when it did. */
    reason?: string;
    program: string;
    response?: VerifierResponse;
    extraction: Extraction;
    /** null when every test passed; otherwise why the first thing went wrong. */
    error: ManufactoriaErrorClass | null;
}

/** Python's type name of a decoded label that is not a list (a number's int or float as its JSON text spells it). */
function pyTypeName(value: unknown, label: unknown): string {
    if (value === null || value === undefined) return 'NoneType';
    if (typeof value === 'boolean') return 'bool';
    if (typeof value === 'string') return 'str';
    if (typeof value === 'bigint') return 'int';
    if (typeof value === 'number') {
        if (typeof label === 'string') return pyJsonLoads(label) instanceof PyFloat ? 'float' : 'int';
        return Number.isInteger(value) ? 'int' : 'float';
    }
    return 'dict';
}

/** `label` is the row's ground_truth: a list of test cases, or a JSON string of one. */
/** `paths: false` leaves the results' paths empty (bulk re-scoring; the verdicts are the same). */
export function scoreResponse(response: string, label: unknown, options: { paths?: boolean } = {}): Score {
    const extraction = extractDslProgramWithNotes(response);
    return { ...scoreProgram(extraction.program, label, options), program: extraction.program, extraction };
}

/** What scoring decides from the extracted program and the label alone (a pure function of the two). */
export type ProgramScore = Omit<Score, 'program' | 'extraction'>;

/** The verdict part of scoreResponse, for a program already extracted. */
export function scoreProgram(program: string, label: unknown, options: { paths?: boolean } = {}): ProgramScore {
    return scorePlan(program, labelPlan(label), options);
}

/**
 * What a label gives to score against: its test cases as the verifier reads them, or the reason it
 * scores 0 without a run. A pure function of the label (the program never makes a request invalid),
 * so callers scoring many programs against one label may keep it.
 */
export type LabelPlan = { cases: VerifierTestCase[] } | { zero: string };

export function labelPlan(label: unknown): LabelPlan {
    let cases = label;
    // The reasons are the training-side verifier's own (ManufactoriaVerifier in the companion
    // open-instruct's ground_truth_utils.py): the label as written, Python's type() of a non-list.
    if (typeof cases === 'string') {
        try {
            cases = jsonParseAsPython(cases);
        } catch {
            return { zero: `Failed to parse label as JSON: ${label as string}` };
        }
    }
    if (!Array.isArray(cases)) return { zero: `Label must be a list of test cases, got: <class '${pyTypeName(cases, label)}'>` };
    if (cases.length === 0) return { zero: 'No test cases provided' };
    // The label is forwarded to the verifier as is, so its validation decides like the server would.
    // Well-typed labels (nearly all) skip the lax validation, whose answer is the same for them.
    const body = { dsl: '', test_cases: cases, max_execution_time: 1.0 };
    const request = wellTypedRequest(body);
    if (request) return { cases: request.test_cases };
    const checked = checkRequest(body);
    if (!checked.ok) return { zero: `Verifier rejected the request: ${checked.errors.map((e) => `${e.loc.slice(1).join('.')}: ${e.msg}`).join('; ')}` };
    return { cases: checked.request.test_cases };
}

/** scoreProgram with the label's plan at hand. */
export function scorePlan(program: string, plan: LabelPlan, options: { paths?: boolean } = {}): ProgramScore {
    if ('zero' in plan) return { pass_rate: 0, all_pass: 0, reason: plan.zero, error: 'invalid_label' };
    const verdict = respond({ dsl: program, test_cases: plan.cases, max_execution_time: 1.0 }, options);
    let passed = 0;
    for (const r of verdict.results) if (r.passed) passed++;
    return {
        pass_rate: verdict.results.length === 0 ? 0 : passed / verdict.results.length,
        all_pass: verdict.all_passed ? 1 : 0,
        response: verdict,
        error: errorClassOf(verdict),
    };
}

/**
 * The class of a verifier response: parse_error, or the kind of the first failing test. The
 * reference's catch-all ("Unexpected error", raised by a test's expected_output pattern) counts as
 * an unusable label.
 */
export function errorClassOf(verdict: VerifierResponse): ManufactoriaErrorClass | null {
    if (!verdict.valid) return verdict.message.startsWith('DSL Parse Error') ? 'parse_error' : 'invalid_label';
    const failing = verdict.results.find((r) => !r.passed);
    return failing ? failureKind(failing) : null;
}

export function failureKind(result: VerifierResult): ManufactoriaErrorClass {
    if (!result.expected_accepted) return 'wrong_accept';
    if (result.actual_accepted) return 'wrong_output';
    const reason = result.rejection_reason ?? '';
    if (reason.startsWith('Routed to NONE')) return 'routed_to_none';
    if (reason.startsWith('Unknown node')) return 'unknown_node';
    return 'max_iterations';
}
