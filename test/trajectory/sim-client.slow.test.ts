// The extension's worker client: frames come back from out/sim-worker.cjs identical to an
// in-process run, errors and cancellation reject, and the worker does not outlive the job.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { simulateFrames } from '../../language/bouncingsim/simulate.js';
import { simulateInWorker, SimulationError } from '../../client/trajectory/sim-client.js';
import { FIXTURES, loadScene } from '../bouncingsim/fixtures.js';

const SCENE = `${FIXTURES}scenes/sample/scenes_B/basic/scene_B_basic_1.json`;
let workerPath = '';

beforeAll(async () => {
    workerPath = join(mkdtempSync(join(tmpdir(), 'traj-worker-')), 'sim-worker.cjs');
    await build({ entryPoints: [fileURLToPath(new URL('../../language/bouncingsim/sim-worker.ts', import.meta.url))], bundle: true, platform: 'node', format: 'cjs', outfile: workerPath, logLevel: 'silent' });
});

describe('simulateInWorker', () => {
    it('returns the same frames as simulateFrames, with progress', async () => {
        const progress: number[] = [];
        const request = { fps: 60, duration: 0.5 };
        const frames = await simulateInWorker(workerPath, { scene: JSON.parse(readFileSync(SCENE, 'utf8')), file: SCENE, request, onProgress: (done) => progress.push(done) });
        expect(frames).toEqual(simulateFrames(loadScene(SCENE), request));
        expect(progress.length).toBeGreaterThan(1);
        expect(progress[progress.length - 1]).toBe(frames.stepCounts[frames.stepCounts.length - 1]); // 2001: the float loop (§5.5)
    });

    it('rejects with the validation message for a broken scene', async () => {
        await expect(simulateInWorker(workerPath, { scene: { boxes: 1, balls: [] }, file: 'bad.json', request: { fps: 60, duration: 1 } }))
            .rejects.toThrow(SimulationError);
        await expect(simulateInWorker(workerPath, { scene: { boxes: 1, balls: [] }, file: 'bad.json', request: { fps: 60, duration: 1 } }))
            .rejects.toThrow(/bad\.json: boxes: must be a list/);
    });

    it('cancels by terminating the worker', async () => {
        const abort = new AbortController();
        const job = simulateInWorker(workerPath, {
            scene: JSON.parse(readFileSync(SCENE, 'utf8')), file: SCENE, request: { fps: 60, duration: 20 },
            signal: abort.signal, onProgress: () => abort.abort(new Error('stop')),
        });
        await expect(job).rejects.toThrow('stop');
        const already = new AbortController();
        already.abort(new Error('early'));
        await expect(simulateInWorker(workerPath, { scene: {}, file: 'x', request: { fps: 60, duration: 1 }, signal: already.signal })).rejects.toThrow('early');
    });
});
