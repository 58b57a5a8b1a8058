// Combinations (two or more letters of A B C D F G): the letters' ranges are merged into one
// "envelope" (lowest low, highest high) and every axis applies at once. The first ball sits
// exactly at the centre of container 0; further balls sit 0.15–0.85 of a radius from the centre
// of their container.

import type { Rng } from '../../dataset/families/prng.js';
import type { Vec2Tuple } from '../scene-types.js';
import { sampleGravity } from './gravity.js';
import { assertStart, containerCenters, ENVELOPE_SPREAD_RADIUS, polarPoint, Rejected, randomColor, sampleSides, velocity } from './placement.js';
import {
    AXES, BASE_DIAMETER, COLOR_RANGE, ENVELOPE_PLACEMENT_SPACING, ENVELOPE_SIN_FREQ, LISSAJOUS, PIECEWISE_SEGMENTS, RADIAL_FRACTION,
    ROTATION_PROFILE_RATIO, type AxisLetter, type AxisRange, type Difficulty, type Range,
} from './ranges.js';
import { ball, box, f2, fl, noGravity, spin, type BallTree, type BoxTree, type PathTree, type SceneTree } from './tree.js';

export interface Envelope {
    axes: AxisLetter[];
    ballSides: Range;
    boxSides: Range;
    factor: Range;
    speed: Range;
    radius: number;
    innerOmega?: Range;
    outerOmega?: Range;
    amplitude?: Range;
}

const merge = (a: Range | undefined, b: Range | undefined): Range | undefined =>
    (a && b ? [Math.min(a[0], b[0]), Math.max(a[1], b[1])] : a ?? b);

export function envelopeOf(axes: AxisLetter[], difficulty: Difficulty): Envelope {
    const ranges: [AxisLetter, AxisRange][] = axes.map((l) => [l, AXES[l][difficulty]]);
    const pick = (f: (r: AxisRange) => Range | undefined) => ranges.map(([, r]) => f(r)).reduce(merge, undefined);
    return {
        axes,
        ballSides: pick((r) => r.ballSides)!,
        boxSides: pick((r) => r.boxSides)!,
        factor: pick((r) => r.factor)!,
        speed: pick((r) => r.speed)!,
        radius: Math.min(...ranges.map(([, r]) => r.radius)),
        innerOmega: axes.includes('A') ? AXES.A[difficulty].omega : undefined,
        outerOmega: axes.includes('B') ? AXES.B[difficulty].omega : undefined,
        amplitude: axes.includes('C') ? AXES.C[difficulty].amplitude : undefined,
    };
}

/** C in a combination: piecewise at extreme, Lissajous at hard, else sin1d on x (0.3 Hz up to easy, 0.6 Hz above). */
function envelopePath(rng: Rng, env: Envelope, difficulty: Difficulty): PathTree {
    const amp = f2(rng.uniform(env.amplitude![0], env.amplitude![1]));
    const c = AXES.C[difficulty];
    if (c.piecewise) return { type: 'piecewise', segments: PIECEWISE_SEGMENTS, amplitude: amp };
    if (c.path!.type === 'lissajous') return { type: 'lissajous', ax: amp, ay: amp, fx: fl(LISSAJOUS.fx), fy: fl(LISSAJOUS.fy) };
    return { type: 'sin1d', amplitude: amp, axis: 'x', freq: fl(difficulty <= 1 ? ENVELOPE_SIN_FREQ.low : ENVELOPE_SIN_FREQ.high) };
}

function ballCenters(rng: Rng, count: number, boxes: BoxTree[], single: boolean): Vec2Tuple[] {
    const out: Vec2Tuple[] = [];
    for (let i = 0; i < count; i++) {
        const home = boxes[i % boxes.length];
        if (i === 0) { out.push([...home.center]); continue; }
        const reach = single ? ENVELOPE_SPREAD_RADIUS : home.diameter / 2;
        let placed = false;
        for (let attempt = 0; attempt < 100 && !placed; attempt++) {
            const p = polarPoint(rng, home.center, RADIAL_FRACTION[0] * reach, RADIAL_FRACTION[1] * reach);
            if (out.every((q) => Math.hypot(p[0] - q[0], p[1] - q[1]) >= ENVELOPE_PLACEMENT_SPACING)) {
                out.push(p);
                placed = true;
            }
        }
        if (!placed) throw new Rejected('no room for another ball');
    }
    return out;
}

export function envelopeScene(axes: AxisLetter[], difficulty: Difficulty, rng: Rng): { tree: SceneTree; meta: Record<string, unknown> } {
    const env = envelopeOf(axes, difficulty);
    const has = (l: AxisLetter) => axes.includes(l);
    const meta: Record<string, unknown> = { envelope: true, envelope_axes: axes };
    const boxes: BoxTree[] = [];
    if (has('F')) {
        // F keeps its own container size: other letters' factors would not fit several containers.
        const f = AXES.F[difficulty];
        const diameter = BASE_DIAMETER * f.factor[0];
        for (const c of containerCenters(rng, f.containers!, diameter)) boxes.push(box(c, diameter, sampleSides(rng, env.boxSides)));
        meta.multiple_containers = { container_count: boxes.length };
    } else {
        const sides = sampleSides(rng, env.boxSides);
        const [lo, hi] = env.factor;
        boxes.push(box([750, 750], BASE_DIAMETER * f2(rng.uniform(lo, hi)).value, sides));
    }
    if (env.outerOmega) {
        const omega = f2(rng.uniform(env.outerOmega[0], env.outerOmega[1]));
        for (const b of boxes) b.rotation_speed = omega;
        if (AXES.B[difficulty].rotationProfile) meta.outer_rotation_profile = { omega_base: omega, omega_amp: f2(ROTATION_PROFILE_RATIO * omega.value) };
    }
    if (env.amplitude) {
        const path = envelopePath(rng, env, difficulty);
        for (const b of boxes) b.translation_path = path;
    }
    let physics = noGravity();
    if (has('D')) {
        const g = sampleGravity(rng, AXES.D[difficulty].gravity!);
        physics = g.physics;
        if (g.tiltDeg !== undefined) meta.gravity_profile = { tilt_angle_deg: f2(g.tiltDeg) };
        meta.gravity_mode_selected = AXES.D[difficulty].gravity;
    }
    const count = has('G') ? rng.int(AXES.G[difficulty].balls![0], AXES.G[difficulty].balls![1]) : 1;
    const balls: BallTree[] = ballCenters(rng, count, boxes, !has('F'))
        .map((c) => ball(c, velocity(rng, env.speed), env.radius, sampleSides(rng, env.ballSides), randomColor(rng, COLOR_RANGE)));
    if (env.innerOmega) {
        // A spins the first ball, or every ball when G is present.
        const omega = rng.uniform(env.innerOmega[0], env.innerOmega[1]);
        for (const b of has('G') ? balls : balls.slice(0, 1)) spin(b, omega);
    }
    if (has('G')) meta.multi_object_count = count;
    assertStart(boxes, balls);
    return { tree: { physics, boxes, balls, meta: {} }, meta };
}
