// `delta verify`'s work on a chunk of JSON Lines input, in two steps so that threads can share it
// (cli/verify-pool.ts): the lines are parsed into requests, then answered, one answer line each,
// straight into one UTF-8 buffer. The DSL verdicts in between may come from a worker thread.
import { checkRequest, wellTypedRequest, type VerifierRequest } from '../language/verifier/request.js';
import { ByteSink } from '../language/verifier/byte-sink.js';
import { respondJsonInto } from '../language/verifier/respond-json.js';
import type { CompiledDsl } from '../language/verifier/verdict-cache.js';
import { jsonParseAsPython, pyJsonLoads } from '../language/python/json-loads.js';
import { echoesLoneSurrogate } from '../language/verifier/test-solution.js';

/** The reference response body for one request line, or `{"error"}` naming the line and what is wrong. */
export function answerLine(line: string, lineNumber: number): string {
    const sink = new ByteSink();
    answerParsedLine(parseLine(line, lineNumber), sink);
    return sink.toString();
}

/** A line of input made ready to answer: the request it holds, or its whole `{"error"}` line. */
export type ParsedLine = { request: VerifierRequest; line: number } | { error: string };

export function parseLine(line: string, lineNumber: number): ParsedLine {
    const error = (what: string) => ({ error: JSON.stringify({ error: `${lineNumber}: ${what}` }) });
    if (line.trim() === '') return error('empty line, expected a JSON request object');
    let body: unknown;
    try {
        // Python's json.loads (the reference's) also reads NaN and Infinity, as a trainer's json.dumps writes them.
        body = jsonParseAsPython(line);
    } catch (caught) {
        return error(`invalid JSON: ${(caught as Error).message}`);
    }
    const request = wellTypedRequest(body);
    if (request && Number.isFinite(request.max_execution_time)) return { request, line: lineNumber };
    // Anything else is read as the reference reads it, where JS numbers cannot tell: an int too large
    // for a double is no float (float_type), and one of over 4300 digits is refused.
    try {
        body = pyJsonLoads(line);
    } catch (caught) {
        return error(`invalid JSON: ${(caught as Error).message}`);
    }
    const checked = checkRequest(body);
    if (checked.ok) return { request: checked.request, line: lineNumber };
    return error(checked.errors.map((e) => `${e.loc.slice(1).join('.') || 'body'}: ${e.msg}`).join('; '));
}

/** Appends the answer to `sink`; true if it is an `{"error"}` line. `entry` is compileDsl of the request's DSL if at hand. */
function answerParsedLine(line: ParsedLine, sink: ByteSink, entry?: CompiledDsl): boolean {
    if ('error' in line) {
        sink.write(line.error);
        return true;
    }
    const start = sink.length;
    respondJsonInto(line.request, sink, entry);
    if (echoesLoneSurrogate(line.request, () => sink.buffer.toString('utf8', start, sink.length))) {
        sink.length = start;
        sink.write(JSON.stringify({ error: `${line.line}: the reference answers 500 Internal Server Error: the answer would echo a lone surrogate, which Python cannot encode as UTF-8` }));
        return true;
    }
    return false;
}

export interface ChunkAnswer {
    /** The answer lines, UTF-8; the buffer is the chunk's own (never pooled), so it can be transferred. */
    bytes: Uint8Array;
    /** How many of them are `{"error"}` lines. */
    bad: number;
}

/**
 * The lines of `chunk`, the first being line `firstLine`, parsed. A chunk ends after a line break,
 * except the input's last one, whose unterminated tail is a line too when it is not empty. Lines are
 * split at `\r\n`, `\n` or a lone `\r` (as node:readline did up to Node 20; Node 24's also splits at
 * U+2028/U+2029, which JSON strings may hold raw).
 */
export function parseChunk(chunk: Uint8Array, firstLine: number): ParsedLine[] {
    const text = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8');
    const lines: ParsedLine[] = [];
    let lineNumber = firstLine;
    const breaks = text.includes('\r') ? /\r\n|\n|\r/g : /\n/g;
    let start = 0;
    for (let match = breaks.exec(text); match !== null; match = breaks.exec(text)) {
        lines.push(parseLine(text.slice(start, match.index), lineNumber++));
        start = breaks.lastIndex;
    }
    if (start < text.length) lines.push(parseLine(text.slice(start), lineNumber));
    return lines;
}

/** The DSL texts of a chunk's requests, in order (what a verdict worker compiles for it). */
export function dslsOf(lines: readonly ParsedLine[]): string[] {
    const dsls: string[] = [];
    for (const line of lines) if ('request' in line) dsls.push(line.request.dsl);
    return dsls;
}

/**
 * Answers parsed lines, one answer line each, into one UTF-8 buffer. `entries`, when given, holds
 * compileDsl of each request's DSL in order (see dslsOf). The answer is written into `reuse` (an
 * ArrayBuffer no longer needed; fresh memory costs page faults) if given.
 */
export function answerParsed(lines: readonly ParsedLine[], entries?: readonly CompiledDsl[], reuse?: ArrayBuffer, sizeHint = 1 << 16): ChunkAnswer {
    const out = new ByteSink(reuse ?? sizeHint);
    let bad = 0;
    let next = 0;
    for (const line of lines) {
        if (answerParsedLine(line, out, 'request' in line && entries ? entries[next++] : undefined)) bad++;
        out.reserve(1);
        out.buffer[out.length++] = 10;
    }
    return { bytes: out.bytes(), bad };
}

/** Answers every line of `chunk` (see parseChunk and answerParsed). */
export function answerChunk(chunk: Uint8Array, firstLine: number, reuse?: ArrayBuffer): ChunkAnswer {
    return answerParsed(parseChunk(chunk, firstLine), undefined, reuse, chunk.byteLength * 12 + 4096);
}
