// Buffered text output to stdout or a file (-o), honouring back-pressure.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

export class Output {
    private parts: string[] = [];
    private size = 0;
    private readonly stream: Writable;

    constructor(path: string | undefined) {
        this.stream = path && path !== '-' ? createWriteStream(path) : process.stdout;
    }

    async write(text: string): Promise<void> {
        this.parts.push(text);
        this.size += text.length;
        if (this.size >= 1 << 16) await this.flush();
    }

    async flush(): Promise<void> {
        if (this.parts.length === 0) return;
        const text = this.parts.join('');
        this.parts = [];
        this.size = 0;
        if (!this.stream.write(text)) await once(this.stream, 'drain');
    }

    async close(): Promise<void> {
        await this.flush();
        if (this.stream === process.stdout) await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
        else await new Promise<void>((resolve, reject) => this.stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
    }
}
