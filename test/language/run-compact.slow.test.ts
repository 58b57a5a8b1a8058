// The fast run loop with its repeat detection against the step-by-step interpreter (step.ts):
// expanded, every field is the same. (The fixture runs check both against the reference itself.)
import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { expandPath, pathLength, runCompact } from '../../language/manufactoria/interpreter/run-compact.js';
import { runStepByStep } from '../../language/manufactoria/interpreter/step.js';
import { verdictOf } from '../../language/manufactoria/verdict.js';

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
                const slow = runStepByStep(verdict.program, input);
                const fast = runCompact(verdict.program, input);
                const path = expandPath(fast);
                expect(pathLength(fast)).toBe(path.length);
                expect({ finished: fast.finished, finalTape: fast.finalTape, rejection: fast.rejection, slots: path })
                    .toEqual({ finished: slow.finished, finalTape: slow.finalTape, rejection: slow.rejection, slots: slow.steps.map((s) => s.slot) });
                runs++;
                if (fast.repeats > 0) repeated++;
            }
        }
        expect(runs).toBeGreaterThan(5000);
        expect(repeated).toBeGreaterThan(500); // the repeat path is exercised
    });
});
