// open-instruct `eval_code.py` output folders: `original_dataset.jsonl` (the problems, one per line)
// and `run_<i>_detailed.csv` (one sample per problem per run, in the same row order). Each CSV is
// read in step with the dataset lines; the run number is the sample number.
import { closeSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import type { RolloutRecord } from '../types.js';
import { readCsvRows } from './csv.js';
import { csvGroundTruth, describe, isRow, num, RowError, type Row } from './fields.js';
import { DEFAULT_MAX_LINE_BYTES, readLines } from './lines.js';
import { issue, type ReadRolloutsOptions, type RolloutItem } from './options.js';
import { EVAL_RUN } from './paths.js';

type DatasetRow = { line: number; row: Row } | { line: number; error: string };

async function* datasetRows(path: string, options: ReadRolloutsOptions): AsyncGenerator<DatasetRow> {
    for await (const l of readLines(path, { maxLineBytes: options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES, signal: options.signal })) {
        if ('tooLong' in l) {
            yield { line: l.line, error: `line of ${l.tooLong} bytes is too long` };
            continue;
        }
        if (l.text.trim() === '') continue;
        try {
            const row = JSON.parse(l.text) as unknown;
            yield isRow(row) ? { line: l.line, row } : { line: l.line, error: `expected a JSON object, got ${describe(row)}` };
        } catch (error) {
            yield { line: l.line, error: `invalid JSON: ${(error as Error).message}` };
        }
    }
}

/**
 * eval_code.py since 2025-08-18 writes its run CSVs with every field quoted and `\` as the csv
 * module's escapechar, which writes each backslash of a text twice; before, it quoted only where
 * needed and escaped nothing. Its header is quoted only in the later layout, which tells them apart.
 */
function backslashesDoubled(csvPath: string): boolean {
    const head = Buffer.alloc(4);
    const fd = openSync(csvPath, 'r');
    try {
        const n = readSync(fd, head, 0, head.length, 0);
        const start = n >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
        return n > start && head[start] === 0x22;
    } finally {
        closeSync(fd);
    }
}

/** A cell of such a CSV as the text it was written from: each `\\` back to one `\`. */
function undoubled(row: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(row)) out[k] = v.includes('\\') ? v.replaceAll('\\\\', '\\') : v;
    return out;
}

/** One run CSV of a folder, paired row by row with the folder's original_dataset.jsonl. */
export async function* readEvalRun(csvPath: string, datasetPath: string, display: (p: string) => string, options: ReadRolloutsOptions): AsyncGenerator<RolloutItem> {
    const run = Number(EVAL_RUN.exec(basename(csvPath))?.[1] ?? NaN);
    const doubled = backslashesDoubled(csvPath);
    const dataset = datasetRows(datasetPath, options);
    const file = display(csvPath);
    const dsFile = display(datasetPath);
    try {
        for await (const item of readCsvRows(csvPath, { maxRecordBytes: options.maxLineBytes, signal: options.signal })) {
            const where = `${file}:${item.line}`;
            // Rows pair by position, so a skipped CSV record still consumes its dataset line.
            const ds = (await dataset.next()).value as DatasetRow | undefined;
            if ('error' in item) {
                yield issue(where, item.error);
                continue;
            }
            if (!ds) {
                yield issue(where, `no matching row in ${dsFile} (it has fewer rows than the CSV)`);
                continue;
            }
            if ('error' in ds) {
                yield issue(where, `${dsFile}:${ds.line}: ${ds.error}`);
                continue;
            }
            try {
                const row = doubled ? undoubled(item.row) : item.row;
                checkPairing(row, ds.row, `${dsFile}:${ds.line}`);
                yield evalRecord(row, ds.row, where, Number.isFinite(run) ? run : null, options);
            } catch (error) {
                if (!(error instanceof RowError)) throw error;
                yield issue(where, error.message, error.field);
            }
        }
    } finally {
        await dataset.return(undefined);
    }
}

/**
 * Rows pair by position, and eval_code keeps the original_dataset.jsonl it wrote first: a folder whose
 * runs came from another evaluation (other samples, another order) would give every row the wrong
 * label. The CSV's prompt holds the user turn, whose task text ends with the dataset line's criteria.
 */
function checkPairing(csv: Record<string, string>, ds: Row, dsWhere: string): void {
    const criteria = ds.criteria;
    if (typeof criteria !== 'string' || criteria === '' || typeof csv.prompt !== 'string' || csv.prompt === '') return;
    if (!csv.prompt.includes(criteria)) throw new RowError('prompt', `is not the prompt of ${dsWhere} (its criteria are not in it); rows pair by position, so that file is not this run's dataset`);
}

function evalRecord(csv: Record<string, string>, ds: Row, where: string, run: number | null, options: ReadRolloutsOptions): RolloutRecord {
    if (typeof csv.response !== 'string') throw new RowError('response', 'missing column');
    const record: RolloutRecord = { source: where, format: 'eval-code', response: csv.response, step: options.step ?? null, sample: run };
    if (typeof csv.prompt === 'string') record.prompt = csv.prompt;
    // The CSV's ground_truth column is a Python repr; the dataset line holds the real label.
    record.groundTruth = ds.ground_truth ?? csvGroundTruth(csv.ground_truth);
    if (typeof ds.id === 'string') record.key = ds.id;
    else if (typeof ds.name === 'string') record.key = ds.name;
    if (typeof ds.problem_family === 'string') record.family = ds.problem_family;
    if (typeof ds.name === 'string') record.name = ds.name;
    if (typeof ds.difficulty === 'string' || typeof ds.difficulty === 'number') record.level = ds.difficulty;
    if (typeof ds.dataset === 'string') record.dataset = ds.dataset;
    if (csv.score !== undefined && csv.score !== '') {
        record.loggedScore = num(csv.score, 'score');
        record.loggedBonus = true;
    }
    if (csv.finish_reason) record.finishReason = csv.finish_reason;
    const extra: Record<string, unknown> = {};
    for (const k of ['failure_reason', 'manufactoria_pass_rate', 'manufactoria_all_pass']) if (csv[k] !== undefined && csv[k] !== '') extra[k] = csv[k];
    if (Object.keys(extra).length) record.extra = extra;
    return record;
}
