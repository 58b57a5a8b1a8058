// Node's on-disk compile cache (module.enableCompileCache, Node 22.1+; a no-op on older Node): V8's
// compiled code of every module a thread loads after turning it on is kept on disk (by default in
// the OS temp folder, or NODE_COMPILE_CACHE; NODE_DISABLE_COMPILE_CACHE=1 turns it off) and reused
// by later runs, which so skip compiling the ~1 MB bundles (docs/rollouts.md, "Speed": 40–60 ms
// for the CLI, more for a rollouts worker). Entries are keyed by the file's content and the Node
// version, so a rebuilt bundle is compiled afresh. Each thread turns it on for itself.
import nodeModule from 'node:module';

const cache = nodeModule as unknown as { enableCompileCache?: () => unknown; flushCompileCache?: () => void };

/** Turns the cache on for the modules this thread loads from now on. */
export function enableCompileCache(): void {
    cache.enableCompileCache?.();
}

/** The code of an `eval` worker that turns the cache on, loads `file` and writes what it compiled (a worker ended by terminate() never gets to write it at exit). */
export function cachedWorkerCode(file: string): string {
    return `const m=require('node:module');m.enableCompileCache?.();require(${JSON.stringify(file)});m.flushCompileCache?.();`;
}
