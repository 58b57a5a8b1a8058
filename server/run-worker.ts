// Worker thread (role 'run-tests' of out/server.cjs) that runs a solution's tests off the server's main loop.
// A pathological expected-output regex can backtrack for minutes; the server then terminates us.
import '../language/node-compat.cjs';
import { parentPort } from 'node:worker_threads';
import { runSolution } from '../language/dataset/solutions/run-solution.js';
import { WORKER_READY, type RunJob, type RunJobReply } from './solution-tests/test-runner.js';

parentPort?.on('message', (job: RunJob) => {
    let reply: RunJobReply;
    try {
        reply = { id: job.id, run: runSolution(job.text, job.cases) };
    } catch (error) {
        reply = { id: job.id, run: { state: 'error', message: `Unexpected error: ${(error as Error).message}` } };
    }
    parentPort!.postMessage(reply);
});
parentPort?.postMessage(WORKER_READY);
