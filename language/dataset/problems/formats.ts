// Which reader handles a path, and progress reporting shared by the readers.

export type ProblemFormat = 'json' | 'jsonl' | 'parquet';

/** The one definition of a problem file: its extension names the reader. */
const FORMAT_OF_EXTENSION: Readonly<Record<string, ProblemFormat>> = { json: 'json', jsonl: 'jsonl', ndjson: 'jsonl', parquet: 'parquet' };

/** Every problem file in a workspace, for file watchers and searches. */
export const PROBLEM_FILE_GLOB = `**/*.{${Object.keys(FORMAT_OF_EXTENSION).join(',')}}`;

export function formatOf(path: string): ProblemFormat | undefined {
    const dot = path.lastIndexOf('.');
    return dot < 0 ? undefined : FORMAT_OF_EXTENSION[path.slice(dot + 1).toLowerCase()];
}

export const isProblemFile = (path: string): boolean => formatOf(path) !== undefined;

export interface LoadProgress {
    /** Rows seen so far, malformed ones included. */
    rows: number;
    bytesRead?: number;
    totalBytes?: number;
    /** Parquet files report rows of the total; JSON Lines report bytes. */
    totalRows?: number;
}

export interface LoadOptions {
    onProgress?: (progress: LoadProgress) => void;
    /** JSON Lines: report every this many lines (default 1000); the end is always reported. */
    progressEvery?: number;
    signal?: AbortSignal;
    /** JSON Lines: longer lines are skipped with an issue (default MAX_JSONL_LINE_BYTES). */
    maxLineBytes?: number;
    /** Parquet: the reading child process is stopped after this long (default PARQUET_READ_TIMEOUT_MS). */
    timeoutMs?: number;
}
