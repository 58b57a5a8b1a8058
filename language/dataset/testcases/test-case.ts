// The five-field test case of docs/manufactoria.md §6 and the verifier's defaults for missing fields.
// The pass rule lives in pass-rule.ts; this module only models and normalises the data.

export interface TestCase {
    input: string;
    expected_output: string;
    expected_accepted: boolean;
    check_output: boolean;
    description: string;
}

/** Field order as the generators and the verifier write it (§6.1, §7.2 echo order). */
export const TEST_CASE_KEYS = ['input', 'expected_output', 'expected_accepted', 'check_output', 'description'] as const;

/** Verifier defaults (§6.1). Note `check_output` defaults to true, unlike the dashboard's UI. */
export const TEST_CASE_DEFAULTS: Readonly<Omit<TestCase, 'input'>> = Object.freeze({
    expected_output: '',
    expected_accepted: true,
    check_output: true,
    description: '',
});

/** A field-level problem with one raw test case; `field` is a TestCase key. */
export interface TestCaseIssue {
    field: (typeof TEST_CASE_KEYS)[number] | null;
    message: string;
}

export type NormalizedTestCase = { ok: true; value: TestCase } | { ok: false; issue: TestCaseIssue };

/** Builds a TestCase with keys in §6.1 order (JSON output depends on insertion order). */
export function makeTestCase(input: string, fields: Partial<Omit<TestCase, 'input'>> = {}): TestCase {
    return {
        input,
        expected_output: fields.expected_output ?? TEST_CASE_DEFAULTS.expected_output,
        expected_accepted: fields.expected_accepted ?? TEST_CASE_DEFAULTS.expected_accepted,
        check_output: fields.check_output ?? TEST_CASE_DEFAULTS.check_output,
        description: fields.description ?? TEST_CASE_DEFAULTS.description,
    };
}

/**
 * Applies the §6.1 defaults to a parsed JSON value. Strict about types (a data file holding
 * `"input": 5` is malformed, as the verifier would refuse it too); extra keys are ignored.
 * Lax pydantic coercions ("yes" → true) belong to the HTTP layer, not to data files.
 */
export function normalizeTestCase(raw: unknown): NormalizedTestCase {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        return { ok: false, issue: { field: null, message: `test case must be an object, got ${describeJson(raw)}` } };
    }
    const obj = raw as Record<string, unknown>;
    if (!('input' in obj)) return { ok: false, issue: { field: 'input', message: 'missing required field' } };
    // Named reads, checked in the order the fields are reported (the verifier answers thousands of these).
    const { input, expected_output, description, expected_accepted, check_output } = obj;
    if (typeof input !== 'string') return fieldType('input', 'a string', input);
    if (expected_output !== undefined && typeof expected_output !== 'string') return fieldType('expected_output', 'a string', expected_output);
    if (description !== undefined && typeof description !== 'string') return fieldType('description', 'a string', description);
    if (expected_accepted !== undefined && typeof expected_accepted !== 'boolean') return fieldType('expected_accepted', 'a boolean', expected_accepted);
    if (check_output !== undefined && typeof check_output !== 'boolean') return fieldType('check_output', 'a boolean', check_output);
    return {
        ok: true,
        value: {
            input,
            expected_output: expected_output ?? TEST_CASE_DEFAULTS.expected_output,
            expected_accepted: expected_accepted ?? TEST_CASE_DEFAULTS.expected_accepted,
            check_output: check_output ?? TEST_CASE_DEFAULTS.check_output,
            description: description ?? TEST_CASE_DEFAULTS.description,
        },
    };
}

/** Normalises a list; the first bad entry is reported with its position. */
export function normalizeTestCases(raw: unknown): { ok: true; value: TestCase[] } | { ok: false; index: number | null; issue: TestCaseIssue } {
    if (!Array.isArray(raw)) return { ok: false, index: null, issue: { field: null, message: `test cases must be a list, got ${describeJson(raw)}` } };
    const value: TestCase[] = [];
    for (let i = 0; i < raw.length; i++) {
        const one = normalizeTestCase(raw[i]);
        if (!one.ok) return { ok: false, index: i, issue: one.issue };
        value.push(one.value);
    }
    return { ok: true, value };
}

function fieldType(field: TestCaseIssue['field'], expected: string, got: unknown): NormalizedTestCase {
    return { ok: false, issue: { field, message: `expected ${expected}, got ${describeJson(got)}` } };
}

export function describeJson(value: unknown): string {
    if (value === null) return 'null';
    if (Array.isArray(value)) return 'a list';
    if (typeof value === 'bigint') return 'an integer';
    return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}
