// Single families A–G at every difficulty: scenes inside the generator ranges (range-checks.ts).
import { describe, expect, it } from 'vitest';
import type { Difficulty } from '../../language/bouncingsim/generate/ranges.js';
import { sampleMany } from './sample.js';
import { checkSingle, PER_CELL, SINGLES } from './range-checks.js';

describe('single families: every sampled parameter within its range', () => {
    it.each(SINGLES.flatMap((l) => [0, 1, 2, 3, 4].map((d) => [l, d] as const)))('%s at difficulty %i', (letter, d) => {
        for (const { plain } of sampleMany(letter, d as Difficulty, PER_CELL)) checkSingle(letter, d, plain);
    });
});

describe('variety', () => {
    it('sampled values spread over their ranges (not one fixed draw)', () => {
        const scenes = sampleMany('B', 2, PER_CELL).map((s) => s.plain);
        const omegas = scenes.map((s) => s.boxes[0].rotation_speed);
        expect(Math.min(...omegas)).toBeLessThan(0.6);
        expect(Math.max(...omegas)).toBeGreaterThan(0.9);
        expect(new Set(scenes.map((s) => s.balls[0].sides)).size).toBe(2);
    });
});
