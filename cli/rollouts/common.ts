// Options shared by `delta rollouts score|summary|report`, and the scored stream they all consume.
import { bouncingSimChecker } from '../../language/rollouts/bouncingsim-checker.js';
import { issueText, loadProblemIndex, scoreRollouts, type ScoreRunOptions } from '../../language/rollouts/pipeline.js';
import { ROLLOUT_FORMATS, type RolloutFormat } from '../../language/rollouts/readers/index.js';
import type { ScoreOutcome } from '../../language/rollouts/score.js';
import { parseOptions, UsageError } from '../command.js';
import { Progress } from './progress.js';

export const COMMON_OPTIONS = {
    problems: { type: 'string', multiple: true },
    format: { type: 'string' },
    tokenizer: { type: 'string' },
    step: { type: 'string' },
    mode: { type: 'string' },
    'verification-reward': { type: 'string' },
    'max-line-bytes': { type: 'string' },
    'no-sandbox': { type: 'boolean' },
    python: { type: 'string' },
    timeout: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
} as const;

/** Options of one sub-command only (e.g. --details) also reach startRun. */

export const COMMON_USAGE = `[--problems FILE]… [--format F] [--tokenizer T] [--step N] [--mode pass_rate|all_pass]
             [--verification-reward X] [--max-line-bytes N] [--no-sandbox] [--python CMD] [--timeout S] [-q]`;

type Values = Partial<Record<keyof typeof COMMON_OPTIONS | 'details', string | string[] | boolean>>;

function number(text: unknown, option: string, check: (n: number) => boolean): number | undefined {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isFinite(n) || !check(n)) throw new UsageError(`${option}: invalid value '${String(text)}'`);
    return n;
}

export interface Run {
    outcomes: AsyncGenerator<ScoreOutcome>;
    progress: Progress;
    /** Prints an issue on stderr (clearing the progress bar first) and counts it. */
    report(issue: { where: string; field?: string; message: string }): void;
    issues(): number;
}

/** Validates the shared options, loads --problems and starts the scored stream. */
export async function startRun(files: string[], values: Values): Promise<Run> {
    if (files.length === 0) throw new UsageError('expected at least one rollout FILE or folder');
    const format = values.format as string | undefined;
    if (format !== undefined && !ROLLOUT_FORMATS.includes(format as RolloutFormat)) throw new UsageError(`--format must be one of ${ROLLOUT_FORMATS.join(', ')}`);
    const mode = values.mode as string | undefined;
    if (mode !== undefined && mode !== 'pass_rate' && mode !== 'all_pass') throw new UsageError('--mode must be pass_rate or all_pass');
    const timeout = number(values.timeout, '--timeout', (n) => n > 0);
    const progress = new Progress(!values.quiet);
    let issues = 0;
    const report = (issue: { where: string; field?: string; message: string }) => {
        issues++;
        progress.clear();
        process.stderr.write(`${issueText(issue)}\n`);
    };
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
    return { outcomes: scoreRollouts(files, options), progress, report, issues: () => issues };
}

export function parseRolloutArgs<T extends Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>>(args: string[], extra: T) {
    return parseOptions(args, { ...COMMON_OPTIONS, ...extra });
}
