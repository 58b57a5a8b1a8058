// The server's side of "run family tests inline": which tests a solution file has, running them
// in the worker, the last results per file (for code lenses and hovers), traces and run-on-change.
import { promises as fs } from 'node:fs';
import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeLensRefreshRequest } from 'vscode-languageserver';
import type { Program } from '../../language/manufactoria/generated/ast.js';
import { ProblemFileCache, sameTests, scoresOf, solutionTests, traceRun, type PlannedTest, type SolutionTests } from '../../language/dataset/solutions/index.js';
import { isProblemFile } from '../../language/dataset/problems/formats.js';
import { hasProblemDirective, parseDirectives } from '../../language/dataset/solutions/directives.js';
import { problemFileOf } from '../../language/dataset/solutions/problem-binding.js';
import { failureText } from '../../language/dataset/solutions/failure-text.js';
import { slotKindName } from '../../language/dataset/solutions/trace.js';
import { layoutOf } from '../../language/manufactoria/lexing/reference-layout.js';
import { stripBom } from '../../language/python/bom.js';
import { ProgramGraph } from '../../language/manufactoria/model/program-graph.js';
import { parseProgram, verdictOf } from '../../language/manufactoria/verdict.js';
import {
    DEFAULT_TEST_SETTINGS, TestResultsNotification, TestsChangedNotification,
    type DescribeTestsResult, type RunTestsResult, type TestDescription, type TestSettings, type TraceResult,
} from '../protocol.js';
import { declarationRange, declarationRanges, spanRange } from './ranges.js';
import { SUPERSEDED, type TestRunner } from './test-runner.js';

/** Tape symbols a trace may hold over all its steps (before and after each); ~2 bytes each in the reply. */
const MAX_TRACE_TAPE_SYMBOLS = 20_000_000;

interface Snapshot {
    uri: string;
    text: string;
    version: number;
    file: string;
    document?: LangiumDocument;
    solution: SolutionTests;
}

export class SolutionTestService {
    readonly problems = new ProblemFileCache();
    private readonly results = new Map<string, RunTestsResult>();
    /** The file's tests when its stored result ran (a problem file can change under an unchanged text). */
    private readonly resultTests = new Map<string, readonly PlannedTest[]>();
    /** The tests the last describe of a file gave (what the client's Test Explorer items hold). */
    private readonly describedTests = new Map<string, readonly PlannedTest[]>();
    private readonly debounce = new Map<string, NodeJS.Timeout>();
    private readonly lastAutoRun = new Map<string, number>();
    private lensRefreshSupported = false;

