import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runTape } from '../../language/manufactoria/interpreter/run.js';
import {
    bindProblem, failureText, parseDirectives, ProblemFileCache, runSolution, solutionTests, traceRun,
} from '../../language/dataset/solutions/index.js';
import { makeTestCase } from '../../language/dataset/testcases/test-case.js';
import { verdictOf } from '../../language/manufactoria/verdict.js';
import { respond } from '../../language/verifier/respond.js';
import { fixturePath, readJsonLines } from '../helpers/fixtures.js';

const STARTS_WITH_BB = 'START start:\n    NEXT a\n\nPULLER_RB a:\n    [B] b\n    [R] NONE\n    [EMPTY] NONE\n\nPULLER_RB b:\n    [B] end\n    [R] NONE\n    [EMPTY] NONE\n\nEND end\n';
const STARTS_WITH_B = 'START start:\n    NEXT a\n\nPULLER_RB a:\n    [B] end\n    [R] NONE\n    [EMPTY] NONE\n\nEND end\n';
const solutionIn = (dir: string) => join(dir, 'solution.manufactoria');

describe('solution tests bound to a problem file', () => {
    test('binds by name, id and row index relative to the solution file', async () => {
        const cache = new ProblemFileCache();
        const solution = join(fixturePath('manufactoria'), 's.manufactoria');
        for (const ref of ['problems_sample.jsonl#Starts with BB', './problems_sample.jsonl#ab0c1681-c8f8-e3d0-d329-0a4cb5d32b16', 'problems_sample.jsonl#0']) {
            const binding = await bindProblem(parseDirectives(`# problem: ${ref}`).problem!, solution, cache);
            expect(binding.ok && binding.problem.name).toBe('Starts with BB');
        }
    });

    test('a reference that points nowhere says why', async () => {
        const cache = new ProblemFileCache();
        const solution = join(fixturePath('manufactoria'), 's.manufactoria');
        const bind = async (ref: string) => {
            const binding = await bindProblem(parseDirectives(`# problem: ${ref}`).problem!, solution, cache);
            return binding.ok ? 'bound' : binding.message;
        };
        expect(await bind('missing.jsonl#1')).toBe("Problem file 'missing.jsonl' cannot be read: no such file");
        expect(await bind('problems_sample.jsonl#nope')).toBe("Problem 'problems_sample.jsonl#nope': no problem with id or name 'nope'");
        expect(await bind('problems_sample.jsonl#99')).toBe("Problem 'problems_sample.jsonl#99': no loadable row 99 (rows run 0–16)");
        expect(await bind('problems_sample.jsonl')).toBe("Problem 'problems_sample.jsonl': the file holds 17 problems; add #<id|name|row index>");
        expect(await bind('api_cases.json')).toBe("Problem file 'api_cases.json' holds no loadable problem (api_cases.json[0]: neither a problem row (test_cases, criteria, …) nor a Hugging Face row (messages, ground_truth, …))");
    });

    test('an unsaved buffer (no folder): a relative problem path says to save first, not "no such file"', async () => {
        const binding = await bindProblem(parseDirectives('# problem: problems.jsonl#0').problem!, 'Untitled-1', new ProblemFileCache());
        expect(binding).toEqual({ ok: false, message: "Problem file 'problems.jsonl' is relative to the solution file, which is not saved yet: save it first (or give an absolute path)" });
        const absolute = await bindProblem(parseDirectives(`# problem: ${join(fixturePath('manufactoria'), 'problems_sample.jsonl')}#0`).problem!, 'Untitled-1', new ProblemFileCache());
        expect(absolute.ok && absolute.problem.name).toBe('Starts with BB');
    });

    test('a selected row that failed to load: the message says why, not only that it is missing', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'unloaded-'));
        const good = readFileSync(join(fixturePath('manufactoria'), 'problems_sample.jsonl'), 'utf8').split('\n')[0];
        const broken = JSON.stringify({ ...JSON.parse(good), id: 'b1', name: 'Broken', test_cases: 5 });
        writeFileSync(join(dir, 'rows.jsonl'), `{not json\n${good}\n${broken}\n`);
        const cache = new ProblemFileCache();
        const bind = async (ref: string) => {
            const binding = await bindProblem(parseDirectives(`# problem: ${ref}`).problem!, solutionIn(dir), cache);
            return binding.ok ? `bound ${binding.problem.name}` : binding.message;
        };
        expect(await bind('rows.jsonl#1')).toBe('bound Starts with BB');
        expect(await bind('rows.jsonl#0')).toMatch(/^Problem 'rows.jsonl#0': no loadable row 0 \(rows run 0–1\): rows.jsonl:1: invalid JSON: /);
        const byName = await bind('rows.jsonl#Broken');
        expect(byName).toMatch(/^Problem 'rows.jsonl#Broken': no problem with id or name 'Broken' \(2 rows of the file could not be loaded; the first: rows.jsonl:1: invalid JSON: /);
        expect(await bind('rows.jsonl#2')).toMatch(/^Problem 'rows.jsonl#2': no loadable row 2 \(rows run 0–1\): rows.jsonl:3: test_cases: /);
    });

    test('a correct solution passes every case; a wrong one fails exactly where the verifier says', async () => {
        const cache = new ProblemFileCache();
        const solution = join(fixturePath('manufactoria'), 's.manufactoria');
        const header = '# problem: problems_sample.jsonl#Starts with BB\n# test: BB -> accept\n# test: B => B\n';
        const good = await solutionTests(header + STARTS_WITH_BB, solution, cache);
        expect(good.tests).toHaveLength(17);
        const run = runSolution(header + STARTS_WITH_BB, good.tests);
        expect(run).toMatchObject({ state: 'ran', passed: 16, total: 17, all_pass: 0 });
        // `B => B` fails: BB-only program rejects "B".
        const failing = run.state === 'ran' ? run.results.filter((r) => !r.result.passed) : [];
        expect(failing.map((r) => r.id)).toEqual(['l3']);
        expect(failureText(good.tests[16].testCase, failing[0].result)).toBe('expected accept with output B, got rejected (Routed to NONE) with output ""');

        const wrong = runSolution(header + STARTS_WITH_B, good.tests);
        const expected = respond({ dsl: header + STARTS_WITH_B, test_cases: good.tests.map((t) => t.testCase), max_execution_time: 1 });
        expect(wrong.state === 'ran' && wrong.results.map((r) => r.result)).toEqual(expected.results);
        expect(wrong.state === 'ran' && [wrong.passed, wrong.pass_rate]).toEqual([expected.results.filter((r) => r.passed).length, expected.results.filter((r) => r.passed).length / 17]);
    });

    test('an invalid program reports the reference message and line; no tests score zero', () => {
        const run = runSolution('# test: R -> accept\nSTART begin:\n    NEXT end\nEND end', [{ id: 'l1', testCase: makeTestCase('R') }]);
        expect(run).toEqual({ state: 'invalid', message: "DSL Parse Error: Line 2: START node must have ID 'start'", referenceLine: 2 });
        expect(runSolution(STARTS_WITH_B, [])).toMatchObject({ state: 'ran', total: 0, pass_rate: 0, all_pass: 0 });
    });

    test('the cache re-reads a problem file when it changes', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'delta-bind-'));
        const file = join(dir, 'p.json');
        const row = (input: string) => JSON.stringify({ id: 'x', name: 'X', problem_type: 't', difficulty_level: 'basic', criteria: 'c', test_cases: [{ input }] });
        writeFileSync(file, row('R'));
        const cache = new ProblemFileCache();
        const ref = parseDirectives('# problem: p.json').problem!;
        const first = await bindProblem(ref, solutionIn(dir), cache);
        writeFileSync(file, row('BBBB'));
        utimesSync(file, new Date(), new Date(Date.now() + 5000));
        const second = await bindProblem(ref, solutionIn(dir), cache);
        expect([first.ok && first.problem.testCases[0].input, second.ok && second.problem.testCases[0].input]).toEqual(['R', 'BBBB']);
    });
});

