// The run overview model (language/rollouts/overview.ts), the table's filter and order, the page's
// CSP and inlined data, and the text of a rollout opened as a solution.
import { describe, expect, it } from 'vitest';
import { buildOverview, compareFailingFirst, filterRows, groupOf, NO_FAMILY, type Summarize } from '../../language/rollouts/overview.js';
import type { GroupKey, GroupSummary, ScoredRollout } from '../../language/rollouts/types.js';
import { summarize } from '../../language/rollouts/aggregate.js';
import { reportPage, scriptJson, webviewCsp, webviewPage } from '../../client/webview/rollouts/page.js';
import { copyNames, rolloutCopyText, rolloutDocumentText } from '../../client/rollouts/document-text.js';
import { looksLikeManufactoriaRollouts } from '../../client/rollouts/detect.js';
import { parseDirectives } from '../../language/dataset/solutions/directives.js';
import { closingFenceStart, openingFenceEnd } from '../../language/manufactoria/lexing/reference-layout.js';
import { verdictOf } from '../../language/manufactoria/verdict.js';

function row(id: string, step: number | null, pass_rate: number, extra: Partial<ScoredRollout> = {}): ScoredRollout {
    return {
        source: `f.jsonl:${Math.random()}`, id, step, sample: 0, task: 'manufactoria', pass_rate, all_pass: pass_rate === 1 ? 1 : 0,
        error: pass_rate === 1 ? null : 'routed_to_none', truncated: false, passed: 0, total: 10, program: `# ${id}`,
        extraction: { blocks: 1, used: 0, wholeResponse: false, feedbackBlocks: 0 }, ...extra,
    };
}

/** A summarize that records its calls and answers from the rows (n, c, mean): the real one is tested with the aggregation. */
function recordingSummarize(): { fn: Summarize; calls: GroupKey[] } {
    const calls: GroupKey[] = [];
    const fn: Summarize = (rows, by) => {
        calls.push(by);
        const groups = new Map<string, ScoredRollout[]>();
        for (const r of rows) {
            const key = by === 'problem' ? { problem: r.id } : by === 'step' ? { step: r.step } : { problem: r.id, step: r.step };
            const k = JSON.stringify(key);
            groups.set(k, [...(groups.get(k) ?? []), r]);
        }
        return [...groups].map(([k, rs]): GroupSummary => ({
            group: JSON.parse(k), n: rs.length, c: rs.filter((r) => r.all_pass).length,
            mean_pass_rate: rs.reduce((a, r) => a + r.pass_rate, 0) / rs.length, pass_at: { 1: 0.5 },
            errors: rs.some((r) => r.error) ? { routed_to_none: rs.filter((r) => r.error).length } : {},
            first_solved_step: by === 'problem' ? 1 : undefined,
        }));
    };
    return { fn, calls };
}

const rows = [
    row('b', 0, 0.5, { name: 'Bee', family: 'zeta' }),
    row('a', 0, 0.9, { name: 'Aye', family: 'alpha', level: 'easy' }),
    row('a', 1, 1, { name: 'Aye', family: 'alpha', level: 'easy' }),
    row('a', 1, 0.2, { name: 'Aye', family: 'alpha', level: 'easy', finish_reason: 'length', truncated: true }),
    row('c', null, 0.95),
];

describe('buildOverview', () => {
    const { fn, calls } = recordingSummarize();
    const o = buildOverview(rows, fn, { title: 'T', ks: [1], nearMisses: 2 });

    it('takes every number from the shared aggregation', () => {
        expect(calls).toEqual(['problem,step', 'step', 'step', 'step', 'step', 'problem']);
    });

    it('orders problems by family then label, steps numerically with the unknown step last', () => {
        expect(o.problems.map((p) => `${p.family}/${p.label}`)).toEqual([`${NO_FAMILY}/c`, 'alpha/Aye', 'zeta/Bee']);
        expect(o.steps).toEqual([0, 1, null]);
        expect(o.families).toEqual([NO_FAMILY, 'alpha', 'zeta']);
    });

    it('has a heatmap cell per (problem, step) with n, c and mean', () => {
        const cell = o.cells.find((c) => c.p === 1 && c.s === 1);
        expect(cell).toEqual({ p: 1, s: 1, n: 2, c: 1, mean: 0.6 });
        expect(o.cells).toHaveLength(4);
    });

    it('keeps curves per family, error counts per step, pass@k per problem', () => {
        expect(o.curves.find((c) => c.family === 'alpha')?.points).toEqual([{ s: 0, n: 1, c: 0, mean: 0.9 }, { s: 1, n: 2, c: 1, mean: 0.6 }]);
        expect(o.errors).toEqual(['routed_to_none']);
        expect(o.errorCounts).toEqual([[2], [1], [1]]);
        expect(o.passAt.map((r) => [r.p, r.n, r.c])).toEqual([[0, 1, 0], [1, 3, 1], [2, 1, 0]]);
    });

    it('stores rows by column with indexes into the lookup lists', () => {
        expect(o.rows.problem).toEqual([2, 1, 1, 1, 0]);
        expect(o.rows.finish).toEqual([-1, -1, -1, 0, -1]);
        expect(o.finishReasons).toEqual(['length']);
        expect(o.rows.truncated).toEqual([0, 0, 0, 1, 0]);
    });

    it('keeps the programs of the worst near-misses only', () => {
        expect(o.nearMisses.map((m) => m.row)).toEqual([4, 1]);
        expect(o.nearMisses[0].program).toBe('# c');
    });
});

