// The generator ranges (docs/bouncingsim-generation.md) written out independently of
// language/bouncingsim/generate/ranges.ts, and the per-scene checks of the range tests: every
// sampled parameter in range, no ball starting over a wall or another ball.
// node:assert rather than vitest's expect: a run makes ~500k checks here, and the bookkeeping of each
// expect() call was half of these tests' time.
import { deepEqual, equal, notEqual, ok } from 'node:assert/strict';
import { startOverlaps, type PlainScene } from './sample.js';

export const PER_CELL = 200;
type R = [number, number];
interface Spec { f: number; out: R; inn: R; r: number; v: R; w?: R; amp?: R; n?: number; balls?: R }

const base = (f: number, sides: R, r: number, v: R): Spec => ({ f, out: sides, inn: sides, r, v });
const LADDER: Spec[] = [base(1.5, [3, 4], 40, [200, 400]), base(1.4, [5, 6], 35, [400, 600]), base(1.3, [6, 7], 30, [600, 800]),
    base(1.2, [7, 8], 25, [800, 1000]), base(1.0, [8, 10], 20, [1000, 1200])];
const TABLE: Record<string, Spec[]> = {
    A: [{ ...LADDER[0], w: [0.1, 0.2] }, { ...LADDER[1], out: [3, 5], w: [0.2, 0.5] }, { ...LADDER[2], out: [3, 6], w: [0.5, 1.0] },
        { f: 1.2, out: [3, 7], inn: [7, 8], r: 30, v: [600, 800], w: [1.0, 2.0] }, { f: 1.0, out: [3, 7], inn: [8, 8], r: 30, v: [600, 800], w: [2.0, 2.5] }],
    B: [{ ...LADDER[0], w: [0.1, 0.2] }, { ...LADDER[1], w: [0.2, 0.5] }, { ...LADDER[2], w: [0.5, 1.0] }, { ...LADDER[3], w: [1.0, 1.5] },
        { f: 0.8, out: [8, 10], inn: [8, 10], r: 25, v: [1000, 1200], w: [2.0, 3.0] }],
    C: LADDER.map((l, d) => ({ ...l, amp: ([[0, 10], [20, 40], [40, 60], [60, 90], [90, 120]] as R[])[d] })),
    D: LADDER,
    F: LADDER.map((l, d) => ({ ...l, n: [2, 2, 3, 4, 6][d] })),
    G: LADDER.map((l, d) => ({ f: 2.5, out: [3, 6], inn: [3, 6], r: 20, v: l.v, balls: ([[2, 2], [3, 3], [4, 5], [5, 6], [7, 9]] as R[])[d] })),
};
const GRAVITY = [-100, -1000, -10000];

/** toMatchObject for flat objects: each listed key holds the listed value. */
const matches = (actual: Record<string, unknown> | undefined, expected: Record<string, unknown>) =>
    deepEqual(Object.fromEntries(Object.keys(expected).map((k) => [k, actual?.[k]])), expected);
const within = (x: number, [lo, hi]: R, slack = 1e-9) => x >= lo - slack && x <= hi + slack;
const speed = (v: [number, number]) => Math.hypot(v[0], v[1]);
const is2dp = (x: number) => Math.abs(x * 100 - Math.round(x * 100)) < 1e-6;
const dist = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1]);
const incircleRoom = (box: PlainScene['boxes'][number], r: number) => (box.diameter / 2) * Math.cos(Math.PI / box.sides) - r - 5;

/** Checks shared by every scene: written types, sides, radius, speed, spin flags, containment. */
function common(s: PlainScene, spec: { out: R; inn: R; r: number; v: R }) {
    for (const b of s.boxes) {
        ok(Number.isInteger(b.diameter) && Number.isInteger(b.center[0]) && Number.isInteger(b.center[1]));
        ok(within(b.sides, spec.out));
        equal(b.rotation, 0);
        ok(is2dp(b.rotation_speed));
    }
    for (const b of s.balls) {
        ok(within(b.sides, spec.inn));
        equal(b.radius, spec.r);
        ok(Number.isInteger(b.position[0]) && Number.isInteger(b.position[1]));
        ok(is2dp(b.velocity[0]) && is2dp(b.velocity[1]));
        ok(within(speed(b.velocity), spec.v, 0.015));
        if (b.rotation_affected) notEqual(b.angular_velocity, 0);
        else equal(b.angular_velocity ?? 0, 0);
        const near = s.boxes.reduce((p, c) => (dist(c.center, b.position) < dist(p.center, b.position) ? c : p));
        ok(dist(near.center, b.position) <= incircleRoom(near, b.radius) + 1e-9);
    }
    deepEqual(startOverlaps(s), []);
}

