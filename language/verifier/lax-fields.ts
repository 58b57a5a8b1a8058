// Pydantic v2 (pydantic-core 2.33) lax-mode coercions of Python input, as the reference's request
// models apply them (FastAPI validates the decoded JSON as Python objects), with the error entries
// FastAPI returns for them. Values come either from json-loads.ts (Python-typed: PyFloat, bigint,
// Map) or from JSON.parse (a JS number is then an int when integral). Rules: docs/verifier-http.md.
import { PyFloat } from '../python/json-dumps.js';

export type Loc = Array<string | number>;

export interface FieldError {
    type: string;
    loc: Loc;
    msg: string;
    input: unknown;
    ctx?: Record<string, unknown>;
}

export type Coerced<T> = { ok: true; value: T } | { ok: false; error: Omit<FieldError, 'loc'> };

const fail = (type: string, msg: string, input: unknown): Coerced<never> => ({ ok: false, error: { type, msg, input } });

export function laxString(input: unknown): Coerced<string> {
    if (typeof input === 'string') return { ok: true, value: input };
    return fail('string_type', 'Input should be a valid string', input);
}

const FALSE_WORDS = ['f', 'n', 'no', 'off', 'false'];
const TRUE_WORDS = ['t', 'y', 'on', 'yes', 'true'];
/** Rust's eq_ignore_ascii_case: only A-Z fold. */
const asciiLower = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());
const I64_LIMIT = 2 ** 63;
const boolParsing = (input: unknown) => fail('bool_parsing', 'Input should be a valid boolean, unable to interpret input', input);
const boolType = (input: unknown) => fail('bool_type', 'Input should be a valid boolean', input);

/** A JSON number as Python sees it: an int (number or bigint) or a float. */
function numberOf(input: unknown): { int: number | bigint } | { float: number } | undefined {
    if (input instanceof PyFloat) return { float: input.value };
    if (typeof input === 'bigint') return { int: input };
    if (typeof input === 'number') return Number.isInteger(input) ? { int: input } : { float: input };
    return undefined;
}

export function laxBool(input: unknown): Coerced<boolean> {
    if (typeof input === 'boolean') return { ok: true, value: input };
    if (typeof input === 'string') {
        const word = asciiLower(input);
        if (input === '0' || FALSE_WORDS.includes(word)) return { ok: true, value: false };
        if (input === '1' || TRUE_WORDS.includes(word)) return { ok: true, value: true };
        return boolParsing(input);
    }
    const number = numberOf(input);
    if (number === undefined) return boolType(input);
    let value: number;
    if ('int' in number) {
        // An int that fits i64 must be 0 or 1; a bigger one goes the float way, whose range check fails.
        if (BigInt(number.int) >= -(2n ** 63n) && BigInt(number.int) < 2n ** 63n) {
            const n = Number(number.int);
            return n === 0 || n === 1 ? { ok: true, value: n === 1 } : boolParsing(input);
        }
        value = Number(number.int);
    } else {
        value = number.float;
    }
    // float_as_int: finite, integral and strictly inside the i64 range, then 0 or 1.
    if (!Number.isFinite(value) || !Number.isInteger(value) || value <= -I64_LIMIT || value >= I64_LIMIT) return boolType(input);
    return value === 0 || value === 1 ? { ok: true, value: value === 1 } : boolParsing(input);
}

/** Rust's char::is_whitespace (Unicode White_Space), which str::trim strips. */
const RUST_SPACE = '\t\n\v\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';
function rustTrim(text: string): string {
    let start = 0;
    let end = text.length;
    while (start < end && RUST_SPACE.includes(text[start])) start++;
    while (end > start && RUST_SPACE.includes(text[end - 1])) end--;
    return text.slice(start, end);
}
/** Rust's f64 FromStr: decimal with optional fraction and exponent, or inf/infinity/nan, any case. */
const RUST_FLOAT = /^[+-]?(?:inf|infinity|nan|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)$/i;
function rustParseFloat(text: string): number | undefined {
    if (!RUST_FLOAT.test(text)) return undefined;
    const lower = text.toLowerCase();
    const sign = lower.startsWith('-') ? -1 : 1;
    if (lower.includes('inf')) return sign * Infinity;
    if (lower.includes('nan')) return NaN;
    return Number(lower);
}

export function laxFloat(input: unknown): Coerced<number> {
    if (typeof input === 'boolean') return { ok: true, value: input ? 1 : 0 };
    if (typeof input === 'string') {
        // str_as_float: the trimmed text, else the untrimmed text without its underscores (1_000).
        let value = rustParseFloat(rustTrim(input));
        if (value === undefined && input.includes('_') && !input.startsWith('_') && !input.endsWith('_') && !input.includes('__')) {
            value = rustParseFloat(input.replace(/_/g, ''));
        }
        if (value === undefined) return fail('float_parsing', 'Input should be a valid number, unable to parse string as a number', input);
        return { ok: true, value };
    }
    const number = numberOf(input);
    if (number === undefined) return fail('float_type', 'Input should be a valid number', input);
    if ('float' in number) return { ok: true, value: number.float };
    // float(int) overflows (OverflowError, so not a float) beyond the largest double.
    const value = Number(number.int);
    if (!Number.isFinite(value)) return fail('float_type', 'Input should be a valid number', input);
    return { ok: true, value };
}

/** A JSON object: a Map from json-loads.ts or a plain object from JSON.parse. */
export type JsonObject = Map<string, unknown> | Record<string, unknown>;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
    if (typeof value !== 'object' || value === null) return false;
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
}

export function isJsonObject(value: unknown): value is JsonObject {
    return value instanceof Map || isPlainObject(value);
}

export function hasKey(owner: JsonObject, key: string): boolean {
    return owner instanceof Map ? owner.has(key) : Object.prototype.hasOwnProperty.call(owner, key);
}

export function getKey(owner: JsonObject, key: string): unknown {
    return owner instanceof Map ? owner.get(key) : owner[key];
}
