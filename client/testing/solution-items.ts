// The Test Explorer tree: one item per solution file, one child per test the server describes.
// Kept in sync with files on disk, open editors (debounced) and the server's TestsChanged pushes.
import * as vscode from 'vscode';
import { DescribeTestsRequest, TestsChangedNotification, type DescribeTestsResult, type TestDescription } from '../../server/protocol.js';
import { ROLLOUT_SCHEME } from '../rollouts/document-text.js';
import { problemKey, type SolutionResults } from '../problems/problem-status.js';
import type { ManufactoriaServer } from '../server.js';
import { onServerNotification, runningClient } from './connection.js';
import { toRange } from './ranges.js';
import { changedTestIds, isProblemCase } from './changed-tests.js';
import { fileItemLabel } from './run-text.js';
import { isSolutionLocation } from './solution-uri.js';

export const SOLUTION_GLOB = '**/*.{manufactoria,mfy}';
const SOLUTION_EXCLUDE = '**/node_modules/**';
const EDIT_DEBOUNCE_MS = 300;
/** Describe requests in flight during a workspace scan; the server has two cores to share. */
const SCAN_CONCURRENCY = 4;

/** A solution file, or a Manufactoria rollout opened as a read-only solution (not its canonical copy in a diff). */
export function isSolutionUri(uri: vscode.Uri): boolean {
    return isSolutionLocation(uri);
}

export class SolutionItems implements vscode.Disposable {
    /** The test each child stands for; children are keyed by the server's test id. */
    private readonly tests = new WeakMap<vscode.TestItem, TestDescription>();
    /** The problem row (problemKey) each file item is bound to. */
    private readonly problems = new WeakMap<vscode.TestItem, string>();
    private readonly editTimers = new Map<string, NodeJS.Timeout>();
    private discovery: Promise<void> | undefined;
    private startedBefore = false;
    private readonly disposables: vscode.Disposable[] = [];

    constructor(
        private readonly controller: vscode.TestController,
        private readonly server: ManufactoriaServer,
        private readonly log: vscode.LogOutputChannel,
        private readonly results: SolutionResults,
    ) {
        // Test Explorer asks for the roots when it first shows them: the scan waits until then.
        controller.resolveHandler = async (item) => {
            if (!item) await this.discoverAll();
        };
        controller.refreshHandler = async () => {
            this.discovery = undefined;
            await this.discoverAll();
        };

        const watcher = vscode.workspace.createFileSystemWatcher(SOLUTION_GLOB);
        this.disposables.push(
            watcher,
            watcher.onDidCreate((uri) => void this.refresh(uri)),
            watcher.onDidDelete((uri) => this.remove(uri)),
            // Open documents are followed through their edits; the disk copy is stale for them.
            watcher.onDidChange((uri) => {
                if (!isOpen(uri)) void this.refresh(uri);
            }),
            vscode.workspace.onDidChangeTextDocument((e) => {
                if (e.contentChanges.length > 0 && isSolutionUri(e.document.uri)) this.refreshSoon(e.document.uri);
            }),
            vscode.workspace.onDidOpenTextDocument((doc) => {
                if (isSolutionUri(doc.uri) && !this.controller.items.get(doc.uri.toString())) void this.refresh(doc.uri);
            }),
            // A rollout exists only while its document is open: no file on disk brings it back.
            vscode.workspace.onDidCloseTextDocument((doc) => {
                if (doc.uri.scheme === ROLLOUT_SCHEME) this.remove(doc.uri);
            }),
            onServerNotification(server, TestsChangedNotification, ({ uri }) => void this.refresh(vscode.Uri.parse(uri))),
            // A restarted server may see files differently (a fixed problem file, say): describe again.
            server.onDidChangePhase((phase) => {
                if (phase !== 'running') return;
                if (this.startedBefore && this.discovery) this.discovery = this.scan();
                this.startedBefore = true;
            }),
        );
        // Files already open get their items (and gutter run buttons) without waiting for Test Explorer.
        for (const doc of vscode.workspace.textDocuments) if (isSolutionUri(doc.uri)) void this.refresh(doc.uri);
    }

    get controllerItems(): vscode.TestItemCollection {
        return this.controller.items;
    }

    testOf(item: vscode.TestItem): TestDescription | undefined {
        return this.tests.get(item);
    }

    /** The problem row a file item is bound to (see problemKey), when it binds one. */
    problemOf(item: vscode.TestItem): string | undefined {
        return this.problems.get(item);
    }

