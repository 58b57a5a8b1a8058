// BouncingSim problems in the editor: the rows view (by family and difficulty, Show Trajectory
// on each row) and the Generate BouncingSim Problems… command.
import * as vscode from 'vscode';
import type { FeatureContext } from '../extension.js';
import { COMMAND_SHOW_TRAJECTORY } from '../trajectory/lens.js';
import type { BsNode } from './row-tree.js';
import { BouncingSimRows, BS_PROBLEMS_VIEW, COMMAND_ROW_TRAJECTORY } from './rows-view.js';

export const COMMAND_REFRESH_BS_PROBLEMS = 'deltaStudio.bouncingsimProblems.refresh';
export const COMMAND_GENERATE = 'deltaStudio.generateBouncingSimProblems';

export function registerBouncingSimProblems({ context, log }: FeatureContext): void {
    const rows = new BouncingSimRows(log);
    const view = vscode.window.createTreeView(BS_PROBLEMS_VIEW, { treeDataProvider: rows, showCollapseAll: true });
    rows.onDidChangeTreeData(() => {
        const n = rows.count();
        view.description = n ? `${n} ${n === 1 ? 'row' : 'rows'}` : undefined;
    });
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.jsonl');
    context.subscriptions.push(
        rows, view, watcher,
        watcher.onDidCreate((uri) => rows.reload(uri)),
        watcher.onDidChange((uri) => rows.reload(uri)),
        watcher.onDidDelete((uri) => rows.forget(uri)),
        vscode.commands.registerCommand(COMMAND_REFRESH_BS_PROBLEMS, () => rows.rescan()),
        vscode.commands.registerCommand(COMMAND_ROW_TRAJECTORY, (node?: BsNode) => {
            if (node?.kind === 'row') return vscode.commands.executeCommand(COMMAND_SHOW_TRAJECTORY, node.source);
            return undefined;
        }),
        // The form and the generator's driver load on first use (scripts/esbuild.mjs LAZY).
        vscode.commands.registerCommand(COMMAND_GENERATE, async () => (await import('./generate-command.js')).generateProblems(context, log, () => void rows.rescan())),
    );
}
