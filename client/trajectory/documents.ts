// Resolves a panel's SourceRef into its input: reads the file (the open, possibly unsaved editor
// text wins over the disk) and, for a model answer on its own line, finds the dataset row with the
// same id in an open JSONL document or a .jsonl file next to the answers.

import * as vscode from 'vscode';
import type { SourceRef } from '../webview/protocol.js';
import { isJsonl, scanJsonl, type JsonlLine } from './scan.js';
import { rowInput, sceneInput, type TrajectoryInput } from './source.js';

/** Sibling files bigger than this are not searched for a row. */
const MAX_SIBLING_BYTES = 64 * 1024 * 1024;
const MAX_SIBLINGS = 20;

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    const key = uri.toString();
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

export async function readText(uri: vscode.Uri): Promise<string> {
    const open = openDocument(uri);
    if (open) return open.getText();
    // A rollout (delta-rollout:) and other provided documents exist only through their provider.
    if (uri.scheme !== 'file') return (await vscode.workspace.openTextDocument(uri)).getText();
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

const basename = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);

/** The entry for `id`, preferring the one on the hinted line when an id repeats. */
function pick(entries: JsonlLine[], line: number, want: (e: JsonlLine) => boolean): JsonlLine | undefined {
    const matching = entries.filter(want);
    return matching.find((e) => e.line === line) ?? matching[0];
}

async function findRow(id: string, near: vscode.Uri): Promise<JsonlLine | undefined> {
    for (const doc of vscode.workspace.textDocuments) {
        if (!isJsonl(doc)) continue;
        const row = scanJsonl(doc.getText(), id).find((e) => e.row);
        if (row) return row;
    }
    // Companion files usually sit together: dataset_x.jsonl next to responses_x.jsonl.
    const folder = vscode.Uri.joinPath(near, '..');
    let siblings: [string, vscode.FileType][];
    try {
        siblings = await vscode.workspace.fs.readDirectory(folder);
    } catch {
        return undefined;
    }
    const files = siblings.filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.jsonl')).slice(0, MAX_SIBLINGS);
    for (const [name] of files) {
        const uri = vscode.Uri.joinPath(folder, name);
        if (uri.toString() === near.toString() || openDocument(uri)) continue;
        try {
            if ((await vscode.workspace.fs.stat(uri)).size > MAX_SIBLING_BYTES) continue;
            const row = scanJsonl(await readText(uri), id).find((e) => e.row);
            if (row) return row;
        } catch {
            // Unreadable sibling: keep looking.
        }
    }
    return undefined;
}

export async function resolveInput(source: SourceRef): Promise<TrajectoryInput> {
    const uri = vscode.Uri.parse(source.uri);
    const text = await readText(uri);
    if (source.kind === 'scene') return sceneInput(text, uri.fsPath, basename(uri));
    const entries = scanJsonl(text, source.id);
    if (source.kind === 'row') {
        const entry = pick(entries, source.line, (e) => e.row !== undefined);
        if (!entry?.row) throw new Error(`${basename(uri)} has no BouncingSim row with id "${source.id}" any more.`);
        return rowInput(entry.row);
    }
    const answer = pick(entries, source.line, (e) => e.program !== undefined);
    // A provided document (a rollout, client/rollouts/documents.ts) that cannot be shown any more is a `# ` note saying why (its run was closed, say).
    const provided = uri.scheme !== 'file';
    if (answer?.program === undefined && provided && text.startsWith('# ')) throw new Error(text.slice(2).trim());
    if (answer?.program === undefined) throw new Error(`${basename(uri)} has no model answer with id "${source.id}" any more.`);
    // A provided document carries its row or has none: there are no files next to it to search.
    const row = answer.row ?? (provided ? undefined : (await findRow(source.id, uri))?.row);
    if (!row && provided) throw new Error(`${basename(uri)}: this answer has no BouncingSim asserts (check_distance on predict_position) to replay.`);
    if (!row) {
        throw new Error(`No dataset row with id "${source.id}" was found. Open the dataset JSONL that has this row (or put it next to ${basename(uri)}) and try again.`);
    }
    return rowInput(row, answer.program, answer.title);
}
