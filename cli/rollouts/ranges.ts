// A JSON Lines file scored by several threads at once, each reading its own ranges of it
// (readers/lines.ts readLineRange): no thread reads for another or waits for another's bytes. The
// threads share one small SharedArrayBuffer per file: the next range to take, the next range the
// main thread gives back (so none runs too far ahead of it), a stop flag, and each range's '\n'
// count, published as soon as the range is read (before it is scored): a range's line numbers are
// the counts of the ranges before it, so `file:line` sources and issues are exactly those of one
// thread reading the file from the start.
import { closeSync, openSync } from 'node:fs';
import { scoreBlock, type BlockContext, type BlockItem } from '../../language/rollouts/block.js';
import type { LineFormat } from '../../language/rollouts/readers/jsonl.js';
import { DEFAULT_MAX_LINE_BYTES, RangeScratch, readLineRange, tooLongMessage, type LineRange } from '../../language/rollouts/readers/lines.js';
import { issue } from '../../language/rollouts/readers/options.js';

/** One line file for the threads (a worker gets it as a message). */
export interface RangeJob {
    /** The file's number in the run (replies name it). */
    id: number;
    file: string;
    format: LineFormat;
    fileStep: number | null;
    tokenizer?: string;
    size: number;
    blockBytes: number;
    maxLineBytes?: number;
    /** Ranges taken beyond the next one the main thread gives back, at most. */
    maxAhead: number;
    shared: SharedArrayBuffer;
}

const NEXT = 0;
const HEAD = 1;
const STOP = 2;
const COUNTS = 3;
/** Atomics.waitAsync (Node 16+; typed in TypeScript's es2024 lib, newer than this project's). */
const waitAsync = (Atomics as unknown as { waitAsync(view: Int32Array, index: number, value: number, timeout: number): { async: boolean; value: unknown } }).waitAsync;
/** A range not read yet. */
const UNREAD = -1;

export function rangeCount(size: number, blockBytes: number): number {
    return Math.ceil(size / blockBytes);
}

export function sharedFor(size: number, blockBytes: number): SharedArrayBuffer {
    const shared = new SharedArrayBuffer(4 * (COUNTS + rangeCount(size, blockBytes)));
    new Int32Array(shared).fill(UNREAD, COUNTS);
    return shared;
}

/** A range read by this thread: its bytes (a view of the thread's scratch buffer) and what follows from the counts. */
export interface ReadRange {
    index: number;
    range?: LineRange;
    /** The file could not be read (the rest of it is given up). */
    error?: string;
}

/** One thread's side of a file: takes ranges, reads them, publishes their counts, numbers their lines. */
export class RangeReader {
    private readonly view: Int32Array;
    private readonly ranges: number;
    private fd: number | undefined;
    private openError: string | undefined;
    /** Sum of the '\n' counts of ranges [0, known). */
    private known = 0;
    private newlines = 0;

    constructor(readonly job: RangeJob, private readonly scratch: RangeScratch) {
        this.view = new Int32Array(job.shared);
        this.ranges = rangeCount(job.size, job.blockBytes);
    }

    /** The next range to read, or undefined: none left, the file stopped, or (`'ahead'`) too far ahead of the main thread for now. */
    take(): number | 'ahead' | undefined {
        if (Atomics.load(this.view, STOP) !== 0) return undefined;
        const next = Atomics.load(this.view, NEXT);
        if (next >= this.ranges) return undefined;
        if (next >= Atomics.load(this.view, HEAD) + this.job.maxAhead) return 'ahead';
        const index = Atomics.add(this.view, NEXT, 1);
        return index < this.ranges ? index : undefined;
    }

    /** As take, waiting (blocking this thread, which must not be the main one) while too far ahead. */
    takeWaiting(): number | undefined {
        for (;;) {
            const taken = this.take();
            if (taken !== 'ahead') return taken;
            Atomics.wait(this.view, HEAD, Atomics.load(this.view, HEAD), 100);
        }
    }

