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

    // The rules as facts of each row, compared in one toEqual per test (one expect per fact and row
    // was ~20,000 expect calls).
    it('follows the §10.1 case rules', () => {
        const facts = (row: ProblemRow) => {
            const inputs = row.test_cases.map((c) => c.input);
            const yes = row.test_cases.filter((c) => c.expected_accepted).length;
            const no = row.test_cases.length - yes;
            return {
                name: row.name,
                distinctInputs: new Set(inputs).size,
                firstInputs: inputs.slice(0, 3),
                onlyTapeColors: inputs.every((t) => [...t].every((ch) => colors.includes(ch))),
                atMost35Cases: row.test_cases.length <= 35,
                ...(kind === 'acceptance' ? {
                    noOutputsChecked: row.test_cases.every((c) => c.check_output === false && c.expected_output === ''),
                    atLeast3Rejected: no >= 3,
                    // "Exactly s" has a single member; every other family reaches the 3/3 balance.
                    enoughAccepted: yes >= (family === 'exact_sequence' ? 1 : 3),
                } : {
                    outputsCheckedAndAccepted: row.test_cases.every((c) => c.check_output && c.expected_accepted),
                    atLeast6Cases: row.test_cases.length >= 6,
                }),
            };
        };
        expect(rows.map(facts)).toEqual(rows.map((row) => ({
            name: row.name,
            distinctInputs: row.test_cases.length,
            firstInputs: ['', colors[0], colors.slice(0, 2)],
            onlyTapeColors: true,
            atMost35Cases: true,
            ...(kind === 'acceptance'
                ? { noOutputsChecked: true, atLeast3Rejected: true, enoughAccepted: true }
                : { outputsCheckedAndAccepted: true, atLeast6Cases: true }),
        })));
    });

    it('row metadata follows §9.1', () => {
        const restricted = colorMode === 'two_color' && ['starts_with', 'exact_sequence', 'ends_with'].includes(family);
        expect(rows.map((row) => ({
            problem_type: row.problem_type,
            pattern_type: row.pattern_type,
            difficulty: row.difficulty,
            difficulty_level: row.difficulty_level,
            color_mode: row.color_mode,
            twoColorCriteria: row.criteria.endsWith(' The input tape carries only red/blue colors.'),
            available_nodes: row.available_nodes,
            id: row.id,
            created_at: row.created_at,
            solutions: row.solutions,
        }))).toEqual(rows.map(() => ({
            problem_type: family,
            pattern_type: family,
            difficulty: getFamily(family).difficulty,
            difficulty_level: level,
            color_mode: colorMode,
            twoColorCriteria: colorMode === 'two_color',
            available_nodes: restricted ? ['START', 'END', 'PULLER_RB']
                : ['START', 'END', 'PULLER_RB', 'PULLER_YG', 'PAINTER_RED', 'PAINTER_BLUE', 'PAINTER_YELLOW', 'PAINTER_GREEN'],
            id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
            created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?$/),
            solutions: [],
        })));
    });
});
