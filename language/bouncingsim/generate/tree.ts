// The generated scene as it will be written: the scene-file object (§2 key order) in which every
// value the reference writes as a Python float is a PyFloat. One tree feeds the scene file, the
// prompt (whose numbers are Python `str()` of these values) and, unwrapped, the simulator.

import { pyFloatRepr, pyRound } from '../../python/number-format.js';
import { PyFloat, pyJsonDumps } from '../../python/json-dumps.js';
import { parseScene } from '../scene-load.js';
import type { Scene } from '../scene-types.js';

export type Num = number | PyFloat;

export type PathTree =
    | { type: 'sin1d'; amplitude: Num; axis: 'x'; freq: PyFloat }
    | { type: 'lissajous'; ax: Num; ay: Num; fx: PyFloat; fy: PyFloat }
    | { type: 'piecewise'; segments: number; amplitude: PyFloat };

export interface BoxTree {
    center: [number, number];
    diameter: number;
    sides: number;
    rotation: PyFloat;
    friction: PyFloat;
    restitution: PyFloat;
    rotation_speed: PyFloat;
    translation_path?: PathTree;
}

export interface BallTree {
    position: [number, number];
    velocity: [PyFloat, PyFloat];
    radius: PyFloat;
    density: PyFloat;
    restitution: PyFloat;
    color: [number, number, number];
    sides: number;
    rotation_affected: boolean;
    angular_velocity?: PyFloat;
}

export interface SceneTree {
    physics: { gravity_enabled: boolean; gravity_x: PyFloat; gravity_y: PyFloat };
    boxes: BoxTree[];
    balls: BallTree[];
    meta: Record<string, unknown>;
}

/** A float rounded to 2 decimals like the reference's writer (−0.0 written as 0.0). */
export const f2 = (x: number): PyFloat => new PyFloat(pyRound(x, 2) + 0);
/** A float kept as is. */
export const fl = (x: number): PyFloat => new PyFloat(x);
/** int(round(x)) as the reference writes centres, positions and diameters. */
export const int = (x: number): number => pyRound(x, 0) + 0;

export const value = (n: Num): number => (n instanceof PyFloat ? n.value : n);
/** Python `str()` of an int or a float. */
export const pyStr = (n: Num): string => (n instanceof PyFloat ? pyFloatRepr(n.value) : String(n));

export function box(center: [number, number], diameter: number, sides: number, rotationSpeed = 0): BoxTree {
    return {
        center: [int(center[0]), int(center[1])], diameter: int(diameter), sides,
        rotation: fl(0), friction: fl(0), restitution: fl(1), rotation_speed: f2(rotationSpeed),
    };
}

export function ball(position: [number, number], velocity: [number, number], radius: number, sides: number, color: [number, number, number]): BallTree {
    return {
        position: [int(position[0]), int(position[1])], velocity: [f2(velocity[0]), f2(velocity[1])], radius: f2(radius),
        density: fl(1), restitution: fl(1), color, sides, rotation_affected: false,
    };
}

/** The ball spins freely from the start (family A). */
export function spin(b: BallTree, omega: number): void {
    b.rotation_affected = true;
    b.angular_velocity = f2(omega);
}

export function noGravity(): SceneTree['physics'] {
    return { gravity_enabled: false, gravity_x: fl(0), gravity_y: fl(0) };
}

/** The resolved scene the simulator reads: exactly what loading the written file gives. */
export function resolveTree(tree: SceneTree): Scene {
    const parsed = parseScene(JSON.parse(pyJsonDumps(tree)), '<generated>');
    if (!parsed.ok) throw new Error(`generated scene is invalid: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    return parsed.scene;
}
