// Vocabulary shared by every family generator (spec §9.1, §10).
import type { TestCase } from '../tests/test-case.js';
import type { Rng } from './prng.js';

export const LEVELS = ['basic', 'easy', 'medium', 'hard'] as const;
export type Level = (typeof LEVELS)[number];

export const COLOR_MODES = ['two_color', 'four_color'] as const;
export type ColorMode = (typeof COLOR_MODES)[number];

/** Colour order matters: it is the itertools order used for every enumeration (§10.1). */
export const COLORS: Readonly<Record<ColorMode, readonly string[]>> = {
    two_color: ['R', 'B'],
    four_color: ['R', 'B', 'Y', 'G'],
};

export const ALL_NODE_TYPES = [
    'START', 'END', 'PULLER_RB', 'PULLER_YG', 'PAINTER_RED', 'PAINTER_BLUE', 'PAINTER_YELLOW', 'PAINTER_GREEN',
] as const;

/** What a family contributes for one parameter; the row builder adds ids, dates and the rest. */
export interface ProblemText {
    name: string;
    /** Criteria without the two-colour suffix (the row builder adds it). */
    criteria: string;
    /** "" for acceptance families. */
    description: string;
}

/** Context handed to a family when it builds the cases of one problem. */
export interface CaseContext {
    colors: readonly string[];
    colorMode: ColorMode;
    rng: Rng;
}

/**
 * One generator family. `P` is its parameter (a sequence, an op and operand, a template…).
 * `parameters` lists them systematically (itertools order) for a level and colour mode.
 */
export interface Family<P> {
    name: string;
    /** The family's fixed `difficulty` label (§10.2), not the configured level. */
    difficulty: Level;
    parameters(level: Level, colorMode: ColorMode): readonly P[];
    text(param: P): ProblemText;
    cases(param: P, ctx: CaseContext): TestCase[];
}
