// Loading problem files of any supported format. Malformed rows become issues; the rest load.
import { promises as fs } from 'node:fs';
import { basename } from 'node:path';
import { formatOf, type LoadOptions, type ProblemFormat } from './formats.js';
import { rowsFromJsonDocument, rowsFromJsonLines } from './json-rows.js';
import { streamJsonLines } from './jsonl-stream.js';
import { streamParquet } from './parquet-rows.js';
import type { LoadIssue, Problem, RowResult } from './problem.js';

export interface LoadResult {
    file: string;
    problems: Problem[];
    issues: LoadIssue[];
}

export interface FileLoadOptions extends LoadOptions {
    /** Name used in sources and issues; defaults to the path as given. */
    displayName?: string;
    /** Overrides the extension-based choice of reader. */
    format?: ProblemFormat;
}

/** Every row result of a file, streamed; file-level failures come out as one issue. */
export async function* readProblemFile(path: string, options: FileLoadOptions = {}): AsyncGenerator<RowResult> {
    const file = options.displayName ?? path;
    const format = options.format ?? formatOf(path);
    try {
        if (format === 'jsonl') yield* streamJsonLines(path, file, options);
        else if (format === 'parquet') yield* streamParquet(path, file, options);
        else if (format === 'json') {
            const rows = rowsFromJsonDocument(await fs.readFile(path, 'utf8'), file);
            yield* rows;
            options.onProgress?.({ rows: rows.length });
        } else {
            yield { ok: false, issue: { file, message: `unsupported file type '${basename(path)}' (expected .json, .jsonl or .parquet)` } };
        }
    } catch (error) {
        if (options.signal?.aborted) throw error;
        yield { ok: false, issue: { file, message: error instanceof Error ? error.message : String(error) } };
    }
}

export async function loadProblemFile(path: string, options: FileLoadOptions = {}): Promise<LoadResult> {
    return collect(options.displayName ?? path, readProblemFile(path, options));
}

/** In-memory variant for editor buffers and tests (JSON and JSON Lines only). */
export function parseProblemText(text: string, file: string, format: 'json' | 'jsonl'): LoadResult {
    const rows = format === 'json' ? rowsFromJsonDocument(text, file) : rowsFromJsonLines(text, file);
    const result: LoadResult = { file, problems: [], issues: [] };
    for (const r of rows) (r.ok ? result.problems.push(r.problem) : result.issues.push(r.issue));
    return result;
}

async function collect(file: string, rows: AsyncIterable<RowResult>): Promise<LoadResult> {
    const result: LoadResult = { file, problems: [], issues: [] };
    for await (const r of rows) (r.ok ? result.problems.push(r.problem) : result.issues.push(r.issue));
    return result;
}
