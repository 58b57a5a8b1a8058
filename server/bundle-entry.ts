// Entry of out/server.cjs, the one Node bundle that holds the language work the extension ships:
// the language server (a process's main thread), its test-run threads, and the extension's
// rollout-loading thread. Together they carry Langium, Chevrotain and the verdict path once instead
// of three times in the .vsix (docs/editor.md, "The .vsix"). Each role initialises only its own
// modules: esbuild turns these dynamic imports into lazily run parts of the same file.
import { isMainThread, workerData } from 'node:worker_threads';
import { roleOf } from './worker-role.js';

const role = isMainThread ? 'server' : roleOf(workerData);
if (role === 'server') void import('./main.js');
else if (role === 'run-tests') void import('./run-worker.js');
else if (role === 'rollouts') void import('../client/rollouts/worker.js');
else throw new Error('out/server.cjs: a worker thread needs a role in its workerData (server/worker-role.ts)');
