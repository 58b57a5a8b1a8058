// Family H is periodic by construction: our simulator brings every ball back to its start after
// one period (and two), for every difficulty.
import { describe, expect, it } from 'vitest';
import { periodicPeriod } from '../../language/bouncingsim/generate/periodic.js';
import { resolveTree } from '../../language/bouncingsim/generate/tree.js';
import { simulate } from '../../language/bouncingsim/simulate.js';
import { sampleMany } from './sample.js';

describe('H scenes return to their start after one period', () => {
    it.each([0, 1, 2] as const)('difficulty %i', (d) => {
        const scenes = sampleMany('H', d, 4, 'periodic');
        for (const { tree, plain } of scenes) {
            const { boxes: [box], balls: [ball] } = plain;
            expect(box.sides % 2).toBe(0);
            expect(ball.sides).toBe(box.sides);
            expect([box.diameter, ball.radius, box.rotation_speed, ball.rotation_affected]).toEqual([300, 25, 0, false]);
            expect(Math.hypot(...ball.velocity)).toBeCloseTo([200, 300, 400][d], 1);
            const period = periodicPeriod(box.diameter, box.sides, ball.radius, Math.hypot(...ball.velocity));
            expect(plain.meta.periodic_motion.period).toBeCloseTo(period, 4); // meta keeps the unrounded speed
            const [[p1], [p2], [half]] = simulate(resolveTree(tree), [period, 2 * period, period / 2]);
            const err1 = Math.hypot(p1[0] - ball.position[0], p1[1] - ball.position[1]);
            const err2 = Math.hypot(p2[0] - ball.position[0], p2[1] - ball.position[1]);
            // Rounding the start to whole metres moves it ≤ 0.71 m off the centre line: ≤ 1.5 m after a period.
            expect(err1).toBeLessThan(2);
            expect(err2).toBeLessThan(2);
            // …while half way it is far away (at the wall), so the check is not trivially true.
            expect(Math.hypot(half[0] - ball.position[0], half[1] - ball.position[1])).toBeGreaterThan(50);
        }
    });
});
