// The tests of a solution file: its bound problem's cases, then its inline `# test:` lines.
import type { Problem } from '../problems/problem.js';
import type { TestCase } from '../testcases/test-case.js';
import { formatTape, type InlineTest, type LineSpan } from './directives.js';

export interface PlannedTest {
    /** `p<case index>` for problem cases, `l<1-based line>` for inline tests. */
    id: string;
    label: string;
    detail: string;
    testCase: TestCase;
    /** The directive line that declares the test. */
    span: LineSpan;
}

export function planTests(problem: { problem: Problem; span: LineSpan } | undefined, inline: readonly InlineTest[]): PlannedTest[] {
    const tests: PlannedTest[] = [];
    problem?.problem.testCases.forEach((testCase, index) => {
        tests.push({ id: `p${index}`, label: `#${index + 1} ${describeCase(testCase)}`, detail: detailOf(testCase), testCase, span: problem.span });
    });
    for (const test of inline) {
        tests.push({ id: `l${test.span.line + 1}`, label: `line ${test.span.line + 1}: ${describeCase(test.testCase)}`, detail: detailOf(test.testCase), testCase: test.testCase, span: test.span });
    }
    return tests;
}

/**
 * Whether two plans hold the same tests (ids and cases, in order): a result of one describes the
 * other. A problem file rewritten under an unchanged solution keeps the ids `p0…` but not the cases.
 */
export function sameTests(a: readonly PlannedTest[], b: readonly PlannedTest[]): boolean {
    return a.length === b.length && a.every((t, i) => t.id === b[i].id && sameCase(t.testCase, b[i].testCase));
}

function sameCase(a: TestCase, b: TestCase): boolean {
    return a === b || (a.input === b.input && a.expected_output === b.expected_output && a.expected_accepted === b.expected_accepted
        && a.check_output === b.check_output && a.description === b.description);
}

/** `RBR → accept`, `RB ⇒ RBR` (an output check), `"" → reject`. */
export function describeCase(test: TestCase): string {
    const input = formatTape(test.input);
    if (!test.check_output) return `${input} → ${test.expected_accepted ? 'accept' : 'reject'}`;
    const output = `${input} ⇒ ${formatTape(test.expected_output)}`;
    return test.expected_accepted ? output : `${output} (must not both match and accept)`;
}

function detailOf(test: TestCase): string {
    const check = test.check_output ? `output ${formatTape(test.expected_output)}, ` : '';
    const what = `input ${formatTape(test.input)}, expects ${check}${test.expected_accepted ? 'accepted' : 'rejected'}${test.check_output ? '' : ' (acceptance only)'}`;
    return test.description ? `${what} — ${test.description}` : what;
}
