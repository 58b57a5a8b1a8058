// Single-family scenes A, B, C, D, F and G: one container at the centre (F: several), the ball
// offset from its container's centre by radius · U(−2, 2) per axis (G: several balls spread over
// the incircle). Which parameter each family varies is in ranges.ts.

import type { Rng } from '../../dataset/families/prng.js';
import { sampleGravity } from './gravity.js';
import { assertStart, containerCenters, polarPoint, Rejected, allowedOffset, randomColor, sampleSides, spawnOffset, velocity } from './placement.js';
import {
    AXES, AXIS_COLORS, BASE_DIAMETER, CENTER, COLOR_RANGE, G_SPACING_EXTRA, LISSAJOUS, ROTATION_PROFILE_RATIO,
    type AxisLetter, type AxisRange, type Difficulty,
} from './ranges.js';
import { ball, box, f2, fl, noGravity, spin, type BallTree, type BoxTree, type PathTree, type SceneTree } from './tree.js';
import type { Vec2Tuple } from '../scene-types.js';

/** The factor ranges are single values for every family; a range would be sampled to 2 dp. */
function diameterOf(rng: Rng, range: AxisRange): number {
    const [lo, hi] = range.factor;
    return BASE_DIAMETER * (lo === hi ? lo : f2(rng.uniform(lo, hi)).value);
}

function offsetBall(rng: Rng, center: Vec2Tuple, range: AxisRange, color: [number, number, number]): BallTree {
    const [dx, dy] = spawnOffset(rng, range.radius);
    return ball([center[0] + dx, center[1] + dy], velocity(rng, range.speed), range.radius, sampleSides(rng, range.ballSides), color);
}

function singlePath(rng: Rng, range: AxisRange): PathTree | undefined {
    const amp = rng.int(range.amplitude![0], range.amplitude![1]);
    const path = range.path!;
    if (path.type === 'lissajous') return { type: 'lissajous', ax: amp, ay: amp, fx: fl(LISSAJOUS.fx), fy: fl(LISSAJOUS.fy) };
    // Basic: an amplitude of 0 means no path at all.
    return amp === 0 ? undefined : { type: 'sin1d', amplitude: amp, axis: 'x', freq: fl(path.freq) };
}

/** G: centres spread over the incircle with spacing 2r + 4, then each jittered like a single ball. */
function multiBalls(rng: Rng, container: BoxTree, range: AxisRange): BallTree[] {
    const count = rng.int(range.balls![0], range.balls![1]);
    const reach = allowedOffset(container.diameter, container.sides, range.radius);
    const centers: Vec2Tuple[] = [];
    for (let k = 0; k < count; k++) {
        let placed = false;
        for (let attempt = 0; attempt < 200 && !placed; attempt++) {
            const p = polarPoint(rng, CENTER, 0, reach);
            if (centers.every((q) => Math.hypot(p[0] - q[0], p[1] - q[1]) >= 2 * range.radius + G_SPACING_EXTRA)) {
                centers.push(p);
                placed = true;
            }
        }
        if (!placed) throw new Rejected('no room for another ball');
    }
    return centers.map((c) => offsetBall(rng, c, range, randomColor(rng, COLOR_RANGE)));
}

export function singleScene(letter: AxisLetter, difficulty: Difficulty, rng: Rng): { tree: SceneTree; meta: Record<string, unknown> } {
    const range = AXES[letter][difficulty];
    const meta: Record<string, unknown> = {};
    let physics = noGravity();
    const diameter = diameterOf(rng, range);
    const boxes: BoxTree[] = [];
    let balls: BallTree[];

    if (letter === 'F') {
        for (const c of containerCenters(rng, range.containers!, diameter)) boxes.push(box(c, diameter, sampleSides(rng, range.boxSides)));
        balls = [offsetBall(rng, CENTER, range, AXIS_COLORS.F)];
        meta.multiple_containers = { container_count: boxes.length };
    } else {
        const container = box(CENTER, diameter, sampleSides(rng, range.boxSides));
        boxes.push(container);
        if (letter === 'G') {
            balls = multiBalls(rng, container, range);
            meta.multi_object_count = balls.length;
        } else {
            balls = [offsetBall(rng, CENTER, range, AXIS_COLORS[letter])];
        }
        if (letter === 'A') spin(balls[0], rng.uniform(range.omega![0], range.omega![1]));
        if (letter === 'B') {
            const omega = f2(rng.uniform(range.omega![0], range.omega![1])).value;
            container.rotation_speed = f2(omega);
            if (range.rotationProfile) meta.outer_rotation_profile = { omega_base: f2(omega), omega_amp: f2(ROTATION_PROFILE_RATIO * omega) };
        }
        if (letter === 'C') {
            const path = singlePath(rng, range);
            if (path) container.translation_path = path;
        }
        if (letter === 'D') {
            const g = sampleGravity(rng, range.gravity!);
            physics = g.physics;
            if (g.tiltDeg !== undefined) meta.gravity_profile = { tilt_angle_deg: fl(g.tiltDeg) };
        }
    }
    assertStart(boxes, balls);
    return { tree: { physics, boxes, balls, meta: {} }, meta };
}
