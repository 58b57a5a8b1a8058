// Warm Python workers (python-source.ts WORKER_SOURCE), one per core, each in its own sandbox
// (or, not sandboxed, a plain process with a clean environment). Tests are queued and handed to
// the next free worker; a worker runs one test at a time, forked from its warm interpreter.
// Idle workers do not keep Node alive; they exit with it (bwrap --die-with-parent, or EOF on fd 0).

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { PythonInfo } from './interpreter.js';
import { WORKER_SOURCE } from './python-source.js';
import { bwrapArgs, DEFAULT_LIMITS, minimalEnv, type SandboxLimits } from './sandbox.js';

export interface TestJob {
    program: string;
    assert: string;
    timeoutMs: number;
}

/** What `run_test` (python-source.ts) reports from inside the test's process. */
export interface ChildVerdict {
    passed: boolean;
    runtime: number;
    phase?: 'program' | 'assert';
    exc_type?: string;
    exc_message?: string;
    predicted?: (number | null)[][];
    distance?: number | null;
}

export interface TestReply {
    /**
     * A JSON object as the test's process wrote it (runner.ts readVerdict checks its shape; the
     * program can write anything there). Absent when the process ended without one (crash,
     * os._exit, signal), was killed, or wrote more than the limit.
     */
    verdict?: unknown;
    /** The worker killed the test: at the deadline, for holding too many processes or threads, or too much SysV shared memory. */
    killed?: 'timeout' | 'procs' | 'memory';
    exit?: number;
    signal?: number;
    stdout: string;
    stderr: string;
    /** Seconds from the fork to the end of the test. */
    elapsed: number;
    /** The worker itself died or stopped answering (the test is failed, the worker replaced). */
    workerError?: string;
    /** The worker is exiting after this reply (what the test left in its folder could not be removed). */
    retire?: boolean;
}

export interface PoolMode {
    /** bwrap path when sandboxed. */
    bwrap?: string;
}

interface Pending {
    job: TestJob;
    resolve: (reply: TestReply) => void;
    reject: (error: Error) => void;
}

const READY_TIMEOUT_MS = 60_000;
/** Beyond the test's own budget, how long the worker may take to report before it is replaced. */
const REPLY_GRACE_MS = 5_000;
/**
 * Node's timers hold at most 2^31 − 1 ms (~24.8 days); a longer delay fires after 1 ms, which made a
 * `--timeout 3000000` or a `max_execution_time` of 1e7 fail every test at once. A longer budget is
 * this one: in effect no limit, as in the reference.
 */
const MAX_BUDGET_MS = 2 ** 31 - 1 - REPLY_GRACE_MS;

class Worker {
    private proc: ChildProcess;
    private buffer: Buffer = Buffer.alloc(0);
    private stderr = '';
    private current?: Pending;
    private timer?: NodeJS.Timeout;
    private readyWait?: { resolve: () => void; reject: (e: Error) => void };
    readonly ready: Promise<void>;
    dead = false;
    private root?: string;

    constructor(info: PythonInfo, mode: PoolMode, limits: SandboxLimits, private readonly onIdle: (w: Worker) => void, private readonly onDead: (w: Worker) => void) {
        const conf = (root: string, sandboxed: boolean) => JSON.stringify({
            sandboxed, root, keep: limits.keepOutput, maxProcs: limits.maxProcs, verdictBytes: limits.verdictBytes,
            limits: { memoryBytes: limits.memoryBytes, fileBytes: limits.fileBytes, processes: limits.processes, openFiles: limits.openFiles },
        });
        const stdio: ('pipe' | 'ignore')[] = ['pipe', 'ignore', 'pipe', 'pipe'];
        if (mode.bwrap) {
            this.proc = spawn(mode.bwrap, [...bwrapArgs(info, limits), info.executable, '-I', '-c', WORKER_SOURCE, conf('/tmp', true)], { stdio, env: {}, windowsHide: true });
        } else {
            this.root = mkdtempSync(join(tmpdir(), 'delta-python-'));
            this.proc = spawn(info.executable, ['-I', '-c', WORKER_SOURCE, conf(this.root, false)], { stdio, env: minimalEnv(this.root), cwd: this.root, windowsHide: true });
        }
        this.ready = new Promise((resolve, reject) => { this.readyWait = { resolve, reject }; });
        this.ready.catch(() => { /* reported to whoever waits for it */ });
        const out = this.proc.stdio[3] as Readable;
        out.on('data', (chunk: Buffer) => this.receive(chunk));
        (this.proc.stderr as Readable).setEncoding('utf8').on('data', (d: string) => { this.stderr = (this.stderr + d).slice(-4096); });
        (this.proc.stdin as Writable).on('error', () => { /* reported via exit */ });
        this.proc.on('error', (error) => this.die(`cannot start the Python worker: ${error.message}`));
        this.proc.on('exit', (code, signal) => this.die(`the Python worker exited (${signal ?? `code ${code}`})${this.stderr.trim() ? `: ${this.stderr.trim().split('\n').slice(-1)[0]}` : ''}`));
        this.timer = setTimeout(() => this.die('the Python worker did not start in time'), READY_TIMEOUT_MS);
        this.timer.unref();
    }

