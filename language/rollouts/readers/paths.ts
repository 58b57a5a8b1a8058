// Which files a run reads, and in which format by their names alone: the paths given expanded
// (folders, eval_code runs), before anything is read. Kept free of the readers themselves, so the
// CLI can decide its threads (cli/rollouts/threads.ts) before loading them.
import { closeSync, existsSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
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
/**
 * Files trainers and evaluators write beside their dumps that hold no rollouts: a model checkpoint's
 * and tokenizer's files, the HF Trainer's state and results, eval_code's summaries, W&B's run files.
 * A folder's scan passes over them (a file given by name is still read), so giving a whole run folder
 * does not turn each into an issue.
 */
const NOT_ROLLOUTS = new Set([
    'config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json', 'added_tokens.json',
    'vocab.json', 'preprocessor_config.json', 'adapter_config.json', 'model.safetensors.index.json', 'pytorch_model.bin.index.json',
    'trainer_state.json', 'all_results.json', 'train_results.json', 'eval_results.json',
    'combined_summary.json', 'aggregated_metrics.json', 'wandb-summary.json', 'wandb-metadata.json',
]);
const EVAL_SUMMARY = /^run_\d+_summary\.csv$/;
const KNOWN = new Set(['.jsonl', '.ndjson', '.json', '.csv', '.parquet']);

/** `issue`: the path stands for no file to read (a folder without rollout files); reported, not read. */
export interface Job { path: string; format?: RolloutFormat; dataset?: string; issue?: string }

export const NO_ROLLOUT_FILES = `no rollout files in this folder (looked for ${[...KNOWN].join(', ')} files and eval_code runs, in sub-folders too)`;

/**
 * Files (and eval_code runs) a list of paths stands for, in a stable order. A folder given that
 * holds none is one job with an issue, so a mistyped run folder is not a silent empty run.
 */
export function expandPaths(paths: string[], forced?: RolloutFormat): Job[] {
    const jobs: Job[] = [];
    const seen = new Map<string, string>();
    for (const path of paths) {
        const found = expandPath(path, forced, seen);
        jobs.push(...(found.length ? found : [{ path, issue: NO_ROLLOUT_FILES }]));
    }
    return jobs;
}

/**
 * The path a folder or file is first reached by, when another path (a symlink, a folder given
 * twice) has reached it before: read twice, its rows would count twice, and a symlink to a folder
 * above it (`sub/back -> ..`) would be walked again and again.
 */
function readBefore(path: string, seen: Map<string, string>): string | undefined {
    let real: string;
    try {
        real = realpathSync(path);
    } catch {
        return undefined;
    }
    const first = seen.get(real);
    if (first === undefined) seen.set(real, path);
    return first;
}

/** The jobs of one path (none for a folder without rollout files). `seen`: real path → the path it was first reached by. */
function expandPath(path: string, forced: RolloutFormat | undefined, seen: Map<string, string>): Job[] {
    const kind = kindOf(path);
    if (kind === 'folder' || kind === 'file') {
        const first = readBefore(path, seen);
        if (first !== undefined) return [{ path, issue: `the same ${kind} as ${first} (through a symlink, or given twice), read once: not read again` }];
    }
    if (kind === 'folder') {
        const dataset = join(path, EVAL_DATASET);
        const runs = existsSync(dataset) ? evalRunFiles(path) : [];
        if (runs.length && (!forced || forced === 'eval-code')) return runs.map((r) => ({ path: r.path, format: 'eval-code', dataset }));
        // Files first, then sub-folders (e.g. TRL's completions/, one folder per run), each sorted.
        const jobs: Job[] = [];
        // Symlinks after the real entries beside them: of a dump and a `latest.jsonl` link to it, the
        // dump is the one read (its name may hold the step), the link the one reported.
        const entries = readdirSync(path, { withFileTypes: true }).filter((e) => !e.name.startsWith('.'));
        const byName = (links: boolean) => entries.filter((e) => e.isSymbolicLink() === links).map((e) => e.name).sort(naturalOrder);
        const names = [...byName(false), ...byName(true)];
        // An entry that cannot be stat'ed (a dangling symlink) is read like a file when its name is a
        // rollout file's, so it is reported as missing; it used to end the whole run.
        const kinds = new Map(names.map((n) => [n, kindOf(join(path, n))]));
        for (const n of names) {
            // A compressed dump (run.jsonl.gz) is reported, not passed over in silence.
            const inner = COMPRESSED_EXT.has(extname(n).toLowerCase()) ? extname(n.slice(0, -extname(n).length)).toLowerCase() : '';
            if (KNOWN.has(inner) && kinds.get(n) === 'file') jobs.push(...expandPath(join(path, n), forced, seen));
            else if (isRolloutFileName(n) && (kinds.get(n) === 'file' || kinds.get(n) === undefined)) jobs.push(...expandPath(join(path, n), forced, seen));
        }
        for (const n of names) if (kinds.get(n) === 'folder') jobs.push(...expandPath(join(path, n), forced, seen));
        return jobs;
    }
    const name = basename(path);
    const head = headOf(path);
    const packed = compressionOf(head);
    if (packed) return [{ path, issue: compressedMessage(packed, path) }];
    const utf16 = extname(name).toLowerCase() === '.parquet' ? undefined : utf16Of(head);
    if (utf16) return [{ path, issue: `UTF-16${utf16} text: delta reads dumps as UTF-8 (Windows PowerShell's \`>\` writes UTF-16); convert it (iconv -f UTF-16 -t UTF-8 ${name} > ${name.replace(/(\.\w+)?$/, '.utf8$1')})` }];
    // Files that come with dumps but hold no rollouts, given by name: say where the rollouts are.
    if (!forced && METADATA.test(name)) return [{ path, issue: `an open-instruct run's metadata (its model), not rollouts: give the ${name.replace(METADATA, '_rollouts_NNNNNN.jsonl')} shards beside it, or their folder` }];
    if (!forced && name === EVAL_DATASET) return [{ path, issue: `eval_code's dataset file, not rollouts: give its folder (the run_<i>_detailed.csv beside it are read with it)` }];
    if ((forced === 'eval-code' || (!forced && isEvalRunFile(name))) && existsSync(join(dirname(path), EVAL_DATASET))) {
        return [{ path, format: 'eval-code', dataset: join(dirname(path), EVAL_DATASET) }];
    }
    return [{ path, format: forced ?? formatFromName(name) }];
}

/**
 * A file a folder's scan reads (the editor's explorer asks the same when it splits a folder into runs):
 * a rollout file's extension, and none of the files that sit beside dumps without rollouts in them.
 */
export function isRolloutFileName(name: string): boolean {
    return KNOWN.has(extname(name).toLowerCase()) && !METADATA.test(name) && name !== EVAL_DATASET && !NOT_ROLLOUTS.has(name) && !EVAL_SUMMARY.test(name);
}

/** Compressed files by their first bytes (names can lie; -1: a block-size digit), the command that unpacks each and the one that streams it. */
const MAGIC: Array<{ kind: string; bytes: number[]; unpack: string; cat: string }> = [
    { kind: 'gzip', bytes: [0x1f, 0x8b], unpack: 'gunzip -k', cat: 'zcat' },
    { kind: 'zstd', bytes: [0x28, 0xb5, 0x2f, 0xfd], unpack: 'zstd -d', cat: 'zstdcat' },
    // bzip2's `BZh` is plain text: also its block-size digit and its first block's magic, `1AY&SY`.
    { kind: 'bzip2', bytes: [0x42, 0x5a, 0x68, -1, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59], unpack: 'bunzip2 -k', cat: 'bzcat' },
    { kind: 'xz', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], unpack: 'unxz -k', cat: 'xzcat' },
    { kind: 'zip', bytes: [0x50, 0x4b, 0x03, 0x04], unpack: 'unzip', cat: 'unzip -p' },
];
const COMPRESSED_EXT = new Set(['.gz', '.zst', '.bz2', '.xz', '.zip']);

