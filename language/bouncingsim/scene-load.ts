// Scene JSON loader/validator (docs/bouncingsim.md §2). Applies the ground-truth defaults (not the prompt
// writer's), evaluates string expressions with the right name set, tolerates unknown keys and
// reports every problem with the file, the field path (e.g. `boxes[1].sides`) and the reason.

import { readFile } from 'node:fs/promises';
import { ExpressionError, evaluateExpression, type ExpressionKind } from './expression.js';
import { MAX_TIMESTAMP } from './step-count.js';
import { jsonParseAsPython, pyJsonLoads, PyJsonDecodeError } from '../python/json-loads.js';
import type { Ball, Box, GravityTimeVariation, OuterRotationProfile, Scene, TranslationPath, Vec2Tuple } from './scene-types.js';

/** Ball polygons are limited by the engine (pybox2d is built with 16). */
export const MAX_POLYGON_VERTICES = 16;

/** The largest finite float32: pybox2d stores every scene number as float32, so a larger one is infinite there. */
const FLOAT32_MAX = 3.4028234663852886e38;

/**
 * Our own limit, not the reference's: positions, centres, sizes and path amplitudes at most 1e6 m
 * from 0 (the workspace is 1500 m wide). Far beyond it Box2D's float32 arithmetic loses whole metres
 * and its collision code can run for minutes on one step (a 1e10 m ball did not finish a row in 15 s).
 */
export const MAX_SCENE_EXTENT = 1e6;

/**
 * Our own limit on balls and on containers, each (generated scenes have at most 9 and 6): the
 * simulation's cost grows with their number (300 balls took ~23 s for 1.5 s of scene here), and a
 * pasted prompt of 10,000 balls would run for hours without a word.
 */
export const MAX_SCENE_BODIES = 100;

export interface SceneIssue { file: string; path: string; message: string }

export class SceneError extends Error {
    constructor(readonly issues: SceneIssue[]) {
        super(issues.map(formatIssue).join('\n'));
        this.name = 'SceneError';
    }
}

