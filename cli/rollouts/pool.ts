// `delta rollouts` on several threads. JSON Lines dumps (every line format: open-instruct traces and
// rollout shards, verl, plain rows) are cut into blocks of whole lines here and read, parsed and
// scored by worker threads (cli/rollouts/score-worker.ts, language/rollouts/block.ts) and by this
// thread, which takes the next block itself whenever the workers have enough queued (so N cores
// run N-1 workers, not N beside a mostly idle main thread); blocks are given back in input order.
// The split is by block, not by stage as in `delta verify` (cli/verify-pool.ts): a rollout's time
// goes into parsing its big JSON row and extracting the program, which only the thread holding the
// row can do, not into compiling its program. Other files (parquet, CSV, JSON documents, eval_code
// runs) and BouncingSim answers (sandboxed Python owned by this thread) are scored here, in their place.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { Worker } from 'node:worker_threads';
import { blockContext, scoreBlock, summaryRowCount, type Block, type BlockItem, type BlockOutput, type BlockSetup, type SummaryValue } from '../../language/rollouts/block.js';
import type { Problem } from '../../language/dataset/problems/problem.js';
import { scoreRollouts, type ScoreRunOptions } from '../../language/rollouts/pipeline.js';
import { expandPaths, tokenizerHint, type Job } from '../../language/rollouts/readers/index.js';
import { stepFromFileName, isRow } from '../../language/rollouts/readers/fields.js';
import { lineFormatOf, type LineFormat } from '../../language/rollouts/readers/jsonl.js';
import { blockLines, readLineBlocks, tooLongMessage } from '../../language/rollouts/readers/lines.js';
import { issue } from '../../language/rollouts/readers/options.js';
import { scoreRollout, type ScoreOutcome } from '../../language/rollouts/score.js';
import { ProblemIndex } from '../../language/rollouts/problem-index.js';
import { shareCompiled } from '../../language/verifier/verdict-cache.js';
import { addShared, takeShared, type SharedCompiled } from '../verdict-transport.js';

/** What a worker is started with (workerData). */
export interface WorkerSetup extends BlockSetup {
    problems: Problem[];
}

export type BlockReply = { seq: number; items: BlockItem[]; memo: MemoCount; compiled?: SharedCompiled } | { seq: number; error: string };

/** What a worker is sent: a block, and the programs the other threads compiled since the last one. */
export type BlockMessage = Block & { compiled?: SharedCompiled };

/** A worker's first message: its modules are loaded and it takes blocks now. */
export interface WorkerReady { ready: true }

export interface MemoCount { hits: number; misses: number }

/**
 * What the run yields: outcomes, or (output `json`) scored rows already written as their lines, or
 * (output `summary`) a block's rows still packed (block.ts summaryRows unpacks them): the consumer
 * folds a block's rows in one go rather than awaiting them one by one.
 */
export type PoolItem = ScoreOutcome | { text: string; rows: number } | { packed: SummaryValue[] };

export interface PoolOptions {
    /** Worker threads (0 or more). */
    threads: number;
    /** This thread scores blocks too, when every worker has WORKER_QUEUE blocks (needed with no worker). */
    scoreHere?: boolean;
    workerFile: string;
    output: BlockOutput;
    /** The verdict memo in the workers (language/rollouts/verdict-memo.ts). */
    memo: boolean;
    blockBytes?: number;
    /** Verdict memo counts summed over the workers, updated as replies come. */
    stats?: MemoCount;
}

const LINE_FORMATS = new Set<string | undefined>([undefined, 'open-instruct-traces', 'open-instruct-rollouts', 'verl', 'jsonl']);

/** True when the job's file is read line by line (and so can be split into blocks). */
export function isLineJob(job: Job): boolean {
    return LINE_FORMATS.has(job.format);
}

/** A piece of the run in input order: a block for a worker, or a file (or file end) for this thread. */
type Unit =
    | { kind: 'block'; block: Block; assigned: boolean; reply?: BlockReply; /** Kept here: the bytes are transferred to a worker. */ size: number }
    | { kind: 'here'; job: Job }
    | { kind: 'issue'; file: string; item: ScoreOutcome }
    | { kind: 'end'; file: string; size: number };

/**
 * Blocks a worker holds at a time (one in work, the others queued), so it does not wait for this
 * thread while this thread scores a block of its own (or is kept off the CPU by a loaded machine).
 */
const WORKER_QUEUE = 8;

