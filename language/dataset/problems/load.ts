// Loading problem files of any supported format. Malformed rows become issues; the rest load.
import { promises as fs } from 'node:fs';
import { basename } from 'node:path';
import { formatOf, type LoadOptions, type ProblemFormat } from './formats.js';
import { rowsFromJsonDocument, rowsFromJsonLines } from './json-rows.js';
import { streamJsonLines } from './jsonl-stream.js';
import { streamParquet } from './parquet-rows.js';
import type { LoadResult, RowResult } from './problem.js';

export type { LoadResult } from './problem.js';

export interface FileLoadOptions extends LoadOptions {
    /** Name used in sources and issues; defaults to the path as given. */
    displayName?: string;
    /** Overrides the extension-based choice of reader. */
    format?: ProblemFormat;
    /** Larger files are not read (default MAX_PROBLEM_FILE_BYTES). */
    maxBytes?: number;
}

/**
 * Problem files above this size are refused with an issue instead of read: a JSON string or a
 * line near V8's string limit (~512 MB) ends the process that reads it, whatever catches errors.
 */
export const MAX_PROBLEM_FILE_BYTES = 256 * 2 ** 20;

/** Why a path cannot be read as a problem file (not a regular file, too large), if so. */
async function unreadable(path: string, maxBytes: number): Promise<string | undefined> {
    const info = await fs.stat(path);
    if (!info.isFile()) return `not a regular file (${info.isDirectory() ? 'a directory' : 'a device, pipe or socket'}): not read`;
    if (info.size > maxBytes) return `${(info.size / 2 ** 20).toFixed(0)} MB is more than the ${(maxBytes / 2 ** 20).toFixed(0)} MB a problem file may have: not read`;
    return undefined;
}

/** Every row result of a file, streamed; file-level failures come out as one issue. */
export async function* readProblemFile(path: string, options: FileLoadOptions = {}): AsyncGenerator<RowResult> {
    const file = options.displayName ?? path;
    const format = options.format ?? formatOf(path);
    try {
        // A missing path is said to be missing whatever its name (it was "unsupported file type" without an extension).
        const refused = await unreadable(path, options.maxBytes ?? MAX_PROBLEM_FILE_BYTES);
        if (refused) {
            yield { ok: false, issue: { file, message: refused } };
            return;
        }
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
    for (const r of rows) {
        if (r.ok) result.problems.push(r.problem);
        else result.issues.push(r.issue);
    }
    return result;
}

async function collect(file: string, rows: AsyncIterable<RowResult>): Promise<LoadResult> {
    const result: LoadResult = { file, problems: [], issues: [] };
    for await (const r of rows) {
        if (r.ok) result.problems.push(r.problem);
        else result.issues.push(r.issue);
    }
    return result;
}
