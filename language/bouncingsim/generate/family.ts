// One scene for a family (letters.ts), difficulty and random stream.

import type { Rng } from '../../dataset/families/prng.js';
import { envelopeScene } from './envelope.js';
import { periodicScene } from './periodic.js';
import { DIFFICULTY_NAMES, type AxisLetter, type Difficulty } from './ranges.js';
import { singleScene } from './single.js';
import type { SceneTree } from './tree.js';

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
