// Buffered text output to stdout or a file (-o), honouring back-pressure.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

export class Output {
    private parts: string[] = [];
    private size = 0;
    private readonly stream: Writable;

    /** A write error (disk full, a folder removed meanwhile), raised by the next write or close rather than as an unhandled 'error' event. */
    private failure: Error | undefined;

    constructor(private readonly path: string | undefined) {
        this.stream = path && path !== '-' ? createWriteStream(path) : process.stdout;
        if (this.stream !== process.stdout) this.stream.on('error', (error: Error) => this.fail(error));
    }

    private fail(error: NodeJS.ErrnoException): Error {
        return (this.failure ??= new Error(`cannot write ${this.path}: ${error.code ?? error.message}`));
    }

    private check(): void {
        if (this.failure) throw this.failure;
    }

    async write(text: string): Promise<void> {
        this.check();
        this.parts.push(text);
        this.size += text.length;
        if (this.size >= 1 << 16) await this.flush();
    }

    async flush(): Promise<void> {
        if (this.parts.length === 0) return;
        const text = this.parts.join('');
        this.parts = [];
        this.size = 0;
        this.check();
        if (!this.stream.write(text)) await once(this.stream, 'drain').catch(() => undefined);
        this.check();
    }

    async close(): Promise<void> {
        await this.flush();
        if (this.stream === process.stdout) await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
        else await new Promise<void>((resolve, reject) => this.stream.end((error?: Error | null) => (error ? reject(this.fail(error)) : resolve())));
        this.check();
    }
}
