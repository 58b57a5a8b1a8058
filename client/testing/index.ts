// "Run family tests inline" in Test Explorer: the 'manufactoria' test controller, its Run and
// Debug profiles, the run commands the server's code lenses call, and run-on-change results.
import * as vscode from 'vscode';
import { Commands, TestResultsNotification } from '../../server/protocol.js';
import type { FeatureContext } from '../extension.js';
import { onServerNotification } from './connection.js';
import { progressText, runAllSummary, type FileVerdict } from './run-text.js';
import { SolutionRunner, type FileReport, type FileRun } from './runner.js';
import { isSolutionUri, SolutionItems } from './solution-items.js';

export const CONTROLLER_ID = 'manufactoria';

export type TestState = 'passed' | 'failed' | 'errored' | 'skipped';

/** What Test Explorer shows, for in-host tests (the Testing API has no stable way to read results back). */
export interface TestingApi {
    readonly controller: vscode.TestController;
    /** The last state each test item (by id) reached in this window. */
    readonly states: ReadonlyMap<string, TestState>;
}

/** A TestRun that also records each item's state in `states`. */
function recording(run: vscode.TestRun, states: Map<string, TestState>): vscode.TestRun {
    const recorded = Object.create(run) as vscode.TestRun;
    recorded.passed = (item, duration) => { states.set(item.id, 'passed'); run.passed(item, duration); };
    recorded.failed = (item, message, duration) => { states.set(item.id, 'failed'); run.failed(item, message, duration); };
    recorded.errored = (item, message, duration) => { states.set(item.id, 'errored'); run.errored(item, message, duration); };
    recorded.skipped = (item) => { states.set(item.id, 'skipped'); run.skipped(item); };
    return recorded;
}

export function registerTesting({ context, log, server, results }: FeatureContext): TestingApi {
    const controller = vscode.tests.createTestController(CONTROLLER_ID, 'Manufactoria');
    const states = new Map<string, TestState>();
    const items = new SolutionItems(controller, server, log, results);
    const runner = new SolutionRunner(items, server, results);

    const runRequest = async (request: vscode.TestRunRequest, token: vscode.CancellationToken, traceFirstFailure: boolean) => {
        const run = recording(controller.createTestRun(request, 'Manufactoria'), states);
        let reports: FileReport[] = [];
        try {
            reports = await runner.run(run, await runner.plan(request), token);
        } finally {
            run.end();
        }
        const failure = reports.flatMap((r) => r.failed)[0];
        if (traceFirstFailure && failure && !token.isCancellationRequested) {
            await vscode.commands.executeCommand(Commands.showTrace, failure.uri, failure.testId);
        }
    };
    // "Debug" here means: run, then step through the first failing test's trace.
    controller.createRunProfile('Run', vscode.TestRunProfileKind.Run, (request, token) => runRequest(request, token, false), true);
    controller.createRunProfile('Run and Trace First Failure', vscode.TestRunProfileKind.Debug, (request, token) => runRequest(request, token, true), true);

    context.subscriptions.push(
        controller,
        items,
        vscode.commands.registerCommand(Commands.runTests, async (arg?: unknown) => {
            const uri = uriArgument(arg);
            if (!uri) return void vscode.window.showInformationMessage('Manufactoria: open a solution file (.manufactoria) to run its tests.');
            const item = await items.itemFor(uri);
            if (!item) return void vscode.window.showInformationMessage('Manufactoria: this file binds no problem (# problem: …) and has no # test: lines.');
            const source = new vscode.CancellationTokenSource();
            try {
                await runRequest(new vscode.TestRunRequest([item]), source.token, false);
            } finally {
                source.dispose();
            }
        }),
        vscode.commands.registerCommand(Commands.runAllSolutions, () => runAll(controller, items, runner)),
        // Run-on-change: the server ran the tests itself; show them in Test Explorer too.
        onServerNotification(server, TestResultsNotification, async ({ result }) => {
            const item = await items.itemFor(vscode.Uri.parse(result.uri));
            if (!item) return;
            const run = recording(controller.createTestRun(new vscode.TestRunRequest([item]), 'Manufactoria (run on change)', false), states);
            try {
                await runner.report(run, { item }, result);
            } finally {
                run.end();
            }
        }),
    );
    return { controller, states };
}

async function runAll(controller: vscode.TestController, items: SolutionItems, runner: SolutionRunner): Promise<void> {
    const verdicts: FileVerdict[] = [];
    let cancelled = false;
    await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Manufactoria: running all solutions', cancellable: true },
        async (progress, token) => {
            progress.report({ message: 'finding solution files…' });
            await items.discoverAll();
            const files: FileRun[] = [];
            items.controllerItems.forEach((item) => files.push({ item }));
            if (files.length === 0) return;
            const run = controller.createTestRun(new vscode.TestRunRequest(files.map((f) => f.item)), 'Manufactoria: Run All Solutions');
            progress.report({ message: progressText(0, files.length) });
            try {
                await runner.run(run, files, token, (report) => {
                    verdicts.push(report.verdict);
                    progress.report({ message: progressText(verdicts.length, files.length), increment: 100 / files.length });
                });
            } finally {
                run.end();
                cancelled = token.isCancellationRequested;
            }
        },
    );
    void vscode.window.showInformationMessage(runAllSummary(verdicts, cancelled));
}

/** The lenses pass a URI string; the palette passes nothing (use the active editor). */
function uriArgument(arg: unknown): vscode.Uri | undefined {
    if (typeof arg === 'string') return vscode.Uri.parse(arg);
    if (arg instanceof vscode.Uri) return arg;
    const active = vscode.window.activeTextEditor?.document.uri;
    return active && isSolutionUri(active) ? active : undefined;
}
