// Parquet rows, read in a child process (out/parquet-reader.cjs, see parquet-child.ts) so that a
// crafted file that kills its reader (a V8 fatal error, running out of memory, never finishing)
// becomes an issue naming the file while the process that asked (language server, `delta test`,
// `delta rollouts`, extension host, a worker thread) keeps running. This is the only way parquet is
// read: problem files (streamParquet) and rollout dumps (rollouts/readers/tables.ts) alike.
import { fork } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadOptions } from './formats.js';
import type { ParquetChildMessage } from './parquet-protocol.js';
import { problemFromRow, type RowResult } from './problem.js';

/** A parquet file not read within this time is given up (its reader is killed). */
export const PARQUET_READ_TIMEOUT_MS = 120_000;
/** Heap of the reading child for the smallest files, and for any file at most this. */
const MIN_READER_HEAP_MB = 256;
const MAX_READER_HEAP_MB = 2048;
/** MB of heap per MB of file on top of the minimum: the child holds one row group at a time, decoded. */
const HEAP_PER_FILE_MB = 16;

/**
 * The child's heap in MB: DELTA_PARQUET_READER_HEAP_MB when it is a whole number of 64 or more, else
 * sized to the file (256 MB + 16 per MB of file, at most 2 GB; problem files are at most 256 MB). A
 * damaged file that makes hyparquet grow an array without end costs about 1 CPU-s per 100 MB of
 * heap before V8 aborts (docs/editor.md), so a small damaged file fails in seconds, not in 20.
 */
export function parquetReaderHeapMb(fileBytes: number | undefined): number {
    const fromEnv = Number(process.env.DELTA_PARQUET_READER_HEAP_MB);
    if (Number.isInteger(fromEnv) && fromEnv >= 64) return fromEnv;
    if (fileBytes === undefined) return MAX_READER_HEAP_MB;
    return Math.min(MAX_READER_HEAP_MB, MIN_READER_HEAP_MB + Math.ceil((HEAP_PER_FILE_MB * fileBytes) / (1 << 20)));
}

function sizeOf(path: string): number | undefined {
    try {
        return statSync(path).size;
    } catch {
        return undefined;
    }
}

/**
 * The bundled child entry: beside the bundle that runs this code (all bundles are in out/), or
 * DELTA_PARQUET_READER (tests running the TypeScript sources build it there).
 */
export function parquetReaderFile(): string | undefined {
    const fromEnv = process.env.DELTA_PARQUET_READER;
    if (fromEnv) return fromEnv;
    return typeof __dirname === 'string' ? join(__dirname, 'parquet-reader.cjs') : undefined;
}

type Event = { message: ParquetChildMessage } | { ended: string };

/** One row group's rows, as plain JSON-like values (safe int64 as numbers). */
export interface ParquetRowBatch {
    rowStart: number;
    rows: unknown[];
    totalRows: number;
    totalBytes: number;
}

export type ParquetReadOptions = Pick<LoadOptions, 'signal' | 'timeoutMs'>;

/** Problem rows of a parquet file (each a problem or an issue). */
export async function* streamParquet(path: string, file: string, options: LoadOptions = {}): AsyncGenerator<RowResult> {
    for await (const batch of parquetRowBatches(path, options)) {
        for (let i = 0; i < batch.rows.length; i++) yield problemFromRow(batch.rows[i], { file, index: batch.rowStart + i });
        options.onProgress?.({ rows: batch.rowStart + batch.rows.length, totalRows: batch.totalRows, bytesRead: batch.totalBytes, totalBytes: batch.totalBytes });
    }
}

/**
 * The rows of a parquet file, one row group at a time, read by the child. Its death, its error or
 * its running out of time is thrown as an Error whose message says what happened to the file.
 */
export async function* parquetRowBatches(path: string, options: ParquetReadOptions = {}): AsyncGenerator<ParquetRowBatch> {
    const reader = parquetReaderFile();
    if (!reader || !existsSync(reader)) throw new Error(`the parquet reader (${reader ?? 'out/parquet-reader.cjs'}) is missing: run \`npm run build\``);
    options.signal?.throwIfAborted();
    const heapMb = parquetReaderHeapMb(sizeOf(path));
    const child = fork(reader, [path], {
        execArgv: [`--max-old-space-size=${heapMb}`],
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        serialization: 'advanced',
    });
    const events: Event[] = [];
    let wake: (() => void) | undefined;
    const push = (event: Event) => {
        events.push(event);
        wake?.();
    };
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (text: string) => { stderr = (stderr + text).slice(-4000); });
    let why: string | undefined;
    const timeoutMs = options.timeoutMs ?? PARQUET_READ_TIMEOUT_MS;
    const timer = setTimeout(() => { why = `the parquet reader did not finish within ${timeoutMs / 1000} s: not read`; child.kill('SIGKILL'); }, timeoutMs);
    const abort = () => child.kill('SIGKILL');
    options.signal?.addEventListener('abort', abort);
    child.on('message', (message: ParquetChildMessage) => push({ message }));
    child.on('error', (error) => push({ ended: `the parquet reader could not start: ${error.message}` }));
    child.on('close', (code, signal) => push({ ended: why ?? deathOf(code, signal, stderr, heapMb) }));
    let finished = false;
    try {
        for (;;) {
            while (events.length === 0) await new Promise<void>((resolve) => (wake = resolve));
            const event = events.shift()!;
            options.signal?.throwIfAborted();
            if ('ended' in event) {
                if (finished) return;
                throw new Error(event.ended);
            }
            const message = event.message;
            if (message.kind === 'error') throw new Error(message.message);
            if (message.kind === 'done') {
                finished = true;
                continue;
            }
            yield { rowStart: message.rowStart, rows: message.rows, totalRows: message.totalRows, totalBytes: message.totalBytes };
        }
    } finally {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', abort);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
}

/** What ended a reader that did not finish, in words; V8's own fatal line when it printed one. */
function deathOf(code: number | null, signal: NodeJS.Signals | null, stderr: string, heapMb: number): string {
    const fatal = [/Fatal JavaScript [^\n]*/, /JavaScript heap out of memory/, /Fatal error[^\n]*/].map((re) => re.exec(stderr)?.[0]).find(Boolean);
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    // A sound file too big for the heap sized to it dies the same way: say how to give it more.
    const heap = fatal?.includes('heap out of memory') ? ` (its heap was ${heapMb} MB; DELTA_PARQUET_READER_HEAP_MB=<MB> gives it more)` : '';
    return `the parquet reader ${how}${fatal ? ` (${fatal.replace(/ \(see crbug[^)]*\)/, '').trim()})` : ''}: the file is damaged or not a parquet file this reader can read; not read${heap}`;
}