interface RandomProgram { dsl: string; inputs: string[]; results: { input: string; finished: boolean; final_tape: string; path: string[]; rejection_reason: string | null }[] }

describe('traceRun', () => {
    test('replays every fixture run: same path, same final tape, tapes chained, visits summed', () => {
        let checked = 0;
        for (const fixture of readJsonLines<RandomProgram>('manufactoria/random_programs.jsonl')) {
            const verdict = verdictOf(fixture.dsl);
            if (!verdict.ok) continue;
            for (const expected of fixture.results) {
                const trace = traceRun(verdict.program, expected.input);
                expect(trace.steps.map((s) => s.node)).toEqual(expected.path);
                expect([trace.finished, trace.finalTape, trace.rejection]).toEqual([expected.finished, expected.final_tape, expected.rejection_reason]);
                expect(trace.steps[0].tapeBefore).toBe(expected.input);
                // One expect per run, not per step: each expect() call costs vitest's bookkeeping (1.3 s here).
                expect(trace.steps.slice(1).map((s) => s.tapeBefore)).toEqual(trace.steps.slice(0, -1).map((s) => s.tapeAfter));
                expect(trace.steps.at(-1)!.tapeAfter).toBe(expected.final_tape);
                const declared = trace.steps.filter((s) => s.sourceIndex >= 0).length;
                expect([...trace.visits.values()].reduce((a, b) => a + b, 0)).toBe(declared);
                checked++;
            }
        }
        expect(checked).toBeGreaterThan(500);
    });

    test('says what each step did', () => {
        const verdict = verdictOf('START start:\n    NEXT p\nPAINTER_RED p:\n    NEXT a\nPULLER_RB a:\n    [B] a\n    [R] NONE\n    [EMPTY] end\nEND end');
        if (!verdict.ok) throw new Error(verdict.error);
        expect(traceRun(verdict.program, 'BY').steps.map((s) => [s.node, s.action, s.tapeBefore, s.tapeAfter])).toEqual([
            ['start', 'start → p', 'BY', 'BY'],
            ['p', 'paint R → a', 'BY', 'BYR'],
            ['a', 'read B → a', 'BYR', 'YR'],
            ['a', 'front Y not readable: EMPTY → end', 'YR', 'YR'],
            ['end', 'accept', 'YR', 'YR'],
        ]);
        expect(runTape(verdict.program, 'BY').final_tape).toBe('YR');
        const endless = verdictOf('START start:\n    NEXT p\nPAINTER_RED p:\n    NEXT p\nEND end');
        if (!endless.ok) throw new Error(endless.error);
        const loop = traceRun(endless.program, '');
        expect(loop.steps).toHaveLength(1000);
        expect(loop.steps.at(-1)!.action).toBe('paint R — stopped: Maximum iterations exceeded (possible infinite loop)');
    });
});
