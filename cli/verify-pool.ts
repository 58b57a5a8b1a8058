// `delta verify` on several threads: the main thread reads chunks of whole lines, answers some itself
// and hands the others to workers (cli/verify-worker.ts), and writes the answers in input order.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { outputFlushed, writeOut } from './io.js';
import { answerChunk } from './verify-core.js';

export interface ChunkRequest { seq: number; bytes: Uint8Array; firstLine: number; reuse?: ArrayBuffer }
export type ChunkReply = { seq: number; bytes: Uint8Array; bad: number } | { seq: number; error: string };

/** The bundled worker entry, next to the bundled CLI. */
export function workerPath(): string {
    return join(__dirname, 'verify-worker.cjs');
}

/**
 * Answers `chunks` (each with the number of its first line) on `threads` threads, this one and
 * `threads - 1` workers, and writes the answers in order; returns how many were `{"error"}` lines.
 * A worker gets up to two chunks at a time; this thread answers a chunk whenever they are all busy.
 * At most `8 * threads` answers are held in memory (in flight or waiting for an earlier one).
 */
export async function answerOnThreads(chunks: AsyncIterable<{ bytes: Uint8Array; firstLine: number }>, threads: number, script = workerPath()): Promise<number> {
    const workers = Array.from({ length: threads - 1 }, () => new Worker(script));
    const load = workers.map(() => 0);
    const ready = new Map<number, Uint8Array>();
    /** Answer buffers already written out, for the next answers. */
    const spares: ArrayBuffer[] = [];
    let bad = 0;
    let nextToWrite = 0;
    let sent = 0;
    let failure: Error | undefined;
    let closing = false;
    let wake: (() => void) | undefined;
    const signal = () => { const w = wake; wake = undefined; w?.(); };
    const settled = () => new Promise<void>((resolve) => { wake = resolve; });

    workers.forEach((worker, index) => {
        worker.on('message', (reply: ChunkReply) => {
            load[index]--;
            if ('error' in reply) failure ??= new Error(`verify worker failed: ${reply.error}`);
            else {
                bad += reply.bad;
                ready.set(reply.seq, reply.bytes);
            }
            signal();
        });
        worker.on('error', (error) => { failure ??= error; signal(); });
        worker.on('exit', (code) => { if (!closing) failure ??= new Error(`verify worker exited with code ${code}`); signal(); });
    });

    /** Writes every answer that is next in order. */
    const drain = async () => {
        for (let bytes = ready.get(nextToWrite); bytes !== undefined; bytes = ready.get(nextToWrite)) {
            ready.delete(nextToWrite);
            nextToWrite++;
            await writeOut(bytes);
            if (outputFlushed() && spares.length < 2 * threads) spares.push(bytes.buffer as ArrayBuffer);
        }
    };
    const check = () => { if (failure) throw failure; };

    try {
        for await (const chunk of chunks) {
            // Answers wait to be written in order: stop taking input while too many are pending.
            for (;;) {
                check();
                await drain();
                if (sent - nextToWrite < 8 * threads) break;
                await settled();
            }
            const least = load.indexOf(Math.min(...load));
            if (least >= 0 && load[least] < 2) {
                const copy = new Uint8Array(chunk.bytes); // its own ArrayBuffer, transferred below
                const reuse = spares.pop();
                const message: ChunkRequest = { seq: sent++, bytes: copy, firstLine: chunk.firstLine, reuse };
                load[least]++;
                workers[least].postMessage(message, reuse ? [copy.buffer as ArrayBuffer, reuse] : [copy.buffer as ArrayBuffer]);
            } else {
                const answer = answerChunk(chunk.bytes, chunk.firstLine, spares.pop());
                bad += answer.bad;
                ready.set(sent++, answer.bytes);
                await new Promise(setImmediate); // let the workers' replies in
            }
        }
        while (nextToWrite < sent) {
            check();
            await drain();
            if (nextToWrite < sent) await settled();
        }
        check();
        return bad;
    } finally {
        closing = true;
        await Promise.all(workers.map((worker) => worker.terminate()));
    }
}
