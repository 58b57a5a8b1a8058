// Container drivers (spec §5.2–5.4): translation paths, rotation profiles, gravity variation.
import { describe, expect, it } from 'vitest';
import { gravityAt, isDriven, pathPosition, targetAngle } from '../../language/bouncingsim/container-motion.js';
import type { Box, Scene } from '../../language/bouncingsim/scene-types.js';

const box = (extra: Partial<Box> = {}): Box => ({ center: [750, 750], diameter: 450, sides: 4, rotation: 0, rotation_speed: 0, friction: 0, restitution: 1, ...extra });
const scene = (extra: Partial<Scene> = {}): Scene => ({ physics: { gravity_enabled: false, gravity_x: 0, gravity_y: 0 }, boxes: [box()], balls: [], has_gravity_profile: false, meta: {}, ...extra });

describe('translation paths', () => {
    it('sin1d moves along x, any other axis means y', () => {
        const [x, y] = pathPosition({ type: 'sin1d', amplitude: 10, axis: 'x', freq: 0.5 }, [750, 750], 0.5);
        expect(x).toBeCloseTo(760, 12);
        expect(y).toBe(750);
        const [x2, y2] = pathPosition({ type: 'sin1d', amplitude: 10, axis: 'vertical', freq: 0.5 }, [750, 750], 0.5);
        expect(x2).toBe(750);
        expect(y2).toBeCloseTo(760, 12);
    });

    it('lissajous has the +π/2 phase on y (starts at oy + ay)', () => {
        const path = { type: 'lissajous' as const, ax: 80, ay: 70, fx: 0.6, fy: 0.9 };
        const [x0, y0] = pathPosition(path, [750, 750], 0);
        expect(x0).toBe(750);
        expect(y0).toBeCloseTo(820, 12);
        const [x, y] = pathPosition(path, [750, 750], 0.3);
        expect(x).toBeCloseTo(750 + 80 * Math.sin(2 * Math.PI * 0.6 * 0.3), 12);
        expect(y).toBeCloseTo(750 + 70 * Math.cos(2 * Math.PI * 0.9 * 0.3), 12);
    });

    it('piecewise is a triangle wave on x between 0 and +amplitude with period 1/segments', () => {
        const path = { type: 'piecewise' as const, segments: 4, amplitude: 100 };
        expect(pathPosition(path, [0, 5], 0)).toEqual([0, 5]);
        expect(pathPosition(path, [0, 5], 0.125)[0]).toBeCloseTo(100, 9);
        expect(pathPosition(path, [0, 5], 0.0625)[0]).toBeCloseTo(50, 9);
        expect(pathPosition(path, [0, 5], 0.25)[0]).toBeCloseTo(0, 9);
        expect(pathPosition({ ...path, segments: 0 }, [0, 0], 0.5)[0]).toBeCloseTo(100, 9); // segs = max(1, …)
    });

    it('unknown or missing paths stay at the origin', () => {
        expect(pathPosition({ type: 'unknown', name: 'linear' }, [1, 2], 0.7)).toEqual([1, 2]);
        expect(pathPosition(undefined, [1, 2], 0.7)).toEqual([1, 2]);
    });
});

describe('rotation', () => {
    it('drives every box with a profile, else only boxes with a path', () => {
        const withPath = box({ translation_path: { type: 'sin1d', amplitude: 5, axis: 'x', freq: 1 } });
        expect(isDriven(scene(), box())).toBe(false);
        expect(isDriven(scene(), withPath)).toBe(true);
        expect(isDriven(scene({ outer_rotation_profile: { omega_amp: 0 } }), box())).toBe(true);
    });

    it('integrates ω_b + A·sin(t) from θ₀, falling back to rotation_speed for ω_b', () => {
        const s = scene({ outer_rotation_profile: { omega_base: 1.4, omega_amp: 0.56 } });
        const b = box({ rotation: 90, rotation_speed: 9 });
        const t = 0.8;
        expect(targetAngle(s, b, t)).toBeCloseTo(Math.PI / 2 + 1.4 * t - 0.56 * Math.cos(t) + 0.56, 12);
        expect(targetAngle(scene({ outer_rotation_profile: { omega_amp: 0 } }), box({ rotation_speed: 2 }), t)).toBeCloseTo(1.6, 12);
        expect(targetAngle(scene(), box({ rotation_speed: 0.19 }), 2)).toBeCloseTo(0.38, 12);
        // Numerical derivative of the target is the profile's ω(t).
        const h = 1e-6;
        expect((targetAngle(s, b, t + h) - targetAngle(s, b, t - h)) / (2 * h)).toBeCloseTo(1.4 + 0.56 * Math.sin(t), 6);
    });
});

describe('gravity', () => {
    it('is zero when disabled and constant when enabled', () => {
        expect(gravityAt(scene(), 0.3)).toEqual([0, 0]);
        expect(gravityAt(scene({ physics: { gravity_enabled: true, gravity_x: 1, gravity_y: -100 } }), 0.3)).toEqual([1, -100]);
    });
    it('varies gy with amp·sin(2π·f·t), from the raw fields even when disabled', () => {
        const s = scene({ physics: { gravity_enabled: false, gravity_x: 3, gravity_y: -50 }, gravity_time_variation: { amp: 20, freq: 2 } });
        const [gx, gy] = gravityAt(s, 0.1);
        expect(gx).toBe(3);
        expect(gy).toBeCloseTo(-50 + 20 * Math.sin(2 * Math.PI * 2 * 0.1), 12);
    });
});
