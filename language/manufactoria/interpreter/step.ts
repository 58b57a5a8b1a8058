// The run rules one step at a time and nothing clever (docs/manufactoria.md, "Running a program"):
// traces are built from it, and the fast loop in run-compact.ts is tested against it.
import { PULLER_READS } from '../model/vocabulary.js';
import { Port, PORT_OF, PORTS, Slot, type CompiledProgram } from './compile.js';
import { MAX_STEPS, REJECT_LOOP, REJECT_NONE } from './run-compact.js';

export interface Step {
    slot: number;
    tapeBefore: string;
    tapeAfter: string;
    /** For a puller: the colour it consumed, or null when it took EMPTY. Absent for other nodes. */
    read?: string | null;
}

export interface StepRun {
    finished: boolean;
    finalTape: string;
    rejection: string | null;
    /** One entry per path entry, the terminal included. */
    steps: Step[];
}

const READS: Partial<Record<Slot, readonly string[]>> = { [Slot.PullerRB]: PULLER_READS.PULLER_RB, [Slot.PullerYG]: PULLER_READS.PULLER_YG };

export function runStepByStep(program: CompiledProgram, input: string): StepRun {
    let tape = input;
    let slot = program.start;
    const steps: Step[] = [];
    const end = (finished: boolean, rejection: string | null): StepRun => ({ finished, finalTape: tape, rejection, steps });
    for (let n = 0; n < MAX_STEPS; n++) {
        const kind = program.kinds[slot] as Slot;
        const step: Step = { slot, tapeBefore: tape, tapeAfter: tape };
        steps.push(step);
        if (kind === Slot.None) return end(false, REJECT_NONE);
        if (kind === Slot.Accept) return end(true, null);
        if (kind === Slot.Unknown) return end(false, `Unknown node: ${program.ids[slot]}`);
        let port = Port.Next;
        if (kind === Slot.Painter) tape += program.paint[slot];
        const reads = READS[kind];
        if (reads) {
            // A front symbol this puller does not read (or an empty tape) takes EMPTY and stays on the tape.
            const front = tape.charAt(0);
            if (reads.includes(front)) {
                port = PORT_OF[front];
                tape = tape.slice(1);
                step.read = front;
            } else {
                port = Port.Empty;
                step.read = null;
            }
        }
        step.tapeAfter = tape;
        slot = program.targets[slot * PORTS + port];
    }
    return end(false, REJECT_LOOP);
}
