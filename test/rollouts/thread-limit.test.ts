// `--jobs N` is capped (cli/thread-limit.ts): `--jobs 100` on a 4-line file started 99 workers, ~2 GB.
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { threadCount } from '../../cli/rollouts/threads.js';
import { cappedJobs, threadLimit } from '../../cli/thread-limit.js';

describe('the thread limit', () => {
    it('is four threads per core, at least eight', () => {
        expect(threadLimit()).toBe(Math.max(4 * availableParallelism(), 8));
    });
    it('caps --jobs for delta rollouts and delta verify, and leaves smaller counts alone', () => {
        expect(cappedJobs(1)).toBe(1);
        expect(cappedJobs(3)).toBe(3);
        expect(cappedJobs(threadLimit())).toBe(threadLimit());
        expect(cappedJobs(1000)).toBe(threadLimit());
        expect(threadCount(1000, 100)).toBe(threadLimit());
        expect(threadCount(3, 100)).toBe(3);
    });
});
