// Line reading with a bound: a dump line can be huge (one open-instruct trace line holds a whole
// training step) or the file can be binary garbage without newlines. Lines longer than the bound
// are skipped without being held in memory and reported by number; the rest of the file goes on.
import { createReadStream, readSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { stripBom } from '../../python/bom.js';

/**
 * Standard input as a path (the CLI's `-`). Read from descriptor 0 rather than opened by name: a
 * socket (what Node gives a child's piped stdin) cannot be opened through /dev/stdin.
 */
export const STDIN_PATH = '/dev/stdin';

/** Default bound on one line: large enough for a trace step of thousands of rollouts, below V8's string limit. */
export const DEFAULT_MAX_LINE_BYTES = 256 * 1024 * 1024;

/**
 * `unterminated`: the file's last line, with no newline after it (cut short, or still being written).
 * `offset` and `length` (with LineOptions.offsets): where the line's bytes are in the file, its `\r\n`
 * or `\n` not counted, so LineReadBack can read the same text back.
 */
export type Line = { line: number; text: string; unterminated?: true; offset?: number; length?: number } | { line: number; tooLong: number };

export interface LineOptions {
    maxLineBytes?: number;
    signal?: AbortSignal;
    onBytes?: (bytesRead: number) => void;
    /** Give each line's byte offset and length (for reading one line back later). */
    offsets?: boolean;
}

const decoder = new TextDecoder('utf-8');

/** The largest read of readLines: big files are read 1 MiB at a time. */
const READ_BYTES = 1 << 20;
const MIN_READ_BYTES = 16 * 1024;

/**
 * How many bytes readLines reads at a time from `path`: a regular file smaller than READ_BYTES in
 * reads of its size (at least MIN_READ_BYTES). A stream allocates each read's whole buffer: with 1 MiB
 * a file, reading many small files (a folder of shards, the language server's problem files, the
 * tests) made the garbage collector run full collections for memory nothing used. Standard input, a
 * pipe or a path that cannot be read: READ_BYTES (the stream reports the error).
 */
export function readBytesFor(path: string): number {
    if (path === STDIN_PATH) return READ_BYTES;
    try {
        const stat = statSync(path);
        return stat.isFile() ? Math.min(READ_BYTES, Math.max(MIN_READ_BYTES, stat.size)) : READ_BYTES;
    } catch {
        return READ_BYTES;
    }
}

/** Lines of a file (1-based numbers; `\r\n` and a leading BOM handled), each bounded in length. */
export async function* readLines(path: string, options: LineOptions = {}): AsyncGenerator<Line> {
    const max = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    const stream = path === STDIN_PATH
        ? createReadStream('', { fd: 0, autoClose: false, highWaterMark: READ_BYTES, signal: options.signal })
        : createReadStream(path, { highWaterMark: readBytesFor(path), signal: options.signal });
    let parts: Buffer[] = [];
    let size = 0;
    let skipping = false;
    let line = 0;
    let bytes = 0;
    /** The file offset of the line being gathered. */
    let start = 0;
    const finish = (tail: Buffer): Line => {
        line++;
        if (skipping) {
            const tooLong = size + tail.length;
            parts = [];
            size = 0;
            skipping = false;
            return { line, tooLong };
        }
        const buffer = parts.length === 0 ? tail : Buffer.concat([...parts, tail]);
        parts = [];
        size = 0;
        let end = buffer.length;
        if (end > 0 && buffer[end - 1] === 0x0d) end--;
        const text = lineText(buffer.subarray(0, end), line);
        return options.offsets ? { line, text, offset: start, length: end } : { line, text };
    };
    try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
            const chunkStart = bytes;
            bytes += chunk.length;
            let from = 0;
            while (from < chunk.length) {
                const nl = chunk.indexOf(0x0a, from);
                const piece = chunk.subarray(from, nl < 0 ? chunk.length : nl);
                if (nl < 0) {
                    if (skipping) size += piece.length;
                    else if (size + piece.length > max) {
                        skipping = true;
                        size += piece.length;
                        parts = [];
                    } else {
                        parts.push(Buffer.from(piece));
                        size += piece.length;
                    }
                    break;
                }
                if (!skipping && size + piece.length > max) {
                    skipping = true;
                    size += piece.length;
                    parts = [];
                    yield finish(Buffer.alloc(0));
                } else yield finish(piece);
                from = nl + 1;
                start = chunkStart + from;
            }
            options.onBytes?.(bytes);
        }
        if (size > 0 || parts.length > 0 || skipping) {
            const last = finish(Buffer.alloc(0));
            yield 'text' in last ? { ...last, unterminated: true } : last;
        }
    } finally {
        stream.destroy();
    }
}

