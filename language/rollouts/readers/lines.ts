// Line reading with a bound: a dump line can be huge (one open-instruct trace line holds a whole
// training step) or the file can be binary garbage without newlines. Lines longer than the bound
// are skipped without being held in memory and reported by number; the rest of the file goes on.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

/** Default bound on one line: large enough for a trace step of thousands of rollouts, below V8's string limit. */
export const DEFAULT_MAX_LINE_BYTES = 256 * 1024 * 1024;

export type Line = { line: number; text: string } | { line: number; tooLong: number };

export interface LineOptions {
    maxLineBytes?: number;
    signal?: AbortSignal;
    onBytes?: (bytesRead: number) => void;
}

const decoder = new TextDecoder('utf-8');

/** Lines of a file (1-based numbers; `\r\n` and a leading BOM handled), each bounded in length. */
export async function* readLines(path: string, options: LineOptions = {}): AsyncGenerator<Line> {
    const max = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    const stream = createReadStream(path, { highWaterMark: 1 << 20, signal: options.signal });
    let parts: Buffer[] = [];
    let size = 0;
    let skipping = false;
    let line = 0;
    let bytes = 0;
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
        let text = decoder.decode(buffer.subarray(0, end));
        if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        return { line, text };
    };
    try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
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
            }
            options.onBytes?.(bytes);
        }
        if (size > 0 || parts.length > 0 || skipping) yield finish(Buffer.alloc(0));
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
    for (const l of blockLineBytes(bytes, firstLine, maxLineBytes)) yield 'tooLong' in l ? l : { line: l.line, text: lineText(l.bytes, l.line) };
}

/** blockLines before decoding: each line's bytes (without its `\r\n` or `\n`). */
export function* blockLineBytes(bytes: Uint8Array, firstLine: number, maxLineBytes = DEFAULT_MAX_LINE_BYTES): Generator<{ line: number; bytes: Uint8Array } | { line: number; tooLong: number }> {
    let line = firstLine;
    let from = 0;
    // A Buffer's indexOf is memchr; a plain Uint8Array's (what a worker receives) looks at each byte in turn.
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    while (from < buffer.length) {
        let nl = buffer.indexOf(0x0a, from);
        if (nl < 0) nl = buffer.length;
        const length = nl - from;
        if (length > maxLineBytes) yield { line, tooLong: length };
        else {
            let end = nl;
            if (end > from && buffer[end - 1] === 0x0d) end--;
            yield { line, bytes: buffer.subarray(from, end) };
        }
        line++;
        from = nl + 1;
    }
}

/** A line's text as readLines gives it: UTF-8 (U+FFFD for bad bytes, a leading BOM dropped), and on line 1 one more BOM. */
export function lineText(bytes: Uint8Array, line: number): string {
    const text = decoder.decode(bytes);
    return line === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
