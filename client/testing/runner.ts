// Runs solution files' tests through the server and reports them on a TestRun.
import * as vscode from 'vscode';
import { outcomeText } from '../../language/dataset/solutions/failure-text.js';
import { RunTestsRequest, SUPERSEDED, type RunTestsResult, type TestDescription, type TestOutcome } from '../../server/protocol.js';
import type { SolutionResults } from '../problems/problem-status.js';
import type { ManufactoriaServer } from '../server.js';
import { runningClient } from './connection.js';
import { toRange } from './ranges.js';
import { failureMessage, fileSummary, fileVerdict, type FileVerdict } from './run-text.js';
import type { SolutionItems } from './solution-items.js';

/** One file of a run: its item and the tests asked for (all when `testIds` is absent). */
export interface FileRun {
    item: vscode.TestItem;
    testIds?: string[];
}

export interface FailedTest {
    uri: string;
    testId: string;
}

export interface FileReport {
    verdict: FileVerdict;
    failed: FailedTest[];
}

export class SolutionRunner {
    constructor(
        private readonly items: SolutionItems,
        private readonly server: ManufactoriaServer,
        private readonly results: SolutionResults,
    ) {}

    /** Groups the requested items by file; a file item stands for all its tests. */
    async plan(request: vscode.TestRunRequest): Promise<FileRun[]> {
        if (!request.include) await this.items.discoverAll();
        const roots: vscode.TestItem[] = [];
        this.items.controllerItems.forEach((item) => roots.push(item));
        const excluded = new Set(request.exclude ?? []);
        const byFile = new Map<vscode.TestItem, Set<string> | 'all'>();
        for (const item of request.include ?? roots) {
            if (excluded.has(item)) continue;
            const file = item.parent ?? item;
            if (item === file) byFile.set(file, 'all');
            else {
                const ids = byFile.get(file) ?? new Set<string>();
                if (ids !== 'all') byFile.set(file, ids.add(item.id));
            }
        }
        return [...byFile].map(([item, ids]) => {
            if (ids !== 'all') return { item, testIds: [...ids] };
            const kept = childrenOf(item).filter((c) => !excluded.has(c));
            return kept.length === item.children.size ? { item } : { item, testIds: kept.map((c) => c.id) };
        });
    }

    /** Runs file after file; `onFile` hears of each one done. Stops (skipping the rest) on cancellation. */
    async run(run: vscode.TestRun, files: readonly FileRun[], token: vscode.CancellationToken, onFile?: (report: FileReport) => void): Promise<FileReport[]> {
        for (const file of files) for (const child of selected(file)) run.enqueued(child);
        const reports: FileReport[] = [];
        for (const file of files) {
            if (token.isCancellationRequested) {
                for (const child of selected(file)) run.skipped(child);
                continue;
            }
            for (const child of selected(file)) run.started(child);
            let result: RunTestsResult;
            try {
                const client = await runningClient(this.server);
                result = await client.sendRequest(RunTestsRequest, { uri: file.item.id, ...(file.testIds ? { testIds: file.testIds } : {}) }, token);
            } catch (error) {
                if (token.isCancellationRequested) {
                    for (const child of selected(file)) run.skipped(child);
                    continue;
                }
                result = errorResult(file.item.id, error);
            }
            const report = await this.report(run, file, result);
            reports.push(report);
            onFile?.(report);
        }
        return reports;
    }

    /** Puts one file's result on `run` and records it for the Problems view. */
    async report(run: vscode.TestRun, file: FileRun, result: RunTestsResult): Promise<FileReport> {
        const report = await this.reportOnRun(run, file, result);
        const problem = this.items.problemOf(file.item);
        const uri = file.item.uri ?? vscode.Uri.parse(file.item.id);
        // Solution files only: a rollout opened as a solution is a model's answer, not the user's.
        if (problem && uri.scheme === 'file' && result.message !== SUPERSEDED) {
            const fileName = uri.path.slice(uri.path.lastIndexOf('/') + 1);
            this.results.record({ solution: file.item.id, fileName, problem, verdict: report.verdict, passed: result.passed, total: result.total }, file.testIds !== undefined);
        }
        return report;
    }

    /** Outcomes on their children, or the file-wide error on each. */
    private async reportOnRun(run: vscode.TestRun, file: FileRun, result: RunTestsResult): Promise<FileReport> {
        const item = file.item;
        const uri = item.uri ?? vscode.Uri.parse(item.id);
        run.appendOutput(`${fileSummary(item.label, result)}\r\n`, undefined, item);
        // Results of a newer text (or of a rewritten problem file) than the items were made from:
        // describe again, so the ids match and failures are worded against the cases that ran.
        if (result.testsChanged || result.outcomes.some((o) => !item.children.get(o.id))) await this.items.refresh(uri);
        const wanted = file.testIds ? new Set(file.testIds) : undefined;
        const children = childrenOf(item).filter((c) => !wanted || wanted.has(c.id));
        const failed: FailedTest[] = [];

        if (result.state === 'invalid' || result.state === 'error') {
            const text = result.message ?? (result.state === 'invalid' ? 'The program does not parse' : 'The run failed');
            const message = (at: vscode.TestItem) => {
                const m = new vscode.TestMessage(text);
                const range = result.errorRange ? toRange(result.errorRange) : at.range;
                if (range) m.location = new vscode.Location(uri, range);
                return m;
            };
            // A file whose only content is a broken binding has no children: the file carries it.
            for (const target of children.length ? children : [item]) run.errored(target, message(target));
            return { verdict: fileVerdict(result), failed };
        }

        const outcomes = new Map(result.outcomes.map((o) => [o.id, o]));
        for (const child of children) {
            const outcome = outcomes.get(child.id);
            if (!outcome) {
                run.skipped(child);
            } else if (outcome.passed) {
                run.passed(child);
            } else {
                run.failed(child, this.failure(uri, child, outcome));
                failed.push({ uri: uri.toString(), testId: child.id });
            }
        }
        return { verdict: fileVerdict(result), failed };
    }

    private failure(uri: vscode.Uri, child: vscode.TestItem, outcome: TestOutcome): vscode.TestMessage {
        const test: TestDescription | undefined = this.items.testOf(child);
        const text = test ? failureMessage(test, outcome) : `failed: ${outcomeText(outcome)}`;
        const message = test?.check_output ? vscode.TestMessage.diff(text, test.expected_output, outcome.actual_output) : new vscode.TestMessage(text);
        // The message sits on the test's own line: VS Code draws its inline failure badge at the end
        // of that line, and on a node line the badge would cover the trace's text there. The node
        // where the run stopped (where the fix usually goes) is the message's one stack frame.
        if (child.range) message.location = new vscode.Location(uri, child.range);
        if (outcome.endRange) {
            message.stackTrace = [new vscode.TestMessageStackFrame(`run ended at ${outcome.endNode ?? 'this node'}`, uri, toRange(outcome.endRange).start)];
        }
        return message;
    }
}

function childrenOf(item: vscode.TestItem): vscode.TestItem[] {
    const children: vscode.TestItem[] = [];
    item.children.forEach((c) => children.push(c));
    return children;
}

function selected(file: FileRun): vscode.TestItem[] {
    const wanted = file.testIds ? new Set(file.testIds) : undefined;
    return childrenOf(file.item).filter((c) => !wanted || wanted.has(c.id));
}

function errorResult(uri: string, error: unknown): RunTestsResult {
    const message = error instanceof Error ? error.message : String(error);
    return { uri, version: -1, state: 'error', message, outcomes: [], passed: 0, total: 0, pass_rate: 0, all_pass: 0, durationMs: 0 };
}
