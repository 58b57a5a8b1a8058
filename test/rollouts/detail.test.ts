// One rollout in detail (language/rollouts/detail.ts) from a `details` re-score by the shared
// scorer, the per-test verdict changes of a compare, what the worker keeps of records, and the
// table's column sort.
import { describe, expect, it, vi } from 'vitest';
import { changesSummary, failuresFirst, responseWindow, rolloutDetail, testVerdicts, verdictChanges } from '../../language/rollouts/detail.js';
import { scoreManufactoriaRollout } from '../../language/rollouts/score.js';
import type { RolloutRecord, ScoredRollout } from '../../language/rollouts/types.js';
import { KeptRecords } from '../../client/rollouts/kept-records.js';
import { RecordStore } from '../../client/rollouts/record-store.js';
import { changesBetween } from '../../client/rollouts/score-adapter.js';
import { ProblemIndex } from '../../language/rollouts/problem-index.js';
import { buildOverview, filterRows, rowSource, sortRows } from '../../language/rollouts/overview.js';
import { summarize } from '../../language/rollouts/aggregate.js';

// "Ends with B": accept tapes whose last symbol is B (4 tests).
const label = [
    { input: 'B', expected_output: '', expected_accepted: true, check_output: false, description: 'one B' },
    { input: 'R', expected_output: '', expected_accepted: false, check_output: false, description: 'one R' },
    { input: 'RB', expected_output: '', expected_accepted: true, check_output: false, description: 'ends B' },
    { input: 'BB', expected_output: '', expected_accepted: true, check_output: false, description: 'two Bs' },
];
// Accepts tapes that start with B: right on 3 of 4 (wrong on RB).
const startsWithB = 'START start:\n    NEXT a\nPULLER_RB a:\n    [B] end\nEND end\n';
const acceptAll = 'START start:\n    NEXT end\nEND end\n';

function record(program: string, extra: Partial<RolloutRecord> = {}): RolloutRecord {
    return { source: 'f.jsonl:1', format: 'jsonl', response: `Thinking.\n\n\`\`\`manufactoria\n${program}\`\`\`\nDone.`, step: 3, sample: 1, groundTruth: label, ...extra };
}

function scored(r: RolloutRecord, details = true): ScoredRollout {
    const out = scoreManufactoriaRollout(r, { details });
    if ('issue' in out) throw new Error(out.issue.message);
    return out;
}

describe('rollout detail', () => {
    it('lists every test from the verifier, failures first, with path lengths and the extraction span', () => {
        const r = record(startsWithB);
        const s = scored(r);
        const d = rolloutDetail(7, r, s);
        expect(d.pass_rate).toBe(0.75);
        expect(d.total).toBe(4);
        expect(d.tests.map((t) => [t.index, t.input, t.passed])).toEqual([[2, 'RB', false], [0, 'B', true], [1, 'R', true], [3, 'BB', true]]);
        const failing = d.tests[0];
        expect(failing).toMatchObject({ expectedAccepted: true, actualAccepted: false, rejectionReason: expect.stringMatching(/^Routed to NONE/) });
        // START → the puller (which reads R and routes nowhere): the verifier's path.
        expect(failing.pathLength).toBe((s.results![2] as { path: string[] }).path.length);
        expect(failing.pathLength).toBeGreaterThan(0);
        const [start, end] = d.extraction.span!;
        expect(d.response.slice(start, end)).toBe(startsWithB.trim());
        expect(d.extraction).toMatchObject({ blocks: 1, used: 0, tag: 'manufactoria', wholeResponse: false, feedbackBlocks: 0 });
    });

    it('shows the logged reward beside the re-score, flagged when they disagree', () => {
        const agree = record(startsWithB, { loggedScore: 7.5, loggedScale: 10 });
        expect(rolloutDetail(0, agree, scored(agree)).logged).toEqual({ raw: 7.5, scale: 10, bonus: false, normalised: 0.75, mismatch: false });
        const disagree = record(startsWithB, { loggedScore: 10, loggedScale: 10 });
        expect(rolloutDetail(0, disagree, scored(disagree)).logged).toMatchObject({ raw: 10, normalised: 1, mismatch: true });
        expect(rolloutDetail(0, record(startsWithB), scored(record(startsWithB))).logged).toBeUndefined();
    });

    it('a logged reward too large to round to 9 decimals stays a number (it was written as null)', () => {
        const huge = record(startsWithB, { loggedScore: 1e308 });
        const s = scored(huge, false);
        expect(s).toMatchObject({ logged_score: 1e308, logged_mismatch: true });
        expect(JSON.parse(JSON.stringify(s)).logged_score).toBe(1e308);
        expect(rolloutDetail(0, huge, s).logged).toMatchObject({ raw: 1e308, normalised: 1e308, mismatch: true });
    });

    it('a parse error has no tests and its reason; a huge response is cut around the program', () => {
        const r = record('START start:\n    NEXT nowhere\n');
        const d = rolloutDetail(0, r, scored(r));
        expect(d.tests).toEqual([]);
        expect(d.reason).toMatch(/^DSL Parse Error/);
        const big = `${'x'.repeat(500_000)}\`\`\`manufactoria\n${acceptAll}\`\`\`${'y'.repeat(500_000)}`;
        const w = responseWindow(big, [500_000 + 16, 500_000 + 16 + acceptAll.trim().length], 1000);
        expect(w.text.length).toBe(1000);
        expect(big.slice(w.offset, w.offset + w.text.length)).toBe(w.text);
        expect(w.text).toContain(acceptAll.trim());
    });

    it('keeps the verifier order within failures and passes', () => {
        const t = testVerdicts(scored(record(acceptAll)).results);
        expect(failuresFirst(t).map((x) => x.index)).toEqual([1, 0, 2, 3]);
    });
});

