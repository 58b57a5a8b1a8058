// A growable UTF-8 output buffer that writes JSON strings exactly as JSON.stringify quotes them,
// copying plain ASCII byte by byte (the verifier's answers are mostly short plain strings).
const quote = JSON.stringify as (value: string) => string;
/** Printable ASCII other than `"` and backslash: JSON.stringify leaves it as it is. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** Thrown when an answer would outgrow its sink's limit: the caller refuses it rather than build it. */
export class SinkLimitError extends Error {
    constructor(readonly limit: number) {
        super(`the answer would exceed ${limit} bytes`);
    }
}

/** A growable UTF-8 output buffer; its ArrayBuffer is its own (never Node's pool), so it can be transferred. */
export class ByteSink {
    buffer: Buffer;
    length = 0;

    /**
     * A new buffer of `capacity` bytes, or a recycled ArrayBuffer (the sink then owns it). Growing past
     * `limit` bytes throws SinkLimitError.
     */
    constructor(capacity: number | ArrayBuffer = 1 << 16, readonly limit = Infinity) {
        // A recycled buffer larger than the limit is used only up to it: growing is where the limit is checked.
        this.buffer = typeof capacity === 'number' ? Buffer.allocUnsafeSlow(Math.max(Math.min(capacity, limit), 64))
            : Buffer.from(capacity, 0, Math.min(capacity.byteLength, limit));
    }

    /** Makes room for `bytes` more bytes. */
    reserve(bytes: number): void {
        if (this.length + bytes <= this.buffer.length) return;
        if (this.length + bytes > this.limit) throw new SinkLimitError(this.limit);
        const grown = Buffer.allocUnsafeSlow(Math.min(Math.max(this.buffer.length * 2, this.length + bytes), Math.max(this.limit, this.length + bytes)));
        this.buffer.copy(grown, 0, 0, this.length);
        this.buffer = grown;
    }

    write(text: string): void {
        this.reserve(this.length + text.length * 3 <= this.limit ? text.length * 3 : Buffer.byteLength(text));
        this.length += this.buffer.write(text, this.length);
    }

    /** Appends bytes already encoded (short constants: a loop beats a native copy's call). */
    raw(bytes: Uint8Array): void {
        this.reserve(bytes.length);
        const out = this.buffer;
        let pos = this.length;
        for (let i = 0; i < bytes.length; i++) out[pos++] = bytes[i];
        this.length = pos;
    }

    /**
     * Appends `text` as JSON.stringify quotes it; true if it was plain (printable ASCII that needs no
     * escape). Short plain strings, most inputs and expected outputs, are copied byte by byte; long
     * ones go through the native encoder, and anything else through JSON.stringify.
     */
    jsonString(text: string): boolean {
        const n = text.length;
        if (n > 32) {
            if (!PLAIN.test(text)) {
                this.write(quote(text));
                return false;
            }
            this.plainString(text);
            return true;
        }
        this.reserve(n + 2);
        const out = this.buffer;
        let pos = this.length;
        out[pos++] = 34;
        for (let i = 0; i < n; i++) {
            const c = text.charCodeAt(i);
            if (c < 0x20 || c > 0x7e || c === 34 || c === 92) {
                this.write(quote(text));
                return false;
            }
            out[pos++] = c;
        }
        out[pos++] = 34;
        this.length = pos;
        return true;
    }

    /** Appends `text`, known to be plain (see jsonString), in quotes. */
    plainString(text: string): void {
        const n = text.length;
        this.reserve(n + 2);
        const out = this.buffer;
        let pos = this.length;
        out[pos++] = 34;
        // Short texts (final tapes, mostly) byte by byte: the native write's call costs more.
        if (n <= 32) for (let i = 0; i < n; i++) out[pos++] = text.charCodeAt(i);
        else pos += out.write(text, pos, 'latin1');
        out[pos++] = 34;
        this.length = pos;
    }

    /** The ArrayBuffer under the bytes (the sink's own: allocated by it or given to it). */
    arrayBuffer(): ArrayBuffer {
        return this.buffer.buffer as ArrayBuffer;
    }

    /** The bytes written so far (a view, valid until the next write). */
    bytes(): Uint8Array {
        return new Uint8Array(this.buffer.buffer, this.buffer.byteOffset, this.length);
    }

    toString(): string {
        return this.buffer.toString('utf8', 0, this.length);
    }
}

/**
 * Answer buffers given back once their bytes are written to the socket, taken again by the next
 * answers. A fresh 64 KiB buffer per request is external memory to V8, and at a few thousand
 * requests a second that external memory alone started most of the server's full GCs
 * (docs/verifier-http.md §9). Holds at most `maxBuffers` buffers of at most `maxBytes` each.
 */
export class BufferShelf {
    private readonly free: ArrayBuffer[] = [];

    constructor(readonly maxBuffers = 16, readonly maxBytes = 1 << 18) {}

    take(): ArrayBuffer | undefined {
        return this.free.pop();
    }

    /** `buffer` must no longer be referenced by anything that reads it. */
    give(buffer: ArrayBuffer): void {
        if (this.free.length < this.maxBuffers && buffer.byteLength <= this.maxBytes) this.free.push(buffer);
    }

    get size(): number {
        return this.free.length;
    }
}
