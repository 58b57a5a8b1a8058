// JSON Lines dumps: open-instruct `traces_<run>.jsonl` (one line per training step, columns as
// lists), open-instruct rollout shards `<run>_rollouts_NNNNNN.jsonl` (one line per rollout), verl
// `<step>.jsonl`, and plain rows. Each line is parsed on its own; a bad line is one issue.
import type { RolloutRecord } from '../types.js';
import { describe, intOrNull, isRow, loggedScoreOf, recordFromRow, RowError, text, type Decode, type Row } from './fields.js';
import { readLines, tooLongMessage, DEFAULT_MAX_LINE_BYTES, STDIN_PATH } from './lines.js';
import { markRead, type LineOrigin } from './record-at.js';
import { issue, type ReadRolloutsOptions, type RolloutFormat, type RolloutItem } from './options.js';
import { RowParser } from './row-parse.js';
import { jsonParseAsPython } from '../../python/json-loads.js';
import { checkJsonNesting } from './json-depth.js';

export type LineFormat = Extract<RolloutFormat, 'open-instruct-traces' | 'open-instruct-rollouts' | 'verl' | 'jsonl'>;

/** The format of a JSON Lines row by its keys (used when neither --format nor the file name decides). */
export function lineFormatOf(row: Row): LineFormat {
    if (Array.isArray(row.responses) && ('training_step' in row || 'scores' in row)) return 'open-instruct-traces';
    if ('response_tokens' in row && 'sample_idx' in row) return 'open-instruct-rollouts';
    if ('output' in row && 'gts' in row) return 'verl';
    return 'jsonl';
}

export interface JsonlContext {
    file: string;
    format: LineFormat | undefined;
    fileStep: number | null;
    decode: Decode | undefined;
    options: Pick<ReadRolloutsOptions, 'step' | 'verificationReward' | 'maxLineBytes' | 'signal' | 'locate'>;
    onBytes?: (bytesRead: number) => void;
}

export async function* readJsonlRollouts(path: string, ctx: JsonlContext): AsyncGenerator<RolloutItem> {
    const state: LineState = { format: ctx.format, rows: new RowParser() };
    const max = ctx.options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    // With `locate`, each record says where its line is, for reading it back (record-at.ts); standard input cannot be read twice.
    const origin: LineOrigin | undefined = ctx.options.locate && path !== STDIN_PATH ? { file: path, ctx: { ...ctx, onBytes: undefined }, format: ctx.format } : undefined;
    for await (const l of readLines(path, { maxLineBytes: max, signal: ctx.options.signal, onBytes: ctx.onBytes, offsets: !!origin })) {
        const where = `${ctx.file}:${l.line}`;
        if ('tooLong' in l) yield issue(where, tooLongMessage(l.tooLong, max));
        else if (!origin) yield* lineItems(l.text, where, state, ctx, l.unterminated);
        else {
            let item = 0;
            for (const it of lineItems(l.text, where, state, ctx, l.unterminated)) {
                // The line's format is known once its row is parsed (the first row decides the file's).
                origin.format = state.format;
                if (!('issue' in it)) it.at = { origin, line: l.line, offset: l.offset!, length: l.length!, item };
                item++;
                yield it;
            }
        }
    }
    if (origin) markRead(origin);
}

/** Said of a last line without a newline that is not JSON: a trainer still writing the dump leaves one. */
export const UNTERMINATED = ' (the last line, with no newline after it: cut short, or the file is still being written)';

/** What one file's lines share: its format, once the first row has decided it; the row parser (labels seen). */
export interface LineState {
    format: LineFormat | undefined;
    rows?: RowParser;
}

/** The rollouts (or issues) of one line of text (a trace line holds a whole step). */
/** `unterminated`: the file's last line, with no newline after it; when it is not JSON, the issue says it may be cut short. */
export function* lineItems(text: string, where: string, state: LineState, ctx: JsonlContext, unterminated = false): Generator<RolloutItem> {
    if (text.trim() === '') return;
    let row: unknown;
    try {
        checkJsonNesting(text);
        row = state.rows ? jsonParseAsPython(text, (t) => state.rows!.parse(t)) : jsonParseAsPython(text);
    } catch (error) {
        yield issue(where, `invalid JSON: ${(error as Error).message}${unterminated ? UNTERMINATED : ''}`);
        return;
    }
    yield* rowItems(row, where, state, ctx);
}

/** lineItems after JSON.parse: the rollouts (or issues) of the line's value. */
export function* rowItems(row: unknown, where: string, state: LineState, ctx: JsonlContext): Generator<RolloutItem> {
    if (!isRow(row)) {
        yield issue(where, `expected a JSON object, got ${describe(row)}`);
        return;
    }
    const format = (state.format ??= lineFormatOf(row));
    try {
        if (format === 'open-instruct-traces') yield* traceStep(row, where, ctx);
        else if (format === 'open-instruct-rollouts') yield rolloutShardRecord(row, where, ctx);
        else {
            const record = recordFromRow(row, { source: where, format, step: ctx.fileStep ?? ctx.options.step ?? null, decode: ctx.decode });
            if (format === 'verl' && record.sample === null) record.sample = verlSession(row.uid);
            yield record;
        }
    } catch (error) {
        if (!(error instanceof RowError)) throw error;
        // A row another trainer's writer wrote (the format forced, or told by a misleading file name): say so.
        const looks = lineFormatOf(row);
        const message = looks !== format && looks !== 'jsonl' ? `a row of ${looks} read as ${format} (--format ${looks} reads it): ${error.message.split('; ')[0]}` : error.message;
        yield issue(where, message, error.field);
    }
}

