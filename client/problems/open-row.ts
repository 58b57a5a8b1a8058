// Opens a problem (or a row that did not load) where it is written: the JSONL line, the JSON
// object with its id, or, for Parquet (not text), a read-only JSON view of the loaded row.
import * as vscode from 'vscode';
import type { Problem } from '../../language/dataset/problems/index.js';
import type { ProblemNode } from './problem-tree.js';
import { lineOfId } from '../../language/dataset/problems/row-location.js';

export const ROW_SCHEME = 'manufactoria-problem';

/** Serves `manufactoria-problem:` documents: one loaded Parquet row as JSON. */
export class ParquetRows implements vscode.TextDocumentContentProvider {
    private readonly rows = new Map<string, Problem>();

    uriFor(problem: Problem, file: string): vscode.Uri {
        const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        const uri = vscode.Uri.from({ scheme: ROW_SCHEME, path: `/${name}/row-${problem.source.index}.json`, query: file });
        this.rows.set(uri.toString(), problem);
        return uri;
    }

    provideTextDocumentContent(uri: vscode.Uri): string {
        const p = this.rows.get(uri.toString());
        if (!p) return '// This row is no longer loaded; refresh the Manufactoria Problems view.\n';
        const row = { id: p.id, name: p.name, problem_type: p.family, difficulty_level: p.level, color_mode: p.colorMode, criteria: p.criteria, test_cases: p.testCases };
        return `${JSON.stringify(row, null, 2)}\n`;
    }
}

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
        ? (node.problem.source.line !== undefined ? node.problem.source.line - 1 : lineOfId(doc.getText(), node.problem.id))
        : node.issue.line !== undefined ? node.issue.line - 1 : undefined;
    const at = Math.min(Math.max(0, line ?? 0), doc.lineCount - 1);
    const position = new vscode.Position(at, 0);
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(position, position), preview: true });
}
