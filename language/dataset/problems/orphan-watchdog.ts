// A child process whose parent is gone must end, even when its main thread is stuck (a crafted
// parquet file can send hyparquet into a long synchronous loop). The parent's time limit cannot
// help once the parent has died, and the IPC 'disconnect' event never runs on a busy main thread.
// So a small worker thread, which has its own event loop, watches the parent id: when the child is
// re-parented, the watchdog kills its own process.
import { Worker } from 'node:worker_threads';

/** The worker's source (eval'd: the bundled child has no separate file for it). */
const WATCH = `
const { workerData } = require('node:worker_threads');
setInterval(() => {
    if (process.ppid !== workerData.parent) process.kill(process.pid, 'SIGKILL');
}, workerData.everyMs);
`;

/** Ends this process within about `everyMs` of its parent's death. Does not keep it alive. */
export function endWithParent(everyMs = 500): void {
    // execArgv: [] keeps the process's preloads (--require, --import) out of this small thread.
    const watchdog = new Worker(WATCH, { eval: true, execArgv: [], workerData: { parent: process.ppid, everyMs } });
    watchdog.unref();
}
