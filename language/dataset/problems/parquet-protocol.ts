// Messages from the parquet reading child (parquet-child.ts) to its parent (parquet-rows.ts).
export type ParquetChildMessage =
    | { kind: 'rows'; rowStart: number; rows: unknown[]; totalRows: number; totalBytes: number }
    | { kind: 'done' }
    | { kind: 'error'; message: string };
