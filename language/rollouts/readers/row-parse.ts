// JSON.parse of dump lines whose biggest value repeats: every rollout of a problem writes the same
// ground truth (a list of ~20 test-case objects, often half of the line), and building those objects
// was most of the cost of parsing a row. Here a label text seen before is not parsed again: the
// line is parsed with the label replaced by a one-character sentinel string, and the label's value
// (parsed once) is put back. The result equals JSON.parse(line) exactly, and so does any error (a
// line that does not take the fast path is parsed whole). Why it is exact: docs/rollouts.md, "Speed".

/** Keys a label is read from (readers/fields.ts GROUND_TRUTH, less the nested `reward_model`). */
const LABEL_KEYS = ['ground_truth', 'gts', 'label', 'test_cases'];
/** Shorter labels are parsed with the line (the lookup would cost what it saves). */
const MIN_LABEL_CHARS = 256;
/** Labels are found by the characters that start them (problems' test sets often share their first few tests), then compared whole. */
const PREFIX_CHARS = MIN_LABEL_CHARS;
/** What the known labels may hold (UTF-16 bytes); when full they are forgotten. */
const MAX_LABEL_BYTES = 32 * 1024 * 1024;
/** Labels kept with one prefix (beyond that a new one is not kept). */
const MAX_PER_PREFIX = 64;

/**
 * The sentinel: a string value holding U+0001. Unescaped, that character cannot appear in a JSON
 * string, and escaped it is only ever spelled `\u0001`; a line without that spelling can get such a
 * value only from the sentinel itself.
 */
const SENTINEL_TEXT = '"\\u0001"';
const SENTINEL = '\u0001';

interface KnownLabel {
    text: string;
    value: unknown;
    /** Its UTF-8 bytes (for parseBytes). */
    bytes: Buffer;
}

/** The text of a line's bytes before a label: as readers/lines.ts decodes a line (a leading BOM dropped). */
const head = new TextDecoder('utf-8');
/** After a label the decoder is mid-line: nothing is dropped. */
const tail = new TextDecoder('utf-8', { ignoreBOM: true });
const SENTINEL_SPELLING = Buffer.from('\\u0001', 'latin1');

export class RowParser {
    /** The label key of the rows seen so far. */
    private key: string | undefined;
    private pattern = '';
    private labels = new Map<string, KnownLabel[]>();
    /** The same labels, by the Latin-1 reading of their first bytes. */
    private labelsByBytes = new Map<string, KnownLabel[]>();
    private patternBytes = Buffer.alloc(0);
    private labelBytes = 0;
    /**
     * The label the last fast-path row held, tried first: rows of one problem (a GRPO group) come
     * together. Two known labels never both match at one place (each is one complete JSON value,
     * ending at its own closing character), so trying it first finds what the lookup finds.
     */
    private last: KnownLabel | undefined;
    /** Fast-path outcomes, for the learning budget and for tests. */
    hits = 0;
    learned = 0;

    /** Exactly JSON.parse(text): the same value, or the same error thrown. */
    parse(text: string): unknown {
        if (this.key !== undefined) {
            const row = this.fast(text, this.key);
            if (row !== undefined) {
                this.hits++;
                return row;
            }
        }
        const row: unknown = JSON.parse(text);
        // Learn while the labels repeat (at least one hit in four), or for the first rows.
        if (this.learned < 64 || this.hits * 4 >= this.learned) this.learn(text, row);
        return row;
    }

    /**
     * JSON.parse of the line whose UTF-8 bytes these are (not line 1, whose text readers/lines.ts
     * lineText treats apart), when it holds a label seen before; undefined when it does not (then
     * the caller decodes it and calls parse). The label's bytes are neither decoded nor compared as
     * text: equal bytes decode to equal text, and a label starts and ends at an ASCII character,
     * where decoding the line in parts gives what decoding it whole gives.
     */
    parseBytes(bytes: Uint8Array): unknown {
        const key = this.key;
        if (key === undefined) return undefined;
        const line = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        const at = line.indexOf(this.patternBytes);
        if (at < 0) return undefined;
        const p = skipSpaceBytes(line, at + this.patternBytes.length);
        const matches = (k: KnownLabel) => p + k.bytes.length <= line.length && line.compare(k.bytes, 0, k.bytes.length, p, p + k.bytes.length) === 0;
        let known = this.last;
        if (!known || !matches(known)) {
            known = this.labelsByBytes.get(line.toString('latin1', p, p + PREFIX_CHARS))?.find(matches);
            if (!known) return undefined;
            this.last = known;
        }
        if (line.includes(SENTINEL_SPELLING)) return undefined;
        const row = this.withSentinel(head.decode(line.subarray(0, p)) + SENTINEL_TEXT + tail.decode(line.subarray(p + known.bytes.length)), key, known);
        if (row !== undefined) this.hits++;
        return row;
    }

