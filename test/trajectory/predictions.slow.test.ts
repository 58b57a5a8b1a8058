// The panel's predictions from a real (sandboxed) run of a model program.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { predict } from '../../client/trajectory/predictions.js';
import { closePythonRunners } from '../../language/bouncingsim/python/runner.js';
import { BWRAP_ENV } from '../../language/bouncingsim/python/sandbox.js';

const assertAt = (t: string, pos: string) => `assert check_distance(predict_position(${t}), ${pos}) <= 50.0`;
const ASSERTS = [assertAt('0.10', '[[100.0, 200.0]]'), assertAt('0.20', '[[110.0, 200.0]]')];

afterAll(() => closePythonRunners());

describe('predict()', () => {
    it('runs the program per assert and reports partial results, the program and the isolation', async () => {
        const updates: number[] = [];
        const program = 'import sys\ndef predict_position(t):\n    print("at", t)\n    print("careful", file=sys.stderr)\n    return [[100 + 100 * t, 203.0]]\n';
        const p = await predict(program, ASSERTS, [0.1, 0.2], { timeoutMs: 10_000, onUpdate: (u) => updates.push(u.rows.length) });
        expect(p.status).toBe('done');
        expect(p.rows.map((r) => [r.time, r.predicted, r.distance, r.passed])).toEqual([[0.1, [[110, 203]], 10.44, true], [0.2, [[120, 203]], 10.44, true]]);
        expect(updates).toEqual([0, 1, 2]);
        expect(p).toMatchObject({ program, sandboxed: true });
        expect(p.message).toMatch(/Ran sandboxed \(bubblewrap\)/);
        expect(p.rows[0]).toMatchObject({ stdout: 'at 0.1\n', stderr: 'careful\n' });
        expect(p.rows[0].runtime).toBeGreaterThanOrEqual(0);
    });

    it('shows the exception of a failing test', async () => {
        const p = await predict('def predict_position(t):\n    return 1 / 0\n', ASSERTS.slice(0, 1), [0.1], { timeoutMs: 10_000 });
        expect(p.rows[0]).toMatchObject({ passed: false, runtime: -1, error: 'ZeroDivisionError: division by zero' });
    });

    describe('without the sandbox', () => {
        const saved = process.env[BWRAP_ENV];
        beforeEach(() => { process.env[BWRAP_ENV] = ''; }); // set but empty: bubblewrap is unavailable
        afterEach(() => { if (saved === undefined) delete process.env[BWRAP_ENV]; else process.env[BWRAP_ENV] = saved; });
        const program = 'def predict_position(t):\n    return [[110.0, 200.0]]\n';

        it('runs nothing and says how to get the sandbox or opt out', async () => {
            const p = await predict(program, ASSERTS, [0.1, 0.2], { timeoutMs: 10_000 });
            expect(p).toMatchObject({ status: 'no-python', rows: [], canRun: true });
            expect(p.message).toMatch(/^The model answer is not run: the sandbox for model code is unavailable \(.+\)\. Install bubblewrap .*turn off the setting deltaStudio\.python\.sandbox/);
        });

        it('runs the answer, marked not sandboxed, only when the user opted out', async () => {
            const p = await predict(program, ASSERTS, [0.1, 0.2], { timeoutMs: 10_000, sandbox: 'off' });
            expect(p).toMatchObject({ status: 'done', sandboxed: false });
            expect(p.rows.map((r) => r.passed)).toEqual([true, true]);
        });
    });
});
