// Worker thread of `delta verify` (bundled to out/verify-worker.cjs): answers the chunks the main
// thread sends and hands each answer's bytes back (transferred, not copied).
import { parentPort } from 'node:worker_threads';
import { answerChunk } from './verify-core.js';
import type { ChunkReply, ChunkRequest } from './verify-pool.js';

parentPort!.on('message', ({ seq, bytes, firstLine, reuse }: ChunkRequest) => {
    let reply: ChunkReply;
    try {
        const answer = answerChunk(bytes, firstLine, reuse);
        reply = { seq, bytes: answer.bytes, bad: answer.bad };
    } catch (error) {
        reply = { seq, error: error instanceof Error ? error.stack ?? error.message : String(error) };
    }
    parentPort!.postMessage(reply, 'bytes' in reply ? [reply.bytes.buffer as ArrayBuffer] : []);
});
