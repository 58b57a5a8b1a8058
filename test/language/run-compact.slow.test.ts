// The run loop with its repeat detection against a plain step-by-step reading of spec §5: expanded,
// every field is the same. (The fixture runs check the loop against the reference itself.)
import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { Port, Slot, type CompiledProgram } from '../../language/manufactoria/interpreter/compile.js';
import { expandPath, pathLength, runCompact } from '../../language/manufactoria/interpreter/run-compact.js';
import { verdictOf } from '../../language/manufactoria/verdict.js';

/** Spec §5 one step at a time, no shortcuts: the oracle for the repeat detection. */
function stepByStep(program: CompiledProgram, input: string) {
    let tape = input;
    let slot = program.start;
    const slots: number[] = [];
    const end = (finished: boolean, rejection: string | null) => ({ finished, finalTape: tape, rejection, slots });
    for (let step = 0; step < 1000; step++) {
        slots.push(slot);
        const kind = program.kinds[slot];
        if (kind === Slot.None) return end(false, 'Routed to NONE');
        if (kind === Slot.Accept) return end(true, null);
        if (kind === Slot.Unknown) return end(false, `Unknown node: ${program.ids[slot]}`);
        let port: Port = Port.Next;
        if (kind === Slot.Painter) tape += program.paint[slot];
        if (kind === Slot.PullerRB || kind === Slot.PullerYG) {
            const colours = kind === Slot.PullerRB ? ['R', 'B'] : ['Y', 'G'];
            const front = tape.charAt(0);
            const at = colours.indexOf(front);
            port = at < 0 ? Port.Empty : ([kind === Slot.PullerRB ? Port.R : Port.Y, kind === Slot.PullerRB ? Port.B : Port.G][at]);
            if (at >= 0) tape = tape.slice(1);
        }
        slot = program.targets[slot * 5 + port];
    }
    return end(false, 'Maximum iterations exceeded (possible infinite loop)');
}

const requests = execFileSync(process.execPath, ['scripts/bench/gen-requests.mjs', '--count', '400', '--seed', '23'], { encoding: 'utf8', maxBuffer: 1 << 26 })
    .trim().split('\n').map((l) => JSON.parse(l) as { dsl: string; test_cases: Array<{ input: string }> });
const extraInputs = ['', 'R', 'B', 'Y', 'G', 'x😀R', 'RBYG'.repeat(40), 'R'.repeat(998)];

describe('runCompact', () => {
    test('matches a step-by-step run on generated programs and tapes', () => {
        let runs = 0;
        let repeated = 0;
        for (const request of requests) {
            const verdict = verdictOf(request.dsl);
            if (!verdict.ok) continue;
            for (const input of [...request.test_cases.map((t) => t.input), ...extraInputs]) {
                const slow = stepByStep(verdict.program, input);
                const fast = runCompact(verdict.program, input);
                const path = expandPath(fast);
                expect(pathLength(fast)).toBe(path.length);
                expect({ finished: fast.finished, finalTape: fast.finalTape, rejection: fast.rejection, slots: path })
                    .toEqual({ finished: slow.finished, finalTape: slow.finalTape, rejection: slow.rejection, slots: slow.slots });
                runs++;
                if (fast.repeats > 0) repeated++;
            }
        }
        expect(runs).toBeGreaterThan(5000);
        expect(repeated).toBeGreaterThan(500); // the repeat path is exercised
    });
});