    private fast(text: string, key: string): Record<string, unknown> | undefined {
        const at = text.indexOf(this.pattern);
        if (at < 0) return undefined;
        const p = skipSpace(text, at + this.pattern.length);
        const bucket = this.labels.get(text.slice(p, p + PREFIX_CHARS));
        if (!bucket) return undefined;
        const known = bucket.find((k) => text.slice(p, p + k.text.length) === k.text);
        if (!known || text.includes('\\u0001')) return undefined;
        return this.withSentinel(text.slice(0, p) + SENTINEL_TEXT + text.slice(p + known.text.length), key, known);
    }

    /** The row of the line with the sentinel in its label's place, if the sentinel is its key's value. */
    private withSentinel(edited: string, key: string, known: KnownLabel): Record<string, unknown> | undefined {
        let row: unknown;
        try {
            row = JSON.parse(edited);
        } catch {
            return undefined;
        }
        // The sentinel came back as the row's (last) value of the key: the label was that value.
        if (!isObject(row) || row[key] !== SENTINEL) return undefined;
        row[key] = known.value;
        return row;
    }

    /** Keeps the text of the row's label (the first label key present with a big value), if found. */
    private learn(text: string, row: unknown): void {
        if (!isObject(row)) return;
        const key = LABEL_KEYS.find((k) => row[k] !== undefined && row[k] !== null);
        if (key === undefined) return;
        const value = row[key];
        if (typeof value !== 'string' && typeof value !== 'object') return;
        const pattern = `"${key}":`;
        const at = text.indexOf(pattern);
        if (at < 0) return;
        const p = skipSpace(text, at + pattern.length);
        const end = valueEnd(text, p);
        if (end === undefined || end - p < MIN_LABEL_CHARS) return;
        const labelText = text.slice(p, end);
        let parsed: unknown;
        try {
            parsed = JSON.parse(labelText);
        } catch {
            return;
        }
        if (key !== this.key) {
            this.key = key;
            this.pattern = pattern;
            this.patternBytes = Buffer.from(pattern, 'utf8');
        }
        const prefix = labelText.slice(0, PREFIX_CHARS);
        let bucket = this.labels.get(prefix);
        if (bucket?.some((k) => k.text === labelText)) return;
        if (this.labelBytes + 3 * labelText.length > MAX_LABEL_BYTES) {
            this.labels.clear();
            this.labelsByBytes.clear();
            this.labelBytes = 0;
            bucket = undefined;
        }
        if (!bucket) this.labels.set(prefix, (bucket = []));
        if (bucket.length >= MAX_PER_PREFIX) return;
        const known: KnownLabel = { text: labelText, value: parsed, bytes: Buffer.from(labelText, 'utf8') };
        bucket.push(known);
        const bytePrefix = known.bytes.toString('latin1', 0, PREFIX_CHARS);
        let byBytes = this.labelsByBytes.get(bytePrefix);
        if (!byBytes) this.labelsByBytes.set(bytePrefix, (byBytes = []));
        if (byBytes.length < MAX_PER_PREFIX) byBytes.push(known);
        this.labelBytes += 3 * labelText.length + 128;
        this.learned++;
    }
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function skipSpaceBytes(bytes: Uint8Array, i: number): number {
    for (;;) {
        const c = bytes[i];
        if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return i;
        i++;
    }
}

/** The index after JSON whitespace from `i`. */
function skipSpace(text: string, i: number): number {
    for (;;) {
        const c = text.charCodeAt(i);
        if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return i;
        i++;
    }
}

/**
 * Where the string, list or object starting at `p` ends (just after its closing character), read
 * only by quotes and brackets; undefined when it does not start with one. Only a guess: what it
 * delimits is kept only if it parses on its own.
 */
function valueEnd(text: string, p: number): number | undefined {
    const first = text.charCodeAt(p);
    if (first === 0x22) return stringEnd(text, p);
    if (first !== 0x5b && first !== 0x7b) return undefined;
    let depth = 0;
    for (let i = p; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x22) {
            const end = stringEnd(text, i);
            if (end === undefined) return undefined;
            i = end - 1;
        } else if (c === 0x5b || c === 0x7b) depth++;
        else if (c === 0x5d || c === 0x7d) {
            if (--depth === 0) return i + 1;
        }
    }
    return undefined;
}

/** Just after the closing quote of the string whose opening quote is at `p`. */
function stringEnd(text: string, p: number): number | undefined {
    let i = p + 1;
    for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) return undefined;
        let backslashes = 0;
        while (text.charCodeAt(q - 1 - backslashes) === 0x5c) backslashes++;
        if (backslashes % 2 === 0) return q + 1;
        i = q + 1;
    }
}
