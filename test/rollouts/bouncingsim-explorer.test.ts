// BouncingSim answers in the editor's rollout explorer (client/rollouts): the worker runs them only
// for a trusted workspace, keeps what the trajectory panel needs to replay one (prompt, asserts,
// per-assert runs), and a rollout's document is a row line the trajectory panel reads. Manufactoria
// rollouts opened as solutions get Test Explorer items.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bouncingSimRolloutText, bouncingSimRowId, ROLLOUT_SCHEME } from '../../client/rollouts/document-text.js';
import { isSolutionLocation } from '../../client/testing/solution-uri.js';
import { BouncingSimStore, pythonScoring, UNTRUSTED_PYTHON } from '../../client/rollouts/score-adapter.js';
import type { RolloutInfo } from '../../client/rollouts/worker-protocol.js';
import { scanJsonl } from '../../client/trajectory/scan.js';
import { rowInput } from '../../client/trajectory/source.js';
import type { ProgramCheck } from '../../language/bouncingsim/python/runner.js';
import { scoreRolloutRecords, type ScoredRecord } from '../../language/rollouts/pipeline.js';
import { scoreRollout } from '../../language/rollouts/score.js';
import type { ScoredRollout } from '../../language/rollouts/types.js';

const RUN = join(__dirname, '../../demo/rollouts/synthetic-verl-bouncingsim');

async function collect(gen: AsyncGenerator<ScoredRecord>): Promise<ScoredRecord[]> {
    const out: ScoredRecord[] = [];
    for await (const x of gen) out.push(x);
    return out;
}

/** The replay data the worker keeps for one scored answer. */
function replayOf(scored: ScoredRollout, prompt: string | null) {
    const store = new BouncingSimStore();
    store.add(7, scored, prompt);
    return store.get(7)!;
}

/** A checker that runs nothing: the first assert passes at distance 0, the others fail 80 away. */
const fakeChecker = async (_program: string, asserts: readonly string[]): Promise<ProgramCheck> => {
    const results = asserts.map((assert, index) => ({
        index, assert, passed: index === 0, runtime: index === 0 ? 0.001 : -1, timedOut: false, time: 0.1 * (index + 1),
        expected: [[1, 2]] as [number, number][], tolerance: 50, predicted: [[index === 0 ? 1 : 81, 2]], distance: index === 0 ? 0 : 80,
        ...(index === 0 ? {} : { error: 'AssertionError', exceptionType: 'AssertionError', exceptionMessage: '' }),
    }));
    return { results, passed: 1, pass_rate: 1 / asserts.length, all_pass: false, refused: [], sandboxed: true, isolation: 'test' };
};

describe('BouncingSim answers in the rollout worker', () => {
    it('in an untrusted workspace nothing runs: every answer is an issue saying why, and no checker exists', async () => {
        const scoring = pythonScoring({ trusted: false }, () => { throw new Error('not reached'); });
        expect(scoring.bouncingsim).toBeUndefined();
        const all = await collect(scoreRolloutRecords([RUN], scoring));
        expect(all).toHaveLength(48);
        for (const { outcome, record } of all) {
            expect(outcome).toEqual({ issue: { where: record!.source, message: UNTRUSTED_PYTHON } });
        }
        expect(UNTRUSTED_PYTHON).toMatch(/not trusted/);
    });

    it('in a trusted workspace answers go to the checker, with per-assert runs kept for BouncingSim rows only', () => {
        const scoring = pythonScoring({ trusted: true, python: 'python3' }, () => undefined);
        expect(typeof scoring.bouncingsim).toBe('function');
        expect(scoring).toMatchObject({ bouncingsimDetails: true });
        expect(scoring.bouncingsimUnavailable).toBeUndefined();
    });

    it('keeps the record beside each outcome, and the replay data of an answer: prompt, asserts and each run', async () => {
        const all = await collect(scoreRolloutRecords([join(RUN, '0.jsonl')], { bouncingsim: fakeChecker, bouncingsimDetails: true }));
        expect(all).toHaveLength(12);
        const { record, outcome } = all[0];
        const scored = outcome as ScoredRollout;
        expect(scored).toMatchObject({ task: 'bouncingsim', id: 'A_0_1', family: 'A', step: 0, error: 'too_far', total: 15, passed: 1 });
        expect(new Set(all.map((x) => (x.outcome as ScoredRollout).family))).toEqual(new Set(['A', 'B', 'C']));
        expect(scored.results).toHaveLength(15);
        const replay = replayOf(scored, record!.prompt ?? null);
        // The runs move out of the row into the store.
        expect(scored.results).toBeUndefined();
        expect(replay.prompt).toContain('### Scene description');
        expect(replay.asserts).toEqual(record!.groundTruth);
        expect(replay.runs[0]).toEqual({ time: 0.1, expected: [[1, 2]], predicted: [[1, 2]], distance: 0, tolerance: 50, passed: true, runtime: 0.001 });
        expect(replay.runs[1]).toMatchObject({ passed: false, distance: 80, tolerance: 50, error: 'AssertionError', runtime: -1 });
    });

    it('a BouncingSim family comes from a benchmark-style id only, or from the row itself', async () => {
        const asserts = ['assert check_distance(predict_position(0.10), [[1.0, 2.0]]) <= 50.0'];
        const record = { source: 'x.jsonl:1', format: 'jsonl', response: 'def predict_position(t):\n    return [[1, 2]]\n', groundTruth: asserts, step: 0, sample: 0, dataset: 'ballsim' };
        const family = async (extra: object) => ((await scoreRollout({ ...record, ...extra }, { bouncingsim: fakeChecker })) as ScoredRollout).family;
        expect(await family({ key: 'AB_3_1' })).toBe('AB');
        expect(await family({ key: 'my-scene' })).toBeNull();
        expect(await family({ key: 'AB_3_1', family: 'custom' })).toBe('custom');
        expect(await family({ prompt: 'no key' })).toBeNull();
    });

    it('keeps a whole run in bounded memory: no printed output, long errors cut', () => {
        const store = new BouncingSimStore();
        const row = (error: string): ScoredRollout => ({
            source: 's', id: 'A_0_1', step: 0, sample: 0, task: 'bouncingsim', pass_rate: 0, all_pass: 0, error: 'exception', truncated: false, passed: 0, total: 1, program: '',
            extraction: { blocks: 0, used: null, wholeResponse: true, feedbackBlocks: 0 },
            results: [{ index: 0, assert: 'assert x', passed: false, runtime: -1, timedOut: false, error, stdout: 'o'.repeat(8000), stderr: 'e'.repeat(8000) }],
        });
        store.add(0, row('ValueError: ' + 'v'.repeat(1_000_000)), 'prompt');
        store.add(1, row('short'), null);
        const [a, b] = [store.get(0)!, store.get(1)!];
        expect(a.runs[0].stdout).toBeUndefined();
        expect(a.runs[0].stderr).toBeUndefined();
        expect(a.runs[0].error).toHaveLength(2001);
        expect(b.runs[0].error).toBe('short');
        expect([a.prompt, b.prompt]).toEqual(['prompt', null]);
        expect(store.get(2)).toBeUndefined();
    });

    it('Manufactoria rows of a mixed run get no per-test results from the BouncingSim flag', async () => {
        const all = await collect(scoreRolloutRecords([join(__dirname, '../../demo/rollouts/synthetic-verl/0.jsonl')], { bouncingsim: fakeChecker, bouncingsimDetails: true }));
        const scored = all[0].outcome as ScoredRollout;
        expect(scored.task).toBe('manufactoria');
        expect(scored.results).toBeUndefined();
    });
});

