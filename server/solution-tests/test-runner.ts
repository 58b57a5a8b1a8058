// Runs test jobs in one worker thread, one job at a time, each with a time limit. A job over the
// limit terminates the worker (the only way to stop a runaway regex); the next job starts a new one.
// The limit counts from when the worker says it is ready: loading a worker on a busy machine is not
// the program's time.
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { runSolution, type SolutionCase, type SolutionRun } from '../../language/dataset/solutions/run-solution.js';
import { workerOptions } from '../worker-role.js';
import { SUPERSEDED } from '../protocol.js';

export { SUPERSEDED };

export interface RunJob {
    id: number;
    text: string;
    cases: SolutionCase[];
}

export interface RunJobReply {
    id: number;
    run: SolutionRun;
}

/** What a run worker posts once, when it can take jobs. */
export const WORKER_READY = 'ready';

interface Pending {
    job: RunJob;
    timeoutMs: number;
    /** Jobs with the same key replace each other while queued (a document's newer text). */
    key?: string;
    resolve: (run: SolutionRun) => void;
}


export class TestRunner {
    private worker: Worker | undefined;
    private readonly queue: Pending[] = [];
    private active: (Pending & { timer?: NodeJS.Timeout }) | undefined;
    /** Set while the current worker has not said it is ready: starts the active job when it does. */
    private onReady: (() => void) | undefined;
    private nextId = 1;

    /** Without a worker file (unit tests, missing bundle) jobs run in-process, without a time limit. */
    constructor(private readonly workerFile?: string) {}

    get usesWorker(): boolean {
        return this.workerFile !== undefined && existsSync(this.workerFile);
    }

    run(text: string, cases: SolutionCase[], timeoutMs: number, key?: string): Promise<SolutionRun> {
        const job: RunJob = { id: this.nextId++, text, cases };
        if (!this.usesWorker) return Promise.resolve().then(() => runSolution(text, cases));
        if (key !== undefined) {
            // Older queued runs of the same document are dropped: only the newest text is worth running.
            for (let i = this.queue.length - 1; i >= 0; i--) {
                if (this.queue[i].key === key) this.queue.splice(i, 1)[0].resolve({ state: 'error', message: SUPERSEDED });
            }
        }
        return new Promise((resolve) => {
            this.queue.push({ job, timeoutMs, key, resolve });
            this.pump();
        });
    }

    dispose(): void {
        for (const pending of this.queue.splice(0)) pending.resolve({ state: 'error', message: 'The language server is shutting down' });
        this.finish({ state: 'error', message: 'The language server is shutting down' });
        void this.worker?.terminate();
        this.worker = undefined;
    }

    private pump(): void {
        if (this.active || this.queue.length === 0) return;
        const next = this.queue.shift()!;
        const fresh = !this.worker;
        const worker = this.ensureWorker();
        const active: Pending & { timer?: NodeJS.Timeout } = { ...next };
        this.active = active;
        const start = () => {
            if (this.active !== active) return;
            active.timer = setTimeout(() => {
                // Terminating is the only way to stop synchronous work in the worker.
                void worker.terminate();
                if (this.worker === worker) this.worker = undefined;
                this.finish({ state: 'error', message: `Stopped after ${next.timeoutMs} ms: the run did not finish (an expected output that is a pathological regex can backtrack for very long). Raise manufactoria.tests.timeout to wait longer.` });
            }, next.timeoutMs);
            worker.postMessage(next.job);
        };
        if (fresh) this.onReady = start;
        else start();
    }

    private finish(run: SolutionRun, id?: number): void {
        const active = this.active;
        if (!active || (id !== undefined && active.job.id !== id)) return;
        clearTimeout(active.timer);
        this.active = undefined;
        active.resolve(run);
        this.pump();
    }

    private ensureWorker(): Worker {
        if (this.worker) return this.worker;
        const worker = new Worker(this.workerFile!, workerOptions('run-tests'));
        worker.on('message', (reply: RunJobReply | typeof WORKER_READY) => {
            if (reply !== WORKER_READY) return this.finish(reply.run, reply.id);
            const start = this.onReady;
            this.onReady = undefined;
            start?.();
        });
        // A terminated (timed-out) worker is no longer current; its late exit must not end the next job.
        const failed = (message: string) => {
            if (this.worker !== worker) return;
            this.worker = undefined;
            this.onReady = undefined;
            this.finish({ state: 'error', message });
        };
        worker.on('error', (error) => failed(`Test worker failed: ${error.message}`));
        worker.on('exit', () => failed('Test worker exited unexpectedly'));
        worker.unref();
        this.worker = worker;
        return worker;
    }
}
