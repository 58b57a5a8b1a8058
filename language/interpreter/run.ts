// The reference's run loop (spec §5): at most 1000 path entries, the terminal included.
import { Port, Slot, type CompiledProgram } from './compile.js';

export const MAX_STEPS = 1000;
export const REJECT_NONE = 'Routed to NONE';
export const REJECT_LOOP = 'Maximum iterations exceeded (possible infinite loop)';

export interface RunResult {
    finished: boolean;
    final_tape: string;
    path: string[];
    rejection_reason: string | null;
}

/** Like RunResult, but the path as slot numbers (cheap to keep for traces and visit counts). */
export interface SlotRun {
    finished: boolean;
    finalTape: string;
    slots: number[];
    rejection: string | null;
}

export function runTape(program: CompiledProgram, input: string): RunResult {
    const run = runSlots(program, input);
    return {
        finished: run.finished,
        final_tape: run.finalTape,
        path: run.slots.map((slot) => program.ids[slot]),
        rejection_reason: run.rejection,
    };
}

export function runSlots(program: CompiledProgram, input: string): SlotRun {
    const { kinds, targets, paint, ids } = program;
    // The tape is the unread suffix of `tape` from `head`: pulling advances `head`, painting appends.
    let tape = input;
    let head = 0;
    let slot = program.start;
    const slots: number[] = [];
    const done = (finished: boolean, rejection: string | null): SlotRun =>
        ({ finished, finalTape: head === 0 ? tape : tape.slice(head), slots, rejection });

    for (let step = 0; step < MAX_STEPS; step++) {
        slots.push(slot);
        const row = slot * 5;
        switch (kinds[slot]) {
            case Slot.None: return done(false, REJECT_NONE);
            case Slot.Accept: return done(true, null);
            case Slot.Unknown: return done(false, `Unknown node: ${ids[slot]}`);
            case Slot.Start: slot = targets[row + Port.Next]; break;
            case Slot.Painter: tape += paint[slot]; slot = targets[row + Port.Next]; break;
            case Slot.PullerRB:
            case Slot.PullerYG: {
                // A front symbol this puller cannot read (or an empty tape) takes EMPTY and stays on the tape.
                const front = head < tape.length ? tape.charCodeAt(head) : -1;
                const port = kinds[slot] === Slot.PullerRB
                    ? (front === 82 ? Port.R : front === 66 ? Port.B : Port.Empty)
                    : (front === 89 ? Port.Y : front === 71 ? Port.G : Port.Empty);
                if (port !== Port.Empty) head++;
                slot = targets[row + port];
                break;
            }
        }
    }
    return done(false, REJECT_LOOP);
}
