// The panel's predictions from a real (sandboxed) run of a model program.
import { afterAll, describe, expect, it } from 'vitest';
import { predict } from '../../client/trajectory/predictions.js';
import { closePythonRunners } from '../../language/bouncingsim/python/runner.js';

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
});
