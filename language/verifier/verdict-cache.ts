// A DSL text's verdict (compiled program or whole parse-error body), cached by text: RL batches send
// many responses to one prompt, often with the same program. The cache is bounded in bytes, not
// only in entries, so a few huge programs cannot pin gigabytes (docs/verifier-http.md).
import type { CompiledProgram } from '../manufactoria/interpreter/compile.js';
import { programVerdictOf } from '../manufactoria/verdict.js';

/**
 * A DSL text's part of the answer: its compiled program, the whole parse-error body, or the message
 * of an error thrown on the way (answered as the catch-all does). Plain data, so a worker thread can
 * compute it (cli/verify-pool.ts).
 */
export type CompiledDsl = { program: CompiledProgram } | { invalid: string } | { failure: string };

/** Verdicts by DSL text, least recently used first, with their estimated sizes in bytes. */
const cache = new Map<string, { entry: CompiledDsl; bytes: number }>();
/** The cache's bound, and the largest entry it keeps (a bigger program is compiled every time). */
export const CACHE_LIMITS = { totalBytes: 32 * 1024 * 1024, entryBytes: 2 * 1024 * 1024 };
let cachedBytes = 0;

/** What an entry pins in memory, roughly: its key and texts as UTF-16, plus the program's tables. */
function sizeOf(dsl: string, entry: CompiledDsl): number {
    let bytes = 64 + dsl.length * 2;
    if ('program' in entry) for (const id of entry.program.ids) bytes += 64 + id.length * 2;
    else bytes += ('invalid' in entry ? entry.invalid : entry.failure).length * 2;
    return bytes;
}

/** The bytes the cache holds now (for tests and the bench). */
export function verdictCacheBytes(): number {
    return cachedBytes;
}

export function compileDsl(dsl: string): CompiledDsl {
    const hit = cache.get(dsl);
    if (hit) {
        cache.delete(dsl); // most recently used last
        cache.set(dsl, hit);
        return hit.entry;
    }
    let entry: CompiledDsl;
    try {
        const verdict = programVerdictOf(dsl);
        entry = verdict.ok
            ? { program: verdict.program }
            : { invalid: JSON.stringify({ valid: false, all_passed: false, message: `DSL Parse Error: ${verdict.error}`, results: [] }) };
    } catch (error) {
        return { failure: (error as Error).message };
    }
    if (keep(dsl, entry)) fresh?.push([dsl, entry]);
    return entry;
}

/** Caches an entry (least recently used ones make room); false when it is too big to keep. */
function keep(dsl: string, entry: CompiledDsl): boolean {
    const bytes = sizeOf(dsl, entry);
    if (bytes > CACHE_LIMITS.entryBytes) return false;
    for (const [key, old] of cache) {
        if (cachedBytes + bytes <= CACHE_LIMITS.totalBytes) break;
        cache.delete(key);
        cachedBytes -= old.bytes;
    }
    cache.set(dsl, { entry, bytes });
    cachedBytes += bytes;
    return true;
}

/**
 * Sharing between threads (`delta rollouts`' pool, cli/rollouts/pool.ts): the entries this thread
 * compiled and cached since the last takeCompiled(), collected while sharing is on, are handed to
 * the other threads, which addCompiled() them, so a run parses each distinct program about once
 * rather than once per thread. An entry is a pure function of its DSL text, so one made by
 * another thread is the one this thread would make.
 */
let fresh: [string, CompiledDsl][] | undefined;

export function shareCompiled(on: boolean): void {
    fresh = on ? [] : undefined;
}

export function takeCompiled(): [string, CompiledDsl][] {
    const taken = fresh ?? [];
    if (fresh) fresh = [];
    return taken;
}

/** Caches an entry another thread compiled (compileDsl(dsl) there), unless this thread has one. */
export function addCompiled(dsl: string, entry: CompiledDsl): void {
    if (!cache.has(dsl)) keep(dsl, entry);
}