export function formatIssue(issue: SceneIssue): string {
    return `${issue.file}: ${issue.path || '(root)'}: ${issue.message}`;
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
// JSON would print Infinity and NaN (a rebuilt scene's 2 × 1e308) as null.
const show = (v: unknown): string => (v === undefined ? 'nothing' : typeof v === 'number' ? String(v) : Array.isArray(v) ? `[${v.map(show).join(',')}]` : JSON.stringify(v) ?? String(v));

/** Collects issues while reading fields; each reader returns a usable fallback so checking continues. */
class Reader {
    readonly issues: SceneIssue[] = [];
    constructor(private readonly file: string) {}

    fail(path: string, message: string): void {
        this.issues.push({ file: this.file, path, message });
    }

    number(obj: Obj, key: string, path: string, fallback: number | undefined, check?: (n: number) => string | undefined): number {
        const v = obj[key];
        const at = join(path, key);
        if (v === undefined) {
            if (fallback === undefined) { this.fail(at, 'is required'); return NaN; }
            return fallback;
        }
        if (typeof v !== 'number' || !Number.isFinite(v)) {
            this.fail(at, `must be a number (got ${show(v)})`);
            return fallback ?? NaN;
        }
        const problem = float32Range(v) ?? check?.(v);
        if (problem) this.fail(at, problem);
        return v;
    }

    numberOrExpr(value: unknown, at: string, kind: ExpressionKind, fallback: number): number {
        if (value === undefined) return fallback;
        if (typeof value === 'number' && Number.isFinite(value)) return this.inRange(value, at, float32Range);
        if (typeof value === 'string') {
            try {
                return this.inRange(evaluateExpression(value, kind), at, float32Range);
            } catch (error) {
                const where = error instanceof ExpressionError ? ` at column ${error.offset + 1}` : '';
                this.fail(at, `invalid expression ${show(value)}${where}: ${(error as Error).message}`);
                return fallback;
            }
        }
        this.fail(at, `must be a number or an expression string (got ${show(value)})`);
        return fallback;
    }

    private inRange(v: number, at: string, check: (n: number) => string | undefined): number {
        const problem = check(v);
        if (problem) this.fail(at, problem);
        return v;
    }

    boolean(obj: Obj, key: string, path: string, fallback: boolean): boolean {
        const v = obj[key];
        if (v === undefined) return fallback;
        if (typeof v !== 'boolean') { this.fail(join(path, key), `must be true or false (got ${show(v)})`); return fallback; }
        return v;
    }

    /** An [x, y] pair of coordinates (each within MAX_SCENE_EXTENT). */
    pair(obj: Obj, key: string, path: string, fallback: Vec2Tuple | undefined): Vec2Tuple {
        const v = obj[key];
        const at = join(path, key);
        if (v === undefined) {
            if (!fallback) { this.fail(at, 'is required'); return [NaN, NaN]; }
            return [...fallback];
        }
        if (!Array.isArray(v) || v.length !== 2 || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) {
            this.fail(at, `must be a pair of numbers [x, y] (got ${show(v)})`);
            return fallback ? [...fallback] : [NaN, NaN];
        }
        return [this.inRange(v[0], `${at}[0]`, extent), this.inRange(v[1], `${at}[1]`, extent)];
    }

    object(obj: Obj, key: string, path: string): Obj | undefined {
        const v = obj[key];
        if (v === undefined) return undefined;
        if (!isObject(v)) { this.fail(join(path, key), `must be an object (got ${show(v)})`); return undefined; }
        return v;
    }
}

function join(path: string, key: string | number): string {
    if (typeof key === 'number') return `${path}[${key}]`;
    return path ? `${path}.${key}` : key;
}

const float32Range = (n: number) => (Math.abs(n) <= FLOAT32_MAX ? undefined : `must be at most ${FLOAT32_MAX} in magnitude, the float32 range the engine stores numbers in (got ${n})`);
const extent = (n: number) => (Math.abs(n) <= MAX_SCENE_EXTENT ? undefined : `must be at most ${MAX_SCENE_EXTENT} m from 0 (MAX_SCENE_EXTENT; got ${n})`);
const positive = (n: number) => (n > 0 ? undefined : `must be greater than 0 (got ${n})`);
/** A size: positive and within MAX_SCENE_EXTENT. */
const size = (n: number) => positive(n) ?? extent(n);
const integerAtLeast = (min: number, max = Infinity) => (n: number) =>
    Number.isInteger(n) && n >= min && n <= max ? undefined : `must be an integer ${max === Infinity ? `≥ ${min}` : `from ${min} to ${max}`} (got ${n})`;
const nonNegative = (n: number) => (n >= 0 ? undefined : `must be ≥ 0 (got ${n})`);
/** A test time the simulator will reach (step-count.ts MAX_TIMESTAMP). */
const testTime = (n: number) => nonNegative(n) ?? (n <= MAX_TIMESTAMP ? undefined : `must be at most ${MAX_TIMESTAMP} s (got ${n})`);

function readPath(r: Reader, obj: Obj, at: string): TranslationPath | undefined {
    const p = r.object(obj, 'translation_path', at);
    if (!p) return undefined;
    const pathAt = join(at, 'translation_path');
    const type = p.type;
    if (typeof type !== 'string') { r.fail(join(pathAt, 'type'), `must be a string (got ${show(type)})`); return undefined; }
    switch (type) {
        case 'sin1d': {
            const axis = p.axis ?? 'x';
            if (typeof axis !== 'string') r.fail(join(pathAt, 'axis'), `must be "x" or "y" (got ${show(axis)})`);
            return { type, amplitude: r.number(p, 'amplitude', pathAt, 0, extent), axis: typeof axis === 'string' ? axis : 'x', freq: r.number(p, 'freq', pathAt, 1.0) };
        }
        case 'lissajous':
            return { type, ax: r.number(p, 'ax', pathAt, 0, extent), ay: r.number(p, 'ay', pathAt, 0, extent), fx: r.number(p, 'fx', pathAt, 1.0), fy: r.number(p, 'fy', pathAt, 1.0) };
        case 'piecewise':
            return { type, segments: r.number(p, 'segments', pathAt, 4), amplitude: r.number(p, 'amplitude', pathAt, 0, extent) };
        default:
            // The reference keeps such a box at its origin (its `linear` type is commented out).
            return { type: 'unknown', name: type };
    }
}

function readBox(r: Reader, value: unknown, at: string): Box | undefined {
    if (!isObject(value)) { r.fail(at, `must be an object (got ${show(value)})`); return undefined; }
    // The ground truth reads `diameter`; `radius` (the prompt writer's preference) is only an alias.
    let diameter: number;
    if (value.diameter !== undefined || value.radius === undefined) {
        diameter = r.number(value, 'diameter', at, undefined, size);
    } else {
        diameter = 2 * r.number(value, 'radius', at, undefined, size);
    }
    const box: Box = {
        center: r.pair(value, 'center', at, undefined),
        diameter,
        sides: r.number(value, 'sides', at, undefined, integerAtLeast(3)),
        rotation: r.number(value, 'rotation', at, 0.0),
        rotation_speed: r.numberOrExpr(value.rotation_speed, join(at, 'rotation_speed'), 'box', 0.0),
        friction: r.number(value, 'friction', at, 0.0, nonNegative),
        restitution: r.number(value, 'restitution', at, 1.0, nonNegative),
    };
    const path = readPath(r, value, at);
    if (path) box.translation_path = path;
    return box;
}

function readBall(r: Reader, value: unknown, at: string): Ball | undefined {
    if (!isObject(value)) { r.fail(at, `must be an object (got ${show(value)})`); return undefined; }
    let velocity: Vec2Tuple = [0, 0];
    if (value.velocity !== undefined) {
        const v = value.velocity;
        if (!Array.isArray(v) || v.length !== 2) r.fail(join(at, 'velocity'), `must be a pair [vx, vy] of numbers or expressions (got ${show(v)})`);
        else velocity = [r.numberOrExpr(v[0], `${join(at, 'velocity')}[0]`, 'ball', 0), r.numberOrExpr(v[1], `${join(at, 'velocity')}[1]`, 'ball', 0)];
    }
    const sides = r.number(value, 'sides', at, 0, (n) => (Number.isInteger(n) && n <= MAX_POLYGON_VERTICES ? undefined : `must be an integer ≤ ${MAX_POLYGON_VERTICES} (≤ 2 means circle) (got ${n})`));
    const color = Array.isArray(value.color) && value.color.length === 3 && value.color.every((c) => typeof c === 'number')
        ? (value.color as [number, number, number]) : [255, 0, 0] as [number, number, number];
    return {
        position: r.pair(value, 'position', at, [100, 100]),
        velocity,
        radius: r.number(value, 'radius', at, 20, size),
        sides,
        angular_velocity: r.numberOrExpr(value.angular_velocity, join(at, 'angular_velocity'), 'ball', 0.0),
        density: r.number(value, 'density', at, 1.0, positive),
        restitution: r.number(value, 'restitution', at, 1.0, nonNegative),
        rotation_affected: r.boolean(value, 'rotation_affected', at, true),
        color,
    };
}

function readList<T>(r: Reader, root: Obj, key: string, item: (r: Reader, v: unknown, at: string) => T | undefined, max = Infinity): T[] {
    const list = root[key];
    if (!Array.isArray(list)) { r.fail(key, `must be a list (got ${show(list)})`); return []; }
    if (list.length > max) { r.fail(key, `must have at most ${max} entries (MAX_SCENE_BODIES; got ${list.length})`); return []; }
    return list.map((v, i) => item(r, v, join(key, i))).filter((x): x is T => x !== undefined);
}

function readMeta(r: Reader, meta: Obj | undefined): { profile?: OuterRotationProfile; variation?: GravityTimeVariation; hasGravityProfile: boolean } {
    if (!meta) return { hasGravityProfile: false };
    const out: { profile?: OuterRotationProfile; variation?: GravityTimeVariation; hasGravityProfile: boolean } = { hasGravityProfile: false };
    const p = r.object(meta, 'outer_rotation_profile', 'meta');
    if (p) {
        const profile: OuterRotationProfile = { omega_amp: r.number(p, 'omega_amp', 'meta.outer_rotation_profile', 0) };
        if (p.omega_base !== undefined) profile.omega_base = r.number(p, 'omega_base', 'meta.outer_rotation_profile', 0);
        out.profile = profile;
    }
    const g = r.object(meta, 'gravity_profile', 'meta');
    if (meta.gravity_profile !== undefined) out.hasGravityProfile = true;
    const tv = g && r.object(g, 'time_variation', 'meta.gravity_profile');
    if (tv) out.variation = { amp: r.number(tv, 'amp', 'meta.gravity_profile.time_variation', 0.0), freq: r.number(tv, 'freq', 'meta.gravity_profile.time_variation', 1.0) };
    return out;
}

function readTests(r: Reader, root: Obj): Scene['tests'] {
    if (root.tests === undefined) return undefined;
    return readList(r, root, 'tests', (rr, v, at) => {
        if (!isObject(v)) { rr.fail(at, `must be an object {time, position} (got ${show(v)})`); return undefined; }
        const time = rr.number(v, 'time', at, undefined, testTime);
        const pos = v.position;
        if (!Array.isArray(pos) || !pos.every((p) => Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number')) {
            rr.fail(join(at, 'position'), `must be a list of [x, y] pairs (got ${show(pos)})`);
            return undefined;
        }
        return { time, position: pos.map((p) => [p[0], p[1]] as Vec2Tuple) };
    });
}

export type SceneResult = { ok: true; scene: Scene } | { ok: false; issues: SceneIssue[] };

/** Validates and resolves parsed scene JSON. `file` only labels the messages. */
export function parseScene(value: unknown, file = '<scene>'): SceneResult {
    const r = new Reader(file);
    if (!isObject(value)) {
        r.fail('', `a scene must be a JSON object with "boxes" and "balls" (got ${show(value)})`);
        return { ok: false, issues: r.issues };
    }
    const physics = r.object(value, 'physics', '') ?? {};
    const meta = r.object(value, 'meta', '');
    const m = readMeta(r, meta);
    const scene: Scene = {
        physics: {
            // Ground-truth defaults: missing `gravity_enabled` is falsy (the prompt writer assumes true).
            gravity_enabled: r.boolean(physics, 'gravity_enabled', 'physics', false),
            gravity_x: r.number(physics, 'gravity_x', 'physics', 0),
            gravity_y: r.number(physics, 'gravity_y', 'physics', 0),
        },
        boxes: readList(r, value, 'boxes', readBox, MAX_SCENE_BODIES),
        balls: readList(r, value, 'balls', readBall, MAX_SCENE_BODIES),
        has_gravity_profile: m.hasGravityProfile,
        meta: meta ?? {},
    };
    if (m.profile) scene.outer_rotation_profile = m.profile;
    if (m.variation) scene.gravity_time_variation = m.variation;
    const tests = readTests(r, value);
    if (tests) scene.tests = tests;
    return r.issues.length ? { ok: false, issues: r.issues } : { ok: true, scene };
}

/**
 * Throws SceneError when a resolved scene breaks the rules parseScene applies to scene files (a scene
 * rebuilt from a prompt can say "0 sides" or "radius 1e308m"): one set of rules for every scene
 * that is simulated, whatever it was read from.
 */
export function assertSimulable(scene: Scene, label = 'scene'): void {
    const result = parseScene(scene, label);
    if (!result.ok) throw new SceneError(result.issues);
}

/**
 * Parses JSON text as Python's json.load reads a scene file: `NaN` and `Infinity` (which Python's
 * json.dump writes for a float nan or inf) are read, and then refused by the field they are in. A
 * syntax error becomes an issue at the root, placed by line and column as Python places it.
 */
export function parseSceneText(text: string, file = '<scene>'): SceneResult {
    let value: unknown;
    try {
        value = jsonParseAsPython(text);
    } catch (error) {
        return { ok: false, issues: [{ file, path: '', message: `invalid JSON: ${jsonErrorText(text, error as Error)}` }] };
    }
    return parseScene(value, file);
}

/** Python's message with its line and column (JSON.parse places only some of its errors), else JSON.parse's. */
function jsonErrorText(text: string, error: Error): string {
    try {
        pyJsonLoads(text);
    } catch (pyError) {
        if (pyError instanceof PyJsonDecodeError) {
            // pos counts code points, as Python's lines and columns do. Walked in place: a copy of a
            // scene file's code points (it may be hundreds of MB) would cost far more than the file.
            let line = 1;
            let lineStart = 0; // code points before the current line
            let points = 0;
            for (let i = 0; i < text.length && points < pyError.pos; points++) {
                const unit = text.charCodeAt(i);
                i += unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
                if (unit === 10) {
                    line++;
                    lineStart = points + 1;
                }
            }
            return `${pyError.msg}: line ${line} column ${pyError.pos - lineStart + 1}`;
        }
    }
    return error.message;
}

/** Reads and validates a scene file; throws SceneError listing every issue. */
export async function loadSceneFile(file: string): Promise<Scene> {
    const result = parseSceneText(await readFile(file, 'utf8'), file);
    if (!result.ok) throw new SceneError(result.issues);
    return result.scene;
}
