// Handles one simulation job for the worker: validate the scene JSON, simulate, post replies.
// Kept out of sim-worker.ts so it can be used (and tested) without a worker thread.

import { formatIssue, parseScene } from './scene-load.js';
import type { SimJob, SimReply } from './sim-protocol.js';
import { simulate, simulateFrames } from './simulate.js';

export function handleSimJob(job: SimJob, post: (reply: SimReply) => void): void {
    const { id } = job;
    const parsed = parseScene(job.scene, job.file ?? '<scene>');
    if (!parsed.ok) {
        post({ id, type: 'error', message: parsed.issues.map(formatIssue).join('\n'), issues: parsed.issues });
        return;
    }
    const options = { progressEvery: job.progressEvery ?? 1000, onProgress: (done: number, total: number) => post({ id, type: 'progress', done, total }) };
    try {
        if (job.frames) {
            post({ id, type: 'frames', frames: simulateFrames(parsed.scene, job.frames, options) });
        } else if (job.times) {
            post({ id, type: 'positions', times: job.times, positions: simulate(parsed.scene, job.times, options) });
        } else {
            post({ id, type: 'error', message: 'a job needs "times" or "frames"' });
        }
    } catch (error) {
        post({ id, type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
}
