// Python's `json.loads(bytes)` (CPython 3.11, C scanner), with its values kept as Python typed
// them: the verifier echoes request values in its 422 bodies, and there `5.0` is not `5`, `1e16` is
// `1e+16` and a 30-digit integer keeps its digits. See docs/verifier-http.md for the rules copied.

import { PyFloat } from './json-dumps.js';
import { pyUtf8Strict } from './utf8.js';
import { BODY_DECODE_STACK, RECURSION_LIMIT } from './recursion-limit.js';

/** A Python value from JSON: dicts are Maps (insertion order, a repeated key keeps its first place), ints above 2^53 bigints. */
export type PyValue = null | boolean | number | bigint | PyFloat | string | PyValue[] | PyDict;
export type PyDict = Map<string, PyValue>;

/** json.JSONDecodeError: `msg` and `pos`, an index in code points (Python str indices). */
export class PyJsonDecodeError extends Error {
    constructor(readonly msg: string, readonly pos: number) {
        super(`${msg}: char ${pos}`);
    }
}

/** Any other exception json.loads raises (UnicodeDecodeError, RecursionError, ValueError for long ints). */
export class PyJsonOtherError extends Error {}

/** Python's int('…') refuses more digits than this (sys.int_info.default_max_str_digits). */
const MAX_INT_DIGITS = 4300;

/**
 * How deep arrays and objects may nest before the scanner's recursion check fails: CPython counts the
 * C scanner's nesting against the recursion limit, part of which the server's own stack uses where it
 * decodes a request body (measured, ./recursion-limit.ts).
 */
export const MAX_JSON_DEPTH = RECURSION_LIMIT - BODY_DECODE_STACK;

/** json.detect_encoding: the codec json.loads decodes a bytes document with. */
export function detectEncoding(b: Uint8Array): 'utf-8' | 'utf-8-sig' | 'utf-16' | 'utf-16-be' | 'utf-16-le' | 'utf-32' | 'utf-32-be' | 'utf-32-le' {
    const starts = (...bytes: number[]) => bytes.every((x, i) => b[i] === x) && b.length >= bytes.length;
    if (starts(0, 0, 0xfe, 0xff) || starts(0xff, 0xfe, 0, 0)) return 'utf-32';
    if (starts(0xfe, 0xff) || starts(0xff, 0xfe)) return 'utf-16';
    if (starts(0xef, 0xbb, 0xbf)) return 'utf-8-sig';
    if (b.length >= 4) {
        if (!b[0]) return b[1] ? 'utf-16-be' : 'utf-32-be';
        if (!b[1]) return b[2] || b[3] ? 'utf-16-le' : 'utf-32-le';
    } else if (b.length === 2) {
        if (!b[0]) return 'utf-16-be';
        if (!b[1]) return 'utf-16-le';
    }
    return 'utf-8';
}


/** bytes.decode(detect_encoding(b), 'surrogatepass'); PyJsonOtherError where Python raises UnicodeDecodeError. */
export function decodeJsonBytes(b: Uint8Array): string {
    const encoding = detectEncoding(b);
    switch (encoding) {
        case 'utf-8':
        case 'utf-8-sig': {
            const body = encoding === 'utf-8-sig' ? b.subarray(3) : b;
            try {
                return pyUtf8Strict.decode(body);
            } catch {
                return decodeUtf8SurrogatePass(body);
            }
        }
        case 'utf-16':
            return decodeUnits(b.subarray(2), 2, b[0] === 0xfe);
        case 'utf-16-be':
        case 'utf-16-le':
            return decodeUnits(b, 2, encoding === 'utf-16-be');
        case 'utf-32':
            return decodeUnits(b.subarray(4), 4, b[0] === 0);
        default:
            return decodeUnits(b, 4, encoding === 'utf-32-be');
    }
}

