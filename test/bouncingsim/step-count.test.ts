// The float step-count loop (spec §5.5).
import { describe, expect, it } from 'vitest';
import { DT, STANDARD_TIMESTAMPS, stepCounts } from '../../language/bouncingsim/step-count.js';

describe('stepCounts', () => {
    it('matches the table of §5.5 for 0.1 … 1.5', () => {
        expect(stepCounts(STANDARD_TIMESTAMPS)).toEqual([400, 800, 1201, 1601, 2001, 2401, 2801, 3201, 3601, 4001, 4401, 4801, 5200, 5600, 6000]);
    });
    it('is independent of order and repeats, and equals a fresh loop per timestamp', () => {
        const times = [1.3, 0.3, 0.3, 0, 0.05, 2.25];
        const fresh = times.map((t) => { let c = 0, n = 0; while (c < t) { n++; c += DT; } return n; });
        expect(stepCounts(times)).toEqual(fresh);
        expect(stepCounts([0.3])).toEqual([1201]);
        expect(Math.round(0.3 / DT)).toBe(1200); // why round() is not exact
    });
});
