// readRollouts: every rollout of the given files and folders, in input order, as RolloutRecords or
// issues (`file:line: field: what`), streamed with the format detected per file unless forced
// (docs/rollouts.md, "Formats"). Token ids are decoded with the tokenizer given, or with the model
// an open-instruct metadata file names when that model is in the local Hugging Face cache.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { RowError, stepFromFileName, type Decode } from './fields.js';
import { readEvalRun } from './eval-code.js';
import { EVAL_DATASET, expandPaths, missingReason, ROLLOUT_SHARD, type Job } from './paths.js';
import { readCsvRows } from './csv.js';
import { readJsonlRollouts, type JsonlContext, type LineFormat } from './jsonl.js';
import { DEFAULT_MAX_LINE_BYTES, readLines } from './lines.js';
import { isJsonObjectLine } from '../../dataset/problems/json-rows.js';
import { jsonParseAsPython } from '../../python/json-loads.js';
import { checkJsonNesting } from './json-depth.js';
import { issue, type ReadRolloutsOptions, type RolloutItem } from './options.js';
import { readJsonDocument, readParquetRollouts, readWandbTable, type TableContext } from './tables.js';
import { loadTokenDecoder, type TokenDecoder } from './tokenizer.js';
import { recordFromRow } from './fields.js';

export * from './options.js';
export { expandPaths, formatFromName, isLineJob, NO_ROLLOUT_FILES, type Job } from './paths.js';
export { loadTokenDecoder, resolveTokenizerFile, TokenizerNotFoundError, type TokenDecoder } from './tokenizer.js';
export { DEFAULT_MAX_LINE_BYTES } from './lines.js';

/** A failure that ends one file (its remaining rows cannot be read); reported once, the next file goes on. */
export class FileError extends Error {}

/** How a file-ending failure is reported. */
export function fileErrorText(error: FileError): string {
    return `${error.message}; the rest of this file is skipped`;
}

const DEFAULT_MAX_DOCUMENT_BYTES = 512 * 1024 * 1024;

/** The model an open-instruct run's `<run>_metadata.jsonl` names, for shards next to it. */
function metadataModel(shard: string): string | undefined {
    const meta = shard.replace(/_rollouts_\d+\.jsonl$/, '_metadata.jsonl');
    if (meta === shard || !existsSync(meta)) return undefined;
    try {
        const first = readFileSync(meta, 'utf8').split('\n').find((l) => l.trim());
        const model = first ? (JSON.parse(first) as { model_name?: unknown }).model_name : undefined;
        return typeof model === 'string' && model !== 'unknown' ? model : undefined;
    } catch {
        return undefined;
    }
}

/** The tokenizer for a file's token ids: --tokenizer, else the model its open-instruct metadata names. */
export function tokenizerHint(job: Job, options: ReadRolloutsOptions): string | undefined {
    if (typeof options.tokenizer === 'string') return options.tokenizer;
    return job.format === 'open-instruct-rollouts' || ROLLOUT_SHARD.test(job.path) ? metadataModel(job.path) : undefined;
}

/** The decoder a run loads once, on the first token ids it meets (or why it could not). */
export interface DecoderState {
    decoder?: TokenDecoder;
    error?: string;
}

/** Decodes token ids with the run's decoder, loading it from `hint` the first time. */
export function tokenDecode(hint: string | undefined, state: DecoderState): Decode {
    return (ids, field) => {
        if (!state.decoder && !state.error) {
            // Every row of such a file holds token ids: one issue ends the file (it was one per row).
            if (!hint) throw new FileError(`${field}: holds token ids; pass --tokenizer (a tokenizer.json or a model name in the local Hugging Face cache) to decode them`);
            try {
                state.decoder = loadTokenDecoder(hint);
            } catch (error) {
                state.error = (error as Error).message;
            }
        }
        if (!state.decoder) throw new FileError(`${field}: cannot decode token ids: ${state.error}`);
        return state.decoder.decode(ids);
    };
}

