// The BouncingSim Problems view's data (rows by family and difficulty) and the Generate form's
// choices and CLI arguments.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bouncingSimRows, rowTree, type BsNode } from '../../client/bouncingsim-problems/row-tree.js';
import { countProblem, defaultOutFolder, difficultyChoices, FAMILY_CHOICES, familyProblem, generateArgs, seedProblem } from '../../client/bouncingsim-problems/generate-form.js';
import { FIXTURES } from '../bouncingsim/fixtures.js';

const labels = (nodes: BsNode[]): unknown => nodes.map((n) => (n.kind === 'group' ? { [`${n.label} (${n.description})`]: labels(n.children) } : n.label));

describe('rows by family and difficulty', () => {
    const file = `${FIXTURES}rows/dataset_sample_cdfg_basic.jsonl`;
    const hard = `${FIXTURES}rows/dataset_sample_hard.jsonl`;
    const rows = [
        ...bouncingSimRows(readFileSync(hard, 'utf8'), 'file:///h.jsonl', hard, 'rows/hard.jsonl'),
        ...bouncingSimRows(readFileSync(file, 'utf8'), 'file:///c.jsonl', file, 'rows/cdfg.jsonl'),
    ];
    it('groups families (single letters first), then difficulties, rows in file order', () => {
        const tree = rowTree(rows);
        expect(tree.map((n) => n.label)).toEqual(['A', 'B', 'C', 'D', 'F', 'G', 'AB', 'CD', 'FG']);
        expect(labels(tree.slice(-2))).toEqual([
            { 'CD (3 rows)': [{ '0 basic (3 rows)': ['CD_0_1', 'CD_0_2', 'CD_0_3'] }] },
            { 'FG (3 rows)': [{ '0 basic (3 rows)': ['FG_0_1', 'FG_0_2', 'FG_0_3'] }] },
        ]);
        expect(labels(tree.slice(0, 1))).toEqual([{ 'A (2 rows)': [{ '3 hard (2 rows)': ['A_3_1', 'A_3_2'] }] }]);
    });
    it('a row opens its trajectory by id and 0-based line, and says where it is', () => {
        const fg = rowTree(rows).at(-1)!;
        const row = fg.kind === 'group' && fg.children[0].kind === 'group' ? fg.children[0].children[1] : undefined;
        expect(row).toMatchObject({ kind: 'row', label: 'FG_0_2', description: 'rows/cdfg.jsonl:5', source: { kind: 'row', uri: 'file:///c.jsonl', id: 'FG_0_2', line: 4 } });
        expect(row?.kind === 'row' && row.tooltip).toMatch(/^FG_0_2 · 2 balls\n/);
    });
    it('ignores lines that are not BouncingSim rows', () => {
        const text = ['{"id": "x", "messages": [{"role": "user", "content": "hi"}], "ground_truth": []}', 'not json', readFileSync(file, 'utf8').split('\n')[0]].join('\n');
        expect(bouncingSimRows(text, 'u', 'f', 'f').map((r) => [r.id, r.line])).toEqual([['CD_0_1', 3]]);
    });
});

describe('Generate BouncingSim Problems form', () => {
    it('offers the single families, H, every pair and free letters', () => {
        expect(FAMILY_CHOICES.map((c) => c.label)).toEqual(['A', 'B', 'C', 'D', 'F', 'G', 'H', 'AB', 'AC', 'AD', 'AF', 'AG', 'BC', 'BD', 'BF', 'BG', 'CD', 'CF', 'CG', 'DF', 'DG', 'FG', 'Other letters…']);
        expect(FAMILY_CHOICES.find((c) => c.label === 'CD')?.description).toBe('combination: moving container + gravity');
    });
    it('H stops at medium; the others go to extreme', () => {
        expect(difficultyChoices('H').map((d) => d.description)).toEqual(['basic', 'easy', 'medium']);
        expect(difficultyChoices('AB').map((d) => `${d.label} ${d.description}`)).toEqual(['0 basic', '1 easy', '2 medium', '3 hard', '4 extreme']);
    });
    it('validates letters, count and seed, and builds the CLI arguments', () => {
        expect(familyProblem('cba')).toBeUndefined();
        expect(familyProblem('AE')).toMatch(/unknown family letter\(s\) E/);
        expect(countProblem('0')).toBeDefined();
        expect(countProblem('25')).toBeUndefined();
        expect(seedProblem('  ')).toBeDefined();
        expect(defaultOutFolder('ba', 1)).toBe('bouncingsim/AB_easy');
        expect(generateArgs({ family: 'AB', difficulty: 1, count: 5, seed: ' s ', out: '/w/x' }))
            .toEqual(['bouncingsim', 'generate', '--family', 'AB', '--difficulty', '1', '--count', '5', '--seed', 's', '--out', '/w/x']);
    });
});

describe('where the view lives', () => {
    it('is contributed to the DELTA view container, beside the Manufactoria Problems view', () => {
        const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { contributes: { views: Record<string, { id: string }[]> } };
        const containerOf = (id: string): string[] => Object.entries(manifest.contributes.views).filter(([, views]) => views.some((v) => v.id === id)).map(([c]) => c);
        expect(containerOf('deltaStudio.bouncingsimProblems')).toEqual(['deltaStudio']);
        expect(containerOf('manufactoria.problems')).toEqual(['deltaStudio']);
    });
});
