// Simulator API: one-pass sampling, frames for animation, progress/abort, and the worker entry.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { pathPosition } from '../../language/bouncingsim/container-motion.js';
import { pyRound } from '../../language/python/number-format.js';
import type { SimReply } from '../../language/bouncingsim/sim-protocol.js';
import { handleSimJob } from '../../language/bouncingsim/sim-job.js';
import { simulate, simulateFrames } from '../../language/bouncingsim/simulate.js';
import { SceneStepper } from '../../language/bouncingsim/stepper.js';
import { buildWorld } from '../../language/bouncingsim/world.js';
import { ChainShape, PolygonShape } from 'planck';
import { STANDARD_TIMESTAMPS } from '../../language/bouncingsim/step-count.js';
import { FIXTURES, loadScene } from './fixtures.js';

const C_HARD = `${FIXTURES}scenes/sample/scenes_C/hard/scene_C_hard_1.json`;
const G_HARD = `${FIXTURES}scenes/sample/scenes_G/hard/scene_G_hard_1.json`;

describe('buildWorld (§4.2 recipe)', () => {
    it('makes kinematic chain loops, bullet balls, fixed rotation, and polygons up to 16 vertices', () => {
        const scene = loadScene(G_HARD);
        scene.balls[0] = { ...scene.balls[0], sides: 16, rotation_affected: true, angular_velocity: 2 };
        scene.balls[1] = { ...scene.balls[1], sides: 0 };
        const w = buildWorld(scene);
        const chain = w.boxes[0].getFixtureList()!.getShape() as ChainShape;
        expect(w.boxes[0].getType()).toBe('kinematic');
        expect(chain.getType()).toBe('chain');
        expect(chain.isLoop()).toBe(true);
        expect(chain.getChildCount()).toBe(6);
        expect(w.world.getGravity()).toMatchObject({ x: 0, y: 0 });
        const poly = w.balls[0].getFixtureList()!.getShape() as PolygonShape;
        expect(poly.m_count).toBe(16);
        expect(w.balls[0].isBullet()).toBe(true);
        expect(w.balls[0].isFixedRotation()).toBe(false);
        expect(w.balls[0].getAngularVelocity()).toBe(2);
        expect(w.balls[1].getFixtureList()!.getShape().getType()).toBe('circle');
        expect(w.balls[2].isFixedRotation()).toBe(true);
        expect(w.balls[2].getFixtureList()!.getFriction()).toBe(0);
        // density 1 × area, computed in float32 like pybox2d (b2PolygonShape::ComputeMass)
        const mass = w.balls[2].getMass();
        expect(mass).toBeCloseTo((3 / 2) * 400 * Math.sin((2 * Math.PI) / 3), 3);
        expect(Math.fround(mass)).toBe(mass);
    });
    it('hands Box2D float32 values, as pybox2d does: poses, velocities, vertices, skin radius', () => {
        const scene = loadScene(G_HARD);
        scene.balls[0] = { ...scene.balls[0], sides: 7, rotation_affected: true, angular_velocity: 1.1, velocity: [123.45, -67.89] };
        const w = buildWorld(scene);
        const isF32 = (x: number) => Math.fround(x) === x;
        const poly = w.balls[0].getFixtureList()!.getShape() as PolygonShape;
        expect(poly.m_vertices.slice(0, 7).every((v) => isF32(v.x) && isF32(v.y))).toBe(true);
        expect(poly.getRadius()).toBe(Math.fround(0.01));
        expect(w.boxes[0].getFixtureList()!.getShape().getRadius()).toBe(Math.fround(0.01));
        const v = w.balls[0].getLinearVelocity();
        expect([v.x, v.y, w.balls[0].getAngularVelocity()].every(isF32)).toBe(true);
        expect(v.x).toBeCloseTo(123.45, 4);
        const stepper = new SceneStepper(scene);
        for (let k = 0; k < 50; k++) stepper.step();
        expect(stepper.ballPoses().every((p) => isF32(p.x) && isF32(p.y) && isF32(p.angle))).toBe(true);
    });
});

