// `delta verify`'s work on one chunk of JSON Lines input, shared by the in-process path and the worker
// threads (cli/verify-worker.ts): lines split as node:readline splits them (`\r\n`, `\n` or a lone
// `\r`), one answer line each, encoded straight into one UTF-8 buffer.
import { isPlainObject } from '../language/verifier/lax-fields.js';
import { normalizeTestCase } from '../language/tests/test-case.js';
import { checkRequest, type VerifierRequest, type VerifierTestCase } from '../language/verifier/request.js';
import { ByteSink, respondJsonInto } from '../language/verifier/respond-json.js';

/** The reference response body for one request line, or `{"error"}` naming the line and what is wrong. */
export function answerLine(line: string, lineNumber: number): string {
    const sink = new ByteSink();
    answerLineInto(line, lineNumber, sink);
    return sink.toString();
}

/** Appends the answer to `sink`; true if it is an `{"error"}` line. */
function answerLineInto(line: string, lineNumber: number, sink: ByteSink): boolean {
    const error = (what: string) => {
        sink.write(JSON.stringify({ error: `${lineNumber}: ${what}` }));
        return true;
    };
    if (line.trim() === '') return error('empty line, expected a JSON request object');
    let body: unknown;
    try {
        body = JSON.parse(line);
    } catch (caught) {
        return error(`invalid JSON: ${(caught as Error).message}`);
    }
    let request = wellTypedRequest(body);
    if (!request) {
        const checked = checkRequest(body);
        if (!checked.ok) {
            const what = checked.errors.map((e) => `${e.loc.slice(1).join('.') || 'body'}: ${e.msg}`).join('; ');
            return error(what);
        }
        request = checked.request;
    }
    respondJsonInto(request, sink);
    return false;
}

/**
 * checkRequest's result for a body whose fields all have their exact types (strings, booleans, a
 * number), without its per-field bookkeeping; undefined for anything else, which checkRequest then
 * coerces or rejects. A test pins the equality with checkRequest.
 */
export function wellTypedRequest(body: unknown): VerifierRequest | undefined {
    if (!isPlainObject(body) || !('dsl' in body) || !('test_cases' in body)) return undefined;
    const { dsl, test_cases: list } = body;
    if (typeof dsl !== 'string' || !Array.isArray(list)) return undefined;
    let maxTime = 1.0;
    if ('max_execution_time' in body) {
        if (typeof body.max_execution_time !== 'number') return undefined;
        maxTime = body.max_execution_time;
    }
    const cases = new Array<VerifierTestCase>(list.length);
    for (let i = 0; i < list.length; i++) {
        // The data-file rules are exactly the well-typed subset of the lax ones.
        const one = normalizeTestCase(list[i]);
        if (!one.ok) return undefined;
        cases[i] = one.value;
    }
    return { dsl, test_cases: cases, max_execution_time: maxTime };
}

export interface ChunkAnswer {
    /** The answer lines, UTF-8; the buffer is the chunk's own (never pooled), so it can be transferred. */
    bytes: Uint8Array;
    /** How many of them are `{"error"}` lines. */
    bad: number;
}

/**
 * Answers every line of `chunk`, the first being line `firstLine`. A chunk ends after a line break,
 * except the input's last one, whose unterminated tail is a line too when it is not empty. The answer
 * is written into `reuse` (an ArrayBuffer no longer needed; fresh memory costs page faults) if given.
 */
export function answerChunk(chunk: Uint8Array, firstLine: number, reuse?: ArrayBuffer): ChunkAnswer {
    const text = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8');
    const out = new ByteSink(reuse ?? chunk.byteLength * 12 + 4096);
    let bad = 0;
    let lineNumber = firstLine;
    const answer = (line: string) => {
        if (answerLineInto(line, lineNumber++, out)) bad++;
        out.reserve(1);
        out.buffer[out.length++] = 10;
    };
    const breaks = text.includes('\r') ? /\r\n|\n|\r/g : /\n/g;
    let start = 0;
    for (let match = breaks.exec(text); match !== null; match = breaks.exec(text)) {
        answer(text.slice(start, match.index));
        start = breaks.lastIndex;
    }
    if (start < text.length) answer(text.slice(start));
    return { bytes: out.bytes(), bad };
}

/** Line breaks in `bytes` as node:readline counts them (`\r\n` once); the bytes never end inside a `\r\n`. */
export function countLineBreaks(bytes: Uint8Array): number {
    let count = 0;
    if (bytes.indexOf(13) === -1) {
        for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) count++;
        return count;
    }
    for (let i = 0; i < bytes.length; i++) {
        const c = bytes[i];
        if (c === 10 || (c === 13 && bytes[i + 1] !== 10)) count++;
    }
    return count;
}
