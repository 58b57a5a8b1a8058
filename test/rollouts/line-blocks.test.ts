// readLineBlocks (language/rollouts/readers/lines.ts), split by blockLines, gives the lines readLines
// gives, in order, numbered alike, with the same over-long lines, for any block size and bound:
// short unfinished lines read into the next block's buffer, long ones gathered in parts, skipped
// lines across reads, CRLF, BOMs and multi-byte characters cut by a read.
import { closeSync, fstatSync, mkdtempSync, openSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockLines, RangeScratch, readBytesFor, readLineBlocks, readLineRange, readLines, STDIN_PATH, type Line } from '../../language/rollouts/readers/lines.js';

const dir = mkdtempSync(join(tmpdir(), 'line-blocks-'));
let files = 0;

async function viaBlocks(path: string, blockBytes: number, maxLineBytes: number): Promise<Line[]> {
    const out: Line[] = [];
    for await (const piece of readLineBlocks(path, { blockBytes, maxLineBytes })) {
        if ('tooLong' in piece) out.push(piece);
        else out.push(...blockLines(piece.bytes, piece.firstLine, maxLineBytes));
    }
    return out;
}

async function viaLines(path: string, maxLineBytes: number): Promise<Line[]> {
    const out: Line[] = [];
    for await (const l of readLines(path, { maxLineBytes })) out.push(l);
    return out;
}

const piece = fc.oneof(
    fc.constantFrom('\n', '\r\n', '\ufeff', 'é', '😀', '{"a":1}', ''),
    fc.string({ maxLength: 12 }),
    fc.integer({ min: 1, max: 300 }).map((n) => 'x'.repeat(n)),
);

describe('readLineBlocks', () => {
    it('gives readLines\' lines for any block size and line bound', async () => {
        await fc.assert(fc.asyncProperty(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 400 }), async (parts, blockBytes, maxLineBytes) => {
            const path = join(dir, `f${files++}.jsonl`);
            writeFileSync(path, parts.join(''));
            expect(await viaBlocks(path, blockBytes, maxLineBytes)).toEqual(await viaLines(path, maxLineBytes));
            // 150 runs: fast-check favours small block sizes, and a block of a few bytes is a file read
            // (a thread-pool round trip) per few bytes; 400 runs cost ~7 CPU-s of `npm test`.
        }), { numRuns: 150 });
    });

    it('hands out each block in a buffer of its own (it may be transferred), the next block intact', async () => {
        const path = join(dir, 'own.jsonl');
        const rows = Array.from({ length: 200 }, (_, i) => `{"row":${i},"pad":"${'p'.repeat(i % 37)}"}`);
        // No final line break: the last block is the unfinished tail, gathered after the last read.
        writeFileSync(path, rows.join('\n'));
        const seen: string[] = [];
        const buffers = new Set<ArrayBufferLike>();
        for await (const piece of readLineBlocks(path, { blockBytes: 256 })) {
            if ('tooLong' in piece) throw new Error('no line is too long here');
            expect(buffers.has(piece.bytes.buffer)).toBe(false);
            // At the start of memory of its own, not inside Node's shared pool of small buffers (which
            // Node 22+ refuses to transfer: DataCloneError in the thread pool).
            expect(piece.bytes.byteOffset).toBe(0);
            buffers.add(piece.bytes.buffer);
            seen.push(Buffer.from(piece.bytes).toString('utf8'));
            // As a transfer would: the block's whole buffer is gone from this thread.
            structuredClone(piece.bytes.buffer, { transfer: [piece.bytes.buffer as ArrayBuffer] });
        }
        expect(seen.join('')).toBe(rows.join('\n'));
    });
});

/** Every range of the file read as a thread reads it, numbered from the ranges' '\n' counts. */
function viaRanges(path: string, blockBytes: number, maxLineBytes: number): Line[] {
    const out: Line[] = [];
    const fd = openSync(path, 'r');
    try {
        const size = fstatSync(fd).size;
        const scratch = new RangeScratch();
        let newlines = 0;
        for (let index = 0; index * blockBytes < size; index++) {
            const range = readLineRange(fd, size, index, blockBytes, maxLineBytes, scratch);
            const firstLine = 1 + newlines + range.skip;
            if (range.bytes) out.push(...blockLines(range.bytes, firstLine, maxLineBytes));
            if (range.tooLong !== undefined) out.push({ line: firstLine + range.newlines - range.skip, tooLong: range.tooLong });
            newlines += range.newlines;
        }
    } finally {
        closeSync(fd);
    }
    return out;
}

describe('readLineRange', () => {
    it('gives readLines\' lines for any range size and line bound (ranges cut lines, CRLF pairs and characters anywhere)', async () => {
        await fc.assert(fc.asyncProperty(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 400 }), async (parts, blockBytes, maxLineBytes) => {
            const path = join(dir, `r${files++}.jsonl`);
            writeFileSync(path, parts.join(''));
            expect(viaRanges(path, blockBytes, maxLineBytes)).toEqual(await viaLines(path, maxLineBytes));
        }), { numRuns: 300 });
    });

    it('edge cases: no final line break, a final one, a line ending exactly at a range end, a too-long last line, CRLF cut', async () => {
        const cases = ['a\nb', 'a\nb\n', 'ab\ncd\n', 'abc\r\ndef\r\n', 'x'.repeat(50), `a\n${'y'.repeat(50)}`, `a\n${'y'.repeat(50)}\nb`, '\n\n\n', '\ufeff{"a":1}\r\n{"b":2}', `a\n${'y'.repeat(10)}\nb`, `a\n${'y'.repeat(9)}\r\nb`, `a\n${'y'.repeat(10)}`];
        for (const text of cases) {
            const path = join(dir, `e${files++}.jsonl`);
            writeFileSync(path, text);
            for (const blockBytes of [1, 2, 3, 4, 5, 7, 64]) {
                for (const max of [3, 10, 1000]) expect(viaRanges(path, blockBytes, max)).toEqual(await viaLines(path, max));
            }
        }
    });
});

describe('RangeScratch', () => {
    it('reads every range into one buffer, its last line\'s end included, when lines are short', () => {
        const path = join(dir, 'scratch.jsonl');
        writeFileSync(path, Array.from({ length: 2000 }, (_, i) => `{"row":${i},"pad":"${'p'.repeat(i % 97)}"}`).join('\n'));
        const fd = openSync(path, 'r');
        try {
            const size = fstatSync(fd).size;
            const scratch = new RangeScratch();
            const buffers = new Set<ArrayBufferLike>();
            for (let index = 0; index * 4096 < size; index++) buffers.add(readLineRange(fd, size, index, 4096, 1 << 20, scratch).bytes!.buffer);
            expect(buffers.size).toBe(1);
        } finally {
            closeSync(fd);
        }
    });
});

describe('readLines\' read size', () => {
    it('a file under 1 MiB in reads of its size (16 KiB at least), a bigger one, stdin, a folder or a missing path 1 MiB at a time', () => {
        const sized = (name: string, bytes: number) => {
            const path = join(dir, name);
            writeFileSync(path, '');
            truncateSync(path, bytes);
            return readBytesFor(path);
        };
        expect([sized('tiny.jsonl', 100), sized('small.jsonl', 100_000), sized('big.jsonl', 3 << 20)]).toEqual([16 * 1024, 100_000, 1 << 20]);
        expect([readBytesFor(STDIN_PATH), readBytesFor(dir), readBytesFor(join(dir, 'missing.jsonl'))]).toEqual([1 << 20, 1 << 20, 1 << 20]);
    });
});
