import { readFile } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { UsageError } from './command.js';

/** Reads a whole file, or stdin for `-`; a missing file is a usage error naming it. */
export async function readText(file: string): Promise<string> {
    if (file === '-') {
        const chunks: Buffer[] = [];
        for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks).toString('utf8');
    }
    try {
        return await readFile(file, 'utf8');
    } catch (error) {
        throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
}

/** Lines of a file or of stdin (`-`), streamed. */
export function readLines(file: string): AsyncIterable<string> {
    const input = file === '-' ? process.stdin : createReadStream(file, { encoding: 'utf8' });
    return createInterface({ input, crlfDelay: Infinity });
}

/** Buffers stdout writes (one syscall per chunk, not per line) and respects pipe back-pressure. */
export class OutputBuffer {
    private parts: string[] = [];
    private size = 0;

    async write(line: string): Promise<void> {
        this.parts.push(line);
        this.size += line.length;
        if (this.size > 1 << 16) await this.flush();
    }

    async flush(): Promise<void> {
        if (this.parts.length === 0) return;
        const chunk = this.parts.join('');
        this.parts = [];
        this.size = 0;
        if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
    }

    async close(): Promise<void> {
        await this.flush();
        await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
    }
}
