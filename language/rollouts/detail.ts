// One rollout in detail (docs/rollouts.md, "Rollout detail"): the response with the extraction notes,
// the per-test verdicts of a `details` re-score (the one verdict path: score.ts → the verifier's
// respond), failures first, and the logged reward beside the re-scored one. Also the per-test
// verdict changes between two rollouts (compare). Pure data, no `vscode`, no DOM.
import type { TestCase } from '../dataset/testcases/test-case.js';
import type { VerifierResult } from '../verifier/response-shape.js';
import type { ExtractionNotes, RolloutRecord, ScoredRollout } from './types.js';

/** One test's verdict, as the verifier answered it (path shortened to its length). */
export interface TestVerdict {
    /** Position of the test in the label (0-based): the key two rollouts of one problem are compared by. */
    index: number;
    input: string;
    description: string;
    checkOutput: boolean;
    expectedOutput: string;
    actualOutput: string;
    expectedAccepted: boolean;
    actualAccepted: boolean;
    passed: boolean;
    rejectionReason: string | null;
    /** Nodes visited, START included (the verifier's `path`). */
    pathLength: number;
}

export interface RolloutDetail {
    row: number;
    source: string;
    problem: string | null;
    name: string | null;
    step: number | null;
    sample: number | null;
    task: string;
    /** The response, or the part of it around the extracted program when it is longer than the limit. */
    response: string;
    /** Offset of `response` in the whole response (0 unless cut) and the whole length. */
    responseOffset: number;
    responseLength: number;
    extraction: ExtractionNotes;
    pass_rate: number;
    all_pass: 0 | 1;
    passed: number;
    total: number;
    error: string | null;
    /** Why nothing ran (the parse error, an unusable label), when that is the case. */
    reason?: string;
    /** The reward as the trainer logged it (raw), its scale, and its value on the re-scored scale. */
    logged?: { raw: number; scale: number | null; bonus: boolean; normalised: number; mismatch: boolean };
    finishReason?: string;
    truncated: boolean;
    /** Failures first (in label order), then passes; at most `TEST_LIMIT`. */
    tests: TestVerdict[];
    /** Tests left out past the limit. */
    testsOmitted: number;
}

/** Responses longer than this are shown around the program only (a response can be megabytes). */
export const RESPONSE_LIMIT = 200_000;
/** A label can hold thousands of tests; the grid shows the first ones, failures first. */
export const TEST_LIMIT = 2_000;

export function testVerdicts(results: readonly unknown[] | undefined): TestVerdict[] {
    return (results ?? []).map((value, index) => {
        const r = value as VerifierResult;
        return {
            index,
            input: r.input,
            description: r.description ?? '',
            checkOutput: r.check_output,
            expectedOutput: r.expected_output,
            actualOutput: r.actual_output,
            expectedAccepted: r.expected_accepted,
            actualAccepted: r.actual_accepted,
            passed: r.passed,
            rejectionReason: r.rejection_reason,
            pathLength: Array.isArray(r.path) ? r.path.length : 0,
        };
    });
}

/** Failures first, each part in label order. */
export function failuresFirst(tests: readonly TestVerdict[]): TestVerdict[] {
    return [...tests.filter((t) => !t.passed), ...tests.filter((t) => t.passed)];
}

/** The response window shown: whole when short, else the limit's worth around the program's span. */
export function responseWindow(response: string, span: [number, number] | undefined, limit = RESPONSE_LIMIT): { text: string; offset: number } {
    if (response.length <= limit) return { text: response, offset: 0 };
    const [start, end] = span ?? [0, 0];
    const room = Math.max(0, limit - (end - start));
    let from = Math.max(0, start - Math.floor(room / 2));
    const to = Math.min(response.length, from + Math.max(limit, end - from));
    from = Math.max(0, Math.min(from, to - limit));
    return { text: response.slice(from, to), offset: from };
}

/** The detail of a rollout re-scored with `details` (its `results` hold the verifier's per-test answers). */
export function rolloutDetail(row: number, record: RolloutRecord, scored: ScoredRollout, limit = TEST_LIMIT): RolloutDetail {
    // BouncingSim results are per-assert runs (shown with the predicted track in the trajectory panel), not tests.
    const ordered = scored.task === 'manufactoria' ? failuresFirst(testVerdicts(scored.results)) : [];
    const window = responseWindow(record.response, scored.extraction.span);
    const detail: RolloutDetail = {
        row, source: scored.source, problem: scored.id, name: scored.name ?? null, step: scored.step, sample: scored.sample, task: scored.task,
        response: window.text, responseOffset: window.offset, responseLength: record.response.length,
        extraction: scored.extraction,
        pass_rate: scored.pass_rate, all_pass: scored.all_pass, passed: scored.passed, total: scored.total, error: scored.error,
        truncated: scored.truncated,
        tests: ordered.slice(0, limit),
        testsOmitted: Math.max(0, ordered.length - limit),
    };
    if (scored.reason !== undefined) detail.reason = scored.reason;
    if (record.loggedScore !== undefined && scored.logged_score !== undefined) {
        detail.logged = {
            raw: record.loggedScore, scale: record.loggedScale ?? null, bonus: !!record.loggedBonus,
            normalised: scored.logged_score, mismatch: !!scored.logged_mismatch,
        };
    }
    if (scored.finish_reason !== undefined) detail.finishReason = scored.finish_reason;
    return detail;
}

