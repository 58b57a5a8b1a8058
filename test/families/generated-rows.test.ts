// Every family × colour mode × level: generated rows checked case by case against the independent
// oracles of oracle.ts, plus the §10.1 shape rules every row must follow.
import { describe, expect, it } from 'vitest';
import { FAMILY_NAMES, generateRows, getFamily } from '../../language/dataset/families/registry.js';
import { COLOR_MODES, LEVELS, type ColorMode, type Level } from '../../language/dataset/families/types.js';
import type { ProblemRow } from '../../language/dataset/problems/rows.js';
import { oracleFor } from './oracle.js';

const PER_ORDER = 6;

function rowsFor(family: (typeof FAMILY_NAMES)[number], level: Level, colorMode: ColorMode): ProblemRow[] {
    const base = { family, level, colorMode, count: PER_ORDER, seed: `oracle-${level}`, createdAt: 1.7e15 };
    return [...generateRows(base), ...generateRows({ ...base, order: 'random' })];
}

const combos = FAMILY_NAMES.flatMap((f) => COLOR_MODES.flatMap((m) => LEVELS.map((l) => [f, m, l] as const)));

describe.each(combos)('%s / %s / %s', (family, colorMode, level) => {
    const rows = rowsFor(family, level, colorMode);
    const kind = getFamily(family).kind;
    const colors = colorMode === 'two_color' ? 'RB' : 'RBYG';

    it('yields rows', () => {
        expect(rows.length).toBeGreaterThan(0);
    });

    it('every label and output agrees with the independent oracle', () => {
        // One comparison of every case (an expect per case cost more than the oracles).
        const got: unknown[] = [];
        const wanted: unknown[] = [];
        for (const row of rows) {
            const oracle = oracleFor(row);
            for (const c of row.test_cases) {
                const want = oracle(c.input);
                if (kind === 'acceptance') {
                    got.push({ name: row.name, input: c.input, accepted: c.expected_accepted });
                    wanted.push({ name: row.name, input: c.input, accepted: want.accepted });
                } else {
                    got.push({ name: row.name, input: c.input, output: c.expected_output, description: c.description });
                    wanted.push({ name: row.name, input: c.input, output: want.output, description: want.description });
                }
            }
        }
        expect(got).toEqual(wanted);
        expect(got.length).toBeGreaterThan(rows.length * 6);
    });

    it('follows the §10.1 case rules', () => {
        for (const row of rows) {
            const inputs = row.test_cases.map((c) => c.input);
            expect(new Set(inputs).size).toBe(inputs.length);
            expect(inputs.slice(0, 3)).toEqual(['', colors[0], colors.slice(0, 2)]);
            expect(inputs.every((t) => [...t].every((ch) => colors.includes(ch)))).toBe(true);
            expect(row.test_cases.length).toBeLessThanOrEqual(35);
            if (kind === 'acceptance') {
                expect(row.test_cases.every((c) => c.check_output === false && c.expected_output === '')).toBe(true);
                const yes = row.test_cases.filter((c) => c.expected_accepted).length;
                const no = row.test_cases.length - yes;
                expect(no, row.name).toBeGreaterThanOrEqual(3);
                // "Exactly s" has a single member; every other family reaches the 3/3 balance.
                expect(yes, row.name).toBeGreaterThanOrEqual(family === 'exact_sequence' ? 1 : 3);
            } else {
                expect(row.test_cases.every((c) => c.check_output && c.expected_accepted)).toBe(true);
                expect(row.test_cases.length).toBeGreaterThanOrEqual(6);
            }
        }
    });

    it('row metadata follows §9.1', () => {
        for (const row of rows) {
            expect(row.problem_type).toBe(family);
            expect(row.pattern_type).toBe(family);
            expect(row.difficulty).toBe(getFamily(family).difficulty);
            expect(row.difficulty_level).toBe(level);
            expect(row.color_mode).toBe(colorMode);
            expect(row.criteria.endsWith(' The input tape carries only red/blue colors.')).toBe(colorMode === 'two_color');
            const restricted = colorMode === 'two_color' && ['starts_with', 'exact_sequence', 'ends_with'].includes(family);
            expect(row.available_nodes).toEqual(restricted ? ['START', 'END', 'PULLER_RB']
                : ['START', 'END', 'PULLER_RB', 'PULLER_YG', 'PAINTER_RED', 'PAINTER_BLUE', 'PAINTER_YELLOW', 'PAINTER_GREEN']);
            expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
            expect(row.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?$/);
            expect(row.solutions).toEqual([]);
        }
    });
});
