// Per-problem status in the Problems view (client/problems/problem-status.ts): the rules that turn
// bound solutions' last results into solved / failing / none, and the recorder's updates.
import { describe, expect, it } from 'vitest';
import { problemKey, problemStatus, SolutionResults, type SolutionRecord } from '../../client/problems/problem-status.js';

const P = problemKey('/ws/problems.jsonl', 3);
const rec = (solution: string, verdict: SolutionRecord['verdict'], passed = 0, total = 18, problem = P): SolutionRecord =>
    ({ solution: `file:///ws/${solution}`, fileName: solution, problem, verdict, passed, total });

describe('problemStatus', () => {
    it('is none without results, or with only files that have no tests', () => {
        expect(problemStatus([])).toEqual({ status: 'none', text: '', details: [] });
        expect(problemStatus([rec('a.manufactoria', 'no-tests')]).status).toBe('none');
    });

    it('is solved when a bound solution passed all its tests, whatever the others did', () => {
        expect(problemStatus([rec('a.manufactoria', 'pass', 18)])).toEqual({ status: 'solved', text: 'solved', details: ['a.manufactoria: ✓ 18/18 passed'] });
        expect(problemStatus([rec('a.manufactoria', 'fail', 15), rec('b.manufactoria', 'pass', 18)])).toEqual({
            status: 'solved', text: 'solved (1 of 2 solutions)', details: ['a.manufactoria: ✗ 15/18 passed', 'b.manufactoria: ✓ 18/18 passed'],
        });
    });

    it('is failing when bound solutions ran and none passed; the best attempt is named', () => {
        expect(problemStatus([rec('a.manufactoria', 'fail', 3), rec('b.manufactoria', 'fail', 15), rec('c.manufactoria', 'invalid')])).toEqual({
            status: 'failing', text: 'failing 15/18',
            details: ['a.manufactoria: ✗ 3/18 passed', 'b.manufactoria: ✗ 15/18 passed', 'c.manufactoria: ✗ the program does not parse'],
        });
        expect(problemStatus([rec('c.manufactoria', 'error')])).toEqual({ status: 'failing', text: 'failing', details: ['c.manufactoria: ✗ the run failed'] });
    });
});

describe('SolutionResults', () => {
    it('keeps the last full result per solution and says which problems changed', () => {
        const results = new SolutionResults();
        const heard: string[][] = [];
        results.onDidChange((problems) => heard.push([...problems]));
        results.record(rec('a.manufactoria', 'fail', 15), false);
        expect(results.statusOf(P).status).toBe('failing');
        results.record(rec('a.manufactoria', 'pass', 18), false);
        expect(results.statusOf(P).status).toBe('solved');
        expect(heard).toEqual([[P], [P]]);
    });

    it('a run of some tests cannot solve a problem, but its failure shows it is not solved', () => {
        const results = new SolutionResults();
        results.record(rec('a.manufactoria', 'pass', 1, 1), true);
        expect(results.statusOf(P).status).toBe('none');
        results.record(rec('a.manufactoria', 'pass', 18), false);
        results.record(rec('a.manufactoria', 'fail', 0, 1), true);
        expect(results.statusOf(P)).toMatchObject({ status: 'failing', details: ['a.manufactoria: ✗ 0/1 passed'] });
    });

    it('forgets a solution that is deleted or bound to another problem', () => {
        const results = new SolutionResults();
        const other = problemKey('/ws/problems.jsonl', 4);
        results.record(rec('a.manufactoria', 'pass', 18), false);
        results.rebind('file:///ws/a.manufactoria', P);
        expect(results.statusOf(P).status).toBe('solved');
        const heard: string[][] = [];
        results.onDidChange((problems) => heard.push([...problems]));
        results.rebind('file:///ws/a.manufactoria', other);
        expect([results.statusOf(P).status, results.statusOf(other).status]).toEqual(['none', 'none']);
        expect(heard).toEqual([[P]]);
        results.rebind('file:///ws/a.manufactoria', undefined);
        expect(heard).toHaveLength(1);
    });

    it('with a store, keeps the records across a reload and drops stored junk', () => {
        let stored: unknown;
        const store = { load: () => stored, save: (records: readonly SolutionRecord[]) => { stored = JSON.parse(JSON.stringify(records)); } };
        const first = new SolutionResults(store);
        first.record(rec('a.manufactoria', 'fail', 15), false);
        first.record(rec('b.manufactoria', 'pass', 18), false);
        // The window reloads: a new recorder reads what the last one saved.
        const second = new SolutionResults(store);
        expect(second.statusOf(P)).toMatchObject({ status: 'solved', text: 'solved (1 of 2 solutions)' });
        // Records of another shape (an older version, a hand-edited state) are ignored, not trusted.
        stored = [...(stored as unknown[]), { solution: 'file:///ws/c.manufactoria', problem: P, verdict: 'maybe' }, null, 42];
        expect(new SolutionResults(store).statusOf(P).details).toHaveLength(2);
        stored = 'not a list';
        expect(new SolutionResults(store).statusOf(P).status).toBe('none');
    });
});
