// Runs request answers off the HTTP thread, on worker threads that can be stopped: a request over
// its time budget terminates the thread computing it (V8 interrupts even a tight loop or a
// backtracking regex) and a fresh one takes its place, so one pathological request never stalls
// the others or /health. Each thread answers one request at a time; the rest wait in a queue.
// When every thread is busy with a request that has run for a while (a slow or stuck one), an
// extra thread is started for the queue, up to `maxThreads`; extra threads retire when idle.
import { Worker } from 'node:worker_threads';
import type { HttpAnswer } from './fastapi-body.js';
import { answerJob, type AnswerJob, type JobLimits } from './answer-job.js';

export interface JobReply { id: number; answer?: HttpAnswer; error?: string; /** Sent once, after the thread's warm-up. */ ready?: true }
export interface JobMessage { id: number; job: AnswerJob; limits: JobLimits }

/** Thrown (as the promise's rejection) for a job whose signal aborted. */
export class JobAborted extends Error {}

interface Pending { id: number; job: AnswerJob; resolve: (answer: HttpAnswer) => void; reject: (error: Error) => void; worker?: Worker; started?: number }

/** A job running longer than this counts as slow: the queue behind it gets another thread. */
const SLOW_MS = 150;
/** An extra thread idle this long is stopped. */
const RETIRE_MS = 10_000;

export interface PoolOptions {
    /** Worker threads; 0 answers on the calling thread (tests), with no way to stop a running job. */
    threads: number;
    /** The bundled worker (out/verifier-worker.cjs). */
    workerFile?: string;
    limits: JobLimits;
    /** Most threads at once, counting the extra ones for queues stuck behind slow requests (default threads + 3). */
    maxThreads?: number;
    /** Heap limit per thread, so a request cannot take the process down (MB). */
    heapMb?: number;
}

export class VerdictPool {
    private readonly idle: Worker[] = [];
    private readonly queue: Pending[] = [];
    private readonly running = new Map<Worker, Pending>();
    private nextId = 1;
    private closed = false;
    private workers = 0;
    private recheck?: NodeJS.Timeout;
    private readonly idleSince = new Map<Worker, number>();
    /** Threads still loading and warming up: they get work once they say they are ready. */
    private readonly starting = new Set<Worker>();
    private readonly firstReady: Promise<void>;
    private markFirstReady!: () => void;
    private failStart!: (error: Error) => void;
    private everReady = false;

    constructor(private readonly options: PoolOptions) {
        this.firstReady = new Promise((resolve, reject) => { this.markFirstReady = resolve; this.failStart = reject; });
        for (let i = 0; i < options.threads; i++) this.spawn();
        if (options.threads === 0) this.markFirstReady();
    }

    /** Resolves when the initial threads are warm (a server listens only then). */
    ready(): Promise<void> {
        return this.firstReady;
    }

    run(job: AnswerJob, signal: AbortSignal): Promise<HttpAnswer> {
        if (this.options.threads === 0) {
            return new Promise((resolve) => resolve(answerJob(job, this.options.limits)));
        }
        return new Promise((resolve, reject) => {
            const pending: Pending = { id: this.nextId++, job, resolve, reject };
            signal.addEventListener('abort', () => this.abort(pending), { once: true });
            this.queue.push(pending);
            this.dispatch();
        });
    }

    async close(): Promise<void> {
        this.closed = true;
        clearTimeout(this.recheck);
        const workers = [...this.idle, ...this.running.keys(), ...this.starting];
        this.idle.length = 0;
        await Promise.all(workers.map((w) => w.terminate()));
    }

    private spawn(): void {
        this.workers++;
        const worker = new Worker(this.options.workerFile!, { resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb ?? 1024 } });
        this.starting.add(worker);
        worker.on('message', (reply: JobReply) => {
            if (reply.ready) {
                this.starting.delete(worker);
                this.idle.push(worker);
                this.idleSince.set(worker, Date.now());
                this.everReady = true;
                if (this.starting.size === 0) this.markFirstReady();
                this.dispatch();
                return;
            }
            const pending = this.running.get(worker);
            if (!pending || pending.id !== reply.id) return;
            this.running.delete(worker);
            this.idle.push(worker);
            this.idleSince.set(worker, Date.now());
            if (reply.answer) pending.resolve(reply.answer);
            else pending.reject(new Error(reply.error ?? 'worker failed'));
            this.dispatch();
        });
        let failure: Error | undefined;
        worker.on('error', (error) => { failure = error; });
        worker.on('exit', () => {
            // A thread that cannot even start (a missing bundle): fail the server's start, do not respawn forever.
            if (!this.everReady && this.starting.has(worker)) {
                this.closed = true;
                this.failStart(new Error(`the verdict thread did not start: ${failure?.message ?? 'it exited'}`));
                return;
            }
            this.replace(worker, new Error('the verdict thread stopped (out of memory?)'));
        });
    }

    /** A thread that exited or was stopped: fail its job (if still waiting) and start another. */
    private replace(worker: Worker, error: Error): void {
        const index = this.idle.indexOf(worker);
        if (index >= 0) this.idle.splice(index, 1);
        const wasStarting = this.starting.delete(worker);
        const pending = this.running.get(worker);
        if (!this.running.delete(worker) && index < 0 && !wasStarting) return; // already replaced or retired
        this.workers--;
        pending?.reject(error);
        if (!this.closed && this.workers < this.options.threads) this.spawn();
    }

    private dispatch(): void {
        this.retireIdle();
        while (this.idle.length > 0 && this.queue.length > 0) {
            const worker = this.idle.pop()!;
            this.idleSince.delete(worker);
            const pending = this.queue.shift()!;
            pending.worker = worker;
            pending.started = Date.now();
            this.running.set(worker, pending);
            // The body is copied into memory of its own: Node's small buffers share a pool that must not be transferred.
            const body = new Uint8Array(pending.job.body);
            const message: JobMessage = { id: pending.id, job: { ...pending.job, body }, limits: this.options.limits };
            worker.postMessage(message, [body.buffer as ArrayBuffer]);
        }
        if (this.queue.length > 0) this.growIfStuck();
    }

    /** Starts an extra thread when every running job is slow; otherwise looks again shortly. */
    private growIfStuck(): void {
        const max = this.options.maxThreads ?? this.options.threads + 3;
        const now = Date.now();
        const slow = [...this.running.values()].every((p) => now - (p.started ?? now) >= SLOW_MS);
        if (slow && this.workers < max && this.idle.length === 0 && this.starting.size === 0) this.spawn();
        this.recheck ??= setTimeout(() => { this.recheck = undefined; if (!this.closed) this.dispatch(); }, SLOW_MS);
    }

    /** Stops extra threads that have had nothing to do for a while. */
    private retireIdle(): void {
        const now = Date.now();
        while (this.workers > this.options.threads && this.idle.length > 0) {
            const oldest = this.idle[0];
            if (now - (this.idleSince.get(oldest) ?? now) < RETIRE_MS) break;
            this.idle.shift();
            this.idleSince.delete(oldest);
            this.workers--;
            void oldest.terminate();
        }
    }

    private abort(pending: Pending): void {
        const queued = this.queue.indexOf(pending);
        if (queued >= 0) {
            this.queue.splice(queued, 1);
            pending.reject(new JobAborted());
            return;
        }
        const worker = pending.worker;
        if (worker && this.running.get(worker) === pending) {
            this.running.delete(worker);
            pending.reject(new JobAborted());
            this.workers--;
            void worker.terminate();
            if (!this.closed) {
                if (this.workers < this.options.threads) this.spawn();
                this.dispatch();
            }
        }
    }
}
