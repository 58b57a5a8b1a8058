// The worker threads a `delta rollouts` command starts before its modules load
// (cli/rollouts/threads.ts prestartWorkers): as many as its run will ask for, none when the run is
// on one thread or the command line does not parse, handed to the run that asks (takeWorkers: the
// early ones first, a dead one replaced, extra ones ended); a run on them gives the lines a run on
// workers it started itself gives (threads.slow.test.ts holds those to one thread's).
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { scoreOnThreads } from '../../cli/rollouts/pool.js';
import { prestartWorkers, takeWorkers, THREADED_BYTES, threadCount, waitingWorkers } from '../../cli/rollouts/threads.js';
import { afterEach, describe, expect, test } from 'vitest';
// @ts-expect-error: a plain .mjs script shared with the bench
import { generateRollouts } from '../../scripts/bench/gen-rollouts.mjs';

const WORKER = resolve('out/rollouts-score-worker.cjs');
const dir = mkdtempSync(join(tmpdir(), 'rollouts-prestart-'));
const small = join(dir, 'small.jsonl');
writeFileSync(small, `${(generateRollouts(300, 9) as unknown[]).map((r) => JSON.stringify(r)).join('\n')}\n`);
// Only its size is read before the run: a sparse file of THREADED_BYTES.
const big = join(dir, 'big.jsonl');
writeFileSync(big, '');
truncateSync(big, THREADED_BYTES);

const started: Worker[] = [];
afterEach(async () => {
    started.push(...takeWorkers(0, WORKER));
    await Promise.all(started.splice(0).map((w) => w.terminate()));
});

describe('workers started before the run', { timeout: 120_000 }, () => {
    test('as many as the run will ask for: threads - 1', () => {
        prestartWorkers('summary', [small, '--jobs', '3', '--by', 'step'], WORKER);
        expect(waitingWorkers(WORKER)).toHaveLength(2);
        // Asked again (the same command), none more.
        prestartWorkers('summary', [small, '--jobs', '3'], WORKER);
        expect(waitingWorkers(WORKER)).toHaveLength(2);
        started.push(...takeWorkers(2, WORKER));
        prestartWorkers('score', [big, '--details', '-o', join(dir, 'out.jsonl')], WORKER);
        expect(waitingWorkers(WORKER)).toHaveLength(threadCount(undefined, THREADED_BYTES) - 1);
        expect(threadCount(undefined, THREADED_BYTES)).toBe(Math.min(Math.max(availableParallelism(), 2), 4));
    });

    test('none for a run on one thread, another command or a command line that does not parse', () => {
        for (const args of [
            ['summary', small],
            ['summary', big, '--jobs', '1'],
            ['summary', big, '--jobs', 'two'],
            ['summary', big, '--jobs', '0'],
            ['summary', big, '--jobs', '2', '--bogus'],
            ['summary', big, '--jobs', '2', '--details'],
            ['summary', big, '--jobs', '2', '--format', 'nope'],
            ['report', big, '--by', 'step'],
            ['compare', big, '--jobs', '2'],
        ]) {
            prestartWorkers(args[0], args.slice(1), WORKER);
            expect(waitingWorkers(WORKER), args.join(' ')).toHaveLength(0);
        }
    });

    test('taken: the early ones first, then new ones; a dead one is replaced, extra ones end', async () => {
        prestartWorkers('summary', [big, '--jobs', '3'], WORKER);
        const early = waitingWorkers(WORKER);
        const taken = takeWorkers(3, WORKER);
        started.push(...taken);
        expect(taken.slice(0, 2)).toEqual(early);
        expect(early).not.toContain(taken[2]);

        // A worker that ended before it was taken (its bundle failed, or it was ended) is replaced.
        prestartWorkers('summary', [big, '--jobs', '2'], WORKER);
        const [dead] = waitingWorkers(WORKER);
        await dead.terminate();
        await new Promise((done) => setTimeout(done, 50));
        const replaced = takeWorkers(1, WORKER);
        started.push(...replaced);
        expect(replaced).toHaveLength(1);
        expect(replaced[0]).not.toBe(dead);

        prestartWorkers('summary', [big, '--jobs', '3'], WORKER);
        const [kept, extra] = waitingWorkers(WORKER);
        const ended = new Promise((done) => extra.once('exit', done));
        started.push(...takeWorkers(1, WORKER));
        await ended;
        expect(waitingWorkers(WORKER)).toHaveLength(0);
        expect(started).toContain(kept);
    });

    test('a run on workers started early gives the lines of a run on its own workers', async () => {
        const lines = async () => {
            let text = '';
            for await (const item of scoreOnThreads([small], {}, { threads: 2, scoreHere: true, workerFile: WORKER, output: 'json', memo: true, blockBytes: 20_000 })) {
                if ('text' in item) text += item.text;
            }
            return text;
        };
        const own = await lines();
        prestartWorkers('score', [small, '--jobs', '3'], WORKER);
        expect(waitingWorkers(WORKER)).toHaveLength(2);
        const early = await lines();
        expect(waitingWorkers(WORKER)).toHaveLength(0);
        expect(early).toBe(own);
        expect(own.split('\n').length).toBeGreaterThan(300);
    });
});
