// The most threads a command runs on, whatever `--jobs` asks: beyond a few per core more threads
// only cost memory (each worker has its own V8 heap and bundle, ~20 MB before any work; `--jobs 100`
// on a 4-line file took ~2 GB). Shared by `delta rollouts` and `delta verify`.
import { availableParallelism } from 'node:os';

/** Four threads per core, at least eight. */
export function threadLimit(): number {
    return Math.max(4 * availableParallelism(), 8);
}

/** `--jobs N`, capped at threadLimit(). */
export function cappedJobs(jobs: number): number {
    return Math.min(jobs, threadLimit());
}
