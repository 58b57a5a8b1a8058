// Prescribed container motion (docs/bouncingsim.md §5–5.3): the target pose a driven box must reach at the
// end of the step that ends at time t. The simulator turns these targets into kinematic velocities.

import { degToRad } from './geometry.js';
import type { Box, Scene, TranslationPath, Vec2Tuple } from './scene-types.js';

/** Centre of a box following `path` at time t (origin = the JSON `center`). */
export function pathPosition(path: TranslationPath | undefined, origin: Vec2Tuple, t: number): Vec2Tuple {
    const [ox, oy] = origin;
    if (!path) return [ox, oy];
    switch (path.type) {
        case 'sin1d': {
            const d = path.amplitude * Math.sin(2 * Math.PI * path.freq * t);
            // Any axis other than "x" means y, as in the reference.
            return path.axis === 'x' ? [ox + d, oy] : [ox, oy + d];
        }
        case 'lissajous':
            // The +π/2 phase on y is not in the prompt text but is essential to agreement (§6).
            return [ox + path.ax * Math.sin(2 * Math.PI * path.fx * t), oy + path.ay * Math.sin(2 * Math.PI * path.fy * t + Math.PI / 2)];
        case 'piecewise': {
            const segs = Math.max(1, path.segments);
            const phase = (t % 1.0) * segs;
            const tri = 2 * Math.abs(phase - Math.floor(phase) - 0.5);
            return [ox + path.amplitude * (1 - tri), oy];
        }
        case 'unknown':
            return [ox, oy];
    }
}

/** With an outer rotation profile every box is driven; otherwise only boxes with a path. */
export function isDriven(scene: Scene, box: Box): boolean {
    return scene.outer_rotation_profile !== undefined || box.translation_path !== undefined;
}

/**
 * Target angle θ(t) of a driven box. With the profile ω(t) = ω_b + A·sin(t), integrated from θ₀;
 * `omega_base` falls back to the box's own rotation_speed.
 */
export function targetAngle(scene: Scene, box: Box, t: number): number {
    const theta0 = degToRad(box.rotation);
    const profile = scene.outer_rotation_profile;
    if (!profile) return theta0 + box.rotation_speed * t;
    const base = profile.omega_base ?? box.rotation_speed;
    const amp = profile.omega_amp;
    return theta0 + base * t - amp * Math.cos(t) + amp;
}

/** World gravity for the step ending at t (§5.4); the time variation reads the raw fields even when disabled. */
export function gravityAt(scene: Scene, t: number): Vec2Tuple {
    const { gravity_enabled, gravity_x, gravity_y } = scene.physics;
    const tv = scene.gravity_time_variation;
    if (tv) return [gravity_x, gravity_y + tv.amp * Math.sin(2 * Math.PI * tv.freq * t)];
    return gravity_enabled ? [gravity_x, gravity_y] : [0, 0];
}