    get busy(): boolean {
        return this.current !== undefined;
    }

    /** Lets Node exit while this worker waits for work. */
    private setRef(on: boolean): void {
        const handles = [this.proc, this.proc.stdio[3], this.proc.stderr, this.proc.stdin] as unknown as ({ ref?: () => void; unref?: () => void } | null)[];
        for (const h of handles) (on ? h?.ref : h?.unref)?.call(h);
    }

    /** Busy from now on; the request is written once the interpreter is up. */
    reserve(pending: Pending): void {
        this.current = pending;
        this.setRef(true);
        this.ready.then(() => { if (!this.dead) this.send(pending); }, () => { /* die() failed the test */ });
    }

    private send(pending: Pending): void {
        const budgetMs = Math.min(pending.job.timeoutMs, MAX_BUDGET_MS);
        const body = Buffer.from(JSON.stringify({ id: 0, program: pending.job.program, assert: pending.job.assert, timeout: budgetMs / 1000 }), 'utf8');
        const head = Buffer.alloc(4);
        head.writeUInt32BE(body.length);
        (this.proc.stdin as Writable).write(Buffer.concat([head, body]));
        this.timer = setTimeout(() => {
            this.proc.kill('SIGKILL');
            this.die('the Python worker stopped answering');
        }, budgetMs + REPLY_GRACE_MS);
    }

    private receive(chunk: Buffer): void {
        this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
        while (this.buffer.length >= 4) {
            const size = this.buffer.readUInt32BE(0);
            if (this.buffer.length < 4 + size) return;
            let message: TestReply & { ready?: boolean };
            try {
                message = JSON.parse(this.buffer.subarray(4, 4 + size).toString('utf8'));
            } catch {
                // Never thrown out of a stream handler (that would end Node); the test fails, the worker is replaced.
                this.die('the Python worker sent an unreadable reply');
                return;
            }
            this.buffer = this.buffer.subarray(4 + size);
            clearTimeout(this.timer);
            if (message.ready) {
                this.readyWait?.resolve();
                this.readyWait = undefined;
                this.setRef(this.busy);
                continue;
            }
            const done = this.current;
            this.current = undefined;
            this.setRef(false);
            done?.resolve(message);
            // The worker could not empty its folder after that test and exits: no test goes to it.
            if (message.retire) this.die('the Python worker retired');
            else this.onIdle(this);
        }
    }

    private die(reason: string): void {
        if (this.dead) return;
        this.dead = true;
        clearTimeout(this.timer);
        this.readyWait?.reject(new Error(reason));
        const done = this.current;
        this.current = undefined;
        done?.resolve({ workerError: reason, stdout: '', stderr: this.stderr, elapsed: 0 });
        if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGKILL');
        try {
            if (this.root) rmSync(this.root, { recursive: true, force: true });
        } catch { /* a folder the test made unreadable (not sandboxed): never thrown out of an exit handler */ }
        this.onDead(this);
    }

    close(): void {
        this.proc.kill('SIGKILL');
    }
}

export class PythonPool {
    private workers: Worker[] = [];
    private queue: Pending[] = [];

    constructor(readonly info: PythonInfo, readonly mode: PoolMode, readonly size = Math.max(1, availableParallelism()), readonly limits: SandboxLimits = DEFAULT_LIMITS) {}

    get sandboxed(): boolean {
        return this.mode.bwrap !== undefined;
    }

    run(job: TestJob, signal?: AbortSignal): Promise<TestReply> {
        return new Promise((resolve, reject) => {
            const pending: Pending = { job, resolve, reject };
            if (signal) {
                if (signal.aborted) return reject(signal.reason);
                signal.addEventListener('abort', () => {
                    const at = this.queue.indexOf(pending);
                    if (at >= 0) { this.queue.splice(at, 1); reject(signal.reason); }
                }, { once: true });
            }
            this.queue.push(pending);
            this.dispatch();
        });
    }

    /** Starts one worker and waits until it is ready (surfaces start-up errors early). */
    async warm(): Promise<void> {
        const worker = this.workers.find((w) => !w.dead) ?? this.spawn();
        await worker.ready;
    }

    private spawn(): Worker {
        const worker = new Worker(this.info, this.mode, this.limits, () => this.dispatch(), (w) => {
            this.workers = this.workers.filter((x) => x !== w);
            this.dispatch();
        });
        this.workers.push(worker);
        return worker;
    }

    private dispatch(): void {
        while (this.queue.length) {
            let worker = this.workers.find((w) => !w.busy && !w.dead);
            if (!worker && this.workers.length < this.size) worker = this.spawn();
            if (!worker) return;
            worker.reserve(this.queue.shift()!);
        }
    }

    close(): void {
        for (const w of this.workers) w.close();
        this.workers = [];
    }
}
