// Worker thread of `delta rollouts` (bundled to out/rollouts-score-worker.cjs): takes ranges of the
// JSON Lines files the main thread names, reads and scores them (cli/rollouts/ranges.ts,
// language/rollouts/block.ts), one reply per range.
import { parentPort } from 'node:worker_threads';
import { blockContext } from '../../language/rollouts/block.js';
import { ProblemIndex } from '../../language/rollouts/problem-index.js';
import { RangeScratch } from '../../language/rollouts/readers/lines.js';
import { shareCompiled } from '../../language/verifier/verdict-cache.js';
import { addShared, takeShared } from '../verdict-transport.js';
import type { BlockReply, WorkerMessage, WorkerReady } from './pool.js';
import { hasLines, RangeReader, scoreRange, type RangeJob } from './ranges.js';

/** This thread's scoring context, made from its setup message (the first it gets: pool.ts). */
let ctx: ReturnType<typeof blockContext>;
const scratch = new RangeScratch();
// Programs compiled here go back with each reply; those of the other threads come as messages.
shareCompiled(true);

const jobs: RangeJob[] = [];
let reader: RangeReader | undefined;
let running = false;

/** One range of the current file per turn of the event loop, so that messages (programs, files) come in between. */
function step(): void {
    const job = jobs[0];
    if (!job) {
        running = false;
        return;
    }
    reader ??= new RangeReader(job, scratch);
    const index = reader.takeWaiting();
    if (index === undefined) {
        reader.close();
        reader = undefined;
        jobs.shift();
        setImmediate(step);
        return;
    }
    let reply: BlockReply;
    try {
        const read = reader.read(index);
        const items = hasLines(read) ? scoreRange(job, read, reader.firstLineWaiting(read), ctx) : [];
        reply = { job: job.id, index, items, memo: { hits: ctx.score.memo.hits, misses: ctx.score.memo.misses }, compiled: takeShared() };
    } catch (error) {
        reply = { job: job.id, index, error: error instanceof Error ? error.stack ?? error.message : String(error) };
    }
    parentPort!.postMessage(reply);
    setImmediate(step);
}

parentPort!.on('message', (message: WorkerMessage) => {
    if ('setup' in message) ctx = blockContext(message.setup, new ProblemIndex(message.setup.problems));
    else if ('compiled' in message) addShared(message.compiled);
    else {
        jobs.push(message.job);
        if (!running) {
            running = true;
            setImmediate(step);
        }
    }
});
parentPort!.postMessage({ ready: true } satisfies WorkerReady);
