// Generator parameters per family letter and difficulty (docs/bouncingsim-generation.md has the
// table in prose). One entry per (letter, difficulty); combinations merge these (envelope.ts).

export const DIFFICULTY_NAMES = ['basic', 'easy', 'medium', 'hard', 'extreme'] as const;
export type Difficulty = 0 | 1 | 2 | 3 | 4;

/** Workspace centre and the base container diameter that the factor scales. */
export const CENTER: [number, number] = [750, 750];
export const BASE_DIAMETER = 300;
/** Distance every ball keeps from walls and from other balls at the start. */
export const MARGIN = 5;

export type Range = readonly [number, number];
export type GravityMode = 'tiny' | 'small' | 'large' | 'tilted';

export interface AxisRange {
    /** Diameter factor (the container diameter is BASE_DIAMETER · factor). */
    factor: Range;
    boxSides: Range;
    ballSides: Range;
    radius: number;
    speed: Range;
    /** A: ball spin; B: container rotation (rad/s). */
    omega?: Range;
    /** B hard/extreme: ω(t) = ω_b + 0.4·ω_b·sin(t). */
    rotationProfile?: boolean;
    /** C: translation amplitude. */
    amplitude?: Range;
    /** C single-family path at this difficulty. */
    path?: { type: 'sin1d'; freq: number } | { type: 'lissajous' };
    /** C extreme: combinations switch to the piecewise path. */
    piecewise?: boolean;
    gravity?: GravityMode;
    /** F: number of containers. */
    containers?: number;
    /** G: number of balls. */
    balls?: Range;
}

const r = (lo: number, hi = lo): Range => [lo, hi];

/** Shared shape of A–F at one difficulty (they differ only in the axis-specific fields and A/B's sides). */
const LADDER = [
    { factor: r(1.5), sides: r(3, 4), radius: 40, speed: r(200, 400) },
    { factor: r(1.4), sides: r(5, 6), radius: 35, speed: r(400, 600) },
    { factor: r(1.3), sides: r(6, 7), radius: 30, speed: r(600, 800) },
    { factor: r(1.2), sides: r(7, 8), radius: 25, speed: r(800, 1000) },
    { factor: r(1.0), sides: r(8, 10), radius: 20, speed: r(1000, 1200) },
] as const;

const plain = (d: number): AxisRange => {
    const l = LADDER[d];
    return { factor: l.factor, boxSides: l.sides, ballSides: l.sides, radius: l.radius, speed: l.speed };
};

const A: AxisRange[] = [
    { ...plain(0), boxSides: r(3, 4), omega: r(0.1, 0.2) },
    { ...plain(1), boxSides: r(3, 5), omega: r(0.2, 0.5) },
    { ...plain(2), boxSides: r(3, 6), omega: r(0.5, 1.0) },
    { ...plain(3), boxSides: r(3, 7), ballSides: r(7, 8), radius: 30, speed: r(600, 800), omega: r(1.0, 2.0) },
    { ...plain(4), boxSides: r(3, 7), ballSides: r(8, 8), radius: 30, speed: r(600, 800), omega: r(2.0, 2.5) },
];

const B: AxisRange[] = [
    { ...plain(0), omega: r(0.1, 0.2) },
    { ...plain(1), omega: r(0.2, 0.5) },
    { ...plain(2), omega: r(0.5, 1.0) },
    { ...plain(3), omega: r(1.0, 1.5), rotationProfile: true },
    { ...plain(4), factor: r(0.8), radius: 25, omega: r(2.0, 3.0), rotationProfile: true },
];

const C: AxisRange[] = [
    { ...plain(0), amplitude: r(0, 10), path: { type: 'sin1d', freq: 0.1 } },
    { ...plain(1), amplitude: r(20, 40), path: { type: 'sin1d', freq: 0.5 } },
    { ...plain(2), amplitude: r(40, 60), path: { type: 'sin1d', freq: 1.0 } },
    { ...plain(3), amplitude: r(60, 90), path: { type: 'lissajous' } },
    { ...plain(4), amplitude: r(90, 120), path: { type: 'lissajous' }, piecewise: true },
];

const D: AxisRange[] = [
    { ...plain(0), gravity: 'tiny' },
    { ...plain(1), gravity: 'small' },
    { ...plain(2), gravity: 'large' },
    { ...plain(3), gravity: 'tilted' },
    { ...plain(4), gravity: 'tilted' },
];

const F: AxisRange[] = [2, 2, 3, 4, 6].map((containers, d) => ({ ...plain(d), containers }));

const G: AxisRange[] = [r(2, 2), r(3, 3), r(4, 5), r(5, 6), r(7, 9)].map((balls, d) => ({
    factor: r(2.5), boxSides: r(3, 6), ballSides: r(3, 6), radius: 20, speed: LADDER[d].speed, balls,
}));

export const AXES = { A, B, C, D, F, G } as const;
export type AxisLetter = keyof typeof AXES;
export const AXIS_LETTERS = Object.keys(AXES) as AxisLetter[];

/** Lissajous frequencies (C hard/extreme and combinations), the envelope's sin1d and piecewise settings. */
export const LISSAJOUS = { fx: 0.6, fy: 0.9 } as const;
export const ENVELOPE_SIN_FREQ = { low: 0.3, high: 0.6 } as const; // low for difficulty ≤ 1
export const PIECEWISE_SEGMENTS = 6;

export const GRAVITY = { tiny: 100, small: 1000, large: 10000, tiltMaxDeg: 120 } as const;
export const ROTATION_PROFILE_RATIO = 0.4;

/** F: containers after the first sit this far from the centre (capped to stay in the workspace). */
export const F_DISTANCE: Range = [250, 280];
export const F_WORKSPACE_GAP = 50;
/** Single-family ball offset: radius · U(−2, 2) on each axis. */
export const OFFSET_FACTOR = 2;
/** Combinations: balls after the first sit 0.15–0.85 of the container radius from its centre. */
export const RADIAL_FRACTION: Range = [0.15, 0.85];
/** G: spacing between sampled ball centres before jitter (2r + 4). */
export const G_SPACING_EXTRA = 4;
/** Combinations: loose spacing while placing balls (the final check uses radii + MARGIN). */
export const ENVELOPE_PLACEMENT_SPACING = 20;

/** H (periodic): N-gon box and ball, speed along the normal at angle π/N; difficulties 0–2 only. */
export const PERIODIC = [
    { sides: 6, speed: 200 },
    { sides: 8, speed: 300 },
    { sides: 10, speed: 400 },
] as const;
export const PERIODIC_RADIUS = 25;

/** Ball colours (rendering only): a fixed colour per single family, random in [50, 255] otherwise. */
export const AXIS_COLORS: Record<string, [number, number, number]> = {
    A: [255, 100, 50], B: [60, 160, 255], C: [120, 220, 80], D: [240, 180, 60], F: [100, 255, 200], H: [128, 128, 128],
};
export const COLOR_RANGE: Range = [50, 255];
