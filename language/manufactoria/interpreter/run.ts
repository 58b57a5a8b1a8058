// Runs with the whole path, for the verifier's objects, the CLI and traces (docs/manufactoria.md §5). The loop itself
// is in run-compact.ts.
import type { CompiledProgram } from './compile.js';
import { expandPath, runCompact } from './run-compact.js';

export { MAX_STEPS, REJECT_LOOP, REJECT_NONE } from './run-compact.js';

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
    const run = runCompact(program, input);
    return { finished: run.finished, finalTape: run.finalTape, slots: expandPath(run), rejection: run.rejection };
}
