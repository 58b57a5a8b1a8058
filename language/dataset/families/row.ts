// One §9.1 problem row from a family and a parameter: keys in written order, two-colour suffix,
// available_nodes rule, Python-style timestamps and a seeded uuid4.
import { TWO_COLOR_SUFFIX, type ProblemRow } from '../problems/rows.js';
import { buildCases } from './case-builder.js';
import { Rng } from './prng.js';
import { pyIsoformat, type Micros } from './timestamps.js';
import { NODE_KINDS } from '../../manufactoria/model/vocabulary.js';
import { COLORS, type ColorMode, type Family, type Level } from './types.js';

/** The only families whose two-colour palette is cut down to a single puller (§9.1). */
const PULLER_ONLY_FAMILIES = new Set(['starts_with', 'exact_sequence', 'ends_with']);

export function availableNodes(family: Pick<Family<unknown>, 'name' | 'difficulty'>, colorMode: ColorMode): string[] {
    const restricted = colorMode === 'two_color'
        && (family.difficulty === 'basic' || family.difficulty === 'medium')
        && PULLER_ONLY_FAMILIES.has(family.name);
    return restricted ? ['START', 'END', 'PULLER_RB'] : [...NODE_KINDS];
}

export interface RowContext {
    level: Level;
    colorMode: ColorMode;
    /** Parameter index within the family (the row's `index`). */
    index: number;
    seed: string | number;
    /** Creation time; updated_at follows 2 µs later, like two successive now() calls. */
    createdAt: Micros;
}

export function buildRow<P>(family: Family<P>, param: P, ctx: RowContext): ProblemRow {
    // One stream per (seed, family, level, colours, index): a row does not depend on how many
    // rows were asked for or in which order.
    const rng = new Rng(ctx.seed, family.name, ctx.level, ctx.colorMode, ctx.index);
    const id = rng.uuid4();
    const text = family.text(param);
    const testCases = buildCases(family, param, { colors: COLORS[ctx.colorMode], colorMode: ctx.colorMode, rng });
    return {
        id,
        name: text.name,
        description: text.description,
        criteria: ctx.colorMode === 'two_color' ? text.criteria + TWO_COLOR_SUFFIX : text.criteria,
        available_nodes: availableNodes(family, ctx.colorMode),
        test_cases: testCases,
        solutions: [],
        created_at: pyIsoformat(ctx.createdAt),
        updated_at: pyIsoformat(ctx.createdAt + 2),
        difficulty: family.difficulty,
        problem_type: family.name,
        index: ctx.index,
        color_mode: ctx.colorMode,
        difficulty_level: ctx.level,
        pattern_type: family.name,
    };
}
