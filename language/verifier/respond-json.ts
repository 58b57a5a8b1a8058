// The same body as JSON.stringify(respond(request)), written directly from the runs as UTF-8: the
// verifier's output is dominated by paths of up to 1000 ids, so each program's ids are encoded once
// and a path is copied byte by byte, its repeating tail (see run-compact.ts) by doubling copies.
// A test pins the equality with JSON.stringify(respond(request)).
import type { CompiledProgram } from '../manufactoria/interpreter/compile.js';
import { ByteSink, SinkLimitError } from './byte-sink.js';
import { compileDsl, type CompiledDsl } from './verdict-cache.js';
import { runCompact } from '../manufactoria/interpreter/run-compact.js';
import { testPasses } from '../dataset/testcases/pass-rule.js';
import type { VerifierRequest } from './request.js';

const quote = JSON.stringify as (value: string) => string;

/** A program's path entries as bytes: slot `s` is `bytes[start[s], start[s + 1])`, `,"id"` in UTF-8. */
interface PathText { bytes: Uint8Array; start: Int32Array; longest: number }

const pathTexts = new WeakMap<CompiledProgram, PathText>();
const utf8 = new TextEncoder();

function pathTextOf(program: CompiledProgram): PathText {
    let text = pathTexts.get(program);
    if (text) return text;
    const quoted = program.ids.map((id) => `,${quote(id)}`);
    const bytes = utf8.encode(quoted.join(''));
    const ascii = bytes.length === quoted.reduce((sum, q) => sum + q.length, 0);
    const start = new Int32Array(quoted.length + 1);
    let longest = 0;
    quoted.forEach((q, slot) => {
        const length = ascii ? q.length : Buffer.byteLength(q);
        start[slot + 1] = start[slot] + length;
        longest = Math.max(longest, length);
    });
    pathTexts.set(program, text = { bytes, start, longest });
    return text;
}

export function respondJson(request: VerifierRequest): string {
    const sink = new ByteSink();
    respondJsonInto(request, sink);
    return sink.toString();
}

/** Appends the response body (no newline) to `sink`; `entry` is compileDsl(request.dsl) if already at hand. */
export function respondJsonInto(request: VerifierRequest, sink: ByteSink, entry?: CompiledDsl): void {
    const start = sink.length;
    try {
        serialize(request, sink, entry ?? compileDsl(request.dsl));
    } catch (error) {
        if (error instanceof SinkLimitError) throw error;
        // Same catch-all as respond(): the reference answers `Unexpected error: …`.
        sink.length = start;
        sink.write(JSON.stringify({ valid: false, all_passed: false, message: `Unexpected error: ${(error as Error).message}`, results: [] }));
    }
}

// A result's fixed text, pre-encoded; the booleans as [false, true] pairs.
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
/** The four booleans of a result and the opening of its path, by expected_accepted·8 + actual_accepted·4 + check_output·2 + passed. */
const FLAGS = Array.from({ length: 16 }, (_, bits) => {
    const flag = (bit: number) => String(Boolean(bits & bit));
    return ascii(`,"expected_accepted":${flag(8)},"actual_accepted":${flag(4)},"check_output":${flag(2)},"passed":${flag(1)},"path":`);
});
const OPEN_INPUT = ascii('{"input":');
const NEXT_INPUT = ascii(',{"input":');
const EXPECTED_OUTPUT = ascii(',"expected_output":');
const ACTUAL_OUTPUT = ascii(',"actual_output":');
// The path (see below) ends before `],"rejection_reason":`.
const NO_REJECTION = ascii('],"rejection_reason":null');
const REJECTION = ascii('],"rejection_reason":');
const DESCRIPTION = ascii(',"description":');
const CLOSE_RESULT = ascii('}');

const HEAD_TRUE = '{"valid":true,"all_passed":true,"results":[';
const HEAD_FALSE = '{"valid":true,"all_passed":false,"results":[';

function serialize(request: VerifierRequest, sink: ByteSink, entry: CompiledDsl): void {
    if ('failure' in entry) throw new Error(entry.failure);
    if ('invalid' in entry) return sink.write(entry.invalid);
    const { program } = entry;
    const { bytes: ids, start: idStart, longest: longestId } = pathTextOf(program);
    // all_passed is known only at the end: leave room for the longer head, and close the gap if it is the shorter.
    const start = sink.length;
    sink.reserve(HEAD_FALSE.length);
    sink.length += HEAD_FALSE.length;
    let allPassed = true;
    let first = true;
    for (const test of request.test_cases) {
        const run = runCompact(program, test.input);
        const passed = testPasses(test, { finished: run.finished, final_tape: run.finalTape });
        allPassed &&= passed;
        sink.raw(first ? OPEN_INPUT : NEXT_INPUT);
        first = false;
        const plainInput = sink.jsonString(test.input);
        sink.raw(EXPECTED_OUTPUT);
        sink.jsonString(test.expected_output);
        sink.raw(ACTUAL_OUTPUT);
        // The final tape is what is left of the input plus painted colours: plain if the input is.
        if (plainInput) sink.plainString(run.finalTape);
        else sink.jsonString(run.finalTape);
        sink.raw(FLAGS[(+test.expected_accepted << 3) | (+run.finished << 2) | (+test.check_output << 1) | +passed]);

        // The path: `,"id"` per entry, then the first comma becomes the opening bracket.
        const { slots, length, cycleStart, repeats, partial } = run;
        sink.reserve((length + partial) * longestId);
        let out = sink.buffer;
        const pathStart = sink.length;
        let pos = pathStart;
        let cyclePos = pos;
        for (let i = 0; i < length; i++) {
            if (i === cycleStart) cyclePos = pos;
            const slot = slots[i];
            for (let b = idStart[slot], end = idStart[slot + 1]; b < end; b++) out[pos++] = ids[b];
        }
        if (repeats > 0) {
            const cycle = pos - cyclePos;
            sink.length = pos;
            sink.reserve(cycle * repeats + partial * longestId);
            out = sink.buffer;
            for (let have = cycle, need = cycle * (repeats + 1); have < need;) {
                const n = Math.min(have, need - have);
                out.copyWithin(cyclePos + have, cyclePos, cyclePos + n);
                have += n;
            }
            pos += cycle * repeats;
        }
        for (let i = cycleStart, end = cycleStart + partial; i < end; i++) {
            const slot = slots[i];
            for (let b = idStart[slot], stop = idStart[slot + 1]; b < stop; b++) out[pos++] = ids[b];
        }
        out[pathStart] = 91; // [
        sink.length = pos;

        if (run.rejection === null) sink.raw(NO_REJECTION);
        else {
            sink.raw(REJECTION);
            sink.jsonString(run.rejection);
        }
        sink.raw(DESCRIPTION);
        sink.jsonString(test.description);
        sink.raw(CLOSE_RESULT);
    }
    sink.write(']}');
    if (allPassed) {
        sink.buffer.write(HEAD_TRUE, start + 1, 'latin1');
        sink.buffer.copyWithin(start, start + 1, sink.length);
        sink.length--;
    } else {
        sink.buffer.write(HEAD_FALSE, start, 'latin1');
    }
}
