// Validates a `POST /test_solution` body the way the reference's pydantic models do (spec §7.1):
// all errors collected in field order, extra keys ignored, lax booleans and numbers.
import { isPlainObject, laxBool, laxFloat, laxString, type Coerced, type FieldError, type Loc } from './lax-fields.js';

export interface VerifierTestCase {
    input: string;
    expected_output: string;
    expected_accepted: boolean;
    check_output: boolean;
    description: string;
}

export interface VerifierRequest {
    dsl: string;
    test_cases: VerifierTestCase[];
    max_execution_time: number;
}

export type RequestCheck = { ok: true; request: VerifierRequest } | { ok: false; errors: FieldError[] };

type Field<T> = { name: string; coerce: (input: unknown) => Coerced<T>; fallback?: T };

const TEST_CASE_FIELDS: Array<Field<string> | Field<boolean>> = [
    { name: 'input', coerce: laxString },
    { name: 'expected_output', coerce: laxString, fallback: '' },
    { name: 'expected_accepted', coerce: laxBool, fallback: true },
    { name: 'check_output', coerce: laxBool, fallback: true },
    { name: 'description', coerce: laxString, fallback: '' },
];

export function checkRequest(body: unknown): RequestCheck {
    const errors: FieldError[] = [];
    if (!isPlainObject(body)) {
        errors.push({ type: 'model_attributes_type', loc: ['body'], msg: 'Input should be a valid dictionary or object to extract fields from', input: body });
        return { ok: false, errors };
    }
    const dsl = readField(body, { name: 'dsl', coerce: laxString }, ['body'], errors);
    const testCases = readTestCases(body, errors);
    const maxTime = readField(body, { name: 'max_execution_time', coerce: laxFloat, fallback: 1.0 }, ['body'], errors);
    if (errors.length > 0) return { ok: false, errors };
    return { ok: true, request: { dsl: dsl!, test_cases: testCases!, max_execution_time: maxTime! } };
}

function readTestCases(body: Record<string, unknown>, errors: FieldError[]): VerifierTestCase[] | undefined {
    const loc: Loc = ['body', 'test_cases'];
    if (!('test_cases' in body)) {
        errors.push({ type: 'missing', loc, msg: 'Field required', input: body });
        return undefined;
    }
    const list = body.test_cases;
    if (!Array.isArray(list)) {
        errors.push({ type: 'list_type', loc, msg: 'Input should be a valid list', input: list });
        return undefined;
    }
    const before = errors.length;
    const cases = list.map((item, index) => {
        if (!isPlainObject(item)) {
            errors.push({ type: 'model_type', loc: [...loc, index], msg: 'Input should be a valid dictionary or instance of TestCase', input: item, ctx: { class_name: 'TestCase' } });
            return undefined;
        }
        const values = TEST_CASE_FIELDS.map((field) => readField(item, field as Field<unknown>, [...loc, index], errors));
        const [input, expected_output, expected_accepted, check_output, description] = values;
        return { input, expected_output, expected_accepted, check_output, description } as VerifierTestCase;
    });
    return errors.length === before ? (cases as VerifierTestCase[]) : undefined;
}

function readField<T>(owner: Record<string, unknown>, field: Field<T>, parent: Loc, errors: FieldError[]): T | undefined {
    const loc = [...parent, field.name];
    if (!(field.name in owner)) {
        if ('fallback' in field) return field.fallback;
        errors.push({ type: 'missing', loc, msg: 'Field required', input: owner });
        return undefined;
    }
    const result = field.coerce(owner[field.name]);
    if (result.ok) return result.value;
    errors.push({ loc, ...result.error });
    return undefined;
}

/** The order FastAPI prints an error's keys in. */
export function orderedFieldError(error: FieldError): FieldError {
    const { type, loc, msg, input, ctx } = error;
    return ctx ? { type, loc, msg, input, ctx } : { type, loc, msg, input };
}