describe('per-test verdict changes', () => {
    it('pairs tests by position and lists fixed and broken ones first', () => {
        const before = testVerdicts(scored(record(acceptAll)).results);
        const after = testVerdicts(scored(record(startsWithB)).results);
        const c = verdictChanges(before, after);
        expect(c.comparable).toBe(true);
        expect(c.changes.map((x) => [x.index, x.kind])).toEqual([[1, 'fixed'], [2, 'broken']]);
        expect(c.changes[1].before).toMatchObject({ actualAccepted: true, passed: true });
        expect(c.changes[1].after).toMatchObject({ actualAccepted: false, passed: false });
        expect(c.unchanged).toBe(2);
        expect(changesSummary(c)).toBe('1 fixed, 1 broken, 0 other run changes, 2 unchanged');
    });

    it('a side that did not run counts as failing every test; other tests are not comparable', () => {
        const ran = testVerdicts(scored(record(startsWithB)).results);
        const c = verdictChanges([], ran);
        expect(c.fixed).toBe(3);
        expect(c.changes.every((x) => x.before === undefined)).toBe(true);
        const other = ran.map((t) => ({ ...t, input: `${t.input}R` }));
        expect(verdictChanges(ran, other).comparable).toBe(false);
    });

    it('a side that did not run is paired only with its own label (compare of the worker)', () => {
        const index = new ProblemIndex();
        const parseError = record('START start:\n    NEXT nowhere\n');
        const ran = record(startsWithB);
        // The same label: every test of the side that did not run failed.
        expect(changesBetween({ record: parseError, scored: scored(parseError) }, { record: ran, scored: scored(ran) }, index)).toMatchObject({ comparable: true, fixed: 3 });
        expect(changesBetween({ record: ran, scored: scored(ran) }, { record: parseError, scored: scored(parseError) }, index)).toMatchObject({ comparable: true, broken: 3 });
        // Another problem's label, or an unusable one: nothing was scored against the same tests.
        const otherProblem = record('START start:\n    NEXT nowhere\n', { groundTruth: label.map((t) => ({ ...t, input: `R${t.input}` })) });
        expect(changesBetween({ record: otherProblem, scored: scored(otherProblem) }, { record: ran, scored: scored(ran) }, index)).toMatchObject({ comparable: false, changes: [] });
        expect(changesBetween({ record: ran, scored: scored(ran) }, { record: otherProblem, scored: scored(otherProblem) }, index)).toMatchObject({ comparable: false, changes: [] });
        const unusable = record(startsWithB, { groundTruth: 'not json' });
        expect(changesBetween({ record: unusable, scored: scored(unusable) }, { record: ran, scored: scored(ran) }, index)).toMatchObject({ comparable: false });
    });
});

describe('kept records', () => {
    it('keeps one copy of a repeated label, drops prompts that are not needed, and searches responses', async () => {
        const kept = new KeptRecords();
        const store = new RecordStore();
        const records: RolloutRecord[] = [
            record(acceptAll, { groundTruth: JSON.parse(JSON.stringify(label)), prompt: 'p1', key: 'k' }),
            record(startsWithB, { groundTruth: JSON.parse(JSON.stringify(label)) }),
            { source: 's', format: 'jsonl', response: 'no fence PULLER', step: null, sample: null, prompt: 'join me' },
        ];
        records.forEach((r, i) => {
            kept.add(r);
            store.add(i, r); // no place on disk: kept whole
        });
        expect(kept.get(0)!.groundTruth).toBe(kept.get(1)!.groundTruth);
        expect(kept.get(0)!.prompt).toBeUndefined();
        expect(kept.get(2)!.prompt).toBe('join me');
        const search = async (text: string, field: 'program' | 'response', program: (row: number) => string = () => '') => [...(await store.search(text, field, program))!];
        expect(await search('puller_rb', 'response')).toEqual([1]);
        expect(await search('PULLER', 'response')).toEqual([1, 2]);
        expect(await search('end end', 'program', (i) => [acceptAll, startsWithB, ''][i])).toEqual([0, 1]);
        // Regex characters are text.
        expect(await search('[b]', 'response')).toEqual([1]);
        // Re-scoring a kept record gives the verdict of the original.
        expect(scored(kept.get(1)!).pass_rate).toBe(0.75);
    });
});

