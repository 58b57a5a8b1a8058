// The scene description block of a prompt, in the benchmark's line formats (spec-derived; see
// docs/bouncingsim-generation.md): prompt-scene.ts reads these lines back into the same scene.

import { pyFixed } from '../../python/number-format.js';
import { pyStr, value, type BallTree, type BoxTree, type PathTree, type SceneTree } from './tree.js';

interface Profile { omega_base: { value: number }; omega_amp: { value: number } }

function pathText(p: PathTree): string {
    switch (p.type) {
        case 'sin1d': return `1D sinusoidal translation along ${p.axis}-axis (amplitude ${pyStr(p.amplitude)}m, freq ${pyStr(p.freq)}Hz)`;
        case 'lissajous': return `2D Lissajous path (ax=${pyStr(p.ax)}m, ay=${pyStr(p.ay)}m, fx=${pyStr(p.fx)}Hz, fy=${pyStr(p.fy)}Hz)`;
        case 'piecewise': return `piecewise linear oscillation (segments=${p.segments}, amplitude ${pyStr(p.amplitude)}m)`;
    }
}

function containerLine(b: BoxTree, i: number, profile: Profile | undefined): string {
    const parts = [
        `Container ${i + 1}: regular polygon with ${b.sides} sides, radius ${pyFixed(b.diameter / 2, 2)}m, center at (${b.center[0]}, ${b.center[1]})`,
        `initial orientation ${pyFixed((value(b.rotation) * Math.PI) / 180, 3)} rad`,
    ];
    const w = value(b.rotation_speed);
    if (profile) {
        const base = profile.omega_base.value;
        const amp = profile.omega_amp.value;
        parts.push(Math.abs(amp) < 1e-6
            ? `angular velocity ≈ ${pyFixed(base, 3)} rad/s`
            : `time-varying angular velocity ω(t)= ${pyFixed(base, 3)} + ${pyFixed(amp, 3)}·sin(t) rad/s`);
    } else if (Math.abs(w) > 1e-6) {
        parts.push(Math.abs(w) < 1e-4 ? 'no rotation' : `constant angular velocity ≈ ${pyFixed(w, 3)} rad/s`);
    }
    if (b.translation_path) parts.push(pathText(b.translation_path));
    return `- ${parts.join('; ')}`;
}

function ballLine(b: BallTree, i: number): string {
    const shape = b.sides <= 2 ? 'circle' : `regular polygon (${b.sides} sides)`;
    const w = b.angular_velocity ? value(b.angular_velocity) : 0;
    const spin = Math.abs(w) < 1e-4 ? 'no angular velocity' : `initial angular velocity ≈ ${pyFixed(w, 3)} rad/s`;
    return `- Ball ${i + 1}: ${shape}, radius ${pyStr(b.radius)}m, initial position (${b.position[0]}, ${b.position[1]}), `
        + `initial velocity (${pyStr(b.velocity[0])}, ${pyStr(b.velocity[1])}) m/s, ${spin}`;
}

function gravityText(t: SceneTree): string {
    const gx = value(t.physics.gravity_x);
    const gy = value(t.physics.gravity_y);
    if (!t.physics.gravity_enabled || (Math.abs(gx) < 1e-6 && Math.abs(gy) < 1e-6)) return 'no effective gravity (treated as zero)';
    return `constant gravity vector (${pyFixed(gx, 2)}, ${pyFixed(gy, 2)}) m/s^2`;
}

/** From `### Scene description` to the last Dynamics bullet (no trailing newline). */
export function sceneDescription(t: SceneTree): string {
    const profile = t.meta.outer_rotation_profile as Profile | undefined;
    const dynamics = [
        profile ? '- Outer container rotation varies with time.' : '',
        t.boxes.some((b) => b.translation_path) ? '- A container executes a prescribed translation path.' : '',
        t.meta.gravity_profile !== undefined ? '- Gravity varies over time.' : '',
    ].filter(Boolean);
    return [
        '### Scene description',
        '#### Containers',
        ...(t.boxes.length ? t.boxes.map((b, i) => containerLine(b, i, profile)) : ['- No containers.']),
        '',
        '#### Objects',
        ...(t.balls.length ? t.balls.map(ballLine) : ['- No dynamic objects.']),
        '',
        '### Physics',
        `- ${gravityText(t)}.`,
        '',
        '### Dynamics',
        ...(dynamics.length ? dynamics : ['- No additional time-varying mechanisms.']),
    ].join('\n');
}
