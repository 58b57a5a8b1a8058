// The demo BouncingSim run scored for real, as the editor's worker does it in a trusted workspace:
// every answer in the bubblewrap sandbox, the error class of each kind of synthetic answer (a failed
// `<= 50` comparison is too_far, not an exception), and a checker that cannot start says why once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pythonScoring } from '../../client/rollouts/score-adapter.js';
import { closePythonRunners, type AssertRun } from '../../language/bouncingsim/python/runner.js';
import { bouncingSimChecker } from '../../language/rollouts/bouncingsim-checker.js';
import { scoreRolloutRecords } from '../../language/rollouts/pipeline.js';
import type { ScoredRollout } from '../../language/rollouts/types.js';

const STEP = join(__dirname, '../../demo/rollouts/synthetic-verl-bouncingsim/2.jsonl');

afterAll(() => closePythonRunners());

describe('BouncingSim answers scored by the worker\'s checker', () => {
    it('gives each kind of synthetic answer its class, with per-assert runs', async () => {
        const kinds = readFileSync(STEP, 'utf8').trim().split('\n').map((l) => JSON.parse(l).synthetic_kind as string);
        const unavailable: string[] = [];
        const scored: ScoredRollout[] = [];
        for await (const { outcome } of scoreRolloutRecords([STEP], pythonScoring({ trusted: true }, (m) => unavailable.push(m)))) {
            if ('issue' in outcome) throw new Error(outcome.issue.message);
            scored.push(outcome);
        }
        expect(unavailable).toEqual([]);
        expect(new Set(kinds)).toEqual(new Set(['exact', 'drift', 'linear', 'frozen', 'raises', 'refused']));
        const expected: Record<string, string | null> = { exact: null, drift: 'too_far', linear: 'too_far', frozen: 'too_far', raises: 'exception', refused: 'refused' };
        expect(scored.map((s) => s.error)).toEqual(kinds.map((k) => expected[k]));
        for (const s of scored) {
            const runs = s.results as AssertRun[];
            expect(runs).toHaveLength(15);
            const failing = runs.find((r) => !r.passed);
            if (s.error === 'too_far') expect(failing).toMatchObject({ exceptionType: 'AssertionError', tolerance: 50 });
            if (s.error === 'too_far') expect(failing!.distance).toBeGreaterThan(50);
            if (s.error === null) expect(runs.every((r) => r.distance === 0)).toBe(true);
        }
    });

    it('without python it reports why once and fails every answer fast', async () => {
        const heard: string[] = [];
        const check = bouncingSimChecker({ python: '/nonexistent/python3', sandbox: 'require', onUnavailable: (m) => heard.push(m), notRun: 'not run: see above' });
        await expect(check('def predict_position(t):\n    return [[0, 0]]\n', ['assert True'])).rejects.toThrow('not run: see above');
        await expect(check('x = 1\n', ['assert True'])).rejects.toThrow('not run: see above');
        expect(heard).toHaveLength(1);
        expect(heard[0]).toMatch(/nonexistent/);
    });
});
