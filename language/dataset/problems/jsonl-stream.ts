// Streaming JSON Lines reader: large files are read line by line, never held whole in memory.
// Lines end at \n, \r\n or a lone \r (as node:readline splits them). A line longer than the limit
// is skipped with an issue naming its line number: one such line must not end the process
// ("Invalid string length") nor stop the other rows from loading.
import { createReadStream, promises as fs } from 'node:fs';
import type { LoadOptions } from './formats.js';
import { rowFromJsonLine } from './json-rows.js';
import type { RowResult } from './problem.js';
import { stripBom } from '../../python/bom.js';

/** Longest JSON Lines line read; far below V8's string limit (~512 MB), far above any real row. */
export const MAX_JSONL_LINE_BYTES = 64 * 2 ** 20;

const LF = 0x0a;
const CR = 0x0d;

/** Lines of a byte stream as buffers, or `tooLong` for a line beyond `maxBytes` (its bytes dropped). */
async function* splitLines(chunks: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<Buffer | 'tooLong'> {
    let parts: Buffer[] = [];
    let length = 0;
    let tooLong = false;
    let afterCr = false;
    const end = () => {
        const line = tooLong ? 'tooLong' as const : parts.length === 1 ? parts[0] : Buffer.concat(parts, length);
        parts = [];
        length = 0;
        tooLong = false;
        return line;
    };
    const add = (part: Buffer) => {
        if (tooLong || part.length === 0) return;
        if (length + part.length > maxBytes) {
            tooLong = true;
            parts = [];
            return;
        }
        parts.push(part);
        length += part.length;
    };
    for await (const chunk of chunks) {
        let start = 0;
        if (afterCr && chunk.length > 0 && chunk[0] === LF) start = 1;
        afterCr = false;
        for (let i = start; i < chunk.length; i++) {
            const byte = chunk[i];
            if (byte !== LF && byte !== CR) continue;
            add(chunk.subarray(start, i));
            yield end();
            if (byte === CR) {
                if (i + 1 < chunk.length) {
                    if (chunk[i + 1] === LF) i++;
                } else {
                    afterCr = true;
                }
            }
            start = i + 1;
        }
        add(chunk.subarray(start));
    }
    if (length > 0 || tooLong) yield end();
}

export async function* streamJsonLines(path: string, file: string, options: LoadOptions = {}): AsyncGenerator<RowResult> {
    const { size } = await fs.stat(path);
    const maxLineBytes = options.maxLineBytes ?? MAX_JSONL_LINE_BYTES;
    const stream = createReadStream(path, { signal: options.signal });
    const every = Math.max(1, options.progressEvery ?? 1000);
    let line = 0;
    let index = 0;
    try {
        for await (const bytes of splitLines(stream, maxLineBytes)) {
            line++;
            if (bytes === 'tooLong') {
                yield { ok: false, issue: { file, line, index: index++, message: `line longer than ${megabytes(maxLineBytes)} MB: not read` } };
            } else {
                let text = bytes.toString('utf8');
                if (line === 1) text = stripBom(text);
                const result = rowFromJsonLine(text, file, line, index);
                if (result) {
                    index++;
                    yield result;
                }
            }
            if (line % every === 0) options.onProgress?.({ rows: index, bytesRead: stream.bytesRead, totalBytes: size });
        }
    } finally {
        stream.destroy();
    }
    options.onProgress?.({ rows: index, bytesRead: size, totalBytes: size });
}

const megabytes = (bytes: number) => Number((bytes / 2 ** 20).toFixed(bytes < 2 ** 20 ? 3 : 0));
