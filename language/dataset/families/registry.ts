// All §10 families by name, and the batch generator behind `delta generate`.
import type { ProblemRow } from '../problems/rows.js';
import { appendSequence, prependSequence } from './append-prepend.js';
import { containsOrdered, containsSubstring } from './contains.js';
import { containsCount } from './contains-count.js';
import { numericalComparison, numericalMaxMin } from './numerical-compare.js';
import { numericalOperations } from './numerical-operations.js';
import { endsWith, exactSequence, startsWith } from './prefix-suffix-exact.js';
import { Rng } from './prng.js';
import { regexPattern } from './regex-pattern.js';
import { regexSameNum } from './regex-same-num.js';
import { buildRow } from './row.js';
import { nowMicros, type Micros } from './timestamps.js';
import type { ColorMode, Family, Level } from './types.js';

export const FAMILIES = {
    starts_with: startsWith,
    ends_with: endsWith,
    exact_sequence: exactSequence,
    contains_substring: containsSubstring,
    contains_ordered: containsOrdered,
    contains_count: containsCount,
    append_sequence: appendSequence,
    prepend_sequence: prependSequence,
    numerical_operations: numericalOperations,
    numerical_comparison: numericalComparison,
    numerical_max_min: numericalMaxMin,
    regex_pattern: regexPattern,
    regex_same_num: regexSameNum,
} as const;

export type FamilyName = keyof typeof FAMILIES;
export const FAMILY_NAMES = Object.keys(FAMILIES) as FamilyName[];

export function isFamilyName(name: string): name is FamilyName {
    return Object.prototype.hasOwnProperty.call(FAMILIES, name);
}

/** Families are generic in their parameter; callers that only pass parameters through use this. */
export function getFamily(name: FamilyName): Family<unknown> {
    return FAMILIES[name] as Family<unknown>;
}

export interface GenerateOptions {
    family: FamilyName;
    level: Level;
    colorMode: ColorMode;
    /** How many rows; the family's parameter count caps it. Omitted → all parameters. */
    count?: number;
    seed: string | number;
    /** "random" takes a seeded shuffle of the parameters instead of the systematic order. */
    order?: 'systematic' | 'random';
    /** Time of the first row; rows follow 250 µs apart. Pin it for byte-identical output. */
    createdAt?: Micros;
}

export function parameterCount(family: FamilyName, level: Level, colorMode: ColorMode): number {
    return getFamily(family).parameters(level, colorMode).length;
}

export function* generateRows(options: GenerateOptions): Generator<ProblemRow> {
    const family = getFamily(options.family);
    const params = family.parameters(options.level, options.colorMode);
    let indices = params.map((_, i) => i);
    if (options.order === 'random') indices = new Rng(options.seed, 'order', family.name, options.level, options.colorMode).shuffled(indices);
    const count = Math.min(options.count ?? indices.length, indices.length);
    const start = options.createdAt ?? nowMicros();
    for (let k = 0; k < count; k++) {
        const index = indices[k];
        yield buildRow(family, params[index], {
            level: options.level,
            colorMode: options.colorMode,
            index,
            seed: options.seed,
            createdAt: start + k * 250,
        });
    }
}