    /** Reads range `index` and publishes its '\n' count (0 when it cannot be read). */
    read(index: number): ReadRange {
        let newlines = 0;
        try {
            if (this.fd === undefined && this.openError === undefined) {
                try {
                    this.fd = openSync(this.job.file, 'r');
                } catch (error) {
                    this.openError = error instanceof Error ? error.message : String(error);
                }
            }
            if (this.fd === undefined) return { index, error: this.openError };
            const range = readLineRange(this.fd, this.job.size, index, this.job.blockBytes, this.job.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES, this.scratch);
            newlines = range.newlines;
            return { index, range };
        } catch (error) {
            return { index, error: error instanceof Error ? error.message : String(error) };
        } finally {
            Atomics.store(this.view, COUNTS + index, newlines);
            Atomics.notify(this.view, COUNTS + index);
        }
    }

    /** The number of ranges before `index` whose counts are not published yet (0: firstLine can be asked). */
    private advance(index: number): number | undefined {
        while (this.known < index) {
            const n = Atomics.load(this.view, COUNTS + this.known);
            if (n === UNREAD) return this.known;
            this.newlines += n;
            this.known++;
        }
        return undefined;
    }

    /** The line number of range `index`'s first own line, waiting (blocking; not on the main thread) for earlier counts. */
    firstLineWaiting(read: ReadRange): number {
        for (let missing = this.advance(read.index); missing !== undefined; missing = this.advance(read.index)) {
            Atomics.wait(this.view, COUNTS + missing, UNREAD, 1000);
        }
        return this.firstLine(read);
    }

    /** As firstLineWaiting, for the main thread: waits without blocking it. */
    async firstLineAsync(read: ReadRange, failed: () => Error | undefined): Promise<number> {
        for (let missing = this.advance(read.index); missing !== undefined; missing = this.advance(read.index)) {
            const failure = failed();
            if (failure) throw failure;
            const wait = waitAsync(this.view, COUNTS + missing, UNREAD, 100);
            if (wait.async) await wait.value;
        }
        return this.firstLine(read);
    }

    private firstLine(read: ReadRange): number {
        // Ranges are taken in order, so the counts before the next one asked are summed once.
        if (this.known > read.index) throw new Error('RangeReader: ranges asked out of order');
        return 1 + this.newlines + (read.range?.skip ?? 0);
    }

    /** The main thread gave back ranges [0, head). */
    static given(shared: SharedArrayBuffer, head: number): void {
        const view = new Int32Array(shared);
        Atomics.store(view, HEAD, head);
        Atomics.notify(view, HEAD);
    }

    /** No more ranges of this file are taken (it cannot be read on, or the run stops). */
    static stop(shared: SharedArrayBuffer): void {
        const view = new Int32Array(shared);
        Atomics.store(view, STOP, 1);
        Atomics.notify(view, HEAD);
    }

    close(): void {
        if (this.fd !== undefined) closeSync(this.fd);
        this.fd = undefined;
    }
}

/** True when the range's items need its line numbers (it has lines, or an error to report). */
export function hasLines(read: ReadRange): boolean {
    return read.error !== undefined || (read.range?.bytes?.length ?? 0) > 0 || read.range?.tooLong !== undefined;
}

/** What a range yields in input order: its lines' rows and issues, then its too-long last line, if any. */
export function scoreRange(job: RangeJob, read: ReadRange, firstLine: number, ctx: BlockContext): BlockItem[] {
    if (read.error !== undefined) return [{ fileError: read.error }];
    const range = read.range!;
    const items = range.bytes && range.bytes.length > 0
        ? scoreBlock({ seq: read.index, file: job.file, format: job.format, fileStep: job.fileStep, firstLine, bytes: range.bytes, tokenizer: job.tokenizer }, ctx)
        : [];
    if (range.tooLong !== undefined && !items.some((item) => 'fileError' in item)) {
        items.push(issue(`${job.file}:${firstLine + range.newlines - range.skip}`, tooLongMessage(range.tooLong, job.maxLineBytes)));
    }
    return items;
}
