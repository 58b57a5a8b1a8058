// Options shared by `delta rollouts score|summary|report`, and the scored stream they all consume.
import { bouncingSimChecker } from '../../language/rollouts/bouncingsim-checker.js';
import { loadProblemIndex, scoreRollouts, type ScoreRunOptions } from '../../language/rollouts/pipeline.js';
import { ROLLOUT_FORMATS, type RolloutFormat } from '../../language/rollouts/readers/index.js';
import type { BlockOutput } from '../../language/rollouts/block.js';
import { VerdictMemo } from '../../language/rollouts/verdict-memo.js';
import { scoreOnThreads, type MemoCount, type PoolItem } from './pool.js';
import { COMMON_OPTIONS, inputPaths } from './options.js';
import { lineBytes, THREADED_BYTES, threadCount, workerFile } from './threads.js';
import { parseOptions, UsageError } from '../command.js';
import { checkOutputFile } from '../io.js';
import { Progress } from './progress.js';
import { IssueLog } from './issue-log.js';

/** Options of one sub-command only (e.g. --details) also reach startRun. */
type Values = Partial<Record<keyof typeof COMMON_OPTIONS | 'details' | 'output', string | string[] | boolean>>;

function number(text: unknown, option: string, check: (n: number) => boolean): number | undefined {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isFinite(n) || !check(n)) throw new UsageError(`${option}: invalid value '${String(text)}'`);
    return n;
}

export interface Run {
    /** Outcomes in input order; with output `json`, scored rows may come as their lines already written. */
    outcomes: AsyncGenerator<PoolItem>;
    progress: Progress;
    /** Prints an issue on stderr (clearing the progress bar first; only the first few of one kind, issue-log.ts) and counts it. */
    report(issue: { where: string; field?: string; message: string }, repeats?: number): void;
    issues(): number;
    /** Prints how many issues of each kind were not printed; with --stats also rows, time, threads and the verdict memo's hits, on stderr. */
    finish(rows: number): void;
}

/**
 * Validates the shared options, loads --problems and starts the scored stream: JSON Lines input of
 * 8 MB or more on threads (cli/rollouts/pool.ts: --jobs N is N-1 workers and this thread, so --jobs 1
 * is this thread alone, reading by ranges too; default one thread per core, 2–4), the rest on this
 * thread, line by line.
 * `output` says what the command consumes (see language/rollouts/block.ts).
 */
export async function startRun(paths: string[], values: Values, output: BlockOutput): Promise<Run> {
    const started = Date.now();
    if (paths.length === 0) throw new UsageError('expected at least one rollout FILE or folder');
    const files = inputPaths(paths);
    const format = values.format as string | undefined;
    if (format !== undefined && !ROLLOUT_FORMATS.includes(format as RolloutFormat)) throw new UsageError(`--format must be one of ${ROLLOUT_FORMATS.join(', ')}`);
    const mode = values.mode as string | undefined;
    if (mode !== undefined && mode !== 'pass_rate' && mode !== 'all_pass') throw new UsageError('--mode must be pass_rate or all_pass');
    const timeout = number(values.timeout, '--timeout', (n) => n > 0);
    const jobs = number(values.jobs, '--jobs', (n) => Number.isInteger(n) && n >= 1);
    const chunkBytes = number(values['chunk-bytes'], '--chunk-bytes', (n) => Number.isInteger(n) && n >= 1);
    if (typeof values.output === 'string') checkOutputFile(values.output, '-o');
    const progress = new Progress(!values.quiet);
    const log = new IssueLog((line) => {
        progress.clear();
        process.stderr.write(line);
    });
    const report = (issue: { where: string; field?: string; message: string }, repeats?: number) => log.report(issue, repeats);
    const { index, issues: problemIssues } = await loadProblemIndex((values.problems as string[] | undefined) ?? []);
    problemIssues.forEach(report);
    const options: ScoreRunOptions = {
        problems: index,
        format: format as RolloutFormat | undefined,
        tokenizer: values.tokenizer as string | undefined,
        step: number(values.step, '--step', Number.isInteger),
        mode: mode as ScoreRunOptions['mode'],
        verificationReward: number(values['verification-reward'], '--verification-reward', (n) => n > 0),
        maxLineBytes: number(values['max-line-bytes'], '--max-line-bytes', (n) => Number.isInteger(n) && n > 0),
        onProgress: (p) => progress.update(p),
        details: !!values.details,
    };
    // Model-written Python runs only in the sandbox unless the user opts out explicitly (--no-sandbox).
    options.bouncingsim = bouncingSimChecker({
        python: values.python as string | undefined,
        sandbox: values['no-sandbox'] ? 'off' : 'require',
        timeoutMs: timeout !== undefined ? timeout * 1000 : undefined,
        onUnavailable: (message) => report({ where: 'delta rollouts', message }),
    });
    const bytes = lineBytes(files, options.format);
    const threads = threadCount(jobs, bytes);
    if (values.memo && values['no-memo']) throw new UsageError('--memo and --no-memo contradict each other');
    // On unless --no-memo: keying a (test plan, program) pair costs one lookup of the program's text.
    const useMemo = !values['no-memo'];
    let counts: () => MemoCount;
    let outcomes: AsyncGenerator<PoolItem>;
    if (threads > 1 || bytes >= THREADED_BYTES) {
        // Big JSON Lines input goes by ranges even on one thread (--jobs 1): its reading is leaner
        // than the line-by-line reader's (rows parsed from bytes, responses left undecoded).
        const stats = { hits: 0, misses: 0 };
        counts = () => stats;
        outcomes = scoreOnThreads(files, options, { threads: threads - 1, scoreHere: true, workerFile: workerFile(), output, memo: useMemo, stats, blockBytes: chunkBytes });
    } else {
        const memo = new VerdictMemo(useMemo);
        options.memo = memo;
        counts = () => memo;
        outcomes = scoreRollouts(files, options);
    }
    const finish = (rows: number) => {
        log.finish();
        if (!values.stats) return;
        const seconds = (Date.now() - started) / 1000;
        const { hits, misses } = counts();
        const lookups = hits + misses;
        process.stderr.write(`rollouts: ${rows} scored in ${seconds.toFixed(2)} s (${(rows / Math.max(seconds, 1e-3)).toFixed(0)}/s) on ${threads > 1 ? `${threads} threads (${threads - 1} worker${threads > 2 ? 's' : ''} and the main thread)` : 'the main thread'}; `
            + `verdict memo ${useMemo ? `${hits} hits of ${lookups} lookups (${lookups ? ((100 * hits) / lookups).toFixed(1) : '0.0'} %)` : 'off'}\n`);
    };
    return { outcomes, progress, report, issues: () => log.count, finish };
}

export function parseRolloutArgs<T extends Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>>(args: string[], extra: T) {
    return parseOptions(args, { ...COMMON_OPTIONS, ...extra });
}
