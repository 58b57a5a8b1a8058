// Family H ("transformative"): a periodic scene by construction. An even-sided N-gon ball inside
// an N-gon container of the same orientation, launched along the normal of a pair of parallel
// edges (angle π/N), meets the edge face to face and shuttles back and forth. From the centre
// line it is back where it started after T = 2·(R − r)·cos(π/N) / speed: one flight to the wall
// and back. The ball starts on the line through the centre perpendicular to its velocity (a
// sampled offset along the edge direction, small enough that it still hits the flat of the edge),
// so its position repeats with period T. The container does not rotate (the k = 0 case of the
// co-rotation rule in docs/bouncingsim-generation.md).

import type { Rng } from '../../dataset/families/prng.js';
import { AXIS_COLORS, BASE_DIAMETER, CENTER, PERIODIC, PERIODIC_RADIUS } from './ranges.js';
import { assertStart } from './placement.js';
import { ball, box, fl, noGravity, type SceneTree } from './tree.js';

/** Seconds for one period of an H scene (from the centre line to the wall and back). */
export function periodicPeriod(containerDiameter: number, sides: number, ballRadius: number, speed: number): number {
    return (2 * (containerDiameter / 2 - ballRadius) * Math.cos(Math.PI / sides)) / speed;
}

/** Largest offset along the edge that keeps the ball's face inside the container's edge. */
export function periodicMaxOffset(containerDiameter: number, sides: number, ballRadius: number): number {
    return (containerDiameter / 2 - ballRadius) * Math.sin(Math.PI / sides);
}

export function periodicScene(difficulty: 0 | 1 | 2, rng: Rng): { tree: SceneTree; meta: Record<string, unknown> } {
    const { sides, speed } = PERIODIC[difficulty];
    const theta = Math.PI / sides;
    // At most half the room along the edge, so rounding the start to whole metres stays harmless.
    const u = rng.uniform(-0.5, 0.5) * periodicMaxOffset(BASE_DIAMETER, sides, PERIODIC_RADIUS);
    const start: [number, number] = [CENTER[0] - u * Math.sin(theta), CENTER[1] + u * Math.cos(theta)];
    const b = ball(start, [speed * Math.cos(theta), speed * Math.sin(theta)], PERIODIC_RADIUS, sides, AXIS_COLORS.H);
    b.angular_velocity = fl(0);
    const period = periodicPeriod(BASE_DIAMETER, sides, PERIODIC_RADIUS, speed);
    const boxes = [box(CENTER, BASE_DIAMETER, sides)];
    assertStart(boxes, [b]);
    return {
        tree: { physics: noGravity(), boxes, balls: [b], meta: {} },
        meta: { periodic_motion: { period: fl(period), speed: fl(speed), launch_angle: fl(theta) } },
    };
}
