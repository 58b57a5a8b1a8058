// How many threads a `delta rollouts` run scores on, decided from its command line alone, and its
// worker threads started as soon as the command is known: a worker needs ~0.2 s to start (Node's
// worker bootstrap, then its bundle), which so overlaps the main thread's own start (loading the
// readers, the verdict path, Langium) instead of following it (docs/rollouts.md, "Speed"). Only
// light modules are imported here: this runs before the sub-command's modules load.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { ROLLOUT_FORMATS, type RolloutFormat } from '../../language/rollouts/readers/options.js';
import { expandPaths, isLineJob } from '../../language/rollouts/readers/paths.js';
import { cachedWorkerCode } from '../compile-cache.js';
import { cappedJobs } from '../thread-limit.js';
import { COMMON_OPTIONS, inputPaths, SUBCOMMAND_OPTIONS } from './options.js';

/** JSON Lines input below this many bytes is scored on the main thread (starting workers costs more). */
export const THREADED_BYTES = 8 * 1024 * 1024;

/** The worker threads' bundle, next to the CLI's. */
export function workerFile(): string {
    return join(__dirname, 'rollouts-score-worker.cjs');
}

/** The bytes of the JSON Lines files (the ones threads can share) among the paths given. */
export function lineBytes(files: string[], format?: RolloutFormat): number {
    return expandPaths(files, format).filter(isLineJob).reduce((sum, job) => sum + sizeOf(job.path), 0);
}

/** Threads for a run: --jobs N (capped, thread-limit.ts), else one per core (2–4) for 8 MB of JSON Lines or more, else this thread alone. */
export function threadCount(jobs: number | undefined, bytes: number): number {
    if (jobs !== undefined) return cappedJobs(jobs);
    return bytes >= THREADED_BYTES ? Math.min(Math.max(availableParallelism(), 2), 4) : 1;
}

function sizeOf(path: string): number {
    try {
        return statSync(path).size;
    } catch {
        return 0;
    }
}

/** A worker with its bundle loading (cli/compile-cache.ts); it waits for its setup message (pool.ts). */
export function startWorker(file: string): Worker {
    return new Worker(cachedWorkerCode(file), { eval: true });
}

/** Workers started before their run asked for them, by bundle; each one's listener noting that it failed or ended. */
const early = new Map<string, Worker[]>();
const watching = new WeakMap<Worker, () => void>();
const dead = new WeakSet<Worker>();

/**
 * Starts the workers a `delta rollouts <subcommand> …args` run will ask for (threads - 1), if its
 * command line parses; a command line that does not is left to the command to report. They do not
 * keep the process alive until taken (takeWorkers), so a run that stops early just exits.
 */
export function prestartWorkers(subcommand: string, args: string[], file = workerFile()): void {
    const own = SUBCOMMAND_OPTIONS[subcommand as keyof typeof SUBCOMMAND_OPTIONS];
    if (!own) return;
    let threads: number;
    try {
        const { positionals, values } = parseArgs({ args, options: { ...COMMON_OPTIONS, ...own }, allowPositionals: true, strict: true });
        const format = values.format as RolloutFormat | undefined;
        if (format !== undefined && !ROLLOUT_FORMATS.includes(format)) return;
        const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
        if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) return;
        threads = threadCount(jobs, lineBytes(inputPaths(positionals), format));
    } catch {
        return;
    }
    const workers = early.get(file) ?? [];
    while (workers.length < threads - 1) {
        const worker = startWorker(file);
        worker.unref();
        // Until taken, a failure is only noted: takeWorkers starts another in its place.
        const failed = () => dead.add(worker);
        worker.on('error', failed).on('exit', failed);
        watching.set(worker, failed);
        workers.push(worker);
    }
    if (workers.length) early.set(file, workers);
}

/** The workers of `file` started early and not taken yet (for tests). */
export function waitingWorkers(file: string): Worker[] {
    return [...(early.get(file) ?? [])];
}

/** `count` workers of `file` for a run: those started early (still alive) first, then new ones; the early ones not needed end. */
export function takeWorkers(count: number, file: string): Worker[] {
    const started = early.get(file) ?? [];
    early.delete(file);
    const workers: Worker[] = [];
    for (const worker of started) {
        const failed = watching.get(worker);
        if (failed) worker.off('error', failed).off('exit', failed);
        if (workers.length < count && !dead.has(worker)) {
            worker.ref();
            workers.push(worker);
        } else void worker.terminate();
    }
    while (workers.length < count) workers.push(startWorker(file));
    return workers;
}
