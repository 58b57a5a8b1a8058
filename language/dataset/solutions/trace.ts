// The story of one run for the editor: which node, what it did, the tape before and after. The
// steps come from the step-by-step interpreter; this only words them.
import { Slot, type CompiledProgram } from '../../manufactoria/interpreter/compile.js';
import { runStepByStep } from '../../manufactoria/interpreter/step.js';

export interface RunStep {
    slot: number;
    node: string;
    /** Index of the declaring node in the program (-1 for NONE, unknown targets). */
    sourceIndex: number;
    tapeBefore: string;
    tapeAfter: string;
    action: string;
}

export interface RunTrace {
    finished: boolean;
    finalTape: string;
    rejection: string | null;
    steps: RunStep[];
    /** Visit count per source node index. */
    visits: Map<number, number>;
}

const KIND_NAMES: Record<number, string> = {
    [Slot.Start]: 'START', [Slot.PullerRB]: 'PULLER_RB', [Slot.PullerYG]: 'PULLER_YG', [Slot.Painter]: 'PAINTER',
    [Slot.Accept]: 'END', [Slot.None]: 'NONE', [Slot.Unknown]: 'unknown',
};

export function slotKindName(program: CompiledProgram, slot: number): string {
    return KIND_NAMES[program.kinds[slot]] ?? 'unknown';
}

export function traceRun(program: CompiledProgram, input: string): RunTrace {
    const run = runStepByStep(program, input);
    const steps: RunStep[] = [];
    const visits = new Map<number, number>();
    run.steps.forEach(({ slot, tapeBefore, tapeAfter, read }, i) => {
        const next = run.steps[i + 1];
        const to = next === undefined ? '' : ` → ${program.ids[next.slot]}`;
        let action: string;
        switch (program.kinds[slot]) {
            case Slot.Start: action = `start${to}`; break;
            case Slot.Painter: action = `paint ${program.paint[slot]}${to}`; break;
            case Slot.PullerRB:
            case Slot.PullerYG:
                action = read ? `read ${read}${to}` : `${tapeBefore === '' ? 'tape empty' : `front ${tapeBefore.charAt(0)} not readable`}: EMPTY${to}`;
                break;
            case Slot.Accept: action = 'accept'; break;
            default: action = `reject: ${run.rejection}`;
        }
        if (next === undefined && run.rejection && program.kinds[slot] !== Slot.None && program.kinds[slot] !== Slot.Unknown) {
            action += ` — stopped: ${run.rejection}`;
        }
        steps.push({ slot, node: program.ids[slot], sourceIndex: program.sourceIndex[slot], tapeBefore, tapeAfter, action });
        const source = program.sourceIndex[slot];
        if (source >= 0) visits.set(source, (visits.get(source) ?? 0) + 1);
    });
    return { finished: run.finished, finalTape: run.finalTape, rejection: run.rejection, steps, visits };
}
