// The typed messages between the extension and the language server beyond standard LSP.
// Both sides import this file; keep it free of runtime dependencies other than the protocol types.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Range } from 'vscode-languageserver-types';
import type { FactoryGraphModel } from '../language/manufactoria/model/factory-graph-shape.js';

export type { FactoryEdge, FactoryGraphModel, FactoryNode } from '../language/manufactoria/model/factory-graph-shape.js';

import type { LoadProgress } from '../language/dataset/problems/formats.js';
import type { LoadResult } from '../language/dataset/problems/problem.js';
import type { TestCase } from '../language/dataset/testcases/test-case.js';

/** A test of a solution file: a case of its bound problem (`p<index>`) or an inline `# test:` (`l<line>`). */
export interface TestDescription extends Pick<TestCase, 'input' | 'expected_output' | 'expected_accepted' | 'check_output'> {
    /** Stable within a file while the problem and the directive lines stay put. */
    id: string;
    /** Short label for Test Explorer, e.g. `#3 RBR → reject` or `line 4: RB → accept`. */
    label: string;
    /** Input, expectation and the case's `description`, one line. */
    detail: string;
    /** Where the test is declared: the `# test:` line, or the `# problem:` line for problem cases. */
    range: Range;
}

export interface ProblemSummary {
    id: string;
    name: string;
    family: string;
    level: string;
    colorMode: string;
    criteria: string;
    /** Absolute path of the problem file. */
    file: string;
    /** 0-based position of the row among the file's rows. */
    index: number;
    /** 1-based line of the row in a JSON Lines file, when known. */
    line?: number;
    testCount: number;
}

export interface DescribeTestsParams {
    uri: string;
}

export interface DescribeTestsResult {
    uri: string;
    problem?: ProblemSummary;
    /** Why a `# problem:` directive did not bind (file missing, no such row, malformed file…). */
    bindingError?: string;
    /** The `# problem:` directive line, when there is one. */
    problemRange?: Range;
    tests: TestDescription[];
}

export interface RunTestsParams {
    uri: string;
    /** Runs only these tests; all when absent. */
    testIds?: string[];
}

export interface TestOutcome {
    id: string;
    passed: boolean;
    actual_output: string;
    actual_accepted: boolean;
    rejection_reason: string | null;
    path: string[];
    /** Node where the run ended (last path entry; for a route to NONE, the node that routed there) and its declaration. */
    endNode: string | null;
    endRange?: Range;
}

export type RunState =
    /** Ran; see `outcomes`. */
    | 'ran'
    /** The program does not parse: `message` is the reference's `DSL Parse Error: …`. */
    | 'invalid'
    /** Nothing to run (no problem bound, no inline tests). */
    | 'no-tests'
    /** The run failed (timeout, unexpected error); `message` says why. */
    | 'error';

export interface RunTestsResult {
    uri: string;
    /** Document version the run used; lenses show older results as outdated. */
    version: number;
    state: RunState;
    message?: string;
    /** For `invalid`: the document range of the reference's error line. */
    errorRange?: Range;
    outcomes: TestOutcome[];
    passed: number;
    total: number;
    pass_rate: number;
    all_pass: 0 | 1;
    durationMs: number;
    /**
     * Set when this result covers only some of the file's tests (a run of selected tests with no
     * full run of the same text to merge into): `passed`/`total` count the tests that ran, and
     * `of` is how many tests the file has. A partial run merged into a full one leaves this unset.
     */
    partial?: { of: number };
    /**
     * Set when the tests this run used differ from those the last describe of the file gave (a
     * problem file rewritten since, with no watcher event to say so: outside the workspace, or
     * not reported yet): the client's items and their expectations are outdated, describe again.
     */
    testsChanged?: true;
}

export interface TraceParams {
    uri: string;
    testId: string;
}

export interface TraceStep {
    /** 0-based step index (= index in the run's path). */
    index: number;
    node: string;
    /** Declaration range of the node; absent for `NONE`, implicit `end` and unknown targets. */
    range?: Range;
    kind: string;
    tapeBefore: string;
    tapeAfter: string;
    /** What the step did, e.g. `read R → left`, `paint B`, `accept`, `reject: Routed to NONE`. */
    action: string;
}

export interface TraceResult {
    uri: string;
    testId: string;
    label: string;
    input: string;
    passed: boolean;
    finished: boolean;
    finalTape: string;
    rejection: string | null;
    /** Why the test failed (`expected reject, got accepted`), the wording of the lenses; absent when it passed. */
    failure?: string;
    steps: TraceStep[];
    /** Visits per declared node, with the declaration range for gutter counts. */
    visits: { node: string; count: number; range: Range }[];
    /** Set when no trace can be made (program invalid, unknown test). */
    error?: string;
}

/** The message of a run (state `error`) that a newer run of the same document replaced before it started. */
export const SUPERSEDED = 'Superseded by a run of a newer version of the document';

/** Server → client after the server ran a file's tests on its own (run-on-change). */
export interface TestResultsParams {
    result: RunTestsResult;
}

export const DescribeTestsRequest = new RequestType<DescribeTestsParams, DescribeTestsResult, void>('manufactoria/describeTests');
export const RunTestsRequest = new RequestType<RunTestsParams, RunTestsResult, void>('manufactoria/runTests');
export const TraceRequest = new RequestType<TraceParams, TraceResult, void>('manufactoria/trace');
export const TestResultsNotification = new NotificationType<TestResultsParams>('manufactoria/testResults');
/** Server → client: the tests of a file changed (directive edited, problem file changed). */
export const TestsChangedNotification = new NotificationType<{ uri: string }>('manufactoria/testsChanged');

/**
 * The factory graph of a Manufactoria text. The client sends the text it shows, so any document
 * (a file, an untitled buffer, a read-only rollout document of another scheme) can be drawn, and
 * the graph always matches that text.
 */
export interface FactoryGraphParams {
    uri: string;
    version: number;
    text: string;
}

export interface FactoryGraphResult extends FactoryGraphModel {
    uri: string;
    version: number;
    /** Why nothing is drawn (text too large). */
    error?: string;
}

export const FactoryGraphRequest = new RequestType<FactoryGraphParams, FactoryGraphResult, void>('manufactoria/factoryGraph');

export interface LoadProblemFileParams {
    /** Absolute path of a problem file (.json, .jsonl, .parquet). */
    path: string;
    /** How sources and issues name the file (the Problems view uses the workspace-relative path). */
    displayName: string;
}

/** Server → client while a LoadProblemFileRequest reads a file. */
export interface ProblemFileProgressParams extends LoadProgress {
    path: string;
}

/** The Problems view's rows: the server is the only place that parses problem files. */
export const LoadProblemFileRequest = new RequestType<LoadProblemFileParams, LoadResult, void>('manufactoria/loadProblemFile');
export const ProblemFileProgressNotification = new NotificationType<ProblemFileProgressParams>('manufactoria/problemFileProgress');

/** Client command ids the server's code lenses invoke. */
export const Commands = {
    runTests: 'manufactoria.runTests',
    showTrace: 'manufactoria.showTrace',
    runAllSolutions: 'manufactoria.runAllSolutions',
} as const;

/** Settings the server reads (section `manufactoria.tests`). */
export interface TestSettings {
    runOnChange: boolean;
    /** Debounce before a run-on-change run, ms. */
    runOnChangeDelay: number;
    /** A run taking longer is stopped (a catastrophic regex in an expected output, say), ms. */
    timeout: number;
}

export const DEFAULT_TEST_SETTINGS: TestSettings = { runOnChange: false, runOnChangeDelay: 400, timeout: 10_000 };
