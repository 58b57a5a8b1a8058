// Child process entry (bundled to out/parquet-reader.cjs): reads one parquet file with hyparquet
// and sends its rows to the parent one row group at a time. A crafted file can make hyparquet hit
// a V8 fatal error (an "invalid size error" that no try/catch sees and that ends a worker thread's
// whole process), so parquet is only ever read here, where such a death ends this child alone.
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { endWithParent } from './orphan-watchdog.js';
import { readFailureText, type ParquetChildMessage } from './parquet-protocol.js';

const send = (message: ParquetChildMessage) => new Promise<void>((done, fail) => process.send!(message, undefined, {}, (error) => (error ? fail(error) : done())));

async function main(path: string): Promise<void> {
    const buffer = await asyncBufferFromFile(path);
    const metadata = await parquetMetadataAsync(buffer);
    const totalRows = Number(metadata.num_rows);
    let rowStart = 0;
    for (const group of metadata.row_groups) {
        const rowEnd = rowStart + Number(group.num_rows);
        const rows = await parquetReadObjects({ file: buffer, metadata, rowStart, rowEnd, rowFormat: 'object' });
        await send({ kind: 'rows', rowStart, rows: rows.map(plain), totalRows, totalBytes: buffer.byteLength });
        rowStart = rowEnd;
    }
    await send({ kind: 'done' });
}

/** int64 columns arrive as BigInt; the row model is JSON, so bring safe integers back to numbers. */
function plain(value: unknown): unknown {
    if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value;
    if (Array.isArray(value)) return value.map(plain);
    if (value && typeof value === 'object' && !ArrayBuffer.isView(value) && !(value instanceof Date)) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
    }
    return value;
}

if (!process.send) throw new Error('parquet-reader must be started with an IPC channel (child_process.fork)');
// If the parent dies while a crafted file keeps this process busy, nothing else would end it.
endWithParent();
main(process.argv[2])
    .catch((error: unknown) => send({ kind: 'error', message: readFailureText(error) }))
    .finally(() => process.disconnect());