export function tooLongMessage(bytes: number, max = DEFAULT_MAX_LINE_BYTES): string {
    return `line of ${bytes} bytes is longer than the limit of ${max} bytes (--max-line-bytes); skipped`;
}

/** Whole lines of a file in blocks (for threads that each take a block), or a line over the bound. */
export type LineBlock = { bytes: Uint8Array; firstLine: number } | { line: number; tooLong: number };

/**
 * The file's bytes in blocks of about `blockBytes` that end just after a `\n` (the last may end
 * anywhere), each with the number of its first line, so that splitting a block into lines
 * (blockLines) gives the lines readLines gives. A line that outgrows `maxLineBytes` across reads is
 * not held: it comes as `{ line, tooLong }` in its place. (Shorter over-long lines inside a block are
 * found by blockLines.) Each block is read straight into a fresh buffer of its own, behind the
 * unfinished line the previous read left (so it can be handed to another thread, transferred, and
 * only that short tail is copied); a line longer than a quarter block is gathered in parts instead,
 * so that a huge line is copied once, not once per read.
 */
export async function* readLineBlocks(path: string, options: LineOptions & { blockBytes?: number } = {}): AsyncGenerator<LineBlock> {
    const max = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    const size = options.blockBytes ?? 1 << 20;
    options.signal?.throwIfAborted();
    const handle = await open(path, 'r');
    /** The unfinished line's bytes so far (none while skipping), `carried` bytes in all. */
    let carry: Buffer[] = [];
    let carried = 0;
    let skipping = false;
    let line = 1;
    let bytes = 0;
    const take = (block: Buffer) => {
        const firstLine = line;
        line += countNewlines(block); // before it is yielded: the consumer may hand the bytes away
        return { bytes: block, firstLine };
    };
    try {
        for (;;) {
            options.signal?.throwIfAborted();
            // A short unfinished line goes in front of the read; a long one stays in parts.
            const direct = !skipping && carried <= size / 4;
            const buffer = Buffer.allocUnsafeSlow((direct ? carried : 0) + size);
            let at = 0;
            if (direct) for (const part of carry) at += part.copy(buffer, at);
            const { bytesRead } = await handle.read(buffer, at, size, null);
            if (bytesRead === 0) break;
            bytes += bytesRead;
            const end = at + bytesRead;
            /** Where the bytes not yet given out start in `buffer` (the unfinished line, when direct). */
            let from = direct ? 0 : at;
            if (skipping) {
                const nl = buffer.indexOf(0x0a, at);
                if (nl < 0 || nl >= end) {
                    carried += bytesRead;
                    options.onBytes?.(bytes);
                    continue;
                }
                yield { line: line++, tooLong: carried + nl - at };
                skipping = false;
                carried = 0;
                from = nl + 1;
            }
            const last = buffer.lastIndexOf(0x0a, end - 1);
            if (last < from) {
                const rest = end - from;
                if (carried + (direct ? rest - carried : rest) > max) {
                    skipping = true;
                    carried = carried + (direct ? rest - carried : rest);
                    carry = [];
                } else if (direct) {
                    carry = [buffer.subarray(from, end)];
                    carried = rest;
                } else {
                    carry.push(buffer.subarray(from, end));
                    carried += rest;
                }
                options.onBytes?.(bytes);
                continue;
            }
            const block = direct ? buffer.subarray(from, last + 1) : ownConcat([...carry, buffer.subarray(from, last + 1)], carried + last + 1 - from);
            // The tail is copied out: the block's whole buffer may be transferred to another thread.
            carry = last + 1 < end ? [Buffer.from(buffer.subarray(last + 1, end))] : [];
            carried = end - last - 1;
            yield take(block);
            options.onBytes?.(bytes);
        }
        if (skipping) yield { line, tooLong: carried };
        else if (carried > 0) yield take(ownConcat(carry, carried));
    } finally {
        await handle.close();
    }
}

/**
 * Buffer.concat(parts, size) in memory of its own: a short Buffer.concat result lives in Node's
 * shared pool, which Node 22+ refuses to transfer to another thread (DataCloneError) and older Node
 * silently copies.
 */
function ownConcat(parts: readonly Uint8Array[], size: number): Buffer {
    const block = Buffer.allocUnsafeSlow(size);
    let to = 0;
    for (const part of parts) {
        block.set(part, to);
        to += part.byteLength;
    }
    return block;
}

function countNewlines(bytes: Uint8Array): number {
    let n = 0;
    for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) n++;
    return n;
}

