// `delta verify` on several threads. The work is split by stage, not by chunk: worker threads
// (cli/verify-worker.ts) compute the DSL verdicts (the Langium parse, the reference checks, the
// compiled program), while this thread reads and parses the JSON, runs the tests and writes the
// answers in input order. Each thread then warms up (JIT-compiles) only its own stage's code: split
// by chunk, both did all of it, and on two cores that cost more than the second core gave. (This
// thread computing verdicts while it waits was measured too: slower, for the same reason.)
import type { Worker } from 'node:worker_threads';
import type { CompiledDsl } from '../language/verifier/verdict-cache.js';
import { outputFlushed, writeOut } from './io.js';
import { unpackVerdicts, type PackedVerdicts } from './verdict-transport.js';
import { answerParsed, dslsOf, parseChunk, type ParsedLine } from './verify-core.js';

export interface VerdictRequest { seq: number; dsls: string[] }
export type VerdictReply = { seq: number; verdicts: PackedVerdicts } | { seq: number; error: string };

interface Pending {
    lines: ParsedLine[];
    /** Input bytes, to size the answer buffer. */
    bytes: number;
    /** compileDsl of each request's DSL, once known. */
    entries?: CompiledDsl[];
    /** Given to a worker (or needing no verdicts). */
    assigned: boolean;
}

/** Chunks read (and their JSON parsed) ahead of the next one to answer, at most: some 4 MB of input. */
const MAX_AHEAD = 16;
/** Chunks a worker holds at a time (one in work, the others queued), so that it never waits for this thread. */
const WORKER_QUEUE = 4;

/**
 * Answers `chunks` (each with the number of its first line) on this thread and `workers` (running
 * cli/verify-worker.ts), and writes the answers in order; returns how many were `{"error"}` lines.
 * The workers are terminated at the end.
 */
export async function answerOnThreads(chunks: AsyncIterable<{ bytes: Uint8Array; firstLine: number }>, workers: Worker[]): Promise<number> {
    const load = workers.map(() => 0);
    /** In input order; `pending[0]` (sequence number `answered`) is the next to answer. */
    const pending: Pending[] = [];
    let answered = 0;
    let bad = 0;
    let failure: Error | undefined;
    let closing = false;
    let wake: (() => void) | undefined;
    const signal = () => { const w = wake; wake = undefined; w?.(); };
    const settled = () => new Promise<void>((resolve) => { wake = resolve; });
    const check = () => { if (failure) throw failure; };

    workers.forEach((worker, index) => {
        worker.on('message', (reply: VerdictReply) => {
            load[index]--;
            if ('error' in reply) failure ??= new Error(`verify worker failed: ${reply.error}`);
            else pending[reply.seq - answered].entries = unpackVerdicts(reply.verdicts);
            signal();
        });
        worker.on('error', (error) => { failure ??= error; signal(); });
        worker.on('exit', (code) => { if (!closing) failure ??= new Error(`verify worker exited with code ${code}`); signal(); });
    });

    /** Hands the oldest unassigned chunks to workers that have room (a starting worker queues them). */
    const dispatch = () => {
        for (let w = 0; w < workers.length; w++) {
            while (load[w] < WORKER_QUEUE) {
                const index = pending.findIndex((p) => !p.assigned);
                if (index < 0) return;
                pending[index].assigned = true;
                load[w]++;
                const message: VerdictRequest = { seq: answered + index, dsls: dslsOf(pending[index].lines) };
                workers[w].postMessage(message);
            }
        }
    };

    const input = chunks[Symbol.asyncIterator]();
    let exhausted = false;
    /** Answer buffers already written out, for the next answers. */
    let spare: ArrayBuffer | undefined;
    try {
        for (;;) {
            check();
            dispatch();
            const head = pending[0];
            if (head?.entries) {
                const answer = answerParsed(head.lines, head.entries, spare, head.bytes * 12 + 4096);
                pending.shift();
                answered++;
                bad += answer.bad;
                await writeOut(answer.bytes);
                spare = outputFlushed() ? answer.bytes.buffer as ArrayBuffer : undefined;
                await new Promise(setImmediate); // take the workers' replies, to hand them more work
            } else if (!exhausted && pending.length < MAX_AHEAD) {
                // Nothing to answer yet (at the start, the workers are still loading): read ahead.
                const next = await input.next();
                if (next.done) exhausted = true;
                else {
                    const lines = parseChunk(next.value.bytes, next.value.firstLine);
                    const requests = lines.some((line) => 'request' in line);
                    pending.push({ lines, bytes: next.value.bytes.byteLength, entries: requests ? undefined : [], assigned: !requests });
                }
            } else if (head) {
                await settled();
            } else {
                break;
            }
        }
        check();
        return bad;
    } finally {
        closing = true;
        await Promise.all(workers.map((worker) => worker.terminate()));
    }
}
