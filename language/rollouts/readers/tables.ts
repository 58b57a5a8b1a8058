// Row formats that are not line based: parquet (TRL `completions_<step>.parquet` and plain rows,
// one row group at a time, read by the same child process as parquet problem files, so a crafted
// file that kills its reader is an issue naming the file, never the death of this process), W&B `*.table.json` exports (`columns` + `data`) and `.json` documents
// (a list of rows, or one row). Whole documents are size-bounded before they are read.
import { promises as fs } from 'node:fs';
import { parquetRowBatches } from '../../dataset/problems/parquet-rows.js';
import { describe, hasResponseField, isRow, recordFromRow, RowError, type Decode, type Row } from './fields.js';
import { issue, type RolloutFormat, type RolloutItem } from './options.js';
import { stripBom } from '../../python/bom.js';
import { jsonParseAsPython } from '../../python/json-loads.js';
import { checkJsonNesting } from './json-depth.js';

export interface TableContext {
    file: string;
    format: RolloutFormat;
    fileStep: number | null;
    step?: number;
    decode: Decode | undefined;
    maxDocumentBytes: number;
    signal?: AbortSignal;
}

function rowItem(row: unknown, where: string, ctx: TableContext): RolloutItem {
    if (!isRow(row)) return issue(where, `expected an object, got ${describe(row)}`);
    try {
        return recordFromRow(row, { source: where, format: ctx.format, step: ctx.fileStep ?? ctx.step ?? null, decode: ctx.decode });
    } catch (error) {
        if (!(error instanceof RowError)) throw error;
        return issue(where, error.message, error.field);
    }
}

export async function* readParquetRollouts(path: string, ctx: TableContext): AsyncGenerator<RolloutItem> {
    for await (const batch of parquetRowBatches(path, { signal: ctx.signal })) {
        for (let i = 0; i < batch.rows.length; i++) yield rowItem(batch.rows[i], `${ctx.file}[${batch.rowStart + i}]`, ctx);
    }
}

async function readDocument(path: string, ctx: TableContext): Promise<unknown> {
    const { size } = await fs.stat(path);
    if (size > ctx.maxDocumentBytes) {
        throw new RowError(undefined, `${size} bytes is more than the ${ctx.maxDocumentBytes}-byte limit for a whole-document file (--max-document-bytes); write it as JSON Lines instead`);
    }
    const textContent = await fs.readFile(path, 'utf8');
    try {
        // W&B writes its table files with Python's json.dump: a float nan or inf cell is NaN, Infinity.
        checkJsonNesting(textContent);
        return jsonParseAsPython(stripBom(textContent));
    } catch (error) {
        throw new RowError(undefined, `invalid JSON: ${(error as Error).message}`);
    }
}

/** The parsed document, or why it could not be read. */
async function documentOrIssue(path: string, ctx: TableContext): Promise<{ doc: unknown } | { error: string }> {
    try {
        return { doc: await readDocument(path, ctx) };
    } catch (error) {
        if (!(error instanceof RowError)) throw error;
        return { error: error.message };
    }
}

/**
 * W&B's run files refer to a logged table instead of holding it: `{"_type": "table-file", "path":
 * "media/table/….table.json", …}`, alone or as values of wandb-summary.json. The paths they name.
 */
function tableFileRefs(doc: unknown): string[] {
    const isRef = (v: unknown): v is Row => isRow(v) && typeof v._type === 'string' && v._type.endsWith('table-file') && typeof v.path === 'string';
    if (isRef(doc)) return [doc.path as string];
    return isRow(doc) ? Object.values(doc).filter(isRef).map((v) => v.path as string) : [];
}

function tableRefMessage(paths: string[]): string {
    return `a W&B reference to a table, not the table: read the table file it names (${paths.slice(0, 3).join(', ')}${paths.length > 3 ? ', …' : ''}) under the run's files folder`;
}

/** A W&B table export: `{"columns": [...], "data": [[...], ...]}`; row n is `file[n]`. */
export async function* readWandbTable(path: string, ctx: TableContext): AsyncGenerator<RolloutItem> {
    const read = await documentOrIssue(path, ctx);
    if ('error' in read) return yield issue(ctx.file, read.error);
    const doc = read.doc;
    if (!isRow(doc) || !Array.isArray(doc.columns) || !Array.isArray(doc.data)) {
        const refs = tableFileRefs(doc);
        if (refs.length) yield issue(ctx.file, tableRefMessage(refs));
        else yield issue(ctx.file, 'a W&B table needs "columns" (a list of names) and "data" (a list of rows)', isRow(doc) && Array.isArray(doc.columns) ? 'data' : 'columns');
        return;
    }
    const columns = doc.columns.map(String);
    for (let i = 0; i < doc.data.length; i++) {
        const values = doc.data[i];
        const where = `${ctx.file}[${i}]`;
        if (!Array.isArray(values) || values.length !== columns.length) {
            yield issue(where, `expected a list of ${columns.length} values, got ${Array.isArray(values) ? `${values.length} values` : describe(values)}`, `data[${i}]`);
            continue;
        }
        const row: Row = {};
        columns.forEach((c, k) => { row[c] = values[k]; });
        yield rowItem(row, where, ctx);
    }
}

/** A `.json` document: a list of rows, `{"rows": [...]}`, or one row; a W&B table is recognised by its keys. */
export async function* readJsonDocument(path: string, ctx: TableContext): AsyncGenerator<RolloutItem> {
    const read = await documentOrIssue(path, ctx);
    if ('error' in read) return yield issue(ctx.file, read.error);
    const doc = read.doc;
    if (isRow(doc) && Array.isArray(doc.columns) && Array.isArray(doc.data)) {
        yield* readWandbTable(path, { ...ctx, format: 'wandb-table' });
        return;
    }
    const refs = tableFileRefs(doc);
    if (refs.length) return yield issue(ctx.file, tableRefMessage(refs));
    const rows = Array.isArray(doc) ? doc : isRow(doc) && Array.isArray(doc.rows) ? doc.rows : (pandasRows(doc) ?? [doc]);
    for (let i = 0; i < rows.length; i++) yield rowItem(rows[i], `${ctx.file}[${i}]`, ctx);
}

/**
 * The rows of a DataFrame written by pandas' to_json in an orient other than records (a list) or
 * split (columns + data, read as a table): `columns`, its default (`{"response": {"0": …, "1": …}, …}`),
 * `index` (`{"0": {row}, …}`) and `table` (`{"schema": …, "data": [rows]}`). Undefined for any other document.
 */
function pandasRows(doc: unknown): unknown[] | undefined {
    if (!isRow(doc)) return undefined;
    if (isRow(doc.schema) && Array.isArray(doc.data)) return doc.data;
    const values = Object.values(doc);
    if (!values.length || !values.every(isRow)) return undefined;
    if (hasResponseField(doc)) {
        const index = Object.keys(values[0] as Row);
        return index.map((label) => Object.fromEntries(Object.entries(doc).map(([column, cells]) => [column, (cells as Row)[label]])));
    }
    return values.every((v) => hasResponseField(v as Row)) ? values : undefined;
}