describe('kept records: labels', () => {
    it('a label object met again (the row parser shares one per label) is kept without being written out again', () => {
        const kept = new KeptRecords();
        const shared = JSON.parse(JSON.stringify(label));
        const stringify = vi.spyOn(JSON, 'stringify');
        try {
            for (let i = 0; i < 100; i++) kept.add(record(acceptAll, { groundTruth: shared }));
            kept.add(record(acceptAll, { groundTruth: JSON.parse('[]') }));
            expect(stringify).toHaveBeenCalledTimes(2);
        } finally {
            stringify.mockRestore();
        }
        expect(kept.get(99)!.groundTruth).toBe(shared);
        // An equal label in another object is still the one copy.
        kept.add(record(acceptAll, { groundTruth: JSON.parse(JSON.stringify(label)) }));
        expect(kept.get(101)!.groundTruth).toBe(shared);
    });
});

describe('kept records: a label nested too deep to write out', () => {
    it('is kept as it is (JSON.stringify ran out of stack and the whole run failed to load)', () => {
        const kept = new KeptRecords();
        const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
        kept.add(record(acceptAll, { groundTruth: deep }));
        kept.add(record(acceptAll, { groundTruth: JSON.parse(JSON.stringify(label)) }));
        expect(kept.get(0)!.groundTruth).toBe(deep);
        expect(kept.size).toBe(2);
    });
});

describe('column sort', () => {
    it('sorts by a column, keeps failing-first among ties, puts missing values last', () => {
        const mk = (id: string, step: number | null, pass_rate: number): ScoredRollout => ({
            source: `${id}:${step}`, id, step, sample: 0, task: 'manufactoria', pass_rate, all_pass: pass_rate === 1 ? 1 : 0,
            error: pass_rate === 1 ? null : 'routed_to_none', truncated: false, passed: 0, total: 4, program: '', extraction: { blocks: 0, used: null, wholeResponse: true, feedbackBlocks: 0 },
        });
        const rows = [mk('b', 2, 0.5), mk('a', null, 1), mk('a', 1, 0.25), mk('b', 1, 0.75), mk('c', 2, 1)];
        const o = buildOverview(rows, summarize, { title: 't' });
        const order = filterRows(o, {});
        expect(order).toEqual([3, 0, 2, 1, 4]);
        expect(sortRows(o, order, { column: 'step', descending: false })).toEqual([3, 2, 0, 4, 1]);
        expect(sortRows(o, order, { column: 'step', descending: true })).toEqual([0, 4, 3, 2, 1]);
        expect(sortRows(o, order, { column: 'problem', descending: false })).toEqual([2, 1, 3, 0, 4]);
        expect(sortRows(o, order, { column: 'pass_rate', descending: true })).toEqual([1, 4, 3, 0, 2]);
        expect(sortRows(o, order, { column: 'error', descending: false })).toEqual([3, 0, 2, 1, 4]);
        const mask = new Uint8Array(5);
        mask[0] = mask[4] = 1;
        expect(filterRows(o, { mask })).toEqual([0, 4]);
    });
});

describe('compact sources', () => {
    it('sends each file once and gives every source back as written', () => {
        const sources = ['run/3.jsonl:12', 'run/3.jsonl:13', 'C:\\runs\\t.jsonl:4[17]', 'table.parquet[5]', 'x.jsonl:007', 'plain', 'a:b:99'];
        const rows = sources.map((source): ScoredRollout => ({
            source, id: 'p', step: 1, sample: 0, task: 'manufactoria', pass_rate: 0, all_pass: 0, error: null, truncated: false, passed: 0, total: 1,
            program: '', extraction: { blocks: 0, used: null, wholeResponse: true, feedbackBlocks: 0 },
        }));
        const o = buildOverview(rows, summarize, { title: 't' });
        expect(sources.map((_, i) => rowSource(o, i))).toEqual(sources);
        expect(o.sourceFiles.filter((f) => f === 'run/3.jsonl:')).toHaveLength(1);
        expect(o.rows.sourceRest.slice(0, 2)).toEqual([12, 13]);
        expect(filterRows(o, { text: 'T.JSONL:4[' })).toEqual([2]);
    });
});
