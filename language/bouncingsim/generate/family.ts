// Family letters: parsing `--family`, and one scene for a family, difficulty and random stream.

import type { Rng } from '../../dataset/families/prng.js';
import { envelopeScene } from './envelope.js';
import { periodicScene } from './periodic.js';
import { AXIS_LETTERS, DIFFICULTY_NAMES, PERIODIC, type AxisLetter, type Difficulty } from './ranges.js';
import { singleScene } from './single.js';
import type { SceneTree } from './tree.js';

export class FamilyError extends Error {}

/** Letters sorted and upper-cased ("ba" → "AB"); throws FamilyError on letters we cannot generate. */
export function parseFamily(text: string, difficulty: number): string {
    const letters = [...text.toUpperCase()].sort();
    const family = letters.join('');
    if (!/^[A-Z]+$/.test(family)) throw new FamilyError(`--family takes letters such as A, AB or FG (got '${text}')`);
    if (new Set(letters).size !== letters.length) throw new FamilyError(`--family '${text}' repeats a letter`);
    if (family.includes('H')) {
        if (family !== 'H') throw new FamilyError('H (periodic) is generated on its own, not combined with other letters');
        if (difficulty >= PERIODIC.length) throw new FamilyError(`H is defined for difficulties 0–${PERIODIC.length - 1} only (got ${difficulty})`);
        return family;
    }
    const unknown = letters.filter((l) => !(AXIS_LETTERS as string[]).includes(l));
    if (unknown.length) throw new FamilyError(`unknown family letter(s) ${unknown.join(', ')}; use ${AXIS_LETTERS.join(' ')} (and their combinations) or H`);
    return family;
}

export const difficultyName = (d: Difficulty): string => DIFFICULTY_NAMES[d];

/**
 * One sampled scene (may throw placement.Rejected). `meta` is written in the scene file in this
 * order: who made it, the family's own keys, then index and difficulty level.
 */
export function sampleScene(family: string, difficulty: Difficulty, rng: Rng, ids: { seed: string; index: number }): SceneTree {
    const letters = [...family] as AxisLetter[];
    const { tree, meta } = family === 'H'
        ? periodicScene(difficulty as 0 | 1 | 2, rng)
        : letters.length === 1 ? singleScene(letters[0], difficulty, rng) : envelopeScene(letters, difficulty, rng);
    tree.meta = {
        scene_type: family, difficulty: DIFFICULTY_NAMES[difficulty], seed: ids.seed, generator: 'delta-studio',
        ...meta, index: ids.index, difficulty_level: difficulty,
    };
    return tree;
}