export type VerdictChangeKind = 'fixed' | 'broken' | 'output' | 'acceptance';

/** A test whose verdict (or run result) differs between two rollouts of one problem. */
export interface VerdictChange {
    index: number;
    input: string;
    kind: VerdictChangeKind;
    /** Absent on the side whose program did not run (a parse error: every test failed). */
    before?: TestVerdict;
    after?: TestVerdict;
}

export interface VerdictChanges {
    /** False when the two labels differ (other problem or other tests): nothing is paired. */
    comparable: boolean;
    /** fail → pass ('fixed') and pass → fail ('broken') first, then same verdict but other acceptance or output. */
    changes: VerdictChange[];
    fixed: number;
    broken: number;
    /** Tests with the same verdict and the same run result (acceptance, and the output where it is checked). */
    unchanged: number;
}

function sameTest(t: TestVerdict, u: TestVerdict): boolean {
    return t.index === u.index && t.input === u.input && t.expectedAccepted === u.expectedAccepted
        && t.checkOutput === u.checkOutput && t.expectedOutput === u.expectedOutput;
}

/**
 * The tests a side that did not run was scored against, for pairing it with the other side: its
 * label's test cases, [] for an unusable label (no tests at all), undefined when not known.
 */
export type LabelTests = readonly Pick<TestCase, 'input' | 'expected_accepted' | 'check_output' | 'expected_output'>[] | undefined;

/** True when `ran` (in label order) holds exactly the tests of `label`. */
function ranOnLabel(ran: readonly TestVerdict[], label: LabelTests): boolean {
    return label === undefined || (label.length === ran.length && ran.every((t, i) => t.index === i && t.input === label[i].input
        && t.expectedAccepted === label[i].expected_accepted && t.checkOutput === label[i].check_output && t.expectedOutput === label[i].expected_output));
}

/**
 * Pairs the tests of two rollouts by position (the same label lists them in the same order) and
 * lists what changed from `before` to `after`. A side with no tests did not run (parse error): its
 * every test failed, when its label (`labels`, where known) is the other side's. Labels that differ
 * in a test's input or expectations are not comparable.
 */
export function verdictChanges(before: readonly TestVerdict[], after: readonly TestVerdict[], labels: { before?: LabelTests; after?: LabelTests } = {}): VerdictChanges {
    const a = [...before].sort((x, y) => x.index - y.index);
    const b = [...after].sort((x, y) => x.index - y.index);
    const pairs: [TestVerdict | undefined, TestVerdict | undefined][] = a.length === 0 ? (ranOnLabel(b, labels.before) ? b.map((u) => [undefined, u]) : [])
        : b.length === 0 ? (ranOnLabel(a, labels.after) ? a.map((t) => [t, undefined]) : [])
            : a.length === b.length && a.every((t, i) => sameTest(t, b[i])) ? a.map((t, i) => [t, b[i]]) : [];
    if (pairs.length === 0 && (a.length > 0 || b.length > 0)) return { comparable: false, changes: [], fixed: 0, broken: 0, unchanged: 0 };
    const verdict: VerdictChange[] = [];
    const other: VerdictChange[] = [];
    let unchanged = 0;
    for (const [t, u] of pairs) {
        const test = (t ?? u)!;
        const change = (kind: VerdictChangeKind): VerdictChange => ({ index: test.index, input: test.input, kind, ...(t && { before: t }), ...(u && { after: u }) });
        const was = t?.passed ?? false;
        const now = u?.passed ?? false;
        if (was !== now) verdict.push(change(now ? 'fixed' : 'broken'));
        else if (!t || !u) unchanged++;
        else if (t.actualAccepted !== u.actualAccepted) other.push(change('acceptance'));
        // The output only matters to the verdict where it is checked.
        else if (t.checkOutput && t.actualOutput !== u.actualOutput) other.push(change('output'));
        else unchanged++;
    }
    return {
        comparable: true,
        changes: [...verdict, ...other],
        fixed: verdict.filter((c) => c.kind === 'fixed').length,
        broken: verdict.filter((c) => c.kind === 'broken').length,
        unchanged,
    };
}

/** One line for a compare's outcome (the notification and the overview say the same). */
export function changesSummary(c: VerdictChanges): string {
    if (!c.comparable) return 'the two rollouts were scored against different tests: no per-test comparison';
    const other = c.changes.length - c.fixed - c.broken;
    return `${c.fixed} fixed, ${c.broken} broken, ${other} other run change${other === 1 ? '' : 's'}, ${c.unchanged} unchanged`;
}
