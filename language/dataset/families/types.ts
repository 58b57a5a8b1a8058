// Vocabulary shared by every family generator (docs/manufactoria.md §9, §10).
import { COLOURS, PULLER_READS } from '../../manufactoria/model/vocabulary.js';
import type { Rng } from './prng.js';

export const LEVELS = ['basic', 'easy', 'medium', 'hard'] as const;
export type Level = (typeof LEVELS)[number];

export const COLOR_MODES = ['two_color', 'four_color'] as const;
export type ColorMode = (typeof COLOR_MODES)[number];

/** Colour order matters: it is the itertools order used for every enumeration (§10.1). */
export const COLORS: Readonly<Record<ColorMode, readonly string[]>> = {
    two_color: PULLER_READS.PULLER_RB,
    four_color: COLOURS,
};

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

interface FamilyBase<P> {
    name: string;
    /** The family's fixed `difficulty` label (§10.2), not the configured level. */
    difficulty: Level;
    /** Parameters for a level and colour mode, systematically (itertools order). */
    parameters(level: Level, colorMode: ColorMode): readonly P[];
    text(param: P): ProblemText;
    /** The family's own inputs for one parameter; the shared machinery adds the candidates. */
    inputs(param: P, ctx: CaseContext): string[];
}

/** Labels come from a predicate; cases have `check_output` false (§10.1). */
export interface AcceptanceFamily<P> extends FamilyBase<P> {
    kind: 'acceptance';
    accepts(param: P, tape: string): boolean;
}

/** Every case is accepted and checks `transform(input)` (§10.1). */
export interface OutputFamily<P> extends FamilyBase<P> {
    kind: 'output';
    transform(param: P, tape: string): { output: string; description: string };
}

export type Family<P> = AcceptanceFamily<P> | OutputFamily<P>;
