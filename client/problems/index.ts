// The Manufactoria Problems view: problem files of the workspace grouped by family, level and
// colour mode, with Open Solution on each problem.
import * as vscode from 'vscode';
import type { FeatureContext } from '../extension.js';
import { ParquetRows, ROW_SCHEME } from './parquet-rows.js';
import { PROBLEM_FILE_GLOB } from '../../language/dataset/problems/formats.js';
import { ProblemFiles } from './problem-files.js';
import type { ProblemNode } from './problem-tree.js';
import { COMMAND_OPEN_PROBLEM_ROW, PROBLEMS_VIEW, ProblemsTree } from './problems-view.js';

export const COMMAND_REFRESH_PROBLEMS = 'manufactoria.problems.refresh';
export const COMMAND_OPEN_SOLUTION = 'manufactoria.openSolution';
/** Set once the first scan is done: the welcome text ("no problem files") waits for it. */
const SCANNED_KEY = 'manufactoria.problems.scanned';
const WATCH_DEBOUNCE_MS = 500;

export function registerProblems({ context, server, results }: FeatureContext): void {
    const files = new ProblemFiles(PROBLEMS_VIEW, server);
    const tree = new ProblemsTree(files, results);
    const view = vscode.window.createTreeView(PROBLEMS_VIEW, { treeDataProvider: tree, showCollapseAll: true });
    const parquet = new ParquetRows();

    files.onDidChange(async () => {
        void vscode.commands.executeCommand('setContext', SCANNED_KEY, true);
        const listed = await files.list();
        const count = listed.reduce((n, f) => n + f.result.problems.length, 0);
        view.description = listed.length ? `${count} ${count === 1 ? 'problem' : 'problems'}` : undefined;
    });

    // Saves of big files come in bursts; load each changed file once.
    const pending = new Map<string, NodeJS.Timeout>();
    const reloadSoon = (uri: vscode.Uri) => {
        const key = uri.toString();
        clearTimeout(pending.get(key));
        pending.set(key, setTimeout(() => {
            pending.delete(key);
            void files.reload(uri);
        }, WATCH_DEBOUNCE_MS));
    };
    const watcher = vscode.workspace.createFileSystemWatcher(PROBLEM_FILE_GLOB);

    context.subscriptions.push(
        files,
        tree,
        view,
        watcher,
        watcher.onDidCreate(reloadSoon),
        watcher.onDidChange(reloadSoon),
        watcher.onDidDelete((uri) => files.forget(uri)),
        { dispose: () => pending.forEach((t) => clearTimeout(t)) },
        vscode.workspace.registerTextDocumentContentProvider(ROW_SCHEME, parquet),
        vscode.commands.registerCommand(COMMAND_REFRESH_PROBLEMS, () => files.rescan()),
        vscode.commands.registerCommand(COMMAND_OPEN_PROBLEM_ROW, async (node: ProblemNode) => (await import('./open-row.js')).openRow(node, parquet)),
        // The solution-file code loads on first use (scripts/esbuild.mjs LAZY).
        vscode.commands.registerCommand(COMMAND_OPEN_SOLUTION, async (node?: ProblemNode) => (await import('./open-solution.js')).openSolution(node)),
    );
}
