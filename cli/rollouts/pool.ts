// `delta rollouts` on several threads. JSON Lines dumps (every line format: open-instruct traces and
// rollout shards, verl, plain rows) are cut into ranges of bytes that the worker threads
// (cli/rollouts/score-worker.ts) and this thread take in turn, each reading, parsing and scoring its
// own ranges (cli/rollouts/ranges.ts, language/rollouts/block.ts): so N threads work at once on N
// cores, none reading for another or waiting for its bytes. Ranges are given back in input order.
// The split is by range, not by stage as in `delta verify` (cli/verify-pool.ts): a rollout's time
// goes into parsing its big JSON row and extracting the program, which only the thread holding the
// row can do, not into compiling its program. Other files (parquet, CSV, JSON documents, eval_code
// runs) and BouncingSim answers (sandboxed Python owned by this thread) are scored here, in their place.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { blockContext, summaryRowCount, type BlockItem, type BlockOutput, type BlockSetup, type SummaryValue } from '../../language/rollouts/block.js';
import type { Problem } from '../../language/dataset/problems/problem.js';
import { scoreRollouts, type ScoreRunOptions } from '../../language/rollouts/pipeline.js';
import { tokenizerHint } from '../../language/rollouts/readers/index.js';
import { expandPaths, isLineJob, type Job } from '../../language/rollouts/readers/paths.js';
import { stepFromFileName, isRow } from '../../language/rollouts/readers/fields.js';
import { lineFormatOf, type LineFormat } from '../../language/rollouts/readers/jsonl.js';
import { blockLines, RangeScratch, readLineBlocks, tooLongMessage } from '../../language/rollouts/readers/lines.js';
import { issue } from '../../language/rollouts/readers/options.js';
import { scoreRollout, type ScoreOutcome } from '../../language/rollouts/score.js';
import { ProblemIndex } from '../../language/rollouts/problem-index.js';
import { shareCompiled } from '../../language/verifier/verdict-cache.js';
import { addShared, takeShared, type SharedCompiled } from '../verdict-transport.js';
import { hasLines, rangeCount, RangeReader, scoreRange, sharedFor, type RangeJob } from './ranges.js';
import { takeWorkers } from './threads.js';

/** What a worker is set up with (its first message). */
export interface WorkerSetup extends BlockSetup {
    problems: Problem[];
}

/** A worker's reply for one range of file `job`. */
export type BlockReply = { job: number; index: number; items: BlockItem[]; memo: MemoCount; compiled?: SharedCompiled } | { job: number; index: number; error: string };

/** What a worker is sent: its setup (first), a file to take ranges of, or the programs the other threads compiled. */
export type WorkerMessage = { setup: WorkerSetup } | { job: RangeJob } | { compiled: SharedCompiled };

/** A worker's first message: its modules are loaded. */
export interface WorkerReady { ready: true }

export interface MemoCount { hits: number; misses: number }

/**
 * What the run yields: outcomes, or (output `json`) scored rows already written as their lines, or
 * (output `summary`) a range's rows still packed (block.ts summaryRows unpacks them): the consumer
 * folds a range's rows in one go rather than awaiting them one by one.
 */
export type PoolItem = ScoreOutcome | { text: string; rows: number } | { packed: SummaryValue[] };

export interface PoolOptions {
    /** Worker threads (0 or more). */
    threads: number;
    /** This thread takes ranges too (needed with no worker). */
    scoreHere?: boolean;
    workerFile: string;
    output: BlockOutput;
    /** The verdict memo in the workers (language/rollouts/verdict-memo.ts). */
    memo: boolean;
    /** Bytes per range (default 1 MiB). */
    blockBytes?: number;
    /** Verdict memo counts summed over the threads, updated as replies come. */
    stats?: MemoCount;
}

/** A piece of the run in input order: a line file for the threads, or a file (or an issue) for this thread. */
type Unit =
    | { kind: 'ranges'; file: string; format: LineFormat; fileStep: number | null; tokenizer?: string; size: number }
    | { kind: 'here'; job: Job }
    | { kind: 'issue'; file: string; item: ScoreOutcome };

/** Ranges taken beyond the next one given back, at most, per thread: enough that no thread waits on another's slow range, few enough to hold. */
const AHEAD_PER_THREAD = 6;