/** The lines of a block from readLineBlocks, numbered, as readLines gives them (bounded likewise). */
export function* blockLines(bytes: Uint8Array, firstLine: number, maxLineBytes = DEFAULT_MAX_LINE_BYTES): Generator<Line> {
    for (const l of blockLineBytes(bytes, firstLine, maxLineBytes)) yield 'tooLong' in l ? l : { line: l.line, text: lineText(l.bytes, l.line), ...(l.unterminated && { unterminated: l.unterminated }) };
}

/**
 * blockLines before decoding: each line's bytes (without its `\r\n` or `\n`). A block's lines each
 * end with their `\n` (readLineRange reads the last one whole) but the file's last: one without is
 * `unterminated`, as readLines says.
 */
export function* blockLineBytes(bytes: Uint8Array, firstLine: number, maxLineBytes = DEFAULT_MAX_LINE_BYTES): Generator<{ line: number; bytes: Uint8Array; unterminated?: true } | { line: number; tooLong: number }> {
    let line = firstLine;
    let from = 0;
    // A Buffer's indexOf is memchr; a plain Uint8Array's (what a worker receives) looks at each byte in turn.
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    while (from < buffer.length) {
        let nl = buffer.indexOf(0x0a, from);
        const unterminated = nl < 0;
        if (unterminated) nl = buffer.length;
        const length = nl - from;
        if (length > maxLineBytes) yield { line, tooLong: length };
        else {
            let end = nl;
            if (end > from && buffer[end - 1] === 0x0d) end--;
            yield unterminated ? { line, bytes: buffer.subarray(from, end), unterminated } : { line, bytes: buffer.subarray(from, end) };
        }
        line++;
        from = nl + 1;
    }
}

/** A line's text as readLines gives it: UTF-8 (U+FFFD for bad bytes, a leading BOM dropped), and on line 1 one more BOM. */
export function lineText(bytes: Uint8Array, line: number): string {
    const text = decoder.decode(bytes);
    return line === 1 ? stripBom(text) : text;
}

/**
 * What one range of a file holds when the file is cut into ranges of `blockBytes` that threads read
 * and score on their own (cli/rollouts/ranges.ts): the range's own lines are those that START in it,
 * each read whole (past the range's end if need be). Line numbers come from the '\n' counts of the
 * ranges before: the first own line is line `1 + (newlines of earlier ranges) + skip`.
 */
export interface LineRange {
    /** '\n' bytes inside the range [index × blockBytes, (index + 1) × blockBytes). */
    newlines: number;
    /** 1 when the first own line starts after a '\n' inside the range (the line cut at the range's start belongs to an earlier range). */
    skip: 0 | 1;
    /** The own lines, whole, as blockLineBytes reads them (their last '\n' included when there is one); a view of the scratch buffer, valid until its next use. */
    bytes?: Buffer;
    /** The last own line when it is longer than maxLineBytes: its length (without its '\n'); it is not in `bytes` and is not held. */
    tooLong?: number;
}

/** A thread's reusable read buffer for readLineRange (a range is read into it, not into fresh memory). */
export class RangeScratch {
    private buffer: Buffer | undefined;
    /** A buffer of at least `size` bytes: the kept one (of `keep` bytes), or one for this range only when it needs more. */
    get(size: number, keep: number): Buffer {
        if (this.buffer && this.buffer.length >= size) return this.buffer;
        if (size > keep) return Buffer.allocUnsafeSlow(size);
        this.buffer = Buffer.allocUnsafeSlow(keep);
        return this.buffer;
    }
}

/** Bytes read past a range's end at first, for the end of its last line (doubled on each further read). */
const RANGE_SLACK = 16 * 1024;

/** Reads `length` bytes at `position` (fewer only at the end of the file); how many it read. */
function readAt(fd: number, buffer: Buffer, offset: number, length: number, position: number): number {
    let done = 0;
    while (done < length) {
        const n = readSync(fd, buffer, offset + done, length - done, position + done);
        if (n === 0) break;
        done += n;
    }
    return done;
}

/**
 * Range `index` of the open file `fd` (`size` bytes, cut at multiples of `blockBytes`): its '\n'
 * count and the lines that start in it, read synchronously into `scratch`. Splitting every range's
 * bytes with blockLineBytes (each numbered as LineRange says, each too-long last line in its place)
 * gives the lines readLines gives, numbered alike.
 */
