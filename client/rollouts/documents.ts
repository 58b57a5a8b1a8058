// Rollouts as documents: `delta-rollout:` URIs are read-only Manufactoria documents holding a
// rollout's extracted program, bound to its problem by a `# problem:` directive appended after the
// program (a comment, which the reference drops; appending keeps every program line number, so
// parse errors name the same lines as the reference's). The language server treats them like
// solution files: diagnostics, hover, the test lens and traces work on them.
import { basename, dirname, relative } from 'node:path';
import * as vscode from 'vscode';
import { expectCodeLenses } from '../code-lens-watch.js';
import { COMMAND_SHOW_TRAJECTORY } from '../trajectory/lens.js';
import type { SourceRef } from '../webview/protocol.js';
import { bouncingSimRolloutText, bouncingSimRowId, copyNames, ROLLOUT_SCHEME, rolloutCopyText, rolloutDocumentText } from './document-text.js';
import type { RolloutInfo } from './worker-protocol.js';
import type { Runs } from './runs.js';

export { ROLLOUT_SCHEME };

const safe = (s: string) => s.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'rollout';

/** A URI under the run's folder (so relative paths resolve near the data), unique per run and row. */
export function rolloutUri(runKey: number, runPath: string, info: RolloutInfo, canonical = false): vscode.Uri {
    const dir = /\.[a-z]+$/i.test(runPath) ? dirname(runPath) : runPath;
    // A BouncingSim answer is a JSON line the trajectory panel reads; a Manufactoria one a solution.
    const extension = info.task === 'bouncingsim' ? 'jsonl' : 'manufactoria';
    const name = `${safe(info.name ?? info.problem ?? 'rollout')}.step${info.step ?? 'x'}.sample${info.sample ?? 'x'}${canonical ? '.canonical' : ''}.${extension}`;
    return vscode.Uri.file(`${dir}/${name}`).with({ scheme: ROLLOUT_SCHEME, query: `run=${runKey}&row=${info.row}${canonical ? '&canonical=1' : ''}` });
}

export class RolloutDocuments implements vscode.TextDocumentContentProvider {
    constructor(private readonly runs: Runs) {}

    async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
        const query = new URLSearchParams(uri.query);
        const run = this.runs.get(Number(query.get('run')));
        if (!run) return '# This rollout\'s run is no longer open: open it again with "DELTA: Open Rollouts…".\n';
        const info = await run.rollout(Number(query.get('row')));
        if (!info) return '# No such rollout in this run.\n';
        if (info.task === 'bouncingsim') return bouncingSimRolloutText(info);
        // Compared programs are laid out canonically, so the diff shows changes, not spacing. A program
        // ending in a fence gets the comments before it. The layout code (the DSL's lexing and Unicode
        // tables) loads on first use, only for these (scripts/esbuild.mjs LAZY).
        const canonical = query.get('canonical') === '1';
        if (!canonical && !info.program.includes('```')) return rolloutDocumentText(info);
        const layout = await import('../../language/manufactoria/format/canonical-layout.js');
        const program = canonical ? layout.canonicalLayout(info.program) : info.program;
        return rolloutDocumentText({ ...info, program }, layout.closingFenceStart(program));
    }
}

export async function openRolloutAsSolution(runs: Runs, runKey: number, row: number, column = vscode.ViewColumn.Beside): Promise<vscode.TextEditor | undefined> {
    const run = runs.get(runKey);
    const info = await run?.rollout(row);
    if (!run || !info) return undefined;
    if (info.task === 'bouncingsim') {
        await showBouncingSimRollout(rolloutUri(runKey, run.paths[0], info), bouncingSimRowId(info));
        return undefined;
    }
    const doc = await vscode.workspace.openTextDocument(rolloutUri(runKey, run.paths[0], info));
    const typed = doc.languageId === 'manufactoria' ? doc : await vscode.languages.setTextDocumentLanguage(doc, 'manufactoria');
    expectCodeLenses(typed.uri);
    return vscode.window.showTextDocument(typed, { viewColumn: column, preview: true, preserveFocus: false });
}

/** An editable copy next to its problem file, with the binding on top like a new solution. */
export async function copyRolloutToWorkspace(runs: Runs, uri: vscode.Uri | undefined): Promise<void> {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (target?.scheme !== ROLLOUT_SCHEME) {
        return void vscode.window.showInformationMessage('Rollouts: open a rollout as a solution first (from the rollout table).');
    }
    const query = new URLSearchParams(target.query);
    const info = await runs.get(Number(query.get('run')))?.rollout(Number(query.get('row')));
    if (!info) return void vscode.window.showWarningMessage('Rollouts: this rollout\'s run is no longer open.');
    const folder = info.problemFile ? dirname(info.problemFile) : vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    if (!folder) return void vscode.window.showWarningMessage('Rollouts: no folder to copy the rollout into.');
    // A name not taken yet: an earlier copy of this rollout may hold the user's edits.
    let file: vscode.Uri | undefined;
    for (const name of copyNames(basename(target.path))) {
        const candidate = vscode.Uri.file(`${folder}/${name}`);
        if (!(await exists(candidate))) {
            file = candidate;
            break;
        }
    }
    if (!file) return void vscode.window.showWarningMessage(`Rollouts: ${folder} already holds 99 copies of this rollout.`);
    const problemRef = info.problemFile && info.problem !== null ? `./${relative(folder, info.problemFile)}#${info.problem}` : undefined;
    // The binding goes after an opening fence (the layout code loads only for such programs).
    const fenceEnd = info.program.includes('```') ? (await import('../../language/manufactoria/format/canonical-layout.js')).openingFenceEnd(info.program) : undefined;
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(rolloutCopyText(info, problemRef, fenceEnd)));
    await vscode.window.showTextDocument(file, { preview: false });
}

async function exists(uri: vscode.Uri): Promise<boolean> {
    try {
        await vscode.workspace.fs.stat(uri);
        return true;
    } catch {
        return false;
    }
}

/** Two rollouts of a run in the diff editor, both in canonical layout. */
export async function compareRollouts(runs: Runs, runKey: number, left: number, right: number): Promise<void> {
    const run = runs.get(runKey);
    const [a, b] = await Promise.all([run?.rollout(left), run?.rollout(right)]);
    if (!run || !a || !b) return;
    const label = (i: RolloutInfo) => `step ${i.step ?? '–'} #${i.sample ?? i.row} (${i.pass_rate.toFixed(3)})`;
    await vscode.commands.executeCommand('vscode.diff', rolloutUri(runKey, run.paths[0], a, true), rolloutUri(runKey, run.paths[0], b, true),
        `${a.name ?? a.problem ?? 'rollout'}: ${label(a)} ↔ ${label(b)}`, { preview: false, viewColumn: vscode.ViewColumn.Beside });
}

/**
 * A BouncingSim answer opens in the trajectory panel: the scene rebuilt from its prompt, the
 * model's predicted track over the animation, and per timestamp the prediction against the ground
 * truth. The panel runs the answer itself, only in a trusted workspace (client/trajectory/panel.ts).
 */
export async function showBouncingSimRollout(uri: vscode.Uri, id: string): Promise<void> {
    const source: SourceRef = { kind: 'response', uri: uri.toString(), id, line: 0 };
    await vscode.commands.executeCommand(COMMAND_SHOW_TRAJECTORY, source);
}
