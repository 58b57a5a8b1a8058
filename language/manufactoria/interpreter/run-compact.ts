// The reference's run loop (docs/manufactoria.md §5): at most 1000 path entries, the terminal included. It is the
// only run loop; run.ts expands its result for callers that want the whole path.
// The path comes in run-length form. Most runs that hit the step limit settle into a loop that never
// consumes a symbol nor changes the front of the tape; from then on the path is periodic, so the loop
// is run once and the rest is described as repeats (the serializer repeats the text instead of
// stepping 1000 times).
import { Port, Slot, type CompiledProgram } from './compile.js';

export const MAX_STEPS = 1000;
export const REJECT_NONE = 'Routed to NONE';
export const REJECT_LOOP = 'Maximum iterations exceeded (possible infinite loop)';

/**
 * The path is `slots[0, length)`, then `slots[cycleStart, length)` `repeats` more times, then
 * `slots[cycleStart, cycleStart + partial)`. Without a detected cycle `repeats` and `partial` are 0.
 * `slots` is a buffer shared by every call: read it before the next run.
 */
export interface CompactRun {
    finished: boolean;
    finalTape: string;
    rejection: string | null;
    slots: Int32Array;
    length: number;
    cycleStart: number;
    repeats: number;
    partial: number;
}

const slots = new Int32Array(MAX_STEPS);

/**
 * For each slot, the epoch, step and tape length of its last visit. Shared by all programs: epochs only
 * grow (one at each run start, and whenever the head moves or the front symbol appears), so a visit
 * from another run never matches, and visits in one epoch share head and front.
 */
let seenEpoch = new Float64Array(64);
let seenStep = new Int32Array(64);
let seenTape = new Int32Array(64);
let epochCounter = 0;

/** The whole path of a compact run, as slot numbers. */
export function expandPath(run: CompactRun): number[] {
    const { slots: path, length, cycleStart, repeats, partial } = run;
    const out = Array.from(path.subarray(0, length));
    for (let r = 0; r < repeats; r++) for (let i = cycleStart; i < length; i++) out.push(path[i]);
    for (let i = 0; i < partial; i++) out.push(path[cycleStart + i]);
    return out;
}

/** The number of path entries a compact run stands for. */
export function pathLength(run: CompactRun): number {
    return run.length + run.repeats * (run.length - run.cycleStart) + run.partial;
}

export function runCompact(program: CompiledProgram, input: string): CompactRun {
    const { kinds, targets, paint, ids } = program;
    if (kinds.length > seenEpoch.length) {
        const size = Math.max(kinds.length, seenEpoch.length * 2);
        seenEpoch = new Float64Array(size);
        seenStep = new Int32Array(size);
        seenTape = new Int32Array(size);
    }
    let epoch = ++epochCounter;
    let tape = input;
    let head = 0;
    let slot = program.start;
    const done = (finished: boolean, rejection: string | null, length: number, cycleStart = 0, repeats = 0, partial = 0): CompactRun =>
        ({ finished, finalTape: head === 0 ? tape : tape.slice(head), rejection, slots, length, cycleStart, repeats, partial });

    for (let step = 0; step < MAX_STEPS; step++) {
        if (seenEpoch[slot] === epoch) {
            // Same slot, same head, same front since step `start`: the path repeats with this period forever.
            const start = seenStep[slot];
            const period = step - start;
            const remaining = MAX_STEPS - step;
            const repeats = Math.floor(remaining / period);
            const partial = remaining - repeats * period;
            if (repeats > 0 && tape.length > seenTape[slot]) tape += tape.slice(seenTape[slot]).repeat(repeats);
            for (let i = 0; i < partial; i++) {
                const s = slots[start + i];
                if (kinds[s] === Slot.Painter) tape += paint[s];
            }
            return done(false, REJECT_LOOP, step, start, repeats, partial);
        }
        seenEpoch[slot] = epoch;
        seenStep[slot] = step;
        seenTape[slot] = tape.length;
        slots[step] = slot;
        const row = slot * 5;
        switch (kinds[slot]) {
            case Slot.None: return done(false, REJECT_NONE, step + 1);
            case Slot.Accept: return done(true, null, step + 1);
            case Slot.Unknown: return done(false, `Unknown node: ${ids[slot]}`, step + 1);
            case Slot.Start: slot = targets[row + Port.Next]; break;
            case Slot.Painter:
                if (head === tape.length) epoch = ++epochCounter;
                tape += paint[slot];
                slot = targets[row + Port.Next];
                break;
            case Slot.PullerRB:
            case Slot.PullerYG: {
                // A front symbol this puller cannot read (or an empty tape) takes EMPTY and stays on the tape.
                const front = head < tape.length ? tape.charCodeAt(head) : -1;
                const port = kinds[slot] === Slot.PullerRB
                    ? (front === 82 ? Port.R : front === 66 ? Port.B : Port.Empty)
                    : (front === 89 ? Port.Y : front === 71 ? Port.G : Port.Empty);
                if (port !== Port.Empty) {
                    head++;
                    epoch = ++epochCounter;
                }
                slot = targets[row + port];
                break;
            }
        }
    }
    return done(false, REJECT_LOOP, MAX_STEPS);
}