export async function* scoreOnThreads(paths: string[], options: ScoreRunOptions, pool: PoolOptions): AsyncGenerator<PoolItem> {
    const setup: WorkerSetup = {
        problems: options.problems?.problems ?? [], details: !!options.details, mode: options.mode, verificationReward: options.verificationReward,
        step: options.step, maxLineBytes: options.maxLineBytes, output: pool.output, memo: pool.memo,
    };
    if (pool.threads < 1 && !pool.scoreHere) throw new Error('scoreOnThreads: no thread to score on');
    // Workers the command started early (threads.ts prestartWorkers) and new ones; each gets its setup first.
    const workers = takeWorkers(pool.threads, pool.workerFile);
    for (const worker of workers) worker.postMessage({ setup } satisfies WorkerMessage);
    // The threads hand each other the programs they compile (verdict-cache.ts shareCompiled).
    shareCompiled(workers.length > 0);
    const memo = workers.map(() => ({ hits: 0, misses: 0 }));
    // This thread's scoring context, made on its first range.
    let here: ReturnType<typeof blockContext> | undefined;
    const count = () => {
        if (!pool.stats) return;
        pool.stats.hits = memo.reduce((s, m) => s + m.hits, here?.score.memo.hits ?? 0);
        pool.stats.misses = memo.reduce((s, m) => s + m.misses, here?.score.memo.misses ?? 0);
    };
    let failure: Error | undefined;
    let closing = false;
    let wake: (() => void) | undefined;
    const signal = () => { const w = wake; wake = undefined; w?.(); };
    /** The file being scored on ranges and the replies to it not given back yet, by range. */
    let current: { job: RangeJob; replies: Map<number, BlockItem[]> } | undefined;

    workers.forEach((worker, index) => {
        worker.on('message', (reply: BlockReply | WorkerReady) => {
            if ('ready' in reply) return;
            if ('error' in reply) failure ??= new Error(`rollouts worker failed: ${reply.error}`);
            else {
                addShared(reply.compiled);
                memo[index] = reply.memo;
                count();
                // A reply for a file given up (it could not be read on) is dropped.
                if (current?.job.id === reply.job) current.replies.set(reply.index, reply.items);
            }
            signal();
        });
        worker.on('error', (error) => { failure ??= error; signal(); });
        worker.on('exit', (code) => { if (!closing) failure ??= new Error(`rollouts worker exited with code ${code}`); signal(); });
    });

    const ctx = { ...options };
    const scratch = new RangeScratch();
    const blockBytes = pool.blockBytes ?? 1 << 20;
    let files = 0;
    const units = produce(paths, options);
    try {
        for await (const unit of units) {
            if (failure) throw failure;
            if (unit.kind === 'here') {
                yield* scoreRollouts([unit.job.path], { ...options, format: unit.job.format });
                continue;
            }
            if (unit.kind === 'issue') {
                yield unit.item;
                continue;
            }
            const job: RangeJob = {
                id: files++, file: unit.file, format: unit.format, fileStep: unit.fileStep, tokenizer: unit.tokenizer, size: unit.size, blockBytes,
                maxLineBytes: options.maxLineBytes, maxAhead: AHEAD_PER_THREAD * (workers.length + 1), shared: sharedFor(unit.size, blockBytes),
            };
            current = { job, replies: new Map() };
            for (const worker of workers) worker.postMessage({ job } satisfies WorkerMessage);
            const reader = new RangeReader(job, scratch);
            const ranges = rangeCount(job.size, blockBytes);
            let records = 0;
            try {
                for (let head = 0; head < ranges;) {
                    if (failure) throw failure;
                    if (options.signal?.aborted) throw options.signal.reason;
                    const items = current.replies.get(head);
                    if (items) {
                        current.replies.delete(head);
                        let dead = false;
                        for (const item of items) {
                            if ('fileError' in item) {
                                dead = true;
                                yield issue(job.file, item.fileError);
                                break;
                            }
                            if ('text' in item) {
                                records += item.rows;
                                yield item;
                            } else if ('packed' in item) {
                                records += summaryRowCount(item.packed);
                                yield item;
                            } else if ('row' in item) {
                                records++;
                                yield item.row;
                            } else if ('record' in item) {
                                records++;
                                yield await scoreRollout(item.record, ctx);
                            } else yield item;
                        }
                        if (dead) break;
                        head++;
                        RangeReader.given(job.shared, head);
                        options.onProgress?.({ file: job.file, bytesRead: Math.min(head * blockBytes, job.size), totalBytes: job.size, records });
                        continue;
                    }
                    const index = pool.scoreHere ? reader.take() : undefined;
                    if (typeof index === 'number') {
                        const read = reader.read(index);
                        here ??= blockContext(setup, options.problems ?? new ProblemIndex());
                        current.replies.set(index, hasLines(read) ? scoreRange(job, read, await reader.firstLineAsync(read, () => failure), here) : []);
                        count();
                        const compiled = workers.length > 0 ? takeShared() : undefined;
                        if (compiled) for (const worker of workers) worker.postMessage({ compiled } satisfies WorkerMessage);
                        // The workers' replies come in between this thread's ranges.
                        await new Promise<void>((resolve) => setImmediate(resolve));
                        continue;
                    }
                    // Nothing to take here: the next range to give back is a worker's.
                    await new Promise<void>((resolve) => { wake = resolve; });
                }
            } finally {
                RangeReader.stop(job.shared);
                reader.close();
                current = undefined;
            }
        }
        if (failure) throw failure;
    } finally {
        closing = true;
        shareCompiled(false);
        await units.return?.(undefined);
        await Promise.all(workers.map((worker) => worker.terminate()));
    }
}

