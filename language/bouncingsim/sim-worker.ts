// Simulation thread (out/bouncingsim.cjs in a worker thread, see cli/bouncingsim-entry.ts): runs simulations off the extension host's thread.
// Jobs (see sim-protocol.ts) run one at a time; a simulation is synchronous, so to cancel one,
// terminate the worker.

import { parentPort } from 'node:worker_threads';
import { handleSimJob } from './sim-job.js';
import type { SimJob } from './sim-protocol.js';

const port = parentPort;
if (!port) throw new Error('sim-worker must run in a worker thread');
port.on('message', (job: SimJob) => handleSimJob(job, (reply) => port.postMessage(reply)));
