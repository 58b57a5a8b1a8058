// The step-by-step story of one run: which node, what it did, the tape before and after.
// The run itself comes from the interpreter; this only replays its path to recover the tapes.
import { Slot, type CompiledProgram } from '../../manufactoria/interpreter/compile.js';
import { runSlots } from '../../manufactoria/interpreter/run.js';

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
    const run = runSlots(program, input);
    const steps: RunStep[] = [];
    const visits = new Map<number, number>();
    let tape = input;
    run.slots.forEach((slot, i) => {
        const next = run.slots[i + 1];
        const to = next === undefined ? '' : ` → ${program.ids[next]}`;
        const before = tape;
        let action: string;
        switch (program.kinds[slot]) {
            case Slot.Start: action = `start${to}`; break;
            case Slot.Painter: tape += program.paint[slot]; action = `paint ${program.paint[slot]}${to}`; break;
            case Slot.PullerRB:
            case Slot.PullerYG: {
                const readable = program.kinds[slot] === Slot.PullerRB ? 'RB' : 'YG';
                const front = tape.charAt(0);
                if (front !== '' && readable.includes(front)) {
                    tape = tape.slice(1);
                    action = `read ${front}${to}`;
                } else {
                    action = `${front === '' ? 'tape empty' : `front ${front} not readable`}: EMPTY${to}`;
                }
                break;
            }
            case Slot.Accept: action = 'accept'; break;
            case Slot.None: action = `reject: ${run.rejection}`; break;
            default: action = `reject: ${run.rejection}`;
        }
        if (next === undefined && run.rejection && program.kinds[slot] !== Slot.None && program.kinds[slot] !== Slot.Unknown) {
            action += ` — stopped: ${run.rejection}`;
        }
        steps.push({ slot, node: program.ids[slot], sourceIndex: program.sourceIndex[slot], tapeBefore: before, tapeAfter: tape, action });
        const source = program.sourceIndex[slot];
        if (source >= 0) visits.set(source, (visits.get(source) ?? 0) + 1);
    });
    return { finished: run.finished, finalTape: run.finalTape, rejection: run.rejection, steps, visits };
}
