// Parquet rows via hyparquet, one row group at a time so progress can be reported between groups.
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import type { LoadOptions } from './formats.js';
import { problemFromRow, type RowResult } from './problem.js';

export async function* streamParquet(path: string, file: string, options: LoadOptions = {}): AsyncGenerator<RowResult> {
    const buffer = await asyncBufferFromFile(path);
    const metadata = await parquetMetadataAsync(buffer);
    const totalRows = Number(metadata.num_rows);
    let rowStart = 0;
    for (const group of metadata.row_groups) {
        options.signal?.throwIfAborted();
        const rowEnd = rowStart + Number(group.num_rows);
        const rows = await parquetReadObjects({ file: buffer, metadata, rowStart, rowEnd, rowFormat: 'object' });
        for (let i = 0; i < rows.length; i++) yield problemFromRow(plain(rows[i]), { file, index: rowStart + i });
        rowStart = rowEnd;
        options.onProgress?.({ rows: rowStart, totalRows, bytesRead: buffer.byteLength, totalBytes: buffer.byteLength });
    }
}

/** int64 columns arrive as BigInt; the row model is JSON, so bring safe integers back to numbers. */
function plain(value: unknown): unknown {
    if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value;
    if (Array.isArray(value)) return value.map(plain);
    if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
    }
    return value;
}
