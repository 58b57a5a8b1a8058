// What FastAPI 0.115 does with a POST body before the endpoint runs, and the responses it builds on
// the way (docs/verifier-http.md): JSON is decoded only for an empty/absent or application/json
// (or +json) Content-Type, by Python's json.loads on the bytes; a decode error is a 422
// `json_invalid` naming Python's message and code-point position; anything else that fails while
// decoding (bad UTF-8, too deep, a 4301-digit integer) is a 400; an empty body is "missing".
import { PyJsonDecodeError, pyJsonLoadsBytes } from '../python/json-loads.js';
import { PyDumpsError, pyJsonDumpsCompact } from '../python/json-dumps.js';
import { pyStrip } from '../python/text.js';
import { pyUtf8Strict } from '../python/utf8.js';
import { isJsonObject, type FieldError } from './lax-fields.js';

export interface HttpAnswer {
    status: number;
    /** Headers after uvicorn's own (date, server), names in lower case, in the reference's order. */
    headers: Array<[string, string]>;
    body: Uint8Array;
    /** The reference closes the connection after this answer (its 500s). */
    close?: boolean;
    /** The ArrayBuffer under `body`, to give back to its BufferShelf once the body is written. */
    recycle?: ArrayBuffer;
}

const utf8 = new TextEncoder();

/** A JSONResponse: body, then `content-length` and `content-type` after any extra headers. */
export function jsonAnswer(status: number, text: string | Uint8Array, extra: Array<[string, string]> = []): HttpAnswer {
    const body = typeof text === 'string' ? utf8.encode(text) : text;
    return { status, headers: [...extra, ['content-length', String(body.length)], ['content-type', 'application/json']], body };
}

/** Starlette's ServerErrorMiddleware answer to an exception escaping the app. */
export function internalServerError(): HttpAnswer {
    const body = utf8.encode('Internal Server Error');
    return { status: 500, headers: [['content-length', String(body.length)], ['content-type', 'text/plain; charset=utf-8']], body, close: true };
}

/** JSONResponse(content) rendered as the reference renders it, or the 500 where Python raises. */
export function pyJsonAnswer(status: number, content: unknown, extra: Array<[string, string]> = []): HttpAnswer {
    try {
        return jsonAnswer(status, pyJsonDumpsCompact(content), extra);
    } catch (error) {
        if (error instanceof PyDumpsError) return internalServerError();
        throw error;
    }
}

/** HTTPException(status, detail) through FastAPI's handler. */
export function detailAnswer(status: number, detail: string, extra: Array<[string, string]> = []): HttpAnswer {
    return pyJsonAnswer(status, { detail }, extra);
}


/** Python raises here (bytes that are not UTF-8): the answer is Starlette's 500. */
class NotEncodable extends Error {}

/**
 * fastapi.encoders.jsonable_encoder on an echoed input: bytes become str, and a dict loses every
 * key starting with `_sa` (its default sqlalchemy_safe=True), at any depth. Dicts come out as Maps.
 */
function jsonableEncoder(value: unknown): unknown {
    if (value instanceof Uint8Array) {
        try {
            return pyUtf8Strict.decode(value);
        } catch {
            throw new NotEncodable();
        }
    }
    if (Array.isArray(value)) return value.map(jsonableEncoder);
    if (isJsonObject(value)) {
        const out = new Map<string, unknown>();
        const entries = value instanceof Map ? value.entries() : Object.entries(value);
        for (const [key, item] of entries) if (!key.startsWith('_sa')) out.set(key, jsonableEncoder(item));
        return out;
    }
    return value;
}

/** The 422 for validation errors, their inputs through jsonable_encoder (500 where that raises). */
export function validationAnswer(errors: readonly FieldError[]): HttpAnswer {
    const detail = [];
    for (const { type, loc, msg, input, ctx } of errors) {
        let echoed: unknown;
        try {
            echoed = jsonableEncoder(input);
        } catch (error) {
            if (error instanceof NotEncodable) return internalServerError();
            throw error;
        }
        detail.push(ctx ? { type, loc, msg, input: echoed, ctx } : { type, loc, msg, input: echoed });
    }
    return pyJsonAnswer(422, { detail });
}

/** email.message's get_content_type on the header, tested for application/json or application/*+json. */
export function isJsonContentType(value: string | undefined): boolean {
    if (!value) return true;
    const type = pyStrip(value.split(';', 1)[0]).toLowerCase();
    if (type.split('/').length !== 2) return false;
    const [main, sub] = type.split('/');
    return main === 'application' && (sub === 'json' || sub.endsWith('+json'));
}

/** The body handed to validation (a Python value, or the raw bytes), or the answer FastAPI gives first. */
export type BodyStage = { ok: true; body: unknown } | { ok: false; answer: HttpAnswer };

export function decodeBody(contentType: string | undefined, bytes: Uint8Array): BodyStage {
    if (bytes.length === 0) return { ok: true, body: null };
    if (!isJsonContentType(contentType)) return { ok: true, body: bytes };
    try {
        return { ok: true, body: pyJsonLoadsBytes(bytes) };
    } catch (error) {
        if (error instanceof PyJsonDecodeError) {
            return { ok: false, answer: validationAnswer([{ type: 'json_invalid', loc: ['body', error.pos], msg: 'JSON decode error', input: {}, ctx: { error: error.msg } }]) };
        }
        return { ok: false, answer: detailAnswer(400, 'There was an error parsing the body') };
    }
}
