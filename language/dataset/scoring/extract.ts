// Manufactoria program extraction from a model response (docs/rollouts.md, "Extraction"): the last
// fenced block wins (only a directly following lowercase `manufactoria` tag is consumed) and is
// stripped; with no complete fence the whole response is used unchanged. BouncingSim answers use a
// different rule: see bouncingsim/python/extract.ts (extractPythonProgram).
import { stripBounds } from '../../python/text.js';
import { feedbackBlockCount, fenceTag } from './fences.js';

/** The tag the fence pattern takes after an opening fence. */
const FENCE_TAG = 'manufactoria';

/** Where the fence pattern's matches are in a text: how many, and the last one's opening fence and content. */
interface FenceMatches {
    count: number;
    start: number;
    contentStart: number;
    contentEnd: number;
}

/**
 * The matches of the reference's fence pattern ```(?:manufactoria)?([\s\S]*?)``` (global, left to
 * right), found with string searches rather than by running the regex over the whole response: a
 * match starts at a ``` and, with `manufactoria` right after it taken whenever it is there (a closing
 * ``` cannot start inside that word, so not taking it never finds another one), ends at the first
 * ``` from there on; the next match is looked for after it. When a ``` has no closing one after it,
 * no later ``` has either (its content would start later still): the matches end. The same on a
 * response and on its JSON-escaped text (extractDslProgramFromEscaped): backticks and letters are
 * written as themselves. test/language/scoring.test.ts checks it against the regex.
 */
function fenceMatches(text: string): FenceMatches {
    const matches = { count: 0, start: -1, contentStart: -1, contentEnd: -1 };
    for (let at = text.indexOf('```'); at >= 0;) {
        const from = text.startsWith(FENCE_TAG, at + 3) ? at + 3 + FENCE_TAG.length : at + 3;
        const close = text.indexOf('```', from);
        if (close < 0) break;
        matches.count++;
        matches.start = at;
        matches.contentStart = from;
        matches.contentEnd = close;
        at = text.indexOf('```', close + 3);
    }
    return matches;
}

export interface Extraction {
    program: string;
    /** Number of fenced blocks found. */
    blocks: number;
    /** Index of the block used, or null when the whole response was used. */
    used: number | null;
    /** The word after the used block's opening fence ('' when none, or when no block was used). */
    tag: string;
    wholeResponse: boolean;
    feedbackBlocks: number;
    /** [start, end) of `program` in the response. */
    span: [number, number];
}

export function extractDslProgram(response: string): string {
    return extractDslProgramWithNotes(response).program;
}

/** The extraction rule, with notes on what it found and used. */
export function extractDslProgramWithNotes(response: string): Extraction {
    const fences = fenceMatches(response);
    const feedbackBlocks = feedbackBlockCount(response);
    if (fences.count === 0) {
        return { program: response, blocks: 0, used: null, tag: '', wholeResponse: true, feedbackBlocks, span: [0, response.length] };
    }
    const content = response.slice(fences.contentStart, fences.contentEnd);
    const [start, end] = stripBounds(content);
    return {
        program: content.slice(start, end),
        blocks: fences.count,
        used: fences.count - 1,
        tag: fenceTag(response, fences.start),
        wholeResponse: false,
        feedbackBlocks,
        span: [fences.contentStart + start, fences.contentStart + end],
    };
}

/**
 * A response still written as a JSON string in its row (readers/row-parse.ts RowParser.parseBytesLazy),
 * so the extraction can run without decoding the whole response.
 */
export interface EscapedText {
    /** The string's content as written, its UTF-8 bytes read as Latin-1 (one char per byte), holding no `\u` escape. */
    raw: string;
    /** The decoded text of raw[from, to), both offsets between whole characters and whole escapes. */
    decode(from: number, to: number): string;
    /** The UTF-16 length of the decoded raw[0, to), `to` as for decode. */
    offset(to: number): number;
}

/**
 * extractDslProgramWithNotes(decoded response), computed on the escaped text: exact because the rule
 * only looks for backticks, letters, dashes and spaces, which a JSON string without `\u` escapes
 * writes as themselves and never as part of an escape (nor of a multi-byte character), so the
 * patterns match the same characters in both texts (docs/rollouts.md, "Speed"). Undefined when the
 * used block's tag has a non-ASCII character (the caller decodes the response and extracts from it).
 */
export function extractDslProgramFromEscaped(text: EscapedText): Extraction | undefined {
    const raw = text.raw;
    const fences = fenceMatches(raw);
    const feedbackBlocks = feedbackBlockCount(raw);
    if (fences.count === 0) {
        const program = text.decode(0, raw.length);
        return { program, blocks: 0, used: null, tag: '', wholeResponse: true, feedbackBlocks, span: [0, program.length] };
    }
    const tag = escapedTag(raw, fences.start + 3);
    if (tag === undefined) return undefined;
    const content = text.decode(fences.contentStart, fences.contentEnd);
    const [start, end] = stripBounds(content);
    const at = text.offset(fences.contentStart);
    return { program: content.slice(start, end), blocks: fences.count, used: fences.count - 1, tag, wholeResponse: false, feedbackBlocks, span: [at + start, at + end] };
}

/**
 * extractDslProgramFromEscaped(text).program (or, when that gives none for a non-ASCII tag, the
 * program of the decoded response: the tag is only a note), without the notes: for outputs that keep
 * none (`delta rollouts summary`), which so skip the tag, feedback blocks and span.
 */
export function extractDslProgramOnlyFromEscaped(text: EscapedText): string {
    const fences = fenceMatches(text.raw);
    if (fences.count === 0) return text.decode(0, text.raw.length);
    const content = text.decode(fences.contentStart, fences.contentEnd);
    const [start, end] = stripBounds(content);
    return content.slice(start, end);
}

/** fenceTag's tag (the leading run of non-space, non-backtick characters of the 61 after the fence) from escaped text, if ASCII. */
function escapedTag(raw: string, from: number): string | undefined {
    let tag = '';
    for (let i = from; i < raw.length && tag.length < 61; i++) {
        let c = raw.charCodeAt(i);
        if (c >= 0x80) return undefined;
        if (c === 0x5c) {
            const e = raw.charCodeAt(++i);
            // \n \r \t \f decode to whitespace; \b to U+0008 (not whitespace to JS); \" \\ \/ to themselves.
            if (e === 0x6e || e === 0x72 || e === 0x74 || e === 0x66) break;
            c = e === 0x62 ? 0x08 : e;
        } else if (c === 0x20 || c === 0x60) break;
        tag += String.fromCharCode(c);
    }
    return tag;
}