describe('a BouncingSim rollout as a document', () => {
    it('is a row line with the answer that the trajectory panel replays: scene from the prompt, the asserts, the program', async () => {
        const [{ record, outcome }] = await collect(scoreRolloutRecords([join(RUN, '3.jsonl')], { bouncingsim: fakeChecker, bouncingsimDetails: true }));
        const scored = outcome as ScoredRollout;
        const info: RolloutInfo = {
            row: 0, source: scored.source, problem: scored.id, name: null, problemFile: null, step: scored.step, sample: scored.sample,
            task: scored.task, program: scored.program, extraction: scored.extraction, pass_rate: scored.pass_rate, all_pass: scored.all_pass,
            error: scored.error, bouncingsim: replayOf(scored, record!.prompt ?? null),
        };
        const text = bouncingSimRolloutText(info);
        expect(text.endsWith('\n')).toBe(true);
        expect(text.split('\n')).toHaveLength(2);
        const [entry] = scanJsonl(text, bouncingSimRowId(info));
        expect(entry).toMatchObject({ line: 0, id: 'A_0_1', program: scored.program, title: 'A_0_1 · step 3 · sample – · row 1' });
        const input = rowInput(entry.row!, entry.program, entry.title);
        expect(input.title).toBe('Trajectory: A_0_1 · step 3 · sample – · row 1 (model answer)');
        expect(input.model).toEqual({ program: scored.program, asserts: record!.groundTruth, timestamps: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.3, 1.4, 1.5] });
        expect(input.geometry.balls).toHaveLength(1);
    });

    it('without a prompt the line still parses, and replaying it says what is missing', () => {
        const info = { row: 3, source: 'x.jsonl:4', problem: null, name: null, problemFile: null, step: 1, sample: 0, task: 'bouncingsim', program: 'def predict_position(t):\n    return [[0, 0]]\n', extraction: { blocks: 1, used: 0, wholeResponse: false, feedbackBlocks: 0 }, pass_rate: 0, all_pass: 0 as const, error: 'too_far', bouncingsim: { prompt: null, asserts: ['assert check_distance(predict_position(0.10), [[1.0, 2.0]]) <= 50.0'], runs: [] } };
        const [entry] = scanJsonl(bouncingSimRolloutText(info), bouncingSimRowId(info));
        expect(entry.id).toBe('rollout');
        expect(() => rowInput(entry.row!, entry.program)).toThrow(/Scene description/);
    });
});

describe('which documents Test Explorer lists', () => {
    const at = (scheme: string, path: string, query = '') => isSolutionLocation({ scheme, path, query });
    it('solution files, and Manufactoria rollouts opened as solutions', () => {
        expect(at('file', '/w/a.manufactoria')).toBe(true);
        expect(at('file', '/w/a.MFY')).toBe(true);
        expect(at(ROLLOUT_SCHEME, '/w/run/Ends-with-RB.step3.sample1.manufactoria', 'run=1&row=5')).toBe(true);
    });
    it('not a rollout\'s canonical copy in a diff, a BouncingSim rollout, other schemes or other files', () => {
        expect(at(ROLLOUT_SCHEME, '/w/run/x.step3.samplex.canonical.manufactoria', 'run=1&row=5&canonical=1')).toBe(false);
        expect(at(ROLLOUT_SCHEME, '/w/run/A_0_1.step0.samplex.jsonl', 'run=2&row=0')).toBe(false);
        expect(at('untitled', 'Untitled-1.manufactoria')).toBe(false);
        expect(at('git', '/w/a.manufactoria')).toBe(false);
        expect(at('file', '/w/a.jsonl')).toBe(false);
    });
});