/**
 * The run's units in input order: a line file whose format is decided (by its name, --format, or
 * its first row) for the threads; any other file (or a line file whose first block holds no row to
 * decide its format by) whole, for this thread.
 */
async function* produce(paths: string[], options: ScoreRunOptions): AsyncGenerator<Unit> {
    for (const job of expandPaths(paths, options.format)) {
        const file = job.path;
        let size: number;
        try {
            const stat = statSync(file);
            if (!isLineJob(job) || !stat.isFile()) {
                yield { kind: 'here', job };
                continue;
            }
            size = stat.size;
        } catch {
            yield { kind: 'here', job };
            continue;
        }
        let format = job.format as LineFormat | undefined;
        if (!format && size > 0) {
            const found = await detectFormat(file, options);
            if ('issues' in found) {
                for (const item of found.issues) yield { kind: 'issue', file, item };
                continue;
            }
            if (!found.format) {
                // No row to decide the format by in the first block: the whole file is read here, line by line.
                yield { kind: 'here', job };
                continue;
            }
            format = found.format;
        }
        if (format) yield { kind: 'ranges', file, format, fileStep: stepFromFileName(basename(file)), tokenizer: tokenizerHint(job, options), size };
    }
}

/**
 * The format of the file's first block of whole lines (over-long lines before it passed over: the
 * threads report them in their place), or the issues that end the file when it cannot be read.
 */
async function detectFormat(file: string, options: ScoreRunOptions): Promise<{ format?: LineFormat } | { issues: ScoreOutcome[] }> {
    const held: ScoreOutcome[] = [];
    try {
        for await (const piece of readLineBlocks(file, { maxLineBytes: options.maxLineBytes, signal: options.signal })) {
            if ('tooLong' in piece) held.push(issue(`${file}:${piece.line}`, tooLongMessage(piece.tooLong, options.maxLineBytes)));
            else return { format: formatOfBlock(piece.bytes, piece.firstLine, options.maxLineBytes) };
        }
    } catch (error) {
        if (options.signal?.aborted) throw error;
        return { issues: [...held, issue(file, error instanceof Error ? error.message : String(error))] };
    }
    return {};
}

/** The format of the block's first JSON object row (as the one-thread reader decides it), if any. */
function formatOfBlock(bytes: Uint8Array, firstLine: number, maxLineBytes: number | undefined): LineFormat | undefined {
    for (const line of blockLines(bytes, firstLine, maxLineBytes)) {
        if ('tooLong' in line || line.text.trim() === '') continue;
        try {
            const row: unknown = JSON.parse(line.text);
            if (isRow(row)) return lineFormatOf(row);
        } catch {
            // not a row: the next line may be
        }
    }
    return undefined;
}
