// Rows from JSON text: a `.json` document (one row object or an array of rows) or JSON Lines.
import { problemFromRow, type LoadIssue, type RowResult } from './problem.js';
import { stripBom } from '../../python/bom.js';

/**
 * `.json`: an object is one row, an array is a list of rows (index = array position). A `.json`
 * file holding JSON Lines is read as JSON Lines: Hugging Face `datasets`' `to_json` and pandas'
 * `to_json(lines=True)` write that into `.json` files.
 */
export function rowsFromJsonDocument(text: string, file: string): RowResult[] {
    let doc: unknown;
    try {
        doc = JSON.parse(stripBom(text));
    } catch (error) {
        if (isJsonLines(text)) return rowsFromJsonLines(text, file);
        return [{ ok: false, issue: jsonSyntaxIssue(error, text, file) }];
    }
    const rows = Array.isArray(doc) ? doc : [doc];
    return rows.map((row, index) => problemFromRow(row, { file, index }));
}

/** One JSON Lines line; blank lines are not rows and return undefined. */
export function rowFromJsonLine(lineText: string, file: string, line: number, index: number): RowResult | undefined {
    if (lineText.trim() === '') return undefined;
    let value: unknown;
    try {
        value = JSON.parse(lineText);
    } catch (error) {
        return { ok: false, issue: { file, line, index, message: `invalid JSON: ${syntaxText(error)}` } };
    }
    return problemFromRow(value, { file, index, line });
}

/** JSON Lines held in memory (an editor buffer, a test string). */
export function rowsFromJsonLines(text: string, file: string): RowResult[] {
    const out: RowResult[] = [];
    const lines = stripBom(text).split('\n');
    let index = 0;
    lines.forEach((lineText, i) => {
        const result = rowFromJsonLine(lineText, file, i + 1, index);
        if (result) {
            out.push(result);
            index++;
        }
    });
    return out;
}


/** The text's first non-blank line is a JSON object of its own, and another line follows it. */
function isJsonLines(text: string): boolean {
    const lines = stripBom(text).split('\n');
    const first = lines.findIndex((l) => l.trim() !== '');
    if (first < 0 || !lines.slice(first + 1).some((l) => l.trim() !== '')) return false;
    return isJsonObjectLine(lines[first]);
}

/**
 * A `.json` file is JSON Lines when its first non-blank line is a JSON object of its own and another
 * non-blank line follows (a pretty-printed document's first line is `{` or `[`). This tells whether
 * that first line is one (parsed by `parse`); the rollout readers ask it too (rollouts/readers/index.ts).
 */
export function isJsonObjectLine(line: string, parse: (text: string) => unknown = JSON.parse): boolean {
    try {
        const value: unknown = parse(stripBom(line));
        return typeof value === 'object' && value !== null && !Array.isArray(value);
    } catch {
        return false;
    }
}

function syntaxText(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}

/** V8 reports "at position N"; turn it into the line a user can jump to. */
function jsonSyntaxIssue(error: unknown, text: string, file: string): LoadIssue {
    const message = `invalid JSON: ${syntaxText(error)}`;
    const pos = /position (\d+)/.exec(message);
    if (!pos) return { file, message };
    const line = stripBom(text).slice(0, Number(pos[1])).split('\n').length;
    return { file, line, message };
}
