// Two-letter combinations at difficulties 0–3: merged ranges, placement, axes applied (range-checks.ts).
import { describe, it } from 'vitest';
import type { Difficulty } from '../../language/bouncingsim/generate/ranges.js';
import { sampleMany } from './sample.js';
import { checkPair, PAIRS, PER_CELL } from './range-checks.js';

describe('two-letter combinations (difficulties 0–3): merged ranges, placement, axes applied', () => {
    it.each(PAIRS.flatMap((p) => [0, 1, 2, 3].map((d) => [p, d] as const)))('%s at difficulty %i', (pair, d) => {
        for (const { plain } of sampleMany(pair, d as Difficulty, PER_CELL)) checkPair(pair, d, plain);
    });
});
