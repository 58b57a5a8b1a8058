// Where balls and containers start, and the start-state rules every generated scene obeys:
// each ball well inside the incircle of its nearest container, clear of every container wall
// (containers overlap in F, and walls are two-sided), and clear of every other ball.

import type { Rng } from '../../dataset/families/prng.js';
import { pyRound } from '../../python/number-format.js';
import { apothem, regularPolygon, toWorld } from '../geometry.js';
import type { Vec2Tuple } from '../scene-types.js';
import { BASE_DIAMETER, CENTER, F_DISTANCE, F_WORKSPACE_GAP, MARGIN, OFFSET_FACTOR, type Range } from './ranges.js';
import { value, type BallTree, type BoxTree } from './tree.js';

/** Thrown when a sampled scene breaks a start-state rule; the caller samples the scene again. */
export class Rejected extends Error {}

/** How far a ball's centre may be from its container's centre: incircle − radius − margin. */
export function allowedOffset(diameter: number, sides: number, radius: number): number {
    return apothem(sides, diameter / 2) - radius - MARGIN;
}

/** Single-family offset from the container centre: radius · U(−2, 2) on each axis. */
export function spawnOffset(rng: Rng, radius: number): Vec2Tuple {
    return [radius * rng.uniform(-OFFSET_FACTOR, OFFSET_FACTOR), radius * rng.uniform(-OFFSET_FACTOR, OFFSET_FACTOR)];
}

/** A point at U(lo, hi) · distance in a uniform direction from `center`. */
export function polarPoint(rng: Rng, center: Vec2Tuple, lo: number, hi: number): Vec2Tuple {
    const d = rng.uniform(lo, hi);
    const a = rng.uniform(0, 2 * Math.PI);
    return [center[0] + d * Math.cos(a), center[1] + d * Math.sin(a)];
}

/** F: container 0 at the centre, the others U(250, 280) away (capped so they stay in the workspace). */
export function containerCenters(rng: Rng, count: number, diameter: number): Vec2Tuple[] {
    const cap = Math.min(F_DISTANCE[1], CENTER[0] - diameter / 2 - F_WORKSPACE_GAP);
    const lo = Math.min(F_DISTANCE[0], cap - 10);
    return Array.from({ length: count }, (_, i) => (i === 0 ? [...CENTER] as Vec2Tuple : polarPoint(rng, CENTER, lo, cap)));
}

/** Speed U(lo, hi) rounded to 2 dp, direction U(0, 2π). */
export function velocity(rng: Rng, speed: Range): Vec2Tuple {
    const v = pyRound(rng.uniform(speed[0], speed[1]), 2);
    const a = rng.uniform(0, 2 * Math.PI);
    return [v * Math.cos(a), v * Math.sin(a)];
}

export const sampleSides = (rng: Rng, range: Range): number => rng.int(range[0], range[1]);

export function randomColor(rng: Rng, range: Range): [number, number, number] {
    return [rng.int(range[0], range[1]), rng.int(range[0], range[1]), rng.int(range[0], range[1])];
}

/** Base-diameter radius used by combinations to spread extra balls in a single container. */
export const ENVELOPE_SPREAD_RADIUS = BASE_DIAMETER / 2;

function segmentDistance(p: Vec2Tuple, a: Vec2Tuple, b: Vec2Tuple): number {
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Distance from a point to the nearest edge of a (not yet rotated) container. */
export function wallDistance(p: Vec2Tuple, b: BoxTree): number {
    const v = toWorld(regularPolygon(b.sides, b.diameter / 2), b.center, (value(b.rotation) * Math.PI) / 180);
    return Math.min(...v.map((a, k) => segmentDistance(p, a, v[(k + 1) % v.length])));
}

/** Why the start state breaks a rule, or undefined when it is fine. */
export function startProblem(boxes: readonly BoxTree[], balls: readonly BallTree[]): string | undefined {
    for (const [i, b] of balls.entries()) {
        const r = value(b.radius);
        const near = boxes.reduce((best, c) => (Math.hypot(c.center[0] - b.position[0], c.center[1] - b.position[1])
            < Math.hypot(best.center[0] - b.position[0], best.center[1] - b.position[1]) ? c : best));
        const d = Math.hypot(near.center[0] - b.position[0], near.center[1] - b.position[1]);
        if (d > allowedOffset(near.diameter, near.sides, r)) return `ball ${i + 1} is outside the safe incircle of its container`;
        for (const c of boxes) if (wallDistance(b.position, c) < r + MARGIN) return `ball ${i + 1} touches a container wall`;
        for (const [j, o] of balls.entries()) {
            if (j <= i) continue;
            if (Math.hypot(o.position[0] - b.position[0], o.position[1] - b.position[1]) < r + value(o.radius) + MARGIN) return `balls ${i + 1} and ${j + 1} overlap`;
        }
    }
    return undefined;
}

export function assertStart(boxes: readonly BoxTree[], balls: readonly BallTree[]): void {
    const problem = startProblem(boxes, balls);
    if (problem) throw new Rejected(problem);
}
