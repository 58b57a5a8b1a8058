// Opens a problem (or a row that did not load) where it is written: the JSONL line, the JSON
// object with its id, or, for Parquet (not text), a read-only JSON view of the loaded row
// (parquet-rows.ts). Loaded on first use (scripts/esbuild.mjs LAZY).
import * as vscode from 'vscode';
import type { ParquetRows } from './parquet-rows.js';
import type { ProblemNode } from './problem-tree.js';
import { lineOfArrayElement, lineOfId } from '../../language/dataset/problems/row-location.js';

export async function openRow(node: ProblemNode, parquet: ParquetRows): Promise<void> {
    if (node.kind !== 'problem' && node.kind !== 'issue') return;
    const file = vscode.Uri.file(node.file);
    if (/\.parquet$/i.test(node.file)) {
        if (node.kind === 'problem') {
            // The `.json` path gives the document JSON highlighting.
            const doc = await vscode.workspace.openTextDocument(parquet.uriFor(node.problem, node.file));
            await vscode.window.showTextDocument(doc, { preview: true });
        } else {
            void vscode.window.showWarningMessage(node.label);
        }
        return;
    }
    const doc = await vscode.workspace.openTextDocument(file);
    const line = node.kind === 'problem'
        ? (node.problem.source.line !== undefined ? node.problem.source.line - 1
            : lineOfArrayElement(doc.getText(), node.problem.source.index) ?? lineOfId(doc.getText(), node.problem.id))
        : node.issue.line !== undefined ? node.issue.line - 1 : node.issue.index !== undefined ? lineOfArrayElement(doc.getText(), node.issue.index) : undefined;
    const at = Math.min(Math.max(0, line ?? 0), doc.lineCount - 1);
    const position = new vscode.Position(at, 0);
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(position, position), preview: true });
}
