// Validates a request body the way the reference's pydantic models do (docs/verifier-http.md):
// all errors collected in field order, extra keys ignored, lax booleans and numbers, every
// non-dict model input answered with `model_attributes_type` (FastAPI validates with
// from_attributes=True), and a missing (empty or `null`) body with `missing`.
import { normalizeTestCase, TEST_CASE_DEFAULTS, type TestCase } from '../dataset/testcases/test-case.js';
import { getKey, hasKey, isJsonObject, isPlainObject, laxBool, laxFloat, laxString, type Coerced, type FieldError, type JsonObject, type Loc } from './lax-fields.js';

/** The verifier's test case is the dataset's five-field test case, read with pydantic's lax coercions. */
export type VerifierTestCase = TestCase;

export interface VerifierRequest {
    dsl: string;
    test_cases: VerifierTestCase[];
    max_execution_time: number;
}

export type RequestCheck = { ok: true; request: VerifierRequest } | { ok: false; errors: FieldError[] };

type Field<T> = { name: string; coerce: (input: unknown) => Coerced<T>; fallback?: T };

const TEST_CASE_FIELDS: Array<Field<string> | Field<boolean>> = [
    { name: 'input', coerce: laxString },
    { name: 'expected_output', coerce: laxString, fallback: TEST_CASE_DEFAULTS.expected_output },
    { name: 'expected_accepted', coerce: laxBool, fallback: TEST_CASE_DEFAULTS.expected_accepted },
    { name: 'check_output', coerce: laxBool, fallback: TEST_CASE_DEFAULTS.check_output },
    { name: 'description', coerce: laxString, fallback: TEST_CASE_DEFAULTS.description },
];

const modelAttributesType = (loc: Loc, input: unknown): FieldError =>
    ({ type: 'model_attributes_type', loc, msg: 'Input should be a valid dictionary or object to extract fields from', input });

/** The errors of a body that is not a dict (FastAPI answers a missing body before validating). */
function bodyShapeErrors(body: unknown): FieldError[] | undefined {
    if (body === null || body === undefined) return [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }];
    if (!isJsonObject(body)) return [modelAttributesType(['body'], body)];
    return undefined;
}

export function checkRequest(body: unknown): RequestCheck {
    const shape = bodyShapeErrors(body);
    if (shape) return { ok: false, errors: shape };
    const errors: FieldError[] = [];
    const owner = body as JsonObject;
    const dsl = readField(owner, { name: 'dsl', coerce: laxString }, ['body'], errors);
    const testCases = readTestCases(owner, errors);
    const maxTime = readField(owner, { name: 'max_execution_time', coerce: laxFloat, fallback: 1.0 }, ['body'], errors);
    if (errors.length > 0) return { ok: false, errors };
    return { ok: true, request: { dsl: dsl!, test_cases: testCases!, max_execution_time: maxTime! } };
}

function readTestCases(body: JsonObject, errors: FieldError[]): VerifierTestCase[] | undefined {
    const loc: Loc = ['body', 'test_cases'];
    if (!hasKey(body, 'test_cases')) {
        errors.push({ type: 'missing', loc, msg: 'Field required', input: body });
        return undefined;
    }
    const list = getKey(body, 'test_cases');
    if (!Array.isArray(list)) {
        errors.push({ type: 'list_type', loc, msg: 'Input should be a valid list', input: list });
        return undefined;
    }
    const before = errors.length;
    const cases = list.map((item, index) => {
        if (!isJsonObject(item)) {
            errors.push(modelAttributesType([...loc, index], item));
            return undefined;
        }
        const values = TEST_CASE_FIELDS.map((field) => readField(item, field as Field<unknown>, [...loc, index], errors));
        const [input, expected_output, expected_accepted, check_output, description] = values;
        return { input, expected_output, expected_accepted, check_output, description } as VerifierTestCase;
    });
    return errors.length === before ? (cases as VerifierTestCase[]) : undefined;
}

function readField<T>(owner: JsonObject, field: Field<T>, parent: Loc, errors: FieldError[]): T | undefined {
    const loc = [...parent, field.name];
    if (!hasKey(owner, field.name)) {
        if ('fallback' in field) return field.fallback;
        errors.push({ type: 'missing', loc, msg: 'Field required', input: owner });
        return undefined;
    }
    const result = field.coerce(getKey(owner, field.name));
    if (result.ok) return result.value;
    errors.push({ loc, ...result.error });
    return undefined;
}

/** The order FastAPI prints an error's keys in. */
export function orderedFieldError(error: FieldError): FieldError {
    const { type, loc, msg, input, ctx } = error;
    return ctx ? { type, loc, msg, input, ctx } : { type, loc, msg, input };
}

/** A `POST /test_program` (and `/test_program_stdio`) body: the BouncingSim verifier's TestRequest. */
export interface ProgramRequest {
    program: string;
    /** `Any` in the reference: a list, a JSON string, base64(zlib(pickle)), or anything else. */
    tests: unknown;
    max_execution_time: number;
}

export type ProgramRequestCheck = { ok: true; request: ProgramRequest } | { ok: false; errors: FieldError[] };

export function checkProgramRequest(body: unknown): ProgramRequestCheck {
    const shape = bodyShapeErrors(body);
    if (shape) return { ok: false, errors: shape };
    const errors: FieldError[] = [];
    const owner = body as JsonObject;
    const program = readField(owner, { name: 'program', coerce: laxString }, ['body'], errors);
    const tests = readField(owner, { name: 'tests', coerce: (input: unknown) => ({ ok: true, value: input }) }, ['body'], errors);
    const maxTime = readField(owner, { name: 'max_execution_time', coerce: laxFloat, fallback: 1.0 }, ['body'], errors);
    if (errors.length > 0) return { ok: false, errors };
    return { ok: true, request: { program: program!, tests, max_execution_time: maxTime! } };
}

/**
 * checkRequest's result for a body whose fields all have their exact types (strings, booleans, a
 * number), without its per-field bookkeeping; undefined for anything else, which checkRequest then
 * coerces or rejects. A test pins the equality with checkRequest.
 */
export function wellTypedRequest(body: unknown): VerifierRequest | undefined {
    if (!isPlainObject(body) || !('dsl' in body) || !('test_cases' in body)) return undefined;
    const { dsl, test_cases: list } = body;
    if (typeof dsl !== 'string' || !Array.isArray(list)) return undefined;
    let maxTime = 1.0;
    if ('max_execution_time' in body) {
        if (typeof body.max_execution_time !== 'number') return undefined;
        maxTime = body.max_execution_time;
    }
    const cases = new Array<VerifierTestCase>(list.length);
    for (let i = 0; i < list.length; i++) {
        // The data-file rules are exactly the well-typed subset of the lax ones.
        const one = normalizeTestCase(list[i]);
        if (!one.ok) return undefined;
        cases[i] = one.value;
    }
    return { dsl, test_cases: cases, max_execution_time: maxTime };
}