describe('groupOf (the table\'s GRPO group)', () => {
    it('lists a row\'s problem at its step by sample, with the pass_rate spread and zero variance', () => {
        const o = buildOverview(rows, recordingSummarize().fn, { title: 'T' });
        expect(groupOf(o, 2)).toEqual({ members: [2, 3], spread: 0.8, zeroVariance: false });
        expect(groupOf(o, 4)).toEqual({ members: [4], spread: 0, zeroVariance: true });
    });

    it('a group of 150,000 rollouts (one problem, no step) does not overflow the call stack', () => {
        const many = Array.from({ length: 150_000 }, (_, i) => ({ ...rows[4], sample: i, pass_rate: i === 7 ? 0.25 : 0.95 }));
        const o = buildOverview(many, summarize, { title: 'T' });
        const g = groupOf(o, 0);
        expect(g.members).toHaveLength(150_000);
        expect(g.spread).toBeCloseTo(0.7, 12);
        expect(g.zeroVariance).toBe(true);
    });
});

describe('filterRows', () => {
    const o = buildOverview(rows, recordingSummarize().fn, { title: 'T' });

    it('puts failures first, near-misses on top, passes last', () => {
        expect(filterRows(o, {})).toEqual([4, 1, 0, 3, 2]);
        expect(compareFailingFirst({ passRate: 1, allPass: 1 }, { passRate: 0, allPass: 0 })).toBeGreaterThan(0);
    });

    it('filters by a heatmap cell, family, step range, error, text and failing only', () => {
        expect(filterRows(o, { problem: 1, step: 1 })).toEqual([3, 2]);
        expect(filterRows(o, { family: 'alpha' })).toEqual([1, 3, 2]);
        expect(filterRows(o, { stepMin: 1, stepMax: 1 })).toEqual([3, 2]);
        expect(filterRows(o, { error: 'none' })).toEqual([2]);
        expect(filterRows(o, { error: 0, failingOnly: true })).toEqual([4, 1, 0, 3]);
        expect(filterRows(o, { text: 'bee' })).toEqual([0]);
    });
});