    constructor(private readonly services: LangiumServices & { tests: { Runner: TestRunner } }) {
        const shared = services.shared;
        shared.lsp.LanguageServer.onInitialize((params) => {
            this.lensRefreshSupported = params.capabilities.workspace?.codeLens?.refreshSupport === true;
        });
        shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, (documents) => {
            for (const document of documents) void this.maybeRunOnChange(document);
        });
        shared.lsp.DocumentUpdateHandler?.onWatchedFilesChange((params) => {
            const changed = params.changes.map((c) => URI.parse(c.uri)).filter((uri) => isProblemFile(uri.path));
            if (changed.length > 0) void this.problemFilesChanged(changed.map((uri) => uri.fsPath));
        });
        shared.workspace.TextDocuments?.onDidClose((event) => {
            const uri = event.document.uri;
            clearTimeout(this.debounce.get(uri));
            this.debounce.delete(uri);
            // A document with no file (an untitled buffer, a rollout) is gone once closed: its results
            // too. Kept, a new `Untitled-1` at the same version and tests showed them as its own.
            if (!uri.startsWith('file:')) for (const map of [this.results, this.resultTests, this.describedTests, this.lastAutoRun]) map.delete(uri);
        });
    }

    /**
     * The last run of a file and whether it is outdated: it ran another version of the text, or
     * other tests (the bound problem file was rewritten since: same ids `p0…`, other cases).
     */
    lastRun(uri: string, version: number, tests: readonly PlannedTest[]): { result: RunTestsResult; outdated: boolean } | undefined {
        const result = this.results.get(uri);
        if (!result) return undefined;
        const ran = this.resultTests.get(uri);
        return { result, outdated: result.version !== version || ran === undefined || !sameTests(ran, tests) };
    }

    async settings(): Promise<TestSettings> {
        // Without a client connection (in-process tests, tools) the configuration never becomes ready.
        if (!this.services.shared.lsp.Connection) return DEFAULT_TEST_SETTINGS;
        const configured = await this.services.shared.workspace.ConfigurationProvider.getConfiguration('manufactoria', 'tests').catch(() => undefined);
        const value = (typeof configured === 'object' && configured !== null ? configured : {}) as Partial<TestSettings>;
        const number = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback);
        return {
            runOnChange: value.runOnChange === true,
            runOnChangeDelay: number(value.runOnChangeDelay, DEFAULT_TEST_SETTINGS.runOnChangeDelay),
            timeout: Math.max(100, number(value.timeout, DEFAULT_TEST_SETTINGS.timeout)),
        };
    }

    async snapshot(uri: string): Promise<Snapshot> {
        const parsed = URI.parse(uri);
        const document = this.services.shared.workspace.LangiumDocuments.getDocument(parsed);
        // The open text, even before the server has (re)built its document (edits are coalesced).
        const open = this.services.shared.workspace.TextDocuments?.get(uri) ?? document?.textDocument;
        // A file the server has not loaded (outside the workspace, just written): as VS Code would open it.
        const text = open ? open.getText() : stripBom(await fs.readFile(parsed.fsPath, 'utf8'));
        const version = open?.version ?? 0;
        const file = parsed.fsPath;
        return { uri, text, version, file, document, solution: await solutionTests(text, file, this.problems) };
    }

    async describe(uri: string): Promise<DescribeTestsResult> {
        const snap = await this.snapshot(uri);
        const { binding, directives, tests } = snap.solution;
        this.describedTests.set(uri, tests);
        const result: DescribeTestsResult = { uri, tests: tests.map(describeTest) };
        if (directives.problem) result.problemRange = spanRange(directives.problem.span);
        if (binding && !binding.ok) result.bindingError = binding.message;
        if (binding?.ok) {
            const p = binding.problem;
            result.problem = {
                id: p.id, name: p.name, family: p.family, level: p.level, colorMode: p.colorMode, criteria: p.criteria,
                file: binding.file, index: p.source.index, ...(p.source.line !== undefined ? { line: p.source.line } : {}), testCount: p.testCases.length,
            };
        }
        return result;
    }

    async run(uri: string, testIds?: readonly string[]): Promise<RunTestsResult> {
        const started = Date.now();
        const snap = await this.snapshot(uri);
        const wanted = testIds ? new Set(testIds) : undefined;
        const tests = snap.solution.tests.filter((t) => !wanted || wanted.has(t.id));
        const described = this.describedTests.get(uri);
        const base = {
            uri, version: snap.version, outcomes: [], passed: 0, total: tests.length, pass_rate: 0, all_pass: 0 as const,
            ...(described && !sameTests(described, snap.solution.tests) ? { testsChanged: true as const } : {}),
        };
        let result: RunTestsResult;
        if (tests.length === 0) {
            result = { ...base, state: 'no-tests', message: this.noTestsMessage(snap), durationMs: Date.now() - started };
        } else {
            const settings = await this.settings();
            // A whole-file run replaces a queued run of the same file: its text is newer.
            const run = await this.services.tests.Runner.run(snap.text, tests.map((t) => ({ id: t.id, testCase: t.testCase })), settings.timeout, wanted ? undefined : uri);
            if (run.state === 'error' && run.message === SUPERSEDED) {
                return { ...base, state: 'error', message: run.message, durationMs: Date.now() - started };
            }
            if (run.state === 'invalid') {
                const { errorLine } = this.programOf(snap);
                result = { ...base, state: 'invalid', message: run.message, errorRange: errorLine(run.referenceLine), durationMs: Date.now() - started };
            } else if (run.state === 'error') {
                result = { ...base, state: 'error', message: run.message, durationMs: Date.now() - started };
            } else {
                const { rangeOfNode } = this.programOf(snap);
                result = {
                    ...base, state: 'ran', passed: run.passed, pass_rate: run.pass_rate, all_pass: run.all_pass, durationMs: Date.now() - started,
                    outcomes: run.results.map(({ id, result: r }) => {
                        // A run routed to NONE (or to an undeclared name) ended at the node that sent it there.
                        let endNode = r.path.at(-1) ?? null;
                        let endRange = endNode === null ? undefined : rangeOfNode(endNode);
                        const from = r.path.at(-2);
                        const fromRange = !endRange && from !== undefined ? rangeOfNode(from) : undefined;
                        if (fromRange) [endNode, endRange] = [from!, fromRange];
                        return {
                            id, passed: r.passed, actual_output: r.actual_output, actual_accepted: r.actual_accepted,
                            rejection_reason: r.rejection_reason, path: r.path, endNode, ...(endRange ? { endRange } : {}),
                        };
                    }),
                };
            }
        }
        // A run of a text older than the last stored one (it finished late) does not replace it.
        const stored = this.results.get(uri);
        if (stored && stored.version > result.version && snap.document) return result;
        this.results.set(uri, wanted ? this.merged(result, snap.solution.tests) : result);
        this.resultTests.set(uri, snap.solution.tests);
        this.refreshLenses();
        return result;
    }

    /**
     * What a run of selected tests leaves for the lenses: merged into the last full run of the same
     * text (only the tests that ran change), or marked partial when there is none to merge into.
     */
    private merged(result: RunTestsResult, tests: readonly PlannedTest[]): RunTestsResult {
        const testCount = tests.length;
        if (result.state !== 'ran' || result.total === testCount) return result;
        const previous = this.lastRun(result.uri, result.version, tests);
        if (!previous || previous.outdated || previous.result.state !== 'ran' || previous.result.partial) {
            return { ...result, partial: { of: testCount } };
        }
        const fresh = new Map(result.outcomes.map((o) => [o.id, o]));
        const outcomes = previous.result.outcomes.map((o) => fresh.get(o.id) ?? o);
        return { ...previous.result, outcomes, ...scoresOf(outcomes.filter((o) => o.passed).length, previous.result.total) };
    }

    async trace(uri: string, testId: string): Promise<TraceResult> {
        const snap = await this.snapshot(uri);
        const test = snap.solution.tests.find((t) => t.id === testId);
        const empty: TraceResult = { uri, testId, label: test?.label ?? testId, input: test?.testCase.input ?? '', passed: false, finished: false, finalTape: '', rejection: null, steps: [], visits: [] };
        if (!test) return { ...empty, error: `No test '${testId}' in this file (its tests changed?)` };
        const verdict = verdictOf(snap.text);
        if (!verdict.ok) return { ...empty, error: `DSL Parse Error: ${verdict.error}` };
        // Pass/fail may involve a regex, which only ever runs in the worker.
        const check = await this.services.tests.Runner.run(snap.text, [{ id: test.id, testCase: test.testCase }], (await this.settings()).timeout);
        const checked = check.state === 'ran' ? check.results[0].result : undefined;
        const trace = traceRun(verdict.program, test.testCase.input);
        // Each step carries its tapes: a long input looped over for 1,000 steps made a reply too
        // large to write ("Invalid string length" after ~20 s for a 1 MB tape).
        const symbols = trace.steps.reduce((n, s) => n + s.tapeBefore.length + s.tapeAfter.length, 0);
        if (symbols > MAX_TRACE_TAPE_SYMBOLS) {
            return { ...empty, error: `the trace is too large to show: its ${trace.steps.length} steps hold ${symbols} tape symbols in all (at most ${MAX_TRACE_TAPE_SYMBOLS}); \`delta run\` prints the path` };
        }
        const ranges = declarationRanges(verdict.ast, TextDocument.create(uri, 'manufactoria', snap.version, snap.text));
        return {
            ...empty,
            passed: checked?.passed === true,
            // A check that did not finish (the time limit) is no pass either: say why instead of a bare ✗.
            ...(checked && !checked.passed ? { failure: failureText(test.testCase, checked) } : {}),
            ...(check.state === 'error' ? { failure: `not checked: ${check.message}` } : {}),
            finished: trace.finished, finalTape: trace.finalTape, rejection: trace.rejection,
            steps: trace.steps.map((step, index) => {
                const range = ranges.get(step.sourceIndex);
                return { index, node: step.node, kind: slotKindName(verdict.program, step.slot), tapeBefore: step.tapeBefore, tapeAfter: step.tapeAfter, action: step.action, ...(range ? { range } : {}) };
            }),
            visits: [...trace.visits].flatMap(([index, count]) => {
                const range = ranges.get(index);
                return range ? [{ node: verdict.ast.nodes[index].name ?? '', count, range }] : [];
            }),
        };
    }

    /** The tests a document declares, for lenses and hovers (cached binding; no run). */
    async testsOf(document: LangiumDocument): Promise<SolutionTests> {
        return solutionTests(document.textDocument.getText(), document.uri.fsPath, this.problems);
    }

    private noTestsMessage(snap: Snapshot): string {
        const { binding } = snap.solution;
        if (binding && !binding.ok) return binding.message;
        // Bound, but the row lists no test cases: saying "bind a problem" would send the user looking for a typo.
        if (binding?.ok) return `No tests: the problem '${binding.problem.name}' has no test cases (add # test: lines)`;
        return "No tests: bind a problem with '# problem: <file>#<id>' or add '# test: <input> -> accept'";
    }

    /** Node ranges and error lines for the text a run used (the open document's AST when it is that text). */
    private programOf(snap: Snapshot) {
        // An edited document is marked Changed until it is parsed again: its old AST does not fit the text.
        const program = snap.document && snap.document.state >= DocumentState.Parsed && snap.document.textDocument.getText() === snap.text
            ? snap.document.parseResult.value as Program
            : parseProgram(snap.text);
        const textDocument = TextDocument.create(snap.uri, 'manufactoria', snap.version, snap.text);
        let graph: ProgramGraph | undefined;
        return {
            rangeOfNode: (id: string) => {
                // The declaration a run's node id resolves to (the first one; duplicates are reference errors).
                // Not for NONE: that is the terminal even when a node is named NONE (it never runs).
                graph ??= new ProgramGraph(program);
                const node = graph.resolve(id);
                return node && declarationRange(node, textDocument);
            },
            errorLine: (referenceLine: number | null) => {
                // The reference numbers lines after its own stripping; its layout maps them back (a
                // program-level error, without a line, goes where the program text starts).
                const layout = layoutOf(snap.text);
                const at = layout.lines.find((l) => l.number === referenceLine)?.start ?? layout.textStart;
                const line = textDocument.positionAt(at).line;
                return { start: { line, character: 0 }, end: { line, character: textDocument.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '').length } };
            },
        };
    }

    private async maybeRunOnChange(document: LangiumDocument): Promise<void> {
        const uri = document.uri.toString();
        if (!this.services.shared.workspace.TextDocuments?.get(uri)) return;
        if (!document.textDocument.getText().includes('#')) return;
        const settings = await this.settings();
        if (!settings.runOnChange || this.lastAutoRun.get(uri) === document.textDocument.version) return;
        clearTimeout(this.debounce.get(uri));
        this.debounce.set(uri, setTimeout(() => {
            this.debounce.delete(uri);
            this.lastAutoRun.set(uri, document.textDocument.version);
            this.run(uri).then((result) => {
                // An older version's run (superseded, or finished after a newer edit) is not news.
                const current = this.services.shared.workspace.TextDocuments?.get(uri)?.version;
                if (result.message === SUPERSEDED || (current !== undefined && result.version !== current)) return;
                if (result.state !== 'no-tests') void this.services.shared.lsp.Connection?.sendNotification(TestResultsNotification, { result });
            }, () => undefined);
        }, settings.runOnChangeDelay));
    }

    private async problemFilesChanged(files: string[]): Promise<void> {
        for (const file of files) this.problems.forget(file);
        // Only solutions bound to one of these files: a dataset or rollout dump written beside them
        // (a .json/.jsonl too) changes no solution's tests.
        const changed = new Set(files);
        const documents = this.services.shared.workspace.LangiumDocuments.all.filter((d) => {
            const text = d.textDocument.getText();
            if (!hasProblemDirective(text)) return false;
            const directive = parseDirectives(text).problem;
            return directive !== undefined && changed.has(problemFileOf(directive, d.uri.fsPath));
        }).toArray();
        if (documents.length === 0) return;
        this.services.shared.lsp.Connection?.console.info(`Problem files changed (${files.length}: ${files.slice(0, 3).join(', ')}${files.length > 3 ? ', …' : ''}): checking ${documents.length} bound solution${documents.length === 1 ? '' : 's'} again`);
        // Re-validate so directive diagnostics follow the problem file; tell the client its tests may differ.
        // Through the workspace lock, like every build: a build beside a running one would interleave.
        const { WorkspaceLock, DocumentBuilder } = this.services.shared.workspace;
        await WorkspaceLock.write((token) => DocumentBuilder.update(documents.map((d) => d.uri), [], token));
        for (const d of documents) void this.services.shared.lsp.Connection?.sendNotification(TestsChangedNotification, { uri: d.uri.toString() });
        this.refreshLenses();
    }

    private refreshLenses(): void {
        const connection = this.services.shared.lsp.Connection;
        // Only when the client said it can; otherwise lenses update on the next edit.
        if (connection && this.lensRefreshSupported) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    }
}

function describeTest(test: PlannedTest): TestDescription {
    const { input, expected_output, expected_accepted, check_output } = test.testCase;
    return { id: test.id, label: test.label, detail: test.detail, input, expected_output, expected_accepted, check_output, range: spanRange(test.span) };
}
