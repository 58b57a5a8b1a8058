// Pydantic v2 lax-mode coercions used by the reference's request models (spec §7.1), with the
// error entries FastAPI returns for them.

export type Loc = Array<string | number>;

export interface FieldError {
    type: string;
    loc: Loc;
    msg: string;
    input: unknown;
    ctx?: Record<string, unknown>;
}

export type Coerced<T> = { ok: true; value: T } | { ok: false; error: Omit<FieldError, 'loc'> };

const TRUE_WORDS = new Set(['1', 'on', 't', 'true', 'y', 'yes']);
const FALSE_WORDS = new Set(['0', 'off', 'f', 'false', 'n', 'no']);

export function laxString(input: unknown): Coerced<string> {
    if (typeof input === 'string') return { ok: true, value: input };
    return { ok: false, error: { type: 'string_type', msg: 'Input should be a valid string', input } };
}

export function laxBool(input: unknown): Coerced<boolean> {
    if (typeof input === 'boolean') return { ok: true, value: input };
    if (typeof input === 'number') {
        if (input === 0 || input === 1) return { ok: true, value: input === 1 };
        return { ok: false, error: { type: 'bool_parsing', msg: 'Input should be a valid boolean, unable to interpret input', input } };
    }
    if (typeof input === 'string') {
        const word = input.toLowerCase();
        if (TRUE_WORDS.has(word)) return { ok: true, value: true };
        if (FALSE_WORDS.has(word)) return { ok: true, value: false };
        return { ok: false, error: { type: 'bool_parsing', msg: 'Input should be a valid boolean, unable to interpret input', input } };
    }
    return { ok: false, error: { type: 'bool_type', msg: 'Input should be a valid boolean', input } };
}

const FLOAT_TEXT = /^[+-]?(?:(?:\d(?:_?\d)*)?\.?\d(?:_?\d)*(?:[eE][+-]?\d(?:_?\d)*)?|\d(?:_?\d)*\.|inf(?:inity)?|nan)$/i;

export function laxFloat(input: unknown): Coerced<number> {
    if (typeof input === 'number') return { ok: true, value: input };
    if (typeof input === 'boolean') return { ok: true, value: input ? 1 : 0 };
    if (typeof input === 'string') {
        const text = input.trim();
        if (FLOAT_TEXT.test(text)) {
            const lower = text.toLowerCase().replace(/_/g, '');
            const sign = lower.startsWith('-') ? -1 : 1;
            const value = /inf/.test(lower) ? sign * Infinity : /nan/.test(lower) ? NaN : Number(lower);
            return { ok: true, value };
        }
        return { ok: false, error: { type: 'float_parsing', msg: 'Input should be a valid number, unable to parse string as a number', input } };
    }
    return { ok: false, error: { type: 'float_type', msg: 'Input should be a valid number', input } };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
