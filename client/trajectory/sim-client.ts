// Runs a frames job in out/bouncingsim.cjs (a simulation thread) so the simulation (seconds of planck stepping for long
// scenes) never blocks the extension host's thread. One worker per job: a simulation is synchronous
// inside the worker, so cancelling means terminating it.

import { Worker } from 'node:worker_threads';
import type { SimJob, SimReply } from '../../language/bouncingsim/sim-protocol.js';
import type { FrameRequest, Frames } from '../../language/bouncingsim/simulate.js';

export class SimulationError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'SimulationError';
    }
}

function isReply(v: unknown): v is SimReply {
    return typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string';
}

export interface FramesJob {
    scene: unknown;
    file: string;
    request: FrameRequest;
    onProgress?: (done: number, total: number) => void;
    signal?: AbortSignal;
}

export function simulateInWorker(workerPath: string, job: FramesJob): Promise<Frames> {
    return new Promise((resolve, reject) => {
        if (job.signal?.aborted) { reject(job.signal.reason); return; }
        const worker = new Worker(workerPath);
        let settled = false;
        const finish = (fn: () => void) => {
            if (settled) return;
            settled = true;
            job.signal?.removeEventListener('abort', onAbort);
            void worker.terminate();
            fn();
        };
        const onAbort = () => finish(() => reject(job.signal?.reason));
        job.signal?.addEventListener('abort', onAbort, { once: true });
        worker.on('message', (reply: unknown) => {
            if (!isReply(reply)) return;
            if (reply.type === 'progress') job.onProgress?.(reply.done, reply.total);
            else if (reply.type === 'frames') finish(() => resolve(reply.frames));
            else if (reply.type === 'error') finish(() => reject(new SimulationError(reply.message)));
        });
        worker.on('error', (error) => finish(() => reject(error)));
        worker.on('exit', (code) => finish(() => reject(new SimulationError(`the simulation worker stopped (exit code ${code})`))));
        const message: SimJob = { id: 1, scene: job.scene, file: job.file, frames: job.request, progressEvery: 200 };
        worker.postMessage(message);
    });
}
