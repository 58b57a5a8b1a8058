// Open rollout runs. Each run has its own worker thread that reads and re-scores it (progress in a
// cancellable notification; Cancel terminates the worker) and afterwards answers questions about
// single rollouts. The extension host holds only the compact overview.
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import type { Overview } from '../../language/rollouts/overview.js';
import type { VerdictChanges } from '../../language/rollouts/detail.js';
import type { DetailView } from '../webview/rollouts/protocol.js';
import type { RolloutIssue } from '../../language/rollouts/types.js';
import { workerOptions } from '../../server/worker-role.js';
import { configuredPython, configuredSandbox } from '../trajectory/python-path.js';
import type { FromWorker, RolloutInfo, SearchField, ToWorker } from './worker-protocol.js';
import { WorkerQuestions } from './worker-questions.js';

/** A question to the worker, without the id the asking adds. */
type Question = ToWorker extends infer Q ? (Q extends { id: number } ? Omit<Q, 'id'> : never) : never;
type Answer = Extract<FromWorker, { id: number }>;

export interface Run {
    readonly key: number;
    readonly title: string;
    readonly paths: string[];
    overview: Overview;
    issues: RolloutIssue[];
    issueCount: number;
    /** Milliseconds from start to the overview (read + score + aggregate). */
    loadMs: number;
    rollout(row: number): Promise<RolloutInfo | null>;
    /** Distinct programs among these rollouts (a GRPO group), from the worker that holds them. */
    distinctPrograms(rows: number[]): Promise<number | null>;
    /** The rollout re-scored with per-test details (the detail view), or why not (its dump changed since loading). */
    detail(row: number): Promise<{ detail: DetailView | null; error?: string }>;
    /** Per-test verdict changes from one rollout to another. */
    changes(before: number, after: number): Promise<VerdictChanges | null>;
    /** Rows whose program or response contains the text (any case). */
    search(text: string, field: SearchField): Promise<Int32Array>;
}

export class Runs implements vscode.Disposable {
    private readonly runs: Run[] = [];
    private readonly workers = new Map<number, Worker>();
    private nextKey = 1;
    private readonly changed = new vscode.EventEmitter<void>();
    readonly onDidChange = this.changed.event;

    constructor(private readonly workerPath: string, private readonly log: vscode.LogOutputChannel) {}

    get all(): readonly Run[] {
        return this.runs;
    }

    get(key: number): Run | undefined {
        return this.runs.find((r) => r.key === key);
    }

    /** Loads a run behind a cancellable progress notification; undefined when cancelled or failed. */
    open(paths: string[], problemFiles: string[], title: string): Promise<Run | undefined> {
        return Promise.resolve(vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: `Rollouts: ${title}`, cancellable: true },
            (progress, token) => this.load(paths, problemFiles, title, progress, token),
        ));
    }

    private load(paths: string[], problemFiles: string[], title: string, progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<Run | undefined> {
        const key = this.nextKey++;
        const started = Date.now();
        const worker = new Worker(this.workerPath, workerOptions('rollouts'));
        const questions = new WorkerQuestions<Question, Answer>(worker);
        // `gone`: what a question gets once the worker has ended (closed, out of memory, crashed).
        // `notify`: the error of an answer (a dump changed on disk since loading: its rollouts are read
        // back from it) becomes a notification; the detail pane shows its own (arrowing through the
        // table asks for one detail after another).
        const ask = <T>(question: Question, read: (answer: Answer) => T, gone: T, notify = true): Promise<T> => questions.ask(question).then((answer) => {
            if (answer && 'error' in answer && answer.error) {
                this.log.warn(`Rollouts: ${title}: ${answer.error}`);
                if (notify) void vscode.window.showErrorMessage(`Rollouts: ${title}: ${answer.error}`);
            }
            return answer ? read(answer) : gone;
        });
        let lastPercent = 0;
        return new Promise((resolve) => {
            const finish = (run: Run | undefined) => {
                cancel.dispose();
                resolve(run);
            };
            const cancel = token.onCancellationRequested(() => {
                void worker.terminate();
                finish(undefined);
            });
            worker.on('error', (error) => {
                this.log.error(`Rollouts: worker for ${title} failed`, error);
                void vscode.window.showErrorMessage(`Rollouts: ${title}: ${error.message}`);
                finish(undefined);
            });
            worker.on('message', (m: FromWorker) => {
                if (m.type === 'progress') {
                    const percent = m.totalBytes ? Math.floor((100 * m.bytesRead) / m.totalBytes) : 0;
                    progress.report({ message: `${m.records.toLocaleString()} rollouts scored · ${m.file.split(/[\\/]/).pop()}`, increment: percent > lastPercent ? percent - lastPercent : undefined });
                    lastPercent = Math.max(lastPercent, percent);
                } else if (m.type === 'failed') {
                    void vscode.window.showErrorMessage(`Rollouts: ${title}: ${m.message}`);
                    void worker.terminate();
                    finish(undefined);
                } else if ('id' in m) {
                    // Answers go to WorkerQuestions.
                } else if (m.type === 'done') {
                    const run: Run = {
                        key, title, paths, overview: m.overview, issues: m.issues, issueCount: m.issueCount, loadMs: Date.now() - started,
                        rollout: (row) => ask({ type: 'rollout', row }, (a) => (a.type === 'rollout' ? a.info : null), null),
                        distinctPrograms: (rows) => ask({ type: 'group', rows }, (a) => (a.type === 'group' ? a.distinctPrograms : null), null),
                        detail: (row) => ask({ type: 'detail', row }, (a) => (a.type === 'detail' ? { detail: a.detail, error: a.error } : { detail: null }), { detail: null }, false),
                        changes: (before, after) => ask({ type: 'changes', before, after }, (a) => (a.type === 'changes' ? a.changes : null), null),
                        search: (text, field) => ask({ type: 'search', text, field }, (a) => (a.type === 'search' ? a.rows : new Int32Array(0)), new Int32Array(0)),
                    };
                    this.workers.set(key, worker);
                    this.runs.push(run);
                    this.log.info(`Rollouts: ${title}: ${m.overview.total} rollouts in ${run.loadMs} ms, ${m.issueCount} bad rows`);
                    for (const issue of m.issues.slice(0, 20)) this.log.warn(`Rollouts: ${issue.where}: ${issue.field ? `${issue.field}: ` : ''}${issue.message}`);
                    const bad = m.issueCount - m.heldBack;
                    if (m.heldBack) void vscode.window.showWarningMessage(`Rollouts: ${title}: ${m.heldBack} BouncingSim answers not run: model-written Python runs only in trusted workspaces. Trust this workspace, then open the run again.`);
                    if (bad) void vscode.window.showWarningMessage(`Rollouts: ${title}: ${bad} bad rows skipped (see the Manufactoria log)`);
                    this.changed.fire();
                    finish(run);
                }
            });
            // Model-written Python (BouncingSim answers) is scored only for a trusted workspace, sandboxed.
            worker.postMessage({ type: 'load', paths, problemFiles, title, python: { trusted: vscode.workspace.isTrusted, python: configuredPython(), sandbox: configuredSandbox() } } satisfies ToWorker);
        });
    }

    close(key: number): void {
        const i = this.runs.findIndex((r) => r.key === key);
        if (i >= 0) this.runs.splice(i, 1);
        void this.workers.get(key)?.terminate();
        this.workers.delete(key);
        this.changed.fire();
    }

    dispose(): void {
        for (const w of this.workers.values()) void w.terminate();
        this.changed.dispose();
    }
}
