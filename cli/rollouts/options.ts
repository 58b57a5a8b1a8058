// The options of `delta rollouts score|summary|report`: the shared ones and each sub-command's own.
// One table, read both by the commands and by the thread decision made before they load
// (threads.ts prestartWorkers), so both parse a command line alike.
import { STDIN_PATH } from '../../language/rollouts/readers/lines.js';

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
    jobs: { type: 'string' },
    'chunk-bytes': { type: 'string' },
    memo: { type: 'boolean' },
    'no-memo': { type: 'boolean' },
    stats: { type: 'boolean' },
} as const;

export const COMMON_USAGE = `[--problems FILE]… [--format F] [--tokenizer T] [--step N] [--mode pass_rate|all_pass]
             [--verification-reward X] [--max-line-bytes N] [--no-sandbox] [--python CMD] [--timeout S]
             [--jobs N] [--chunk-bytes N] [--no-memo] [--stats] [-q]`;

/** Each sub-command's own options, beside COMMON_OPTIONS. */
export const SUBCOMMAND_OPTIONS = {
    score: { details: { type: 'boolean' }, output: { type: 'string', short: 'o' } },
    summary: { by: { type: 'string' }, k: { type: 'string' }, json: { type: 'boolean' }, grpo: { type: 'boolean' }, output: { type: 'string', short: 'o' } },
    report: { output: { type: 'string', short: 'o' }, title: { type: 'string' }, k: { type: 'string' }, 'near-misses': { type: 'string' }, synthetic: { type: 'boolean' } },
} as const;

/**
 * `-` is standard input, read through its device file like any other file: a JSON Lines dump whose
 * format its rows tell (or --format), rows named `/dev/stdin:N`; so `zcat run.jsonl.gz | delta
 * rollouts summary -` works. Used by the run and by the early thread decision alike.
 */
export function inputPaths(paths: string[]): string[] {
    return paths.map((p) => (p === '-' ? STDIN_PATH : p));
}
