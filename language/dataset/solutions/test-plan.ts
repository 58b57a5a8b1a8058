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

/**
 * Longest tape a label or detail shows whole. Test Explorer draws labels and descriptions as they
 * are: a row's megabyte-long input made each one megabytes (~20 MB over a file's tests).
 */
const SHOWN_TAPE = 64;
/** Longest case description a detail shows whole. */
const SHOWN_DESCRIPTION = 200;

/** A tape for a label: whole up to SHOWN_TAPE symbols, else its ends and its length. */
export function tapePreview(tape: string): string {
    if (tape.length <= SHOWN_TAPE) return formatTape(tape);
    const half = SHOWN_TAPE / 2;
    // Not between the two halves of a surrogate pair.
    const headEnd = /[\uD800-\uDBFF]/.test(tape[half - 1]) ? half + 1 : half;
    const tailStart = /[\uDC00-\uDFFF]/.test(tape[tape.length - half]) ? tape.length - half - 1 : tape.length - half;
    return `${formatTape(tape.slice(0, headEnd))}…${formatTape(tape.slice(tailStart))} (${tape.length.toLocaleString('en-US')} symbols)`;
}

/** `RBR → accept`, `RB ⇒ RBR` (an output check), `"" → reject`; long tapes shortened (tapePreview). */
export function describeCase(test: TestCase): string {
    const input = tapePreview(test.input);
    if (!test.check_output) return `${input} → ${test.expected_accepted ? 'accept' : 'reject'}`;
    const output = `${input} ⇒ ${tapePreview(test.expected_output)}`;
    return test.expected_accepted ? output : `${output} (must not both match and accept)`;
}

function detailOf(test: TestCase): string {
    const check = test.check_output ? `output ${tapePreview(test.expected_output)}, ` : '';
    const what = `input ${tapePreview(test.input)}, expects ${check}${test.expected_accepted ? 'accepted' : 'rejected'}${test.check_output ? '' : ' (acceptance only)'}`;
    if (!test.description) return what;
    const cut = test.description.length > SHOWN_DESCRIPTION ? /[\uD800-\uDBFF]/.test(test.description[SHOWN_DESCRIPTION - 1]) ? SHOWN_DESCRIPTION - 1 : SHOWN_DESCRIPTION : undefined;
    return `${what} — ${cut === undefined ? test.description : `${test.description.slice(0, cut)}…`}`;
}
