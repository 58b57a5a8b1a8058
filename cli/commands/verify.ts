// `delta verify`: the reference server's POST /test_solution, one JSON Lines request at a time.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type CommandModule, parseOptions, UsageError, withUsage } from '../command.js';
import { closeOut, countLineBreaks, outputFlushed, readLineChunks, writeOut } from '../io.js';
import { cappedJobs } from '../thread-limit.js';

const USAGE = 'delta verify [FILE|-] [--jobs N] [--chunk-bytes N]   (JSON Lines of {"dsl", "test_cases", "max_execution_time"?})';
/** Input is handed out in pieces of about this many bytes (some 90 requests of the benchmark's size). */
const CHUNK_BYTES = 256 * 1024;

export const verify: CommandModule = {
    main: (args) => withUsage(USAGE, async () => {
        const { positionals, values } = parseOptions(args, { jobs: { type: 'string' }, 'chunk-bytes': { type: 'string' } });
        if (positionals.length > 1) throw new UsageError('expected at most one FILE (or - for stdin)');
        const jobs = count(values.jobs, '--jobs', 1);
        const chunkBytes = count(values['chunk-bytes'], '--chunk-bytes', 1) ?? CHUNK_BYTES;
        const chunks = numbered(readLineChunks(positionals[0] ?? '-', chunkBytes));
        const head: Numbered[] = [];
        while (head.length < 2) {
            const item = await chunks.next();
            if (item.done) break;
            head.push(item.value);
        }
        // --jobs decides (capped, thread-limit.ts); by default one thread per core, but only this one
        // for input of one chunk (about 25 ms of work, less than starting a worker costs).
        const threads = jobs !== undefined ? cappedJobs(jobs) : head.length > 1 ? Math.min(availableParallelism(), 8) : 1;
        // Workers start before this thread loads the language core (below), so both load at once.
        const workers = Array.from({ length: threads - 1 }, () => new Worker(join(__dirname, 'verify-worker.cjs')));
        const { answerChunk } = await import('../verify-core.js');
        let bad = 0;
        if (workers.length > 0) {
            const { answerOnThreads } = await import('../verify-pool.js');
            bad = await answerOnThreads(prepend(head, chunks), workers);
        } else {
            let spare: ArrayBuffer | undefined;
            for await (const chunk of prepend(head, chunks)) {
                const answer = answerChunk(chunk.bytes, chunk.firstLine, spare);
                bad += answer.bad;
                await writeOut(answer.bytes);
                spare = outputFlushed() ? answer.bytes.buffer as ArrayBuffer : undefined;
            }
        }
        await closeOut();
        return bad > 0 ? 1 : 0;
    }),
};

interface Numbered { bytes: Uint8Array; firstLine: number }

/** Each chunk with the number of its first line. */
async function* numbered(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Numbered> {
    let line = 1;
    for await (const bytes of chunks) {
        yield { bytes, firstLine: line };
        line += countLineBreaks(bytes);
    }
}

async function* prepend<T>(head: T[], rest: AsyncIterable<T>): AsyncGenerator<T> {
    yield* head;
    yield* rest;
}

function count(text: string | undefined, option: string, min: number): number | undefined {
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!Number.isInteger(value) || value < min) throw new UsageError(`${option} expects an integer ≥ ${min}, got '${text}'`);
    return value;
}