describe('overview pages', () => {
    it('the webview allows only the nonce-tagged script and style', () => {
        const csp = webviewCsp('vscode-resource:', 'N0nce');
        expect(csp).toContain("default-src 'none'");
        expect(csp).toContain("script-src 'nonce-N0nce'");
        expect(csp).not.toContain('unsafe');
        const html = webviewPage({ cspSource: 'vscode-resource:', scriptUri: 'vscode-resource:/out/webview/rollouts.js', nonce: 'N0nce', title: '<run>' });
        expect(html).toContain('<script nonce="N0nce" src="vscode-resource:/out/webview/rollouts.js">');
        expect(html).toContain('<title>&#60;run&#62;</title>');
    });

    it('the report inlines data that cannot close its script element', () => {
        const json = scriptJson({ program: '</script><script>alert(1)</script>\u2028' });
        expect(json).not.toContain('</script');
        expect(JSON.parse(json)).toEqual({ program: '</script><script>alert(1)</script>\u2028' });
        const html = reportPage('R', json, 'var x = "</script>";');
        expect(html.match(/<\/script>/g)).toHaveLength(2);
        expect(html).not.toMatch(/<script[^>]+src=/);
        expect(html).not.toMatch(/https?:\/\//);
    });
});

describe('rolloutDocumentText', () => {
    const info = {
        row: 3, source: 'run/5.jsonl:7', problem: 'ab0c', name: 'Starts with BB', problemFile: '/ws/problems.jsonl', step: 5, sample: 2,
        task: 'manufactoria', program: 'START start:\n    NEXT end\n\nEND end', extraction: { blocks: 1, used: 0, wholeResponse: false, feedbackBlocks: 0 },
        pass_rate: 0.5, all_pass: 0 as const, error: 'wrong_accept',
    };

    it('keeps the program lines where they were and binds the problem after them', () => {
        const text = rolloutDocumentText(info);
        expect(text.startsWith(`${info.program}\n`)).toBe(true);
        const directives = parseDirectives(text);
        expect(directives.problem?.path).toBe('/ws/problems.jsonl');
        expect(directives.problem?.selector).toBe('ab0c');
        expect(directives.issues).toEqual([]);
    });

    it('puts the comments before a closing fence the reference drops, so the verdict stays the reference\'s', () => {
        // A response with one fence, at its end, has no block: the whole response is the program, and the
        // reference drops its last line "```". Followed by the comments, that line fails as a declaration.
        const verdict = (text: string) => { const v = verdictOf(text); return v.ok ? 'OK' : v.error; };
        for (const program of ['START start:\n    NEXT end\nEND end\n```', 'START start:\n    NEXT end\nEND end\n  ```  \n\n', '```\nSTART start:\n    NEXT endd\nEND end\n```\n']) {
            const fence = closingFenceStart(program);
            expect(fence).toBeDefined();
            const text = rolloutDocumentText({ ...info, program }, fence);
            expect(verdict(text)).toBe(verdict(program));
            expect(text.startsWith(program.slice(0, fence))).toBe(true);
            expect(parseDirectives(text).problem?.selector).toBe('ab0c');
        }
        expect(verdict(rolloutDocumentText({ ...info, program: 'START start:\n    NEXT end\nEND end\n```' }, closingFenceStart('START start:\n    NEXT end\nEND end\n```')))).toBe('OK');
        expect(closingFenceStart('```')).toBeUndefined(); // an opening fence, not a closing one
        expect(closingFenceStart(info.program)).toBeUndefined();
    });

    it('a program\'s own `# problem:` and `# test:` lines (model text) do not bind the rollout or add tests; lines and verdict stay the reference\'s', () => {
        const verdict = (text: string) => { const v = verdictOf(text); return v.ok ? 'OK' : v.error; };
        const program = '# problem: tape starts with BB\nSTART start:\n  # test: B -> accept\n    NEXT end\nEND end # problem: not a directive\n```';
        const fence = closingFenceStart(program);
        for (const text of [rolloutDocumentText({ ...info, program }, fence), rolloutDocumentText({ ...info, program: program.slice(0, fence) })]) {
            const directives = parseDirectives(text);
            // The first `# problem:` line binds a document: it was the model's ("tape starts with BB"), and ours an issue.
            expect(directives.problem?.path).toBe('/ws/problems.jsonl');
            expect(directives.problem?.selector).toBe('ab0c');
            expect(directives.tests).toEqual([]);
            expect(directives.issues).toEqual([]);
            expect(text.split('\n').slice(0, 5)).toEqual(['## problem: tape starts with BB', 'START start:', '  ## test: B -> accept', '    NEXT end', 'END end # problem: not a directive']);
            expect(text).toContain("# the program's own 2 directive lines are shown with '##'");
            expect(verdict(text)).toBe(verdict(program));
        }
    });

    it('an editable copy: the binding on top, after an opening fence the reference drops', () => {
        const verdict = (text: string) => { const v = verdictOf(text); return v.ok ? 'OK' : v.error; };
        expect(rolloutCopyText(info, './problems.jsonl#ab0c')).toBe(`# problem: ./problems.jsonl#ab0c\n# copied from rollout run/5.jsonl:7\n\n${info.program}\n`);
        // One fence, at the start: no block, so the whole response is the program; the reference drops that line.
        const program = '```\nSTART start:\n    NEXT end\nEND end\n';
        const text = rolloutCopyText({ ...info, program }, './problems.jsonl#ab0c', openingFenceEnd(program));
        expect(verdict(text)).toBe('OK');
        expect(text.startsWith('```\n# problem: ./problems.jsonl#ab0c\n')).toBe(true);
        expect(openingFenceEnd(info.program)).toBeUndefined();
    });

    it('a copy never overwrites an earlier one (it may hold edits): the next free name', () => {
        const names = [...copyNames('starts-with-bb.step5.sample2.manufactoria')];
        expect(names.slice(0, 3)).toEqual(['starts-with-bb.step5.sample2.manufactoria', 'starts-with-bb.step5.sample2-2.manufactoria', 'starts-with-bb.step5.sample2-3.manufactoria']);
        expect(new Set(names).size).toBe(names.length);
    });

    it('says so when no problem file holds the key', () => {
        const text = rolloutDocumentText({ ...info, problemFile: null });
        expect(parseDirectives(text).problem).toBeUndefined();
        expect(text).toContain("no problem file in the workspace holds 'ab0c'");
    });
});

describe('looksLikeManufactoriaRollouts', () => {
    const program = '```manufactoria\nSTART start:\n    NEXT end\n\nEND end\n```';
    it('finds a Manufactoria program in a response, output or completion field of the first lines', () => {
        expect(looksLikeManufactoriaRollouts(`${JSON.stringify({ id: 'a', response: program })}\n`)).toBe(true);
        expect(looksLikeManufactoriaRollouts(`\n{"x":1}\n${JSON.stringify({ input: 'p', output: `text ${program}` })}`)).toBe(true);
    });
    it('leaves BouncingSim answers, problem rows and bad lines alone', () => {
        expect(looksLikeManufactoriaRollouts(JSON.stringify({ id: 'b', response: '```python\ndef predict_position(t):\n    return []\n```' }))).toBe(false);
        expect(looksLikeManufactoriaRollouts(JSON.stringify({ id: 'c', criteria: 'START x:', test_cases: [] }))).toBe(false);
        expect(looksLikeManufactoriaRollouts('not json\n[1,2]\nnull')).toBe(false);
    });
});
