// Streaming JSON Lines reader: large files are read line by line, never held whole in memory.
import { createReadStream, promises as fs } from 'node:fs';
import { createInterface } from 'node:readline';
import type { LoadOptions } from './formats.js';
import { rowFromJsonLine } from './json-rows.js';
import type { RowResult } from './problem.js';

export async function* streamJsonLines(path: string, file: string, options: LoadOptions = {}): AsyncGenerator<RowResult> {
    const { size } = await fs.stat(path);
    const stream = createReadStream(path, { encoding: 'utf8', signal: options.signal });
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    const every = Math.max(1, options.progressEvery ?? 1000);
    let line = 0;
    let index = 0;
    try {
        for await (let text of lines) {
            line++;
            if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
            const result = rowFromJsonLine(text, file, line, index);
            if (result) {
                index++;
                yield result;
            }
            if (line % every === 0) options.onProgress?.({ rows: index, bytesRead: stream.bytesRead, totalBytes: size });
        }
    } finally {
        lines.close();
        stream.destroy();
    }
    options.onProgress?.({ rows: index, bytesRead: size, totalBytes: size });
}