export async function* scoreOnThreads(paths: string[], options: ScoreRunOptions, pool: PoolOptions): AsyncGenerator<PoolItem> {
    const setup: WorkerSetup = {
        problems: options.problems?.problems ?? [], details: !!options.details, mode: options.mode, verificationReward: options.verificationReward,
        step: options.step, maxLineBytes: options.maxLineBytes, output: pool.output, memo: pool.memo,
    };
    if (pool.threads < 1 && !pool.scoreHere) throw new Error('scoreOnThreads: no thread to score on');
    const workers = Array.from({ length: pool.threads }, () => new Worker(pool.workerFile, { workerData: setup }));
    // The threads hand each other the programs they compile (verdict-cache.ts shareCompiled).
    shareCompiled(workers.length > 0);
    const load = workers.map(() => 0);
    /** Blocks read ahead of the next one to give back, at most (some MiB of input each): every worker's queue and as much again. */
    const maxAhead = (workers.length + 2) * WORKER_QUEUE;
    // No block goes to a worker before it says it is ready: until then this thread scores them
    // (with scoreHere), instead of waiting on blocks queued behind a worker's start.
    const ready = workers.map(() => !pool.scoreHere);
    const memo = workers.map(() => ({ hits: 0, misses: 0 }));
    // This thread's scoring context, made on its first block.
    let here: ReturnType<typeof blockContext> | undefined;
    const count = () => {
        if (!pool.stats) return;
        pool.stats.hits = memo.reduce((s, m) => s + m.hits, here?.score.memo.hits ?? 0);
        pool.stats.misses = memo.reduce((s, m) => s + m.misses, here?.score.memo.misses ?? 0);
    };
    const pending: Unit[] = [];
    /** Sequence number of pending[0]. */
    let first = 0;
    let failure: Error | undefined;
    let closing = false;
    let wake: (() => void) | undefined;
    const signal = () => { const w = wake; wake = undefined; w?.(); };
    /** Files whose remaining blocks are dropped (a block said the rest cannot be read). */
    const dead = new Set<string>();

    workers.forEach((worker, index) => {
        worker.on('message', (reply: BlockReply | WorkerReady) => {
            if ('ready' in reply) {
                ready[index] = true;
                signal();
                return;
            }
            load[index]--;
            if ('error' in reply) failure ??= new Error(`rollouts worker failed: ${reply.error}`);
            else {
                addShared(reply.compiled);
                memo[index] = reply.memo;
                count();
            }
            const unit = pending[reply.seq - first];
            if (unit?.kind === 'block') unit.reply = reply;
            signal();
        });
        worker.on('error', (error) => { failure ??= error; signal(); });
        worker.on('exit', (code) => { if (!closing) failure ??= new Error(`rollouts worker exited with code ${code}`); signal(); });
    });

    const dispatch = () => {
        for (let w = 0; w < workers.length; w++) {
            while (ready[w] && load[w] < WORKER_QUEUE) {
                const unit = pending.find((u): u is Extract<Unit, { kind: 'block' }> => u.kind === 'block' && !u.assigned);
                if (!unit) return;
                unit.assigned = true;
                load[w]++;
                const message: BlockMessage = { ...unit.block, compiled: takeShared() };
                workers[w].postMessage(message, [unit.block.bytes.buffer as ArrayBuffer]);
            }
        }
    };

    const ctx = { ...options };
    const records = new Map<string, number>();
    const bytesDone = new Map<string, number>();
    const units = produce(paths, options, pool.blockBytes, dead)[Symbol.asyncIterator]();
    let seq = 0;
    let exhausted = false;
    const readNext = async () => {
        const next = await units.next();
        if (next.done) exhausted = true;
        else {
            const unit = next.value;
            if (unit.kind === 'block') unit.block.seq = seq;
            seq++;
            pending.push(unit);
        }
    };
    try {
        for (;;) {
            if (failure) throw failure;
            dispatch();
            const head = pending[0];
            // A worker short of blocks gets the next one before outputs are given back (giving back
            // a window of blocks scored here takes a while, and the worker would wait meanwhile).
            const hungry = !exhausted && pending.length < maxAhead && workers.some((_, w) => ready[w] && load[w] < WORKER_QUEUE);
            if (hungry) {
                await readNext();
                continue;
            }
            if (head && (head.kind !== 'block' || head.reply)) {
                pending.shift();
                first++;
                if (head.kind === 'here') {
                    yield* scoreRollouts([head.job.path], { ...options, format: head.job.format });
                } else if (head.kind === 'issue') {
                    if (!dead.has(head.file)) yield head.item;
                } else if (head.kind === 'end') {
                    if (!dead.has(head.file)) options.onProgress?.({ file: head.file, bytesRead: head.size, totalBytes: head.size, records: records.get(head.file) ?? 0 });
                } else {
                    const file = head.block.file;
                    if (dead.has(file)) continue;
                    const reply = head.reply as Extract<BlockReply, { items: unknown }>;
                    let count = records.get(file) ?? 0;
                    for (const item of reply.items) {
                        if ('fileError' in item) {
                            dead.add(file);
                            yield issue(file, item.fileError);
                            break;
                        }
                        if ('text' in item) {
                            count += item.rows;
                            yield item;
                        } else if ('packed' in item) {
                            count += summaryRowCount(item.packed);
                            yield item;
                        } else if ('row' in item) {
                            count++;
                            yield item.row;
                        } else if ('record' in item) {
                            count++;
                            yield await scoreRollout(item.record, ctx);
                        } else yield item;
                    }
                    records.set(file, count);
                    const done = (bytesDone.get(file) ?? 0) + head.size;
                    bytesDone.set(file, done);
                    if (!dead.has(file)) options.onProgress?.({ file, bytesRead: done, totalBytes: sizeOf(file), records: count });
                }
            } else if (!exhausted && pending.length < maxAhead) {
                await readNext();
            } else if (head) {
                // Every worker has its queue full: score the next block here rather than wait.
                const unit = pool.scoreHere ? pending.find((u): u is Extract<Unit, { kind: 'block' }> => u.kind === 'block' && !u.assigned) : undefined;
                if (unit) {
                    unit.assigned = true;
                    here ??= blockContext(setup, options.problems ?? new ProblemIndex());
                    unit.reply = { seq: unit.block.seq, items: scoreBlock(unit.block, here), memo: { hits: 0, misses: 0 } };
                    count();
                } else await new Promise<void>((resolve) => { wake = resolve; });
            } else break;
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
 * The run's units in input order: a line file's blocks (its format decided by its name, --format,
 * or its first row), then its end; any other file (or a line file whose first block holds no row
 * to decide its format by) whole, for this thread.
 */
async function* produce(paths: string[], options: ScoreRunOptions, blockBytes: number | undefined, dead: Set<string>): AsyncGenerator<Unit> {
    for (const job of expandPaths(paths, options.format)) {
        const file = job.path;
        let size: number;
        try {
            size = statSync(file).size;
        } catch {
            yield { kind: 'here', job };
            continue;
        }
        if (!isLineJob(job) || !statSync(file).isFile()) {
            yield { kind: 'here', job };
            continue;
        }
        const fileStep = stepFromFileName(basename(file));
        const tokenizer = tokenizerHint(job, options);
        let format = job.format as LineFormat | undefined;
        /** Over-long lines met before the format is known: given back once it is (else the file is read here). */
        const held: Unit[] = [];
        let failed = false;
        try {
            for await (const piece of readLineBlocks(file, { maxLineBytes: options.maxLineBytes, blockBytes, signal: options.signal })) {
                if (dead.has(file)) break;
                if ('tooLong' in piece) {
                    const unit: Unit = { kind: 'issue', file, item: issue(`${file}:${piece.line}`, tooLongMessage(piece.tooLong, options.maxLineBytes)) };
                    if (format) yield unit;
                    else held.push(unit);
                    continue;
                }
                format ??= formatOfBlock(piece.bytes, piece.firstLine, options.maxLineBytes);
                if (!format) break;
                yield* held.splice(0);
                yield { kind: 'block', assigned: false, size: piece.bytes.byteLength, block: { seq: 0, file, format, fileStep, firstLine: piece.firstLine, bytes: piece.bytes, tokenizer } };
            }
        } catch (error) {
            if (options.signal?.aborted) throw error;
            failed = true;
            yield* held.splice(0);
            yield { kind: 'issue', file, item: issue(file, error instanceof Error ? error.message : String(error)) };
        }
        if (!format && !failed && (held.length > 0 || size > 0)) {
            // No row to decide the format by in the first block: the whole file is read here, line by line.
            yield { kind: 'here', job };
            continue;
        }
        yield { kind: 'end', file, size };
    }
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

function sizeOf(file: string): number {
    try {
        return statSync(file).size;
    } catch {
        return 0;
    }
}
