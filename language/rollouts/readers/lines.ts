// Line reading with a bound: a dump line can be huge (one open-instruct trace line holds a whole
// training step) or the file can be binary garbage without newlines. Lines longer than the bound
// are skipped without being held in memory and reported by number; the rest of the file goes on.
import { createReadStream } from 'node:fs';

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