/** UTF-16/32 code units as they are (surrogatepass keeps lone surrogates); PyJsonOtherError on a truncated unit or a code point past U+10FFFF. */
function decodeUnits(b: Uint8Array, width: 2 | 4, bigEndian: boolean): string {
    if (b.length % width !== 0) throw new PyJsonOtherError('truncated data');
    const parts: string[] = [];
    let units: number[] = [];
    for (let i = 0; i < b.length; i += width) {
        let cp: number;
        if (width === 2) cp = bigEndian ? (b[i] << 8) | b[i + 1] : b[i] | (b[i + 1] << 8);
        else cp = bigEndian ? ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0 : (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
        if (cp > 0x10ffff) throw new PyJsonOtherError('code point not in range(0x110000)');
        if (cp > 0xffff) units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
        // UTF-16 joins a high and a low unit into one code point, as Python's codec does; UTF-32 does not.
        else units.push(width === 4 ? unpairedSurrogate(cp, units[units.length - 1]) : cp);
        if (units.length >= 8192) {
            parts.push(String.fromCharCode(...units));
            units = [];
        }
    }
    parts.push(String.fromCharCode(...units));
    return parts.join('');
}

const isHigh = (unit: number | undefined) => unit !== undefined && unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/**
 * A Python str may hold a surrogate code point after another (an encoded surrogate decoded with
 * 'surrogatepass', a UTF-32 unit, a \u escape next to either): two code points, and a str Python
 * cannot encode. In a JS string a high unit followed by a low one would be one astral character
 * instead (encodable, one position). So a lone low surrogate that follows a lone high one is held as
 * a high unit: it stays a lone surrogate, counts once, and nothing here tells surrogates apart.
 * `previous`: the unit before; a high one there is always lone (an astral character ends low).
 */
function unpairedSurrogate(unit: number, previous: number | undefined): number {
    return isLow(unit) && isHigh(previous) ? unit - 0x400 : unit;
}

/** `out + piece` with unpairedSurrogate's rule at the seam: lone surrogates on both sides stay two. */
function appendUnpaired(out: string, piece: string): string {
    if (piece === '' || !isHigh(out.charCodeAt(out.length - 1)) || !isLow(piece.charCodeAt(0))) return out + piece;
    let run = 0;
    while (run < piece.length && isLow(piece.charCodeAt(run))) run++;
    let highs = '';
    for (let i = 0; i < run; i++) highs += String.fromCharCode(piece.charCodeAt(i) - 0x400);
    return out + highs + piece.slice(run);
}

/** Strict UTF-8 that also lets encoded surrogates (ED A0..BF xx) through, as 'surrogatepass' does. */
function decodeUtf8SurrogatePass(b: Uint8Array): string {
    const units: number[] = [];
    const bad = () => new PyJsonOtherError("'utf-8' codec can't decode bytes");
    const cont = (i: number) => {
        if (i >= b.length || (b[i] & 0xc0) !== 0x80) throw bad();
        return b[i] & 0x3f;
    };
    for (let i = 0; i < b.length;) {
        const x = b[i];
        if (x < 0x80) {
            units.push(x);
            i++;
        } else if (x >= 0xc2 && x <= 0xdf) {
            units.push(((x & 0x1f) << 6) | cont(i + 1));
            i += 2;
        } else if (x >= 0xe0 && x <= 0xef) {
            const cp = ((x & 0x0f) << 12) | (cont(i + 1) << 6) | cont(i + 2);
            if (cp < 0x800) throw bad();
            units.push(unpairedSurrogate(cp, units[units.length - 1]));
            i += 3;
        } else if (x >= 0xf0 && x <= 0xf4) {
            const cp = ((x & 0x07) << 18) | (cont(i + 1) << 12) | (cont(i + 2) << 6) | cont(i + 3);
            if (cp < 0x10000 || cp > 0x10ffff) throw bad();
            units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
            i += 4;
        } else {
            throw bad();
        }
    }
    let text = '';
    for (let i = 0; i < units.length; i += 8192) text += String.fromCharCode(...units.slice(i, i + 8192));
    return text;
}

/** json.loads(bytes): the value, or PyJsonDecodeError / PyJsonOtherError as Python raises them. */
export function pyJsonLoadsBytes(b: Uint8Array): PyValue {
    return pyJsonLoads(decodeJsonBytes(b));
}

/** json.loads(str) on text that came from bytes (so no BOM check: decoding already removed it). */
export function pyJsonLoads(text: string): PyValue {
    return new Scanner(text).document();
}

/**
 * A value from pyJsonLoads as JSON.parse would build it: objects for dicts (a repeated key keeps its
 * first place and last value in both), JS numbers for floats and ints.
 */
export function pyValueToPlain(value: PyValue): unknown {
    if (value instanceof Map) {
        const out: Record<string, unknown> = {};
        // defineProperty: a `__proto__` key is an own property, as JSON.parse makes it.
        for (const [key, item] of value) Object.defineProperty(out, key, { value: pyValueToPlain(item), enumerable: true, writable: true, configurable: true });
        return out;
    }
    if (Array.isArray(value)) return value.map(pyValueToPlain);
    if (value instanceof PyFloat) return value.value;
    if (typeof value === 'bigint') return Number(value);
    return value;
}

/**
 * `parse(text)` (JSON.parse by default), or where it refuses a text holding `NaN` or `Infinity`, what
 * Python's json.loads reads: Python's json.dumps writes float nan and inf as those bare words (a
 * trainer's logged score or step metric), and a dump read by Python keeps such rows. Any other
 * refusal is parse's own error.
 */
export function jsonParseAsPython(text: string, parse: (text: string) => unknown = JSON.parse): unknown {
    try {
        return parse(text);
    } catch (error) {
        if (!text.includes('NaN') && !text.includes('Infinity')) throw error;
        try {
            return pyValueToPlain(pyJsonLoads(text));
        } catch {
            throw error;
        }
    }
}

const enum C { Quote = 34, Backslash = 92, Minus = 45, Zero = 48, Nine = 57 }

class Scanner {
    private depth = 0;
    constructor(private readonly s: string) {}

    document(): PyValue {
        const s = this.s;
        let idx = this.ws(0);
        const [value, end] = this.value(idx);
        idx = this.ws(end);
        if (idx !== s.length) this.fail('Extra data', idx);
        return value;
    }

    /** Index of the first non-whitespace (space, tab, LF, CR) at or after `i`. */
    private ws(i: number): number {
        const s = this.s;
        for (;;) {
            const c = s.charCodeAt(i);
            if (c === 32 || c === 9 || c === 10 || c === 13) i++;
            else return i;
        }
    }

    private fail(msg: string, jsIndex: number): never {
        // Python indexes code points: a surrogate pair before the error counts once.
        let pos = jsIndex;
        const before = this.s.slice(0, jsIndex);
        for (let i = 0; i < before.length - 1; i++) {
            const c = before.charCodeAt(i);
            if (c >= 0xd800 && c <= 0xdbff) {
                const d = before.charCodeAt(i + 1);
                if (d >= 0xdc00 && d <= 0xdfff) { pos--; i++; }
            }
        }
        throw new PyJsonDecodeError(msg, pos);
    }

    private value(idx: number): [PyValue, number] {
        const s = this.s;
        if (idx >= s.length) this.fail('Expecting value', idx);
        const c = s[idx];
        switch (c) {
            case '"': return this.string(idx + 1);
            case '{': return this.nested(() => this.object(idx + 1));
            case '[': return this.nested(() => this.array(idx + 1));
            case 'n': if (s.startsWith('null', idx)) return [null, idx + 4]; break;
            case 't': if (s.startsWith('true', idx)) return [true, idx + 4]; break;
            case 'f': if (s.startsWith('false', idx)) return [false, idx + 5]; break;
            case 'N': if (s.startsWith('NaN', idx)) return [new PyFloat(NaN), idx + 3]; break;
            case 'I': if (s.startsWith('Infinity', idx)) return [new PyFloat(Infinity), idx + 8]; break;
            case '-': if (s.startsWith('-Infinity', idx)) return [new PyFloat(-Infinity), idx + 9]; break;
        }
        return this.number(idx);
    }

    private nested(parse: () => [PyValue, number]): [PyValue, number] {
        if (++this.depth > MAX_JSON_DEPTH) throw new PyJsonOtherError('maximum recursion depth exceeded while decoding a JSON document');
        try {
            return parse();
        } finally {
            this.depth--;
        }
    }

    private number(start: number): [PyValue, number] {
        const s = this.s;
        const digit = (i: number) => { const c = s.charCodeAt(i); return c >= C.Zero && c <= C.Nine; };
        let i = start;
        if (s.charCodeAt(i) === C.Minus) i++;
        if (s.charCodeAt(i) >= 49 && s.charCodeAt(i) <= C.Nine) {
            i++;
            while (digit(i)) i++;
        } else if (s.charCodeAt(i) === C.Zero) {
            i++;
        } else {
            this.fail('Expecting value', start);
        }
        let isFloat = false;
        if (s[i] === '.' && digit(i + 1)) {
            isFloat = true;
            i += 2;
            while (digit(i)) i++;
        }
        if (s[i] === 'e' || s[i] === 'E') {
            let j = i + 1;
            if (s[j] === '-' || s[j] === '+') j++;
            if (digit(j)) {
                while (digit(j)) j++;
                isFloat = true;
                i = j;
            }
        }
        const text = s.slice(start, i);
        if (isFloat) return [new PyFloat(Number(text)), i];
        const digits = text.length - (text.startsWith('-') ? 1 : 0);
        if (digits > MAX_INT_DIGITS) throw new PyJsonOtherError(`Exceeds the limit (${MAX_INT_DIGITS} digits) for integer string conversion: value has ${digits} digits`);
        const n = Number(text);
        return [Number.isSafeInteger(n) ? (n === 0 ? 0 : n) : BigInt(text), i];
    }

    /** After the opening quote at `end - 1`; the C scanner's scanstring_unicode with strict=True. */
    private string(end: number): [string, number] {
        const s = this.s;
        const len = s.length;
        const begin = end - 1;
        let out = '';
        for (;;) {
            let next = end;
            let c = 0;
            for (; next < len; next++) {
                c = s.charCodeAt(next);
                if (c === C.Quote || c === C.Backslash) break;
                if (c <= 0x1f) this.fail('Invalid control character at', next);
            }
            if (next >= len) this.fail('Unterminated string starting at', begin);
            out = appendUnpaired(out, s.slice(end, next));
            next++;
            if (c === C.Quote) return [out, next];
            if (next === len) this.fail('Unterminated string starting at', begin);
            const e = s[next];
            if (e !== 'u') {
                end = next + 1;
                const simple = ESCAPES[e];
                if (simple === undefined) this.fail('Invalid \\escape', end - 2);
                out += simple;
                continue;
            }
            next++;
            end = next + 4;
            if (end >= len) this.fail('Invalid \\uXXXX escape', next - 1);
            let u = this.hex4(next, end);
            if (u >= 0xd800 && u <= 0xdbff && end + 6 < len && s[end] === '\\' && s[end + 1] === 'u') {
                const u2 = this.hex4(end + 2, end + 6);
                if (u2 >= 0xdc00 && u2 <= 0xdfff) {
                    out += String.fromCharCode(u, u2);
                    end += 6;
                    continue;
                }
            }
            out = appendUnpaired(out, String.fromCharCode(u));
            u = 0;
        }
    }

    private hex4(from: number, end: number): number {
        let value = 0;
        for (let i = from; i < end; i++) {
            const d = HEX.indexOf(this.s[i]);
            if (d < 0) this.fail('Invalid \\uXXXX escape', end - 5);
            value = (value << 4) | (d < 16 ? d : d - 6);
        }
        return value;
    }

    private object(idx: number): [PyDict, number] {
        const s = this.s;
        const dict: PyDict = new Map();
        idx = this.ws(idx);
        if (s[idx] !== '}') {
            for (;;) {
                if (s[idx] !== '"') this.fail('Expecting property name enclosed in double quotes', idx);
                const [key, afterKey] = this.string(idx + 1);
                idx = this.ws(afterKey);
                if (s[idx] !== ':') this.fail("Expecting ':' delimiter", idx);
                idx = this.ws(idx + 1);
                const [value, afterValue] = this.value(idx);
                dict.set(key, value);
                idx = this.ws(afterValue);
                if (s[idx] === '}') break;
                if (s[idx] !== ',') this.fail("Expecting ',' delimiter", idx);
                idx = this.ws(idx + 1);
            }
        }
        return [dict, idx + 1];
    }

    private array(idx: number): [PyValue[], number] {
        const s = this.s;
        const list: PyValue[] = [];
        idx = this.ws(idx);
        if (s[idx] !== ']') {
            for (;;) {
                const [value, after] = this.value(idx);
                list.push(value);
                idx = this.ws(after);
                if (s[idx] === ']') break;
                if (s[idx] !== ',') this.fail("Expecting ',' delimiter", idx);
                idx = this.ws(idx + 1);
            }
        }
        return [list, idx + 1];
    }
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
/** Hex digits; lower-case letters sit 6 places after their upper-case ones. */
const HEX = '0123456789ABCDEFabcdef';
