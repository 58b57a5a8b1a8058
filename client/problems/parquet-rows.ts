// `manufactoria-problem:` documents: a loaded Parquet row (not text) shown as read-only JSON.
import * as vscode from 'vscode';
import type { Problem } from '../../language/dataset/problems/index.js';

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
