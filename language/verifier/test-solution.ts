// `POST /test_solution` from body bytes to the HTTP answer, as the reference FastAPI app answers it
// (docs/verifier-http.md). Most bodies are well-formed UTF-8 JSON requests with exactly typed
// fields: those take JSON.parse and the direct serializer. Everything else goes the Python way
// (json-loads.ts and the lax validators), which decides every error body.
import { MAX_JSON_DEPTH, detectEncoding } from '../python/json-loads.js';
import { pyUtf8Strict } from '../python/utf8.js';
import { ByteSink, SinkLimitError, type BufferShelf } from './byte-sink.js';
import { decodeBody, detailAnswer, internalServerError, isJsonContentType, jsonAnswer, validationAnswer, type HttpAnswer } from './fastapi-body.js';
import { isRegexOutput } from '../dataset/testcases/pass-rule.js';
import { checkRequest, wellTypedRequest, type VerifierRequest } from './request.js';
import { respondJsonInto } from './respond-json.js';
import { compileDsl } from './verdict-cache.js';

export interface AnswerLimits {
    /** Answers that would be larger are refused with a 500 naming the limit (docs/verifier-http.md). */
    maxResponseBytes: number;
}

const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
/** JSON.stringify's escape of a lone surrogate, not preceded by an escaped backslash. */
const ESCAPED_SURROGATE = /(?:^|[^\\])(?:\\\\)*\\ud[89a-f][0-9a-f]{2}/;

export function answerTestSolution(contentType: string | undefined, bytes: Uint8Array, limits: AnswerLimits): HttpAnswer {
    const request = fastRequest(contentType, bytes) ?? slowRequest(contentType, bytes);
    if ('status' in request) return request;
    return respond(request, limits)!;
}

/**
 * What a request may cost to be answered on the HTTP thread, where its work cannot be stopped
 * (docs/verifier-http.md, "Where a request is answered"): a small well-formed body, a program of
 * bounded length, no regex pass rule (Python-regex matching can backtrack for as long as it likes),
 * and an answer that stays small. The rest goes to a verdict thread.
 */
export const QUICK_LIMITS = { bodyBytes: 64 * 1024, dslChars: 16 * 1024, answerBytes: 2 * 1024 * 1024 };

/**
 * The answer, computed here, when the request is certainly cheap (QUICK_LIMITS); undefined when
 * it belongs on a verdict thread. Same bytes as answerTestSolution's whenever it answers. With a
 * `shelf`, the answer is written into a buffer taken from it, and a 200's `recycle` names the
 * buffer to give back once the body is written.
 */
export function quickAnswerTestSolution(contentType: string | undefined, bytes: Uint8Array, limits: AnswerLimits, shelf?: BufferShelf): HttpAnswer | undefined {
    if (bytes.length > QUICK_LIMITS.bodyBytes) return undefined;
    const request = fastRequest(contentType, bytes);
    if (!request || request.dsl.length > QUICK_LIMITS.dslChars) return undefined;
    for (const test of request.test_cases) if (test.check_output && isRegexOutput(test.expected_output)) return undefined;
    return respond(request, limits, Math.min(QUICK_LIMITS.answerBytes, limits.maxResponseBytes), shelf);
}

/** The request when the body is plain UTF-8 JSON whose fields have exactly their types; undefined otherwise. */
function fastRequest(contentType: string | undefined, bytes: Uint8Array): VerifierRequest | undefined {
    if (bytes.length === 0 || !isJsonContentType(contentType)) return undefined;
    const encoding = detectEncoding(bytes);
    if (encoding !== 'utf-8' && encoding !== 'utf-8-sig') return undefined;
    // Python refuses documents nested deeper than the JSON.parse can take, and integers of 4301+ digits.
    if (countBytes(bytes, 0x7b, MAX_JSON_DEPTH) + countBytes(bytes, 0x5b, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) return undefined;
    let text: string;
    try {
        text = pyUtf8Strict.decode(encoding === 'utf-8-sig' ? bytes.subarray(3) : bytes);
    } catch {
        return undefined;
    }
    if (text.length > 4300 && /\d{4301}/.test(text)) return undefined;
    let value: unknown;
    try {
        value = JSON.parse(text);
    } catch {
        return undefined;
    }
    const request = wellTypedRequest(value);
    // An integer too big for a double is a float_type error in Python, Infinity to JSON.parse.
    return request && Number.isFinite(request.max_execution_time) ? request : undefined;
}

/** How often `byte` occurs in `bytes`, counting up to just past `max` (the native indexOf beats a byte loop fourfold). */
function countBytes(bytes: Uint8Array, byte: number, max: number): number {
    let count = 0;
    for (let i = bytes.indexOf(byte); i >= 0 && count <= max; i = bytes.indexOf(byte, i + 1)) count++;
    return count;
}

function slowRequest(contentType: string | undefined, bytes: Uint8Array): VerifierRequest | HttpAnswer {
    const stage = decodeBody(contentType, bytes);
    if (!stage.ok) return stage.answer;
    const checked = checkRequest(stage.body);
    if (!checked.ok) return validationAnswer(checked.errors);
    return checked.request;
}

/** The 200 answer, or the refusal of a too large one; undefined if it outgrows `quickBytes` (the caller answers elsewhere). */
function respond(request: VerifierRequest, limits: AnswerLimits, quickBytes?: number, shelf?: BufferShelf): HttpAnswer | undefined {
    const entry = compileDsl(request.dsl);
    const cap = quickBytes ?? limits.maxResponseBytes;
    const sink = new ByteSink(shelf?.take() ?? Math.min(1 << 16, cap), cap);
    try {
        respondJsonInto(request, sink, entry);
    } catch (error) {
        shelf?.give(sink.arrayBuffer());
        if (error instanceof SinkLimitError) {
            if (quickBytes !== undefined) return undefined;
            return detailAnswer(500, `The answer would exceed ${limits.maxResponseBytes} bytes (delta serve --max-response); send fewer test cases per request`);
        }
        throw error;
    }
    if (echoesLoneSurrogate(request, () => sink.toString())) {
        shelf?.give(sink.arrayBuffer());
        return internalServerError();
    }
    const answer = jsonAnswer(200, sink.bytes());
    if (shelf) answer.recycle = sink.arrayBuffer();
    return answer;
}

/**
 * Python cannot encode a lone surrogate as UTF-8: an answer echoing one (as JSON.stringify's `\udXXX`
 * escape) is the reference's 500. `answer` gives the answer's text, asked for only when it may.
 */
export function echoesLoneSurrogate(request: VerifierRequest, answer: () => string): boolean {
    return mayEchoSurrogate(request) && ESCAPED_SURROGATE.test(answer());
}

function mayEchoSurrogate(request: VerifierRequest): boolean {
    if (LONE_SURROGATE.test(request.dsl)) return true;
    return request.test_cases.some((t) => LONE_SURROGATE.test(t.input) || LONE_SURROGATE.test(t.expected_output) || LONE_SURROGATE.test(t.description));
}