export function checkSingle(letter: string, d: number, s: PlainScene) {
    const spec = TABLE[letter][d];
    common(s, spec);
    equal(s.boxes.length, letter === 'F' ? spec.n! : 1);
    deepEqual(s.boxes[0].center, [750, 750]);
    for (const b of s.boxes) equal(b.diameter, Math.round(300 * spec.f));
    if (letter === 'G') ok(within(s.balls.length, spec.balls!));
    else {
        equal(s.balls.length, 1);
        const [x, y] = s.balls[0].position;
        ok(Math.abs(x - 750) <= 2 * spec.r + 0.5);
        ok(Math.abs(y - 750) <= 2 * spec.r + 0.5);
    }
    const ball = s.balls[0];
    equal(ball.rotation_affected, letter === 'A');
    if (letter === 'A') ok(within(ball.angular_velocity!, spec.w!));
    if (letter === 'B') {
        ok(within(s.boxes[0].rotation_speed, spec.w!));
        const profile = s.meta.outer_rotation_profile;
        if (d >= 3) deepEqual(profile, { omega_base: s.boxes[0].rotation_speed, omega_amp: Math.round(40 * s.boxes[0].rotation_speed) / 100 });
        else equal(profile, undefined);
    } else {
        for (const b of s.boxes) equal(b.rotation_speed, 0);
        equal(s.meta.outer_rotation_profile, undefined);
    }
    const path = s.boxes[0].translation_path as Record<string, number | string> | undefined;
    if (letter === 'C') {
        if (d <= 2) {
            if (path === undefined) equal(d, 0); // basic: amplitude 0 means no path
            else {
                matches(path, { type: 'sin1d', axis: 'x', freq: [0.1, 0.5, 1.0][d] });
                ok(Number.isInteger(path.amplitude) && within(path.amplitude as number, spec.amp!));
                if (d === 0) ok((path.amplitude as number) > 0);
            }
        } else {
            matches(path, { type: 'lissajous', fx: 0.6, fy: 0.9 });
            equal(path!.ax, path!.ay);
            ok(Number.isInteger(path!.ax) && within(path!.ax as number, spec.amp!));
        }
    } else equal(path, undefined);
    if (letter === 'D') {
        equal(s.physics.gravity_enabled, true);
        if (d <= 2) deepEqual([s.physics.gravity_x, s.physics.gravity_y], [0, GRAVITY[d]]);
        else {
            const a = s.meta.gravity_profile.tilt_angle_deg;
            ok(within(a, [-120, 120]));
            ok(Math.abs(s.physics.gravity_x - 10000 * Math.sin((a * Math.PI) / 180)) <= 0.005 + 1e-9);
            ok(Math.abs(s.physics.gravity_y + 10000 * Math.cos((a * Math.PI) / 180)) <= 0.005 + 1e-9);
        }
    } else deepEqual(s.physics, { gravity_enabled: false, gravity_x: 0, gravity_y: 0 });
    if (letter === 'F') {
        const cap = Math.min(280, 750 - s.boxes[0].diameter / 2 - 50);
        for (const b of s.boxes.slice(1)) ok(within(dist(b.center, [750, 750]), [250, cap], 0.75));
    }
}

const merge = (rs: R[]): R => [Math.min(...rs.map((r) => r[0])), Math.max(...rs.map((r) => r[1]))];

export function checkPair(letters: string, d: number, s: PlainScene) {
    const specs = [...letters].map((l) => TABLE[l][d]);
    const has = (l: string) => letters.includes(l);
    const env = { out: merge(specs.map((x) => x.out)), inn: merge(specs.map((x) => x.inn)), r: Math.min(...specs.map((x) => x.r)), v: merge(specs.map((x) => x.v)) };
    common(s, env);
    // Containers: F keeps its own count and size; otherwise one container sized by a merged factor.
    if (has('F')) {
        equal(s.boxes.length, TABLE.F[d].n!);
        for (const b of s.boxes) equal(b.diameter, Math.round(300 * TABLE.F[d].f));
    } else {
        equal(s.boxes.length, 1);
        const factor = s.boxes[0].diameter / 300;
        ok(within(factor, merge(specs.map((x) => [x.f, x.f] as R)), 0.005));
    }
    deepEqual(s.boxes[0].center, [750, 750]);
    const count = s.balls.length;
    if (has('G')) ok(within(count, TABLE.G[d].balls!));
    else equal(count, 1);
    deepEqual(s.balls[0].position, s.boxes[0].center);
    s.balls.forEach((b, i) => {
        if (i === 0) return;
        const home = s.boxes[i % s.boxes.length];
        const reach = has('F') ? home.diameter / 2 : 150;
        ok(within(dist(b.position, home.center), [0.15 * reach, 0.85 * reach], 0.75));
    });
    const spinning = s.balls.filter((b) => b.rotation_affected);
    if (has('A')) {
        equal(spinning.length, has('G') ? count : 1);
        equal(s.balls[0].rotation_affected, true);
        for (const b of spinning) ok(within(b.angular_velocity!, TABLE.A[d].w!));
    } else equal(spinning.length, 0);
    const omegas = new Set(s.boxes.map((b) => b.rotation_speed));
    equal(omegas.size, 1);
    if (has('B')) {
        ok(within(s.boxes[0].rotation_speed, TABLE.B[d].w!));
        equal(s.meta.outer_rotation_profile !== undefined, d >= 3);
    } else equal(s.boxes[0].rotation_speed, 0);
    const paths = s.boxes.map((b) => JSON.stringify(b.translation_path));
    equal(new Set(paths).size, 1);
    const path = s.boxes[0].translation_path as Record<string, number | string> | undefined;
    if (has('C')) {
        const amp = (path!.type === 'lissajous' ? path!.ax : path!.amplitude) as number;
        ok(within(amp, TABLE.C[d].amp!) && is2dp(amp));
        if (d === 3) matches(path, { type: 'lissajous', fx: 0.6, fy: 0.9, ay: amp });
        else matches(path, { type: 'sin1d', axis: 'x', freq: d <= 1 ? 0.3 : 0.6 });
    } else equal(path, undefined);
    if (has('D')) {
        equal(s.physics.gravity_enabled, true);
        if (d <= 2) deepEqual([s.physics.gravity_x, s.physics.gravity_y], [0, GRAVITY[d]]);
        else ok(Math.abs(Math.hypot(s.physics.gravity_x, s.physics.gravity_y) - 10000) < 0.01);
    } else equal(s.physics.gravity_enabled, false);
}

export const SINGLES = ['A', 'B', 'C', 'D', 'F', 'G'];
export const PAIRS = SINGLES.flatMap((a, i) => SINGLES.slice(i + 1).map((b) => a + b));