    /** Every solution file of the workspace, described once (Refresh scans again). */
    discoverAll(): Promise<void> {
        this.discovery ??= this.scan();
        return this.discovery;
    }

    /** The item of a file, describing it first when it is not known yet. */
    async itemFor(uri: vscode.Uri): Promise<vscode.TestItem | undefined> {
        return this.controller.items.get(uri.toString()) ?? (await this.refresh(uri));
    }

    /** Asks the server what `uri` declares and updates (or removes) its item. */
    async refresh(uri: vscode.Uri): Promise<vscode.TestItem | undefined> {
        let described: DescribeTestsResult;
        try {
            described = await (await runningClient(this.server)).sendRequest(DescribeTestsRequest, { uri: uri.toString() });
        } catch (error) {
            this.log.warn(`Testing: could not describe ${uri.fsPath}`, error);
            return this.controller.items.get(uri.toString());
        }
        if (!described.problemRange && !described.bindingError && described.tests.length === 0) {
            this.remove(uri);
            return undefined;
        }
        return this.update(uri, described);
    }

    remove(uri: vscode.Uri): void {
        this.controller.items.delete(uri.toString());
        this.results.rebind(uri.toString(), undefined);
    }

    dispose(): void {
        for (const timer of this.editTimers.values()) clearTimeout(timer);
        for (const d of this.disposables) d.dispose();
    }

    private refreshSoon(uri: vscode.Uri): void {
        const key = uri.toString();
        clearTimeout(this.editTimers.get(key));
        this.editTimers.set(
            key,
            setTimeout(() => {
                this.editTimers.delete(key);
                void this.refresh(uri);
            }, EDIT_DEBOUNCE_MS),
        );
    }

    private async scan(): Promise<void> {
        const uris = await vscode.workspace.findFiles(SOLUTION_GLOB, SOLUTION_EXCLUDE);
        const found = new Set(uris.map((u) => u.toString()));
        // Items of files that disappeared while nobody watched (e.g. before a restart).
        this.controller.items.forEach((item) => {
            if (item.uri && !found.has(item.id) && !isOpen(item.uri)) this.controller.items.delete(item.id);
        });
        const queue = [...uris];
        const worker = async () => {
            for (let uri = queue.shift(); uri; uri = queue.shift()) await this.refresh(uri);
        };
        await Promise.all(Array.from({ length: Math.min(SCAN_CONCURRENCY, queue.length) }, worker));
    }

    private update(uri: vscode.Uri, described: DescribeTestsResult): vscode.TestItem {
        const fileName = uri.path.slice(uri.path.lastIndexOf('/') + 1);
        const label = fileItemLabel(fileName, described.problem?.name);
        let item = this.controller.items.get(uri.toString());
        if (!item) {
            item = this.controller.createTestItem(uri.toString(), label, uri);
            this.controller.items.add(item);
        }
        item.label = label;
        item.description = described.problem ? `${described.problem.family} · ${described.problem.level}` : undefined;
        item.range = described.problemRange ? toRange(described.problemRange) : undefined;
        item.error = described.bindingError;
        const problem = described.problem && problemKey(described.problem.file, described.problem.index);
        if (problem) this.problems.set(item, problem);
        else this.problems.delete(item);
        const before = new Map<string, TestDescription>();
        item.children.forEach((child) => {
            const test = this.tests.get(child);
            if (test) before.set(child.id, test);
        });
        // The problem's cases changed (its file was rewritten): the last result no longer says whether it is solved.
        if (changedTestIds(before, described.tests).some(isProblemCase)) this.results.rebind(uri.toString(), undefined);
        this.results.rebind(uri.toString(), problem);
        item.children.replace(
            described.tests.map((test, index) => {
                const child = this.controller.createTestItem(test.id, test.label, uri);
                child.description = test.detail;
                child.range = toRange(test.range);
                // Problem cases share the `# problem:` line; keep them in case order, not by label.
                child.sortText = String(index).padStart(6, '0');
                this.tests.set(child, test);
                return child;
            }),
        );
        // A result shown on a test that now checks another case would be the old case's.
        const changed = changedTestIds(before, described.tests).map((id) => item.children.get(id)).filter((c) => c !== undefined);
        if (changed.length > 0) this.controller.invalidateTestResults(changed);
        return item;
    }
}

function isOpen(uri: vscode.Uri): boolean {
    const key = uri.toString();
    return vscode.workspace.textDocuments.some((d) => d.uri.toString() === key);
}
