// Which files a run reads, and in which format by their names alone: the paths given expanded
// (folders, eval_code runs), before anything is read. Kept free of the readers themselves, so the
// CLI can decide its threads (cli/rollouts/threads.ts) before loading them.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { RolloutFormat } from './options.js';

export const EVAL_DATASET = 'original_dataset.jsonl';
/** A run CSV of an eval_code folder: `run_<i>_detailed.csv`, i its run (and sample) number. */
export const EVAL_RUN = /^run_(\d+)_detailed\.csv$/;

/** The run CSVs of an eval_code folder, by run number. */
export function evalRunFiles(folder: string): { run: number; path: string }[] {
    return readdirSync(folder)
        .map((name) => ({ name, m: EVAL_RUN.exec(name) }))
        .filter((x) => x.m)
        .map((x) => ({ run: Number(x.m![1]), path: join(folder, x.name) }))
        .sort((a, b) => a.run - b.run);
}

export function isEvalRunFile(name: string): boolean {
    return EVAL_RUN.test(basename(name));
}

export const ROLLOUT_SHARD = /_rollouts_\d+\.jsonl$/;
const METADATA = /_metadata\.jsonl$/;
const KNOWN = new Set(['.jsonl', '.ndjson', '.json', '.csv', '.parquet']);

export interface Job { path: string; format?: RolloutFormat; dataset?: string }

/** Files (and eval_code runs) a list of paths stands for, in a stable order. */
export function expandPaths(paths: string[], forced?: RolloutFormat): Job[] {
    const jobs: Job[] = [];
    for (const path of paths) {
        if (existsSync(path) && statSync(path).isDirectory()) {
            const dataset = join(path, EVAL_DATASET);
            const runs = existsSync(dataset) ? evalRunFiles(path) : [];
            if (runs.length && (!forced || forced === 'eval-code')) {
                for (const r of runs) jobs.push({ path: r.path, format: 'eval-code', dataset });
                continue;
            }
            // Files first, then sub-folders (e.g. TRL's completions/, one folder per run), each sorted.
            const names = readdirSync(path).filter((n) => !n.startsWith('.')).sort(naturalOrder);
            for (const n of names) {
                if (KNOWN.has(extname(n).toLowerCase()) && !METADATA.test(n) && n !== EVAL_DATASET && statSync(join(path, n)).isFile()) jobs.push(...expandPaths([join(path, n)], forced));
            }
            for (const n of names) if (statSync(join(path, n)).isDirectory()) jobs.push(...expandPaths([join(path, n)], forced));
            continue;
        }
        const name = basename(path);
        if ((forced === 'eval-code' || (!forced && isEvalRunFile(name))) && existsSync(join(dirname(path), EVAL_DATASET))) {
            jobs.push({ path, format: 'eval-code', dataset: join(dirname(path), EVAL_DATASET) });
        } else jobs.push({ path, format: forced ?? formatFromName(name) });
    }
    return jobs;
}

/** verl's `2.jsonl` before `10.jsonl`: numbers compare as numbers. */
function naturalOrder(a: string, b: string): number {
    return a.localeCompare(b, 'en', { numeric: true });
}

/** The format a file name alone decides (undefined: look at the content). */
export function formatFromName(name: string): RolloutFormat | undefined {
    const lower = name.toLowerCase();
    if (/^traces_.*\.jsonl$/.test(lower)) return 'open-instruct-traces';
    if (ROLLOUT_SHARD.test(lower)) return 'open-instruct-rollouts';
    if (lower.endsWith('.table.json')) return 'wandb-table';
    if (/^completions_\d+\.parquet$/.test(lower)) return 'trl';
    if (/^\d+\.jsonl$/.test(lower)) return 'verl';
    if (lower.endsWith('.parquet')) return 'parquet';
    if (lower.endsWith('.csv')) return 'csv';
    if (lower.endsWith('.json')) return 'json';
    return undefined; // .jsonl and anything else: by the first row's keys
}


/** The formats read line by line (JSON Lines of any trainer; undefined: decided by the first row), which can be cut into ranges for threads. */
const LINE_FORMATS = new Set<string | undefined>([undefined, 'open-instruct-traces', 'open-instruct-rollouts', 'verl', 'jsonl']);

/** True when the job's file is read line by line (and so can be cut into ranges). */
export function isLineJob(job: Job): boolean {
    return LINE_FORMATS.has(job.format);
}
