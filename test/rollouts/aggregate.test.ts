// The aggregates (language/rollouts/aggregate.ts) against a plain re-computation: rows of a few
// problems, families, levels, steps and prompts in any order, so that the fold's "same group as the
// last row" shortcut meets groups that come together, interleave and come back.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { GROUP_KEYS, GrpoGroups, Summarizer } from '../../language/rollouts/aggregate.js';
import type { ErrorClass, ScoredRollout } from '../../language/rollouts/types.js';

const ERRORS: (ErrorClass | null)[] = [null, 'parse_error', 'wrong_output', 'routed_to_none'];

const rowArb = fc.record({
    id: fc.constantFrom<string | null>('p1', 'p2', '3', null),
    step: fc.constantFrom<number | null>(0, 1, 3, null),
    family: fc.constantFrom<string | null | undefined>('a', 'b', null, undefined),
    level: fc.constantFrom<string | number | null | undefined>(1, '1', 2, null, undefined),
    prompt_index: fc.constantFrom<number | null | undefined>(0, 1, null, undefined),
    pass: fc.integer({ min: 0, max: 4 }),
    error: fc.constantFrom(...ERRORS),
    program: fc.constantFrom('A', 'B', 'C'),
});

function scored(r: typeof rowArb extends fc.Arbitrary<infer T> ? T : never): ScoredRollout {
    return {
        source: 'f:1', id: r.id, step: r.step, sample: null, task: 'manufactoria', family: r.family, level: r.level, prompt_index: r.prompt_index,
        pass_rate: r.pass / 4, all_pass: r.pass === 4 ? 1 : 0, error: r.error, truncated: false, passed: r.pass, total: 4, program: r.program,
        extraction: { blocks: 0, used: null, tag: '', wholeResponse: true, feedbackBlocks: 0, span: [0, 0] },
    };
}

/** The group values of a row, written out again. */
function groupOf(row: ScoredRollout, by: string): Record<string, string | number | null> {
    const values: Record<string, string | number | null> = {};
    for (const k of by.split(',')) values[k] = k === 'problem' ? row.id : k === 'family' ? row.family ?? null : k === 'level' ? row.level ?? null : row.step;
    return values;
}

describe('Summarizer and GrpoGroups fold rows as a plain re-computation does, whatever their order', () => {
    test('groups, n, c, mean pass rate and error counts for every grouping', () => {
        fc.assert(fc.property(fc.array(rowArb, { maxLength: 60 }), (raw) => {
            const rows = raw.map(scored);
            for (const by of GROUP_KEYS) {
                const s = new Summarizer(by, [1]);
                for (const row of rows) s.add(row);
                const expected = new Map<string, { group: Record<string, string | number | null>; n: number; c: number; sum: number; errors: Record<string, number> }>();
                for (const row of rows) {
                    const group = groupOf(row, by);
                    const key = JSON.stringify(group);
                    const e = expected.get(key) ?? { group, n: 0, c: 0, sum: 0, errors: {} };
                    e.n++;
                    e.c += row.all_pass;
                    e.sum += row.pass_rate;
                    if (row.error) e.errors[row.error] = (e.errors[row.error] ?? 0) + 1;
                    expected.set(key, e);
                }
                const got = s.result().map((g) => ({ key: JSON.stringify(g.group), n: g.n, c: g.c, mean: g.mean_pass_rate, errors: g.errors }));
                const want = [...expected.entries()].map(([key, e]) => ({ key, n: e.n, c: e.c, mean: e.sum / e.n, errors: e.errors }));
                const order = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
                expect(got.sort(order)).toEqual(want.sort(order));
            }
        }), { numRuns: 300 });
    });

    test('GRPO groups: n, spread, mean, zero variance and distinct programs per (step, prompt)', () => {
        fc.assert(fc.property(fc.array(rowArb, { maxLength: 60 }), (raw) => {
            const rows = raw.map(scored);
            const g = new GrpoGroups('pass_rate');
            for (const row of rows) g.add(row);
            const expected = new Map<string, { step: number | null; prompt: string | number | null; rewards: number[]; programs: Set<string> }>();
            for (const row of rows) {
                const prompt = row.prompt_index ?? row.id;
                const key = JSON.stringify([row.step, prompt]);
                const e = expected.get(key) ?? { step: row.step, prompt, rewards: [], programs: new Set() };
                e.rewards.push(row.pass_rate);
                e.programs.add(row.program);
                expected.set(key, e);
            }
            const got = g.result().map((x) => ({ key: JSON.stringify([x.step, x.prompt]), n: x.n, spread: x.spread, mean: x.mean, zero: x.zero_variance, programs: x.distinct_programs }));
            const want = [...expected.entries()].map(([key, e]) => ({
                key, n: e.rewards.length, spread: Math.max(...e.rewards) - Math.min(...e.rewards), mean: e.rewards.reduce((a, b) => a + b, 0) / e.rewards.length,
                zero: Math.max(...e.rewards) === Math.min(...e.rewards), programs: e.programs.size,
            }));
            const order = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
            expect(got.sort(order)).toEqual(want.sort(order));
        }), { numRuns: 300 });
    });
});

describe('a problem\'s solve history (--by problem)', () => {
    const row = (step: number | null, pass: boolean, id = 'p'): ScoredRollout => scored({ id, step, family: 'a', level: 1, prompt_index: 0, pass: pass ? 4 : 1, error: pass ? null : 'wrong_output', program: 'A' });
    const history = (rows: ScoredRollout[]) => {
        const s = new Summarizer('problem', [1]);
        for (const r of rows) s.add(r);
        return Object.fromEntries(s.result().map((g) => [g.group.problem, { first: g.first_solved_step, since: g.solved_since, regressions: g.regressions }]));
    };
    test('a lucky early solve is the first solved step; solved since is where every later step has an all-pass rollout (the grokking point)', () => {
        // Step 1 solved (lucky), 2–3 not, 4 solved, 5 not, 6–7 solved, 8 not, solved from 9 on (one pass of two is enough); rows in any order.
        const rows = [row(7, true), row(1, false), row(1, true), row(2, false), row(3, false), row(4, true), row(5, false), row(6, true), row(8, false), row(9, false), row(9, true), row(10, true), row(null, false)];
        expect(history(rows).p).toEqual({ first: 1, since: 9, regressions: [2, 3, 5, 8] });
        expect(history([...rows].reverse()).p).toEqual({ first: 1, since: 9, regressions: [2, 3, 5, 8] });
    });
    test('unsolved at its last step: no solved-since step; never solved: neither', () => {
        expect(history([row(1, true), row(2, true), row(3, false)]).p).toEqual({ first: 1, since: null, regressions: [3] });
        expect(history([row(1, false), row(2, false)]).p).toEqual({ first: null, since: null, regressions: [] });
        // Rollouts without a step say nothing about when.
        expect(history([row(null, true)]).p).toEqual({ first: null, since: null, regressions: [] });
    });
});
