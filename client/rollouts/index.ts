// The rollout explorer: DELTA: Open Rollouts… (palette and Explorer context menu), the Rollouts view
// in the DELTA container, the run overview webview, and rollouts opened as read-only solutions.
import { existsSync, statSync } from 'node:fs';
import { basename, sep } from 'node:path';
import * as vscode from 'vscode';
import { PROBLEM_FILE_GLOB } from '../../language/dataset/problems/formats.js';
import type { FeatureContext } from '../extension.js';
import { looksLikeManufactoriaRollouts } from './detect.js';
import { copyRolloutToWorkspace, openRolloutAsSolution, ROLLOUT_SCHEME, RolloutDocuments } from './documents.js';
import { ROLLOUTS_VIEW, RolloutsTree, type RolloutNode } from './rollouts-view.js';
import { Runs } from './runs.js';
import { runsIn } from './run-folders.js';

export const COMMAND_OPEN_ROLLOUTS = 'deltaStudio.openRollouts';
const PROBLEM_EXCLUDE = '{**/node_modules/**,**/.git/**,**/out/**,**/.e2e/**}';
/** Workspace files bigger than this are not read as problem files for binding (they are dumps). */
const MAX_PROBLEM_FILE_BYTES = 32 * 1024 * 1024;

/** The overview webview and its page load on first use (scripts/esbuild.mjs LAZY). */
async function showOverview(...args: Parameters<typeof import('./overview-panel.js').showOverview>): Promise<void> {
    (await import('./overview-panel.js')).showOverview(...args);
}

async function problemFiles(runPaths: string[]): Promise<string[]> {
    const inRun = (file: string) => runPaths.some((p) => file === p || file.startsWith(p + sep));
    const found = await vscode.workspace.findFiles(PROBLEM_FILE_GLOB, PROBLEM_EXCLUDE, 500);
    return found.map((u) => u.fsPath).filter((f) => !inRun(f) && existsSync(f) && statSync(f).size <= MAX_PROBLEM_FILE_BYTES).sort();
}

export function registerRollouts({ context, log }: FeatureContext): RolloutsTree {
    const runs = new Runs(vscode.Uri.joinPath(context.extensionUri, 'out', 'server.cjs').fsPath, log);
    const tree = new RolloutsTree(runs);
    // The overview's bundle is handed this rather than importing it (its code-lens watch must exist once).
    const openRollout = (runKey: number, row: number) => openRolloutAsSolution(runs, runKey, row);
    const view = vscode.window.createTreeView(ROLLOUTS_VIEW, { treeDataProvider: tree, showCollapseAll: true });

    const open = async (uri?: vscode.Uri, uris?: vscode.Uri[]) => {
        let targets = (uris?.length ? uris : uri ? [uri] : []).filter((u) => u.scheme === 'file').map((u) => u.fsPath);
        if (!targets.length) {
            const picked = await vscode.window.showOpenDialog({
                canSelectFiles: true, canSelectFolders: true, canSelectMany: true, openLabel: 'Open Rollouts',
                defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
                filters: { 'Rollout dumps': ['jsonl', 'json', 'csv', 'parquet'] },
            });
            targets = (picked ?? []).map((u) => u.fsPath);
        }
        if (!targets.length) return;
        const groups = targets.length === 1 ? runsIn(targets[0]).map((p) => [p]) : [targets];
        for (const paths of groups) {
            const title = paths.length === 1 ? basename(paths[0]) : `${basename(paths[0])} +${paths.length - 1}`;
            const run = await runs.open(paths, await problemFiles(paths), title);
            if (!run) continue;
            await vscode.commands.executeCommand(`${ROLLOUTS_VIEW}.focus`);
            if (paths === groups[0]) await showOverview(context, runs, run, log, openRollout);
        }
    };

    context.subscriptions.push(
        runs,
        view,
        vscode.workspace.registerTextDocumentContentProvider(ROLLOUT_SCHEME, new RolloutDocuments(runs)),
        vscode.commands.registerCommand(COMMAND_OPEN_ROLLOUTS, open),
        vscode.commands.registerCommand('deltaStudio.rollouts.showOverview', async (node?: RolloutNode) => {
            const run = node ? node.run : runs.all[0];
            if (run) await showOverview(context, runs, run, log, openRollout);
        }),
        vscode.commands.registerCommand('deltaStudio.rollouts.close', (node?: RolloutNode) => {
            if (node) runs.close(node.run.key);
        }),
        vscode.commands.registerCommand('deltaStudio.rollouts.copyToWorkspace', (uri?: vscode.Uri) => copyRolloutToWorkspace(runs, uri)),
        vscode.languages.registerCodeLensProvider([{ language: 'jsonl' }, { pattern: '**/*.jsonl' }], {
            provideCodeLenses: (doc) => doc.uri.scheme === 'file' && looksLikeManufactoriaRollouts(doc.getText(new vscode.Range(0, 0, 40, 0)))
                ? [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: '$(graph) Open as rollouts (re-score, heatmap, failing-first table)', command: COMMAND_OPEN_ROLLOUTS, arguments: [doc.uri] })]
                : [],
        }),
        vscode.commands.registerCommand('deltaStudio.rollouts.openRollout', openRollout),
    );
    return tree;
}
