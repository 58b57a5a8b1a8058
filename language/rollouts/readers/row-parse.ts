// JSON.parse of dump lines whose biggest value repeats: every rollout of a problem writes the same
// ground truth (a list of ~20 test-case objects, often half of the line), and building those objects
// was most of the cost of parsing a row. Here a label text seen before is not parsed again: the
// line is parsed with the label replaced by a one-character sentinel string, and the label's value
// (parsed once) is put back. The result equals JSON.parse(line) exactly, and so does any error (a
// line that does not take the fast path is parsed whole). Why it is exact: docs/rollouts.md, "Speed".
import { isAscii } from 'node:buffer';
import type { EscapedText } from '../../dataset/scoring/extract.js';
import { scanJsonString } from './json-string-scan.js';

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

/** The sentinel standing for a response left undecoded (parseBytesLazy): U+0002, kept apart from the label's by the same argument. */
export const RESPONSE_SENTINEL = '\u0002';
const RESPONSE_SENTINEL_TEXT = '"\\u0002"';
const SPELLED_SENTINEL = /\\u000[12]/;
const RESPONSE_KEY = Buffer.from('"response":', 'latin1');


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
    /** The last label found was after the row's response (rows of a dump keep one key order). */
    private labelAfterResponse = false;
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
        return this.parseBytesLazy(bytes, false)?.row;
    }

    /**
     * parseBytes, and with `lazyResponse` the row's top-level `response` string is not decoded
     * either: the row holds RESPONSE_SENTINEL in its place and `response` its text as written (then
     * the row is taken apart even without a known label). Putting `response.decode(0,
     * response.raw.length)` back in gives JSON.parse of the line exactly. Undefined when neither
     * part is found (or the response string has a `\u` escape): the caller decodes the line and
     * calls parse.
     */
    parseBytesLazy(bytes: Uint8Array, lazyResponse: boolean): { row: unknown; response?: JsonStringBytes } | undefined {
        const line = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        // An ASCII line's pieces are their Latin-1 reading (no decoder call, no view per piece).
        const ascii = isAscii(line);
        const response = lazyResponse ? responseIn(line, ascii) : undefined;
        const label = this.knownLabelIn(line, response?.at ?? 0, response?.end ?? 0);
        if (!label && !response) return undefined;
        const parts: { at: number; end: number; text: string }[] = [];
        if (label) parts.push({ at: label.at, end: label.at + label.known.bytes.length, text: SENTINEL_TEXT });
        if (response) parts.push({ at: response.at, end: response.end, text: RESPONSE_SENTINEL_TEXT });
        if (parts.length === 2 && parts[1].at < parts[0].at) parts.reverse();
        if (parts.length === 2 && parts[0].end > parts[1].at) return undefined;
        // The text left in the line must not spell a sentinel (`\u0001`, `\u0002`): then a value equal to
        // one can only come from it. (A spelling cannot straddle a piece and a sentinel, which starts
        // and ends with a quote.)
        let edited = '';
        for (let i = 0; i <= parts.length; i++) {
            const from = i === 0 ? 0 : parts[i - 1].end;
            const to = i < parts.length ? parts[i].at : line.length;
            const piece = ascii ? line.toString('latin1', from, to) : (i === 0 ? head : tail).decode(line.subarray(from, to));
            if (piece.includes('\\u000') && SPELLED_SENTINEL.test(piece)) return undefined;
            edited += i < parts.length ? piece + parts[i].text : piece;
        }
        let row: unknown;
        try {
            row = JSON.parse(edited);
        } catch {
            return undefined;
        }
        // Each sentinel came back as the row's (last, top-level) value of its key: it stood for that value.
        if (!isObject(row) || (label && row[this.key!] !== SENTINEL) || (response && row.response !== RESPONSE_SENTINEL)) return undefined;
        if (label) {
            row[this.key!] = label.known.value;
            this.hits++;
        } else if (this.learned < 64 || this.hits * 4 >= this.learned) this.learn(edited, row);
        return { row, response: response?.text };
    }

    /** The known label standing as the value of the label key's first occurrence in the line, if any. */
    private knownLabelIn(line: Buffer, skipFrom: number, skipTo: number): { at: number; known: KnownLabel } | undefined {
        if (this.key === undefined) return undefined;
        // The row's response (skipFrom, skipTo) is not searched: it is big, and which occurrence of
        // the key is tried does not matter (the sentinel must come back as the row's value of the key).
        // The side of the response where the last row's label was is searched first.
        let at: number;
        if (skipTo > skipFrom) {
            const key = this.patternBytes;
            if (this.labelAfterResponse) {
                // Most often the key is the response's next one: looked at there first (a call to
                // indexOf cost ~0.2–0.4 µs of call overhead a row, most of the search).
                at = nextKeyAt(line, skipTo, key);
                if (at < 0) at = line.indexOf(key, skipTo);
                if (at < 0) at = line.subarray(0, skipFrom).indexOf(key);
            } else {
                at = line.subarray(0, skipFrom).indexOf(key);
                if (at < 0) at = line.indexOf(key, skipTo);
            }
            this.labelAfterResponse = at > skipFrom;
        } else at = line.indexOf(this.patternBytes);
        if (at < 0) return undefined;
        const p = skipSpaceBytes(line, at + this.patternBytes.length);
        const matches = (k: KnownLabel) => p + k.bytes.length <= line.length && line.compare(k.bytes, 0, k.bytes.length, p, p + k.bytes.length) === 0;
        let known = this.last;
        if (!known || !matches(known)) {
            known = this.labelsByBytes.get(line.toString('latin1', p, p + PREFIX_CHARS))?.find(matches);
            if (!known) return undefined;
            this.last = known;
        }
        return { at: p, known };
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

/** Where `key` (its bytes) starts if it is the next key after a value ending at `end` (whitespace, a comma, whitespace between), else -1. */
function nextKeyAt(line: Uint8Array, end: number, key: Uint8Array): number {
    let p = skipSpaceBytes(line, end);
    if (line[p] !== 0x2c) return -1;
    p = skipSpaceBytes(line, p + 1);
    if (p + key.length > line.length) return -1;
    for (let k = 0; k < key.length; k++) if (line[p + k] !== key[k]) return -1;
    return p;
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

/**
 * The content of a valid JSON string without `\u` escapes, left in its line's bytes (dataset/scoring/extract.ts
 * EscapedText). Without `\u` escapes each escape is two characters decoding to one, none of them a
 * backtick, letter, dash or space, which the extraction relies on.
 */
export class JsonStringBytes implements EscapedText {
    /** `ascii`: the whole line is ASCII (then raw is its text, and no piece needs decoding). */
    constructor(private readonly line: Buffer, private readonly start: number, readonly raw: string, private readonly ascii = false) {}

    decode(from: number, to: number): string {
        const text = this.ascii ? this.raw.slice(from, to) : this.decodeBytes(from, to);
        // Decoding at ASCII characters (an escape starts with one) gives what decoding the line whole gives there.
        return text.includes('\\') ? (JSON.parse(`"${text}"`) as string) : text;
    }

    private decodeBytes(from: number, to: number): string {
        const bytes = this.line.subarray(this.start + from, this.start + to);
        return isAscii(bytes) ? this.raw.slice(from, to) : tail.decode(bytes);
    }

    offset(to: number): number {
        let units = this.ascii ? to : this.decodeBytes(0, to).length;
        for (let i = this.raw.indexOf('\\'); i >= 0 && i < to; i = this.raw.indexOf('\\', i + 2)) units--;
        return units;
    }
}

/**
 * The `response` key's string value, at the key's first occurrence in the line: where its quotes
 * are, and its content, if that is a valid JSON string without `\u` escapes (else undefined). Whether
 * it is the row's response is decided after parsing (the sentinel in its place must come back as
 * the row's `response`).
 */
function responseIn(line: Buffer, ascii: boolean): { at: number; end: number; text: JsonStringBytes } | undefined {
    const key = line.indexOf(RESPONSE_KEY);
    if (key < 0) return undefined;
    const at = skipSpaceBytes(line, key + RESPONSE_KEY.length);
    if (line[at] !== 0x22) return undefined;
    const end = scanJsonString(line, at + 1);
    if (end < 0) return undefined;
    const raw = line.toString('latin1', at + 1, end);
    return { at, end: end + 1, text: new JsonStringBytes(line, at + 1, raw, ascii) };
}
