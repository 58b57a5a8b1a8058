// Worker thread of `delta rollouts` (bundled to out/rollouts-score-worker.cjs): reads and scores the
// blocks of JSON Lines the main thread sends (language/rollouts/block.ts), one reply per block.
import { parentPort, workerData } from 'node:worker_threads';
import { blockContext, scoreBlock, type Block } from '../../language/rollouts/block.js';
import { ProblemIndex } from '../../language/rollouts/problem-index.js';
import type { BlockReply, WorkerReady, WorkerSetup } from './pool.js';

const setup = workerData as WorkerSetup;
const ctx = blockContext(setup, new ProblemIndex(setup.problems));
const memo = ctx.score.memo;

parentPort!.on('message', (block: Block) => {
    let reply: BlockReply;
    try {
        reply = { seq: block.seq, items: scoreBlock(block, ctx), memo: { hits: memo.hits, misses: memo.misses } };
    } catch (error) {
        reply = { seq: block.seq, error: error instanceof Error ? error.stack ?? error.message : String(error) };
    }
    parentPort!.postMessage(reply);
});
parentPort!.postMessage({ ready: true } satisfies WorkerReady);
