// Worker thread of `delta verify` (bundled to out/verify-worker.cjs): the DSL verdicts of the
// chunks the main thread sends, which it needs to answer them (see verify-pool.ts).
import { parentPort } from 'node:worker_threads';
import { compileDsl } from '../language/verifier/verdict-cache.js';
import { packVerdicts } from './verdict-transport.js';
import type { VerdictReply, VerdictRequest } from './verify-pool.js';

parentPort!.on('message', ({ seq, dsls }: VerdictRequest) => {
    let reply: VerdictReply;
    try {
        reply = { seq, verdicts: packVerdicts(dsls.map((dsl) => compileDsl(dsl))) };
    } catch (error) {
        reply = { seq, error: error instanceof Error ? error.stack ?? error.message : String(error) };
    }
    parentPort!.postMessage(reply, 'verdicts' in reply ? [reply.verdicts.ints.buffer as ArrayBuffer] : []);
});
