// Scene loader (spec §2): defaults, aliases, expressions, tolerance of extra keys, clear errors.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSceneFile, parseScene, parseSceneText, SceneError } from '../../language/bouncingsim/scene-load.js';
import { FIXTURES, fixtureRows } from './fixtures.js';

const minimal = { boxes: [{ center: [750, 750], diameter: 300, sides: 4 }], balls: [{}] };

describe('parseScene', () => {
    it('applies the ground-truth defaults', () => {
        const r = parseScene(minimal);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.scene.physics).toEqual({ gravity_enabled: false, gravity_x: 0, gravity_y: 0 });
        expect(r.scene.boxes[0]).toEqual({ center: [750, 750], diameter: 300, sides: 4, rotation: 0, rotation_speed: 0, friction: 0, restitution: 1 });
        expect(r.scene.balls[0]).toEqual({
            position: [100, 100], velocity: [0, 0], radius: 20, sides: 0, angular_velocity: 0, density: 1, restitution: 1,
            rotation_affected: true, color: [255, 0, 0],
        });
        expect(r.scene.outer_rotation_profile).toBeUndefined();
        expect(r.scene.has_gravity_profile).toBe(false);
    });

    it('accepts radius as an alias of diameter/2, expressions, paths and meta drivers', () => {
        const r = parseScene({
            physics: { gravity_enabled: true, gravity_x: 1.5, gravity_y: -9.8 },
            boxes: [
                { center: [0, 0], radius: 100, sides: 5, rotation_speed: 'tau / 4', translation_path: { type: 'lissajous', ax: 3 } },
                { center: [1, 1], diameter: 50, sides: 3, translation_path: { type: 'sin1d' } },
                { center: [1, 1], diameter: 50, sides: 3, translation_path: { type: 'piecewise', amplitude: 7 } },
                { center: [1, 1], diameter: 50, sides: 3, translation_path: { type: 'linear', velocity: [1, 0] } },
            ],
            balls: [{ velocity: ['300 * cos(pi / 3)', -2], angular_velocity: 'sqrt(4)', sides: 16, unknown_key: 1 }],
            meta: { outer_rotation_profile: { omega_amp: 0.4 }, gravity_profile: { tilt_angle_deg: 12, time_variation: { amp: 3 } }, anything: [1] },
            extra_top_level: true,
        });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const [b0, b1, b2, b3] = r.scene.boxes;
        expect(b0.diameter).toBe(200);
        expect(b0.rotation_speed).toBeCloseTo(Math.PI / 2, 14);
        expect(b0.translation_path).toEqual({ type: 'lissajous', ax: 3, ay: 0, fx: 1, fy: 1 });
        expect(b1.translation_path).toEqual({ type: 'sin1d', amplitude: 0, axis: 'x', freq: 1 });
        expect(b2.translation_path).toEqual({ type: 'piecewise', segments: 4, amplitude: 7 });
        expect(b3.translation_path).toEqual({ type: 'unknown', name: 'linear' });
        expect(r.scene.balls[0].velocity[0]).toBeCloseTo(150, 12);
        expect(r.scene.balls[0].angular_velocity).toBe(2);
        expect(r.scene.outer_rotation_profile).toEqual({ omega_amp: 0.4 });
        expect(r.scene.gravity_time_variation).toEqual({ amp: 3, freq: 1 });
        expect(r.scene.has_gravity_profile).toBe(true);
        expect(r.scene.meta.anything).toEqual([1]);
    });

    it('names the field path and the reason for every problem', () => {
        const r = parseScene({
            physics: { gravity_enabled: 'yes' },
            boxes: [{ center: [750, 750], diameter: 300, sides: 4 }, { center: [1], diameter: -3, sides: 2.5, rotation_speed: 'tau(' }],
            balls: [{ position: ['a', 1], velocity: ['tau', 0], sides: 17 }, 'ball'],
        }, 'bad.json');
        expect(r.ok).toBe(false);
        if (r.ok) return;
        const byPath = Object.fromEntries(r.issues.map((i) => [i.path, i.message]));
        expect(r.issues.every((i) => i.file === 'bad.json')).toBe(true);
        expect(Object.keys(byPath).sort()).toEqual([
            'balls[0].position', 'balls[0].sides', 'balls[0].velocity[0]', 'balls[1]',
            'boxes[1].center', 'boxes[1].diameter', 'boxes[1].rotation_speed', 'boxes[1].sides', 'physics.gravity_enabled',
        ]);
        expect(byPath['boxes[1].sides']).toMatch(/integer ≥ 3 \(got 2.5\)/);
        expect(byPath['balls[0].velocity[0]']).toMatch(/name 'tau' is not allowed/);
        expect(byPath['boxes[1].rotation_speed']).toMatch(/invalid expression "tau\(" at column/);
    });

    it('reports missing required fields and non-objects', () => {
        const r = parseScene({ boxes: [{ center: [0, 0] }] });
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.issues.map((i) => `${i.path}: ${i.message}`)).toEqual(['boxes[0].diameter: is required', 'boxes[0].sides: is required', 'balls: must be a list (got nothing)']);
        const notScene = parseScene([1, 2]);
        expect(notScene.ok).toBe(false);
    });

    it('throws a SceneError naming the file for invalid JSON', async () => {
        await expect(loadSceneFile(`${FIXTURES}rows/dataset_sample_basic.jsonl`)).rejects.toThrow(SceneError);
        await expect(loadSceneFile(`${FIXTURES}rows/dataset_sample_basic.jsonl`)).rejects.toThrow(/dataset_sample_basic\.jsonl: \(root\): invalid JSON/);
    });

    it('reads NaN and Infinity as Python\'s json.load does, and names the field that holds one', () => {
        const scene = (x: string) => `{"boxes": [{"center": [750, 750], "diameter": 450, "sides": 4}],\n "balls": [{"position": [${x}, 763], "velocity": [1, 2], "radius": 40}]}`;
        expect(parseSceneText(scene('700'), 's.json').ok).toBe(true);
        for (const word of ['NaN', 'Infinity', '-Infinity']) {
            expect(parseSceneText(scene(word), 's.json')).toEqual({ ok: false, issues: [{ file: 's.json', path: 'balls[0].position', message: `must be a pair of numbers [x, y] (got [${word},763])` }] });
        }
    });

    it('places a JSON syntax error by line and column as Python does (code points)', () => {
        const issue = (text: string) => { const r = parseSceneText(text, 's.json'); return r.ok ? undefined : r.issues; };
        expect(issue('{\n  "boxes": [1,\n  2 3]}')).toEqual([{ file: 's.json', path: '', message: "invalid JSON: Expecting ',' delimiter: line 3 column 5" }]);
        expect(issue('{\n "é😀": x}')).toEqual([{ file: 's.json', path: '', message: 'invalid JSON: Expecting value: line 2 column 8' }]);
        expect(issue('')).toEqual([{ file: 's.json', path: '', message: 'invalid JSON: Expecting value: line 1 column 1' }]);
    });

    it('loads every fixture scene', async () => {
        const paths = [
            ...fixtureRows().map((r) => r.scenePath),
            ...readdirSync(`${FIXTURES}examples`).filter((f) => f.startsWith('scene_')).map((f) => `${FIXTURES}examples/${f}`),
        ];
        expect(paths).toHaveLength(36 + 13);
        for (const p of paths) await expect(loadSceneFile(p)).resolves.toBeTruthy();
    });
});
