// The float step-count loop (spec §5.5).
import { describe, expect, it } from 'vitest';
import { DT, MAX_TIMESTAMP, STANDARD_TIMESTAMPS, stepCounts } from '../../language/bouncingsim/step-count.js';

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
    it('stops at MAX_TIMESTAMP (60 s) instead of looping for hours on a crafted time', () => {
        expect(MAX_TIMESTAMP).toBe(60);
        expect(stepCounts([MAX_TIMESTAMP])[0]).toBeGreaterThanOrEqual(240000);
        expect(() => stepCounts([0.5, 1e9])).toThrow('timestamp 1000000000 is beyond the 60 s a simulation may cover');
    });
});
