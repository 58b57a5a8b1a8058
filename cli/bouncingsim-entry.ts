// Entry of out/bouncingsim.cjs, the BouncingSim bundle the extension ships. In a worker thread it is
// the simulation worker (the trajectory panel's frames); as a process it is `delta` with only its
// `bouncingsim` command (the Generate BouncingSim Problems command forks it). One bundle, so the
// .vsix carries planck once; each role loads only its own modules.
import { isMainThread } from 'node:worker_threads';
import { runDelta } from './dispatch.js';
import { SUMMARIES } from './summaries.js';

if (isMainThread) runDelta({ bouncingsim: { summary: SUMMARIES.bouncingsim, load: async () => (await import('./commands/bouncingsim.js')).bouncingsim } });
else void import('../language/bouncingsim/sim-worker.js');