/** A regular file's first bytes (a pipe or stdin is not peeked at: that would eat its bytes); empty when none. */
function headOf(path: string): Buffer {
    if (kindOf(path) !== 'file') return Buffer.alloc(0);
    const head = Buffer.alloc(10);
    try {
        const fd = openSync(path, 'r');
        try {
            return head.subarray(0, readSync(fd, head, 0, head.length, 0));
        } finally {
            closeSync(fd);
        }
    } catch {
        return Buffer.alloc(0);
    }
}

/** The compression a file's first bytes show. */
function compressionOf(head: Buffer): (typeof MAGIC)[number] | undefined {
    return MAGIC.find((m) => head.length >= m.bytes.length && m.bytes.every((b, i) => (b < 0 ? head[i] >= 0x31 && head[i] <= 0x39 : head[i] === b)));
}

/**
 * UTF-16 text by its first bytes: a byte-order mark, or ASCII text with every other byte zero (JSON
 * and CSV start with ASCII). Read as UTF-8 each line was invalid JSON, or a CSV with one garbled column.
 */
function utf16Of(head: Buffer): string | undefined {
    if (head[0] === 0xff && head[1] === 0xfe) return 'LE';
    if (head[0] === 0xfe && head[1] === 0xff) return 'BE';
    if (head.length < 4) return undefined;
    const ascii = (b: number) => b >= 0x09 && b < 0x80;
    if (ascii(head[0]) && head[1] === 0 && ascii(head[2]) && head[3] === 0) return 'LE';
    if (head[0] === 0 && ascii(head[1]) && head[2] === 0 && ascii(head[3])) return 'BE';
    return undefined;
}

function compressedMessage(packed: (typeof MAGIC)[number], path: string): string {
    const name = basename(path);
    return `${packed.kind}-compressed: delta reads dumps uncompressed; unpack it (${packed.unpack} ${name}) or pipe a JSON Lines dump in (${packed.cat} ${name} | delta rollouts summary -)`;
}

/** Why a path cannot be read: it is missing, or a symlink that leads back to itself (ELOOP). */
export function missingReason(path: string): string {
    try {
        statSync(path);
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ELOOP') return 'a symlink loop (its links lead back to themselves): not read';
    }
    return 'no such file or folder';
}

function kindOf(path: string): 'file' | 'folder' | 'other' | undefined {
    try {
        const stat = statSync(path);
        return stat.isDirectory() ? 'folder' : stat.isFile() ? 'file' : 'other';
    } catch {
        return undefined;
    }
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
    return !job.issue && LINE_FORMATS.has(job.format);
}