describe('simulate', () => {
    it('gives the same positions in one pass as one run per timestamp, in any order', () => {
        const scene = loadScene(G_HARD);
        const once = simulate(scene, STANDARD_TIMESTAMPS);
        for (const k of [0, 2, 14]) expect(simulate(scene, [STANDARD_TIMESTAMPS[k]])[0]).toEqual(once[k]);
        expect(simulate(scene, [1.5, 0.1, 0.1])).toEqual([once[14], once[0], once[0]]);
        expect(simulate(scene, [0])[0]).toEqual(scene.balls.map((b) => b.position));
    });

    it('reports progress and can be aborted', () => {
        const scene = loadScene(C_HARD);
        const seen: number[] = [];
        simulate(scene, [0.5], { progressEvery: 500, onProgress: (done, total) => { expect(total).toBe(2001); seen.push(done); } });
        expect(seen).toEqual([500, 1000, 1500, 2000, 2001]);
        const controller = new AbortController();
        controller.abort(new Error('stop'));
        expect(() => simulate(scene, [1], { signal: controller.signal })).toThrow('stop');
    });
});

describe('simulateFrames', () => {
    it('samples poses at k / fps that agree with simulate and with the container path', () => {
        const scene = loadScene(C_HARD);
        const frames = simulateFrames(scene, { fps: 10, duration: 1.5 });
        expect(frames.times).toHaveLength(16);
        expect(frames.stepCounts.slice(1)).toEqual([400, 800, 1201, 1601, 2001, 2401, 2801, 3201, 3601, 4001, 4401, 4801, 5200, 5600, 6000]);
        expect(frames.balls[0][0]).toEqual({ x: 773, y: 798, angle: 0 });
        const positions = simulate(scene, STANDARD_TIMESTAMPS);
        for (let k = 1; k <= 15; k++) {
            expect(frames.balls[k].map((p) => [pyRound(p.x, 2), pyRound(p.y, 2)])).toEqual(positions[k - 1]);
            // After the initial slew the driven box sits on its Lissajous target.
            const [cx, cy] = pathPosition(scene.boxes[0].translation_path, scene.boxes[0].center, frames.times[k]);
            expect(Math.hypot(frames.boxes[k][0].x - cx, frames.boxes[k][0].y - cy)).toBeLessThan(0.5);
            expect(frames.balls[k][0].angle).toBe(0); // fixed rotation
        }
    });

    it('rejects bad requests', () => {
        const scene = loadScene(C_HARD);
        expect(() => simulateFrames(scene, { fps: 0, duration: 1 })).toThrow(RangeError);
        expect(() => simulateFrames(scene, { fps: 30, duration: -1 })).toThrow(RangeError);
    });
});

describe('sim worker', () => {
    const json = JSON.parse(readFileSync(C_HARD, 'utf8')) as unknown;

    it('answers positions, frames and validation errors (handler)', () => {
        const replies: SimReply[] = [];
        handleSimJob({ id: 1, scene: json, times: [0.1, 0.2], progressEvery: 400 }, (r) => replies.push(r));
        expect(replies.map((r) => r.type)).toEqual(['progress', 'progress', 'progress', 'positions']);
        handleSimJob({ id: 2, scene: { boxes: [], balls: [{ sides: 40 }] }, file: 'x.json', times: [1] }, (r) => replies.push(r));
        const error = replies.at(-1)!;
        expect(error.type === 'error' && error.message).toMatch(/^x\.json: balls\[0\]\.sides: must be an integer ≤ 16/);
        handleSimJob({ id: 3, scene: json, frames: { fps: 5, duration: 0.4 } }, (r) => replies.push(r));
        const frames = replies.at(-1)!;
        expect(frames.type === 'frames' && frames.frames.times).toEqual([0, 0.2, 0.4]);
    });

    it('runs as a bundled worker_threads entry', async () => {
        const outfile = join(mkdtempSync(join(tmpdir(), 'sim-worker-')), 'sim-worker.cjs');
        await build({ entryPoints: [fileURLToPath(new URL('../../language/bouncingsim/sim-worker.ts', import.meta.url))], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'silent' });
        const worker = new Worker(outfile);
        try {
            const result = await new Promise<SimReply>((resolve, reject) => {
                worker.on('message', (m: SimReply) => { if (m.type !== 'progress') resolve(m); });
                worker.on('error', reject);
                worker.postMessage({ id: 'a', scene: json, times: [0.1, 1.5] });
            });
            expect(result).toEqual({ id: 'a', type: 'positions', times: [0.1, 1.5], positions: simulate(loadScene(C_HARD), [0.1, 1.5]) });
        } finally {
            await worker.terminate();
        }
    });
});