export async function* readRollouts(paths: string[], options: ReadRolloutsOptions = {}): AsyncGenerator<RolloutItem> {
    const decoding: DecoderState = { decoder: typeof options.tokenizer === 'object' ? options.tokenizer : undefined };
    for (const job of expandPaths(paths, options.format)) {
        const file = job.path;
        if (job.issue) {
            yield issue(file, job.issue);
            continue;
        }
        if (!existsSync(file)) {
            yield issue(file, missingReason(file));
            continue;
        }
        const decode = tokenDecode(tokenizerHint(job, options), decoding);
        const fileStep = stepFromFileName(basename(file));
        let records = 0;
        const report = (bytesRead: number) => options.onProgress?.({ file, bytesRead, totalBytes: statSync(file).size, records });
        try {
            for await (const item of readFile(job, file, fileStep, decode, options, report)) {
                if (!('issue' in item)) records++;
                yield item;
            }
        } catch (error) {
            if (error instanceof FileError) yield issue(file, fileErrorText(error));
            else if (options.signal?.aborted) throw error;
            else yield issue(file, error instanceof Error ? error.message : String(error));
        }
        const size = statSync(file).size;
        options.onProgress?.({ file, bytesRead: size, totalBytes: size, records });
    }
}

function readFile(job: Job, file: string, fileStep: number | null, decode: Decode, options: ReadRolloutsOptions, onBytes: (n: number) => void): AsyncGenerator<RolloutItem> {
    const format = job.format;
    if (format === 'eval-code') {
        if (!job.dataset) return single(issue(file, `eval-code needs ${EVAL_DATASET} next to the run CSV`));
        return readEvalRun(file, job.dataset, (p) => p, options);
    }
    const table: TableContext = { file, format: format ?? 'json', fileStep, step: options.step, decode, maxDocumentBytes: options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES, signal: options.signal };
    if (format === 'parquet' || format === 'trl') return readParquetRollouts(file, table);
    if (format === 'wandb-table') return readWandbTable(file, table);
    if (format === 'json') return readJsonFile(file, table, { file, format: undefined, fileStep, decode, options, onBytes });
    if (format === 'csv') return readPlainCsv(file, fileStep, decode, options);
    return readJsonlRollouts(file, { file, format: format as LineFormat | undefined, fileStep, decode, options, onBytes });
}

/**
 * A `.json` file: a document, or JSON Lines under a `.json` name (Hugging Face datasets' to_json and
 * pandas' to_json(lines=True) write those), then read line by line with the format its rows tell.
 */
async function* readJsonFile(file: string, table: TableContext, lines: JsonlContext): AsyncGenerator<RolloutItem> {
    if (await holdsJsonLines(file, lines.options.maxLineBytes)) yield* readJsonlRollouts(file, lines);
    else yield* readJsonDocument(file, table);
}

/** The first non-blank line is a JSON object of its own and another line follows (problems' json-rows.ts rule). */
async function holdsJsonLines(file: string, maxLineBytes: number | undefined): Promise<boolean> {
    let first: string | undefined;
    for await (const l of readLines(file, { maxLineBytes: maxLineBytes ?? DEFAULT_MAX_LINE_BYTES })) {
        if ('tooLong' in l) return false;
        if (l.text.trim() === '') continue;
        if (first !== undefined) return true;
        if (!isJsonObjectLine(l.text, (text) => (checkJsonNesting(text), jsonParseAsPython(text)))) return false;
        first = l.text;
    }
    return false;
}

async function* single(item: RolloutItem): AsyncGenerator<RolloutItem> {
    yield item;
}

async function* readPlainCsv(file: string, fileStep: number | null, decode: Decode, options: ReadRolloutsOptions): AsyncGenerator<RolloutItem> {
    for await (const item of readCsvRows(file, { maxRecordBytes: options.maxLineBytes, signal: options.signal })) {
        const where = `${file}:${item.line}`;
        if ('error' in item) {
            yield issue(where, item.error);
            continue;
        }
        try {
            yield recordFromRow(item.row, { source: where, format: 'csv', step: fileStep ?? options.step ?? null, decode, textCells: true });
        } catch (error) {
            if (!(error instanceof RowError)) throw error;
            yield issue(where, error.message, error.field);
        }
    }
}
