// Messages from the parquet reading child (parquet-child.ts) to its parent (parquet-rows.ts).
export type ParquetChildMessage =
    | { kind: 'rows'; rowStart: number; rows: unknown[]; totalRows: number; totalBytes: number }
    | { kind: 'done' }
    | { kind: 'error'; message: string };

/**
 * The text of a read failure. hyparquet's own checks throw plain Errors that say what is wrong
 * ("parquet file invalid (footer != PAR1)"); a TypeError or RangeError comes from its code meeting
 * damaged metadata ("_.field_1.map is not a function"), which says nothing to a user on its own.
 */
export function readFailureText(error: unknown): string {
    if (error instanceof TypeError || error instanceof RangeError) return `the file is damaged or not a parquet file this reader can read (${error.name}: ${error.message})`;
    return error instanceof Error ? error.message : String(error);
}
