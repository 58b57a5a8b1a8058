// Worker thread of `delta rollouts` (bundled to out/rollouts-score-worker.cjs): reads and scores the
// blocks of JSON Lines the main thread sends (language/rollouts/block.ts), one reply per block.
import { parentPort, workerData } from 'node:worker_threads';
import { blockContext, scoreBlock } from '../../language/rollouts/block.js';
import { ProblemIndex } from '../../language/rollouts/problem-index.js';
import { shareCompiled } from '../../language/verifier/verdict-cache.js';
import { addShared, takeShared } from '../verdict-transport.js';
import type { BlockMessage, BlockReply, WorkerReady, WorkerSetup } from './pool.js';

const setup = workerData as WorkerSetup;
const ctx = blockContext(setup, new ProblemIndex(setup.problems));
const memo = ctx.score.memo;
// Programs compiled here go back with each reply; those of the other threads come with the blocks.
shareCompiled(true);

parentPort!.on('message', ({ compiled, ...block }: BlockMessage) => {
    let reply: BlockReply;
    try {
        addShared(compiled);
        reply = { seq: block.seq, items: scoreBlock(block, ctx), memo: { hits: memo.hits, misses: memo.misses }, compiled: takeShared() };
    } catch (error) {
        reply = { seq: block.seq, error: error instanceof Error ? error.stack ?? error.message : String(error) };
    }
    parentPort!.postMessage(reply);
});
parentPort!.postMessage({ ready: true } satisfies WorkerReady);
