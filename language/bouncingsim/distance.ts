// The benchmark's metric `check_distance` (docs/bouncingsim.md §7), mirrored in TS for the simulator check.

import { pyRound } from '../python/number-format.js';
import type { Vec2Tuple } from './scene-types.js';

/**
 * Mean Euclidean distance over balls, rounded to 3 dp. Like the reference it throws when either
 * list is empty or their lengths differ (so a wrong ball count is a failed test).
 */
export function checkDistance(predicted: readonly Vec2Tuple[], expected: readonly Vec2Tuple[]): number {
    if (predicted.length === 0 || expected.length === 0) throw new Error('check_distance: empty position list');
    if (predicted.length !== expected.length) {
        throw new Error(`check_distance: ${predicted.length} predicted positions for ${expected.length} balls`);
    }
    let sum = 0;
    for (let i = 0; i < expected.length; i++) {
        const dx = predicted[i][0] - expected[i][0];
        const dy = predicted[i][1] - expected[i][1];
        sum += Math.sqrt(dx * dx + dy * dy);
    }
    return pyRound(sum / expected.length, 3);
}
