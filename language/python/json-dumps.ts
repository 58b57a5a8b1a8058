// JSON text the way the reference writes its files: Python's json.dumps(obj, ensure_ascii=False),
// i.e. ", " and ": " separators and non-ASCII left as is. Strings use JSON.stringify, whose escapes
// (\" \\ \b \f \n \r \t, \u00xx for other controls) are the ones Python emits; floats are written
// as repr(float) (`1e-07`, not JS's `1e-7`). See docs/python-compat.md.
import { pyFloatRepr } from './number-format.js';

/**
 * A number that Python holds as a float: written with `repr(float)` (`50.0`, not `50`). JS has one
 * number type, so generators mark the fields the reference writes as floats.
 */
export class PyFloat {
    constructor(readonly value: number) {}
}

function scalar(value: unknown): string | undefined {
    if (value === null || value === undefined) return 'null';
    if (value instanceof PyFloat) return pyFloatRepr(value.value).replace(/^nan$/, 'NaN').replace(/^(-?)inf$/, '$1Infinity');
    if (typeof value === 'string') return JSON.stringify(value);
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'number') {
        if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
        return Number.isInteger(value) ? value.toFixed(0) : pyFloatRepr(value);
    }
    return undefined;
}

function entries(value: object): [string, unknown][] {
    return Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
}

export function pyJsonDumps(value: unknown): string {
    const text = scalar(value);
    if (text !== undefined) return text;
    if (Array.isArray(value)) return `[${value.map(pyJsonDumps).join(', ')}]`;
    if (typeof value === 'object') return `{${entries(value as object).map(([k, v]) => `${JSON.stringify(k)}: ${pyJsonDumps(v)}`).join(', ')}}`;
    throw new TypeError(`cannot serialise ${typeof value}`);
}

/** Python's json.dumps(obj, indent=n, ensure_ascii=False): one element per line, "," + newline between. */
export function pyJsonDumpsIndented(value: unknown, indent = 2, depth = 0): string {
    const text = scalar(value);
    if (text !== undefined) return text;
    const pad = (d: number) => '\n' + ' '.repeat(indent * d);
    if (Array.isArray(value)) {
        if (value.length === 0) return '[]';
        return `[${value.map((v) => pad(depth + 1) + pyJsonDumpsIndented(v, indent, depth + 1)).join(',')}${pad(depth)}]`;
    }
    if (typeof value === 'object') {
        const items = entries(value as object);
        if (items.length === 0) return '{}';
        return `{${items.map(([k, v]) => `${pad(depth + 1)}${JSON.stringify(k)}: ${pyJsonDumpsIndented(v, indent, depth + 1)}`).join(',')}${pad(depth)}}`;
    }
    throw new TypeError(`cannot serialise ${typeof value}`);
}
/** A surrogate that is not half of a pair (with the u flag, a pair is one code point). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Python refuses to write a value (ValueError for NaN/Infinity, UnicodeEncodeError for a lone surrogate). */
export class PyDumpsError extends Error {}

/**
 * What Starlette's JSONResponse writes: json.dumps(value, ensure_ascii=False, allow_nan=False,
 * separators=(",", ":")).encode("utf-8"). Accepts the values of json-loads.ts (PyFloat, bigint,
 * Map) as well as plain JS ones (a JS number is an int when integral). Throws PyDumpsError where
 * Python raises, which the reference turns into a 500.
 */
export function pyJsonDumpsCompact(value: unknown): string {
    if (value === null || value === undefined) return 'null';
    if (typeof value === 'string') {
        if (LONE_SURROGATE.test(value)) throw new PyDumpsError("'utf-8' codec can't encode character: surrogates not allowed");
        return JSON.stringify(value);
    }
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    if (typeof value === 'bigint') return value.toString();
    if (value instanceof PyFloat) {
        if (!Number.isFinite(value.value)) throw new PyDumpsError('Out of range float values are not JSON compliant');
        return pyFloatRepr(value.value);
    }
    if (typeof value === 'number') {
        if (!Number.isFinite(value)) throw new PyDumpsError('Out of range float values are not JSON compliant');
        return Number.isInteger(value) ? value.toFixed(0) : pyFloatRepr(value);
    }
    if (Array.isArray(value)) return `[${value.map(pyJsonDumpsCompact).join(',')}]`;
    const entries = value instanceof Map ? [...value.entries()] : Object.entries(value as Record<string, unknown>);
    return `{${entries.filter(([, v]) => v !== undefined).map(([k, v]) => `${pyJsonDumpsCompact(String(k))}:${pyJsonDumpsCompact(v)}`).join(',')}}`;
}
