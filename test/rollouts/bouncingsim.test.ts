// BouncingSim rollouts go through the BouncingSim checker (injected here; the CLI passes the
// sandboxed runner) and get refused / exception / timeout / too_far classes.
import { describe, expect, test } from 'vitest';
import type { ProgramCheck } from '../../language/bouncingsim/python/runner.js';
import { bouncingSimClass, scoreRollout } from '../../language/rollouts/score.js';
import type { RolloutRecord } from '../../language/rollouts/types.js';

const asserts = ['assert check_distance(predict_position(0.10), [[1.0, 2.0]]) <= 50', 'assert check_distance(predict_position(0.20), [[1.0, 2.0]]) <= 50'];
const record: RolloutRecord = {
    source: 'x.jsonl:1', format: 'jsonl', response: 'Sure.\n```python\ndef predict_position(t):\n    return [[1.0, 2.0]]\n```\n', groundTruth: asserts, key: 'A_1_1', step: 3, sample: 0, dataset: 'ballsim',
};
const run = (over: Partial<ProgramCheck['results'][number]>[], refused: string[] = []): ProgramCheck => {
    const results = over.map((o, index) => ({ index, assert: asserts[index] ?? '', passed: false, runtime: -1, timedOut: false, ...o }));
    const passed = results.filter((r) => r.passed).length;
    return { results, passed, pass_rate: passed / results.length, all_pass: passed === results.length, refused, sandboxed: true, isolation: 'test' };
};

describe('BouncingSim error classes', () => {
    test('refused, timeout, exception, too_far, null', () => {
        expect(bouncingSimClass(run([{}, {}], ['import os']))).toBe('refused');
        expect(bouncingSimClass(run([{ passed: true }, { timedOut: true, error: 'timed out' }]))).toBe('timeout');
        expect(bouncingSimClass(run([{ error: 'NameError: x' }, { timedOut: true }]))).toBe('exception');
        expect(bouncingSimClass(run([{ distance: 80 }, { passed: true }]))).toBe('too_far');
        // [[inf, 0]] / [[nan, 0]]: check_distance returned a non-finite distance (null over JSON) and
        // the assert's own comparison failed; the program raised nothing.
        expect(bouncingSimClass(run([{ distance: null, exceptionType: 'AssertionError', error: 'AssertionError' }]))).toBe('too_far');
        expect(bouncingSimClass(run([{ exceptionType: 'AssertionError', error: 'AssertionError' }]))).toBe('exception');
        expect(bouncingSimClass(run([{ passed: true }, { passed: true }]))).toBeNull();
    });
    test('a rollout is extracted with the Python rule and scored by the checker', async () => {
        let seen = '';
        const scored = await scoreRollout(record, { bouncingsim: async (program) => { seen = program; return run([{ passed: true }, { distance: 70 }]); } });
        expect(seen).toBe('def predict_position(t):\n    return [[1.0, 2.0]]'); // stripped, as BallsimVerifier does
        expect(scored).toMatchObject({ task: 'bouncingsim', id: 'A_1_1', pass_rate: 0.5, all_pass: 0, error: 'too_far', passed: 1, total: 2, extraction: { blocks: 1, tag: 'python' } });
    });
    test('without a checker the rollout is an issue, nothing runs', async () => {
        const scored = await scoreRollout(record, { bouncingsimUnavailable: 'not here' });
        expect(scored).toEqual({ issue: { where: 'x.jsonl:1', message: 'not here' } });
    });
});
