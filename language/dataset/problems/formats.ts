// Which reader handles a path, and progress reporting shared by the readers.

export type ProblemFormat = 'json' | 'jsonl' | 'parquet';

export function formatOf(path: string): ProblemFormat | undefined {
    const lower = path.toLowerCase();
    if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
    if (lower.endsWith('.json')) return 'json';
    if (lower.endsWith('.parquet')) return 'parquet';
    return undefined;
}

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
}