// Later writers (asdict of the batch) add `raw_queries` (the prompt as `role: content` lines) and
// `decoded_responses` (the responses' text): read those, so such a file needs no tokenizer. A column
// the writer left None (null) is absent.
/**
 * verl's transfer-queue trainer (ppo/v1) adds `uid` to its dumps: `<prompt uid>_<session>_<output>`,
 * the session being the sample's place in its GRPO group, 0 to n-1. That is the sample number.
 */
function verlSession(uid: unknown): number | null {
    const m = typeof uid === 'string' ? /_(\d+)_\d+$/.exec(uid) : null;
    return m ? Number(m[1]) : null;
}

const TRACE_COLUMNS = ['scores', 'finish_reasons', 'queries', 'ground_truths', 'datasets', 'raw_queries', 'decoded_responses'] as const;

/** One trace line: a training step's columns, one entry per rollout (open-instruct `--save_traces`). */
function* traceStep(row: Row, where: string, ctx: JsonlContext): Generator<RolloutItem> {
    const responses = row.responses;
    if (!Array.isArray(responses)) throw new RowError('responses', `expected a list, got ${describe(responses)}`);
    const columns: Partial<Record<(typeof TRACE_COLUMNS)[number], unknown[]>> = {};
    for (const column of TRACE_COLUMNS) {
        const value = row[column];
        if (value === undefined || value === null) continue;
        if (!Array.isArray(value)) throw new RowError(column, `expected a list, got ${describe(value)}`);
        if (value.length !== responses.length) throw new RowError(column, `has ${value.length} entries for ${responses.length} responses`);
        columns[column] = value;
    }
    const step = row.training_step !== undefined && row.training_step !== null ? intOrNull(row.training_step, 'training_step') : ctx.fileStep ?? ctx.options.step ?? null;
    const { queries, raw_queries: rawQueries, decoded_responses: decoded } = columns;
    // Samples of one prompt share a query: the GRPO group is (step, index of the distinct query).
    const groups = new Map<string, { index: number; prompt?: string }>();
    const scale = ctx.options.verificationReward ?? 10;
    for (let i = 0; i < responses.length; i++) {
        const source = `${where}[${i}]`;
        try {
            const response = decoded ? text(decoded[i], `decoded_responses[${i}]`, undefined, 'assistant') : text(responses[i], `responses[${i}]`, ctx.decode, 'assistant');
            const record: RolloutRecord = { source, format: 'open-instruct-traces', response, step, sample: i };
            const q = queries ? queries[i] : rawQueries?.[i];
            if (q !== undefined) {
                const key = typeof q === 'string' ? q : JSON.stringify(q);
                let group = groups.get(key);
                if (!group) {
                    group = { index: groups.size };
                    if (rawQueries) group.prompt = text(rawQueries[i], `raw_queries[${i}]`, undefined, 'user');
                    else if (q !== null) group.prompt = text(q, `queries[${i}]`, ctx.decode, 'user');
                    groups.set(key, group);
                }
                record.promptIndex = group.index;
                if (group.prompt !== undefined) record.prompt = group.prompt;
            }
            const logged = columns.scores ? loggedScoreOf(columns.scores[i], `scores[${i}]`) : undefined;
            if (logged !== undefined) {
                record.loggedScore = logged;
                record.loggedScale = scale;
            }
            const finish = columns.finish_reasons?.[i];
            if (typeof finish === 'string') record.finishReason = finish;
            if (columns.ground_truths) record.groundTruth = columns.ground_truths[i];
            const dataset = columns.datasets?.[i];
            if (typeof dataset === 'string') record.dataset = dataset;
            yield record;
        } catch (error) {
            if (!(error instanceof RowError)) throw error;
            yield issue(source, error.message, error.field);
        }
    }
}

/** One record of an open-instruct rollout shard (`--rollouts_save_path`). */
function rolloutShardRecord(row: Row, where: string, ctx: JsonlContext): RolloutRecord {
    const record: RolloutRecord = {
        source: where,
        format: 'open-instruct-rollouts',
        response: text(row.response_tokens, 'response_tokens', ctx.decode, 'assistant'),
        step: row.step !== undefined ? intOrNull(row.step, 'step') : ctx.options.step ?? null,
        sample: intOrNull(row.sample_idx, 'sample_idx'),
        promptIndex: intOrNull(row.prompt_idx, 'prompt_idx'),
    };
    if (row.prompt_tokens !== undefined && row.prompt_tokens !== null) record.prompt = text(row.prompt_tokens, 'prompt_tokens', ctx.decode, 'user');
    const logged = row.reward !== undefined && row.reward !== null ? loggedScoreOf(row.reward, 'reward') : undefined;
    if (logged !== undefined) {
        record.loggedScore = logged;
        record.loggedScale = ctx.options.verificationReward ?? 10;
    }
    if (typeof row.finish_reason === 'string') record.finishReason = row.finish_reason;
    if (typeof row.dataset === 'string') record.dataset = row.dataset;
    if (row.ground_truth !== undefined && row.ground_truth !== null) record.groundTruth = row.ground_truth;
    if (typeof row.advantage === 'number') record.extra = { advantage: row.advantage };
    return record;
}
