// Worker thread of `delta rollouts` (bundled to out/rollouts-score-worker.cjs): reads and scores the
// blocks of JSON Lines the main thread sends (language/rollouts/block.ts), one reply per block.
import { parentPort, workerData } from 'node:worker_threads';
import { scoreBlock, type Block, type BlockContext } from '../../language/rollouts/block.js';
import { LabelPlans } from '../../language/rollouts/label-plans.js';
import { ProblemIndex } from '../../language/rollouts/problem-index.js';
import { VerdictMemo } from '../../language/rollouts/verdict-memo.js';
import type { BlockReply, WorkerSetup } from './pool.js';

const setup = workerData as WorkerSetup;
const memo = new VerdictMemo(setup.memo);
const ctx: BlockContext = {
    score: { problems: new ProblemIndex(setup.problems), details: setup.details, mode: setup.mode, verificationReward: setup.verificationReward, memo, plans: new LabelPlans() },
    step: setup.step,
    verificationReward: setup.verificationReward,
    maxLineBytes: setup.maxLineBytes,
    output: setup.output,
    decoders: new Map(),
};

parentPort!.on('message', (block: Block) => {
    let reply: BlockReply;
    try {
        reply = { seq: block.seq, items: scoreBlock(block, ctx), memo: { hits: memo.hits, misses: memo.misses } };
    } catch (error) {
        reply = { seq: block.seq, error: error instanceof Error ? error.stack ?? error.message : String(error) };
    }
    parentPort!.postMessage(reply);
});
