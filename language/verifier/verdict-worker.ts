// A verdict thread of `delta serve` (bundled to out/verifier-worker.cjs): answers the jobs that
// verdict-pool.ts sends, one at a time, transferring the answer's bytes back.
import { parentPort } from 'node:worker_threads';
import { answerJob } from './answer-job.js';
import type { JobMessage, JobReply } from './verdict-pool.js';

// Warm up before the first request: building the parser services is the slow part of a new thread.
answerJob({ route: 'test_solution', contentType: undefined, body: new TextEncoder().encode('{"dsl":"START start:\\n    NEXT end\\nEND end","test_cases":[{"input":"R"}]}') }, { maxResponseBytes: 1 << 20 });
parentPort!.postMessage({ id: 0, ready: true } satisfies JobReply);

parentPort!.on('message', ({ id, job, limits }: JobMessage) => {
    let reply: JobReply;
    try {
        reply = { id, answer: answerJob(job, limits) };
    } catch (error) {
        reply = { id, error: error instanceof Error ? error.stack ?? error.message : String(error) };
    }
    const body = reply.answer?.body;
    parentPort!.postMessage(reply, body && body.byteOffset === 0 && body.buffer.byteLength >= body.byteLength ? [body.buffer as ArrayBuffer] : []);
});