export function readLineRange(fd: number, size: number, index: number, blockBytes: number, maxLineBytes: number, scratch: RangeScratch): LineRange {
    const start = index * blockBytes;
    if (start >= size) return { newlines: 0, skip: 0 };
    // The byte before the range says whether a line starts at the range's first byte.
    const before = start > 0 ? 1 : 0;
    // Room for the range and the usual end of its last line: the kept buffer is not outgrown (and copied) on every range.
    const keep = blockBytes + 1 + RANGE_SLACK;
    let buffer = scratch.get(before + Math.min(blockBytes, size - start), keep);
    const end = start + readAt(fd, buffer, 0, before + Math.min(blockBytes, size - start), start - before) - before;
    if (end <= start) return { newlines: 0, skip: 0 };
    /** The index in `buffer` of file position p. */
    const at = (p: number) => p - start + before;
    const range = buffer.subarray(before, at(end));
    const newlines = countNewlines(range);
    let first = start;
    let skip: 0 | 1 = 0;
    if (before === 1 && buffer[0] !== 0x0a) {
        const nl = range.indexOf(0x0a);
        // No '\n' in the range: it lies inside a line that started earlier.
        if (nl < 0) return { newlines, skip: 0 };
        first = start + nl + 1;
        skip = 1;
    }
    if (end === size || range[range.length - 1] === 0x0a) return { newlines, skip, bytes: buffer.subarray(at(first), at(end)) };
    // The last own line runs past the range: read on to its '\n' (or the end of the file).
    const last = start + range.lastIndexOf(0x0a) + 1;
    let have = end;
    let step = RANGE_SLACK;
    let lineEnd = -1;
    while (lineEnd < 0 && have - last <= maxLineBytes) {
        if (have >= size) {
            lineEnd = size;
            break;
        }
        const want = Math.min(step, size - have);
        if (at(have) + want > buffer.length) {
            const bigger = scratch.get(Math.max(at(have) + want, 2 * buffer.length), keep);
            if (bigger !== buffer) buffer.copy(bigger, 0, 0, at(have));
            buffer = bigger;
        }
        const n = readAt(fd, buffer, at(have), want, have);
        if (n === 0) {
            lineEnd = have;
            break;
        }
        const nl = buffer.subarray(at(have), at(have) + n).indexOf(0x0a);
        if (nl >= 0) lineEnd = have + nl;
        have += n;
        step *= 2;
    }
    if (lineEnd >= 0 && lineEnd - last <= maxLineBytes) {
        // A '\n' ends it (included in the bytes), or the end of the file does.
        const stop = lineEnd < have ? lineEnd + 1 : lineEnd;
        return { newlines, skip, bytes: buffer.subarray(at(first), at(stop)) };
    }
    // Too long: its bytes are not kept; the rest of it is only searched for its '\n'.
    const own = buffer.subarray(at(first), at(last));
    if (lineEnd < 0) {
        const probe = Buffer.allocUnsafeSlow(Math.max(4096, Math.min(blockBytes, 1 << 20)));
        while (lineEnd < 0) {
            const n = have < size ? readAt(fd, probe, 0, Math.min(probe.length, size - have), have) : 0;
            if (n === 0) {
                lineEnd = have;
                break;
            }
            const nl = probe.subarray(0, n).indexOf(0x0a);
            if (nl >= 0) lineEnd = have + nl;
            have += n;
        }
    }
    return { newlines, skip, bytes: own, tooLong: lineEnd - last };
}

/**
 * Reads lines back by their byte offset and length (readLines' `offsets`), decoded as readLines
 * decoded them (lineText). It reads ahead a block of `blockBytes` into one buffer it keeps, so lines
 * read in file order (a search over a run) cost one read per block, not one read and one buffer each.
 */
export class LineReadBack {
    private buffer = Buffer.alloc(0);
    private fd = -1;
    private start = 0;
    private end = 0;

    constructor(private readonly blockBytes = 1 << 20) {}

    /** Line `line`'s text from `length` bytes at `offset` of the open file `fd`; null when the file is shorter. */
    text(fd: number, offset: number, length: number, line: number): string | null {
        if (fd !== this.fd || offset < this.start || offset + length > this.end) {
            const size = Math.max(length, this.blockBytes);
            if (this.buffer.length < size) this.buffer = Buffer.allocUnsafeSlow(size);
            const n = readAt(fd, this.buffer, 0, size, offset);
            [this.fd, this.start, this.end] = [fd, offset, offset + n];
            if (n < length) return null;
        }
        return lineText(this.buffer.subarray(offset - this.start, offset - this.start + length), line);
    }

    /** Forgets what it read (its file is closed, or may have changed). */
    clear(): void {
        this.fd = -1;
        this.end = 0;
    }
}
