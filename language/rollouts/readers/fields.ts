// Field picking shared by the row formats (plain rows, verl, TRL, W&B tables, eval_code CSVs):
// which key holds the response, the ground truth, the key, the step… (docs/rollouts.md, "Formats").
// A field of the wrong type is a RowError naming the field; the reader turns it into `file:line: field: what`.
import { pyLiteralEval } from '../../python/literal-eval.js';
import type { RolloutRecord } from '../types.js';
import { ROLLOUT_FORMATS } from './options.js';

export class RowError extends Error {
    constructor(readonly field: string | undefined, message: string) {
        // A bad row is data, not a bug: no stack trace. Capturing one (through the readers' async
        // generators) was most of a bad row's cost, ~50 µs: a dump of millions of them took minutes.
        const limit = Error.stackTraceLimit;
        Error.stackTraceLimit = 0;
        super(message);
        Error.stackTraceLimit = limit;
    }
}

export type Row = Record<string, unknown>;

export function isRow(value: unknown): value is Row {
    return typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

export function describe(value: unknown): string {
    if (value === undefined) return 'nothing (the field is missing)';
    if (value === null) return 'null';
    if (Array.isArray(value)) return 'a list';
    if (typeof value === 'string') return value.length > 40 ? `a string "${value.slice(0, 40)}…"` : `"${value}"`;
    if (typeof value === 'object') return 'an object';
    return `${typeof value} ${String(value)}`;
}

/** Text given as a string, or as token ids when a decoder is at hand. */
export type Decode = (ids: readonly number[], field: string) => string;

export function isTokenIds(value: unknown): value is number[] {
    return (Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isInteger(v)) && value.length > 0) || value instanceof Int32Array || value instanceof BigInt64Array;
}

/** A message list's content: the last turn of `role` (any role when none has it). */
function turn(messages: unknown[], role: string, field: string): string | undefined {
    for (let i = messages.length - 1; i >= 0; i--) {
        const m = messages[i];
        if (isRow(m) && m.role === role) {
            if (typeof m.content !== 'string') throw new RowError(`${field}[${i}].content`, `expected a string, got ${describe(m.content)}`);
            return m.content;
        }
    }
    return undefined;
}

export function text(value: unknown, field: string, decode: Decode | undefined, role: 'assistant' | 'user'): string {
    if (typeof value === 'string') return value;
    if (Array.isArray(value) && value.length > 0 && isRow(value[0])) {
        const found = turn(value, role, field);
        if (found === undefined) throw new RowError(field, `no ${role} turn in the message list`);
        return found;
    }
    if (isTokenIds(value)) {
        if (!decode) throw new RowError(field, 'holds token ids; pass --tokenizer (a tokenizer.json or a model name in the local Hugging Face cache) to decode them');
        return decode(Array.from(value as ArrayLike<number | bigint>, Number), field);
    }
    throw new RowError(field, `expected text, a message list or token ids, got ${describe(value)}`);
}

/** The row's keys, for a message about a row of an unknown layout. */
function keysOf(row: Row): string {
    const keys = Object.keys(row);
    if (!keys.length) return 'the row is empty';
    return `its keys are ${keys.slice(0, 8).join(', ')}${keys.length > 8 ? `, … (${keys.length})` : ''}`;
}

/** The first key present; an empty string counts as absent (an empty CSV cell) unless `keepEmpty`. */
export function pick(row: Row, keys: readonly string[], keepEmpty = false): [string, unknown] | undefined {
    for (const k of keys) {
        const v = row[k];
        if (v !== undefined && v !== null && (keepEmpty || v !== '')) return [k, v];
    }
    return undefined;
}

export function num(value: unknown, field: string): number {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'bigint') return Number(value);
    if (typeof value === 'boolean') return value ? 1 : 0;
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
    throw new RowError(field, `expected a number, got ${describe(value)}`);
}

/**
 * A logged score, or undefined when it is NaN or infinite (Python's json.dumps writes a float nan or
 * inf as NaN, Infinity; parquet holds them as doubles): no score to compare with, so the rollout is
 * scored without one rather than lost (docs/rollouts.md, "Logged scores").
 */
export function loggedScoreOf(value: unknown, field: string): number | undefined {
    if (typeof value === 'number' && !Number.isFinite(value)) return undefined;
    return num(value, field);
}

export function intOrNull(value: unknown, field: string): number | null {
    if (value === undefined || value === null || value === '') return null;
    const n = num(value, field);
    if (!Number.isInteger(n)) throw new RowError(field, `expected an integer, got ${describe(value)}`);
    return n;
}

const RESPONSE = ['response', 'completion', 'output', 'decoded_response', 'messages'];

/** True when the row has one of the fields a response is read from. */
export function hasResponseField(row: Row): boolean {
    return RESPONSE.some((k) => k in row);
}
const PROMPT = ['prompt', 'input', 'query', 'question'];
const GROUND_TRUTH = ['ground_truth', 'gts', 'label', 'test_cases', 'reward_model'];
const KEY = ['id', 'problem_id', 'name', 'index'];
const FAMILY = ['problem_family', 'family', 'problem_type'];
const LEVEL = ['difficulty_level', 'difficulty', 'level'];
const STEP = ['step', 'training_step', 'global_step'];
const SAMPLE = ['sample', 'sample_idx', 'sample_index'];
const PROMPT_INDEX = ['prompt_idx', 'prompt_index'];
const SCORE = ['score', 'reward', 'scores', 'rewards'];
const FINISH = ['finish_reason', 'stop_reason'];
const DATASET = ['dataset', 'data_source'];

export interface RowContext {
    source: string;
    format: string;
    step: number | null;
    decode?: Decode;
    /** Cells are text (CSV): a ground truth pandas wrote as a Python repr is read back (csvGroundTruth). */
    textCells?: boolean;
    /** Keys already consumed by the format (kept out of `extra`). */
    omit?: readonly string[];
}

/** A row with a response (plain JSONL/JSON/CSV/parquet rows, verl, TRL, W&B tables) → RolloutRecord. */
export function recordFromRow(row: Row, ctx: RowContext): RolloutRecord {
    const response = pick(row, RESPONSE, true);
    // A response written as None (null) is that field's fault, not a row of an unknown layout.
    const empty = response ? undefined : RESPONSE.find((k) => row[k] === null);
    if (empty) throw new RowError(empty, 'expected text, a message list or token ids, got null');
    if (!response) throw new RowError(undefined, `no response field (expected one of ${RESPONSE.join(', ')}); ${keysOf(row)}; delta reads ${ROLLOUT_FORMATS.join(', ')} (docs/rollouts.md, "Formats")`);
    const record: RolloutRecord = {
        source: ctx.source,
        format: ctx.format,
        response: text(response[1], response[0], ctx.decode, 'assistant'),
        step: ctx.step,
        sample: null,
    };
    const prompt = pick(row, PROMPT) ?? (Array.isArray(row.messages) ? ['messages', row.messages] as [string, unknown] : undefined);
    if (prompt) record.prompt = text(prompt[1], prompt[0], ctx.decode, 'user');
    const gt = pick(row, GROUND_TRUTH);
    if (gt) {
        const value = gt[0] === 'reward_model' && isRow(gt[1]) ? gt[1].ground_truth : gt[1];
        record.groundTruth = ctx.textCells ? csvGroundTruth(value) : value;
    }
    const key = pick(row, KEY);
    if (key) {
        if (typeof key[1] === 'object') throw new RowError(key[0], `expected text or a number, got ${describe(key[1])}`);
        record.key = typeof key[1] === 'string' ? key[1] : String(num(key[1], key[0]));
    }
    // The problem's name beside its id (the benchmark's HF rows have both): what the overview and
    // the report label it by when no problem file is joined (they showed the UUIDs).
    if (typeof row.name === 'string' && row.name !== '') record.name = row.name;
    const family = pick(row, FAMILY);
    if (family && typeof family[1] === 'string') record.family = family[1];
    const level = pick(row, LEVEL);
    if (level && (typeof level[1] === 'string' || typeof level[1] === 'number')) record.level = level[1];
    const step = pick(row, STEP);
    if (step) record.step = intOrNull(step[1], step[0]);
    const sample = pick(row, SAMPLE);
    if (sample) record.sample = intOrNull(sample[1], sample[0]);
    const promptIndex = pick(row, PROMPT_INDEX);
    if (promptIndex) record.promptIndex = intOrNull(promptIndex[1], promptIndex[0]);
    const score = pick(row, SCORE) ?? trlRewardColumn(row);
    const logged = score ? loggedScoreOf(score[1], score[0]) : undefined;
    if (logged !== undefined) record.loggedScore = logged;
    const finish = pick(row, FINISH);
    if (finish && typeof finish[1] === 'string' && finish[1] !== '') record.finishReason = finish[1];
    const dataset = pick(row, DATASET);
    if (dataset && typeof dataset[1] === 'string') record.dataset = dataset[1];
    return record;
}

/**
 * A CSV cell's ground truth. pandas' to_csv writes a list of test cases (the label the trainer passed
 * on) as its Python repr (`[{'input': 'RB', …, 'expected_accepted': True}]`), which is not JSON: that
 * is read back as the list. A cell that is JSON, or not a list's repr, is kept as written (a label
 * string, decoded and judged as the reference does).
 */
export function csvGroundTruth(value: unknown): unknown {
    if (typeof value !== 'string' || !value.trimStart().startsWith('[')) return value;
    try {
        JSON.parse(value);
        return value;
    } catch {
        try {
            const list = pyLiteralEval(value);
            return Array.isArray(list) ? list : value;
        } catch {
            return value;
        }
    }
}

/**
 * TRL's completion logs (its parquet files, its W&B table) have no reward column: the columns are
 * `step, prompt, completion`, one column per reward function (named for it), the reward functions'
 * extra columns, then `advantage`. With one numeric column between `completion` and `advantage`, that
 * function's reward is the reward. With several, the trainer's reward was their weighted sum, and the
 * weights are not in the file: no logged score.
 */
function trlRewardColumn(row: Row): [string, unknown] | undefined {
    const keys = Object.keys(row);
    const from = keys.indexOf('completion');
    const to = keys.indexOf('advantage');
    if (from < 0 || to < from) return undefined;
    const numeric = keys.slice(from + 1, to).filter((k) => typeof row[k] === 'number' || row[k] === null);
    // A None reward reaches us as NaN or null: no score for that row.
    return numeric.length === 1 && row[numeric[0]] !== null ? [numeric[0], row[numeric[0]]] : undefined;
}

/** The training step a file name carries: verl `<step>.jsonl`, TRL `completions_<step>.parquet`, `…step_<n>…`. */
export function stepFromFileName(name: string): number | null {
    const m = /^(\d+)\.jsonl$/.exec(name) ?? /^completions_(\d+)\.parquet$/.exec(name) ?? /(?:^|[_\-.])(?:step|global_step)[_\-]?(\d+)/i.exec(name);
    return m ? Number(m[1]) : null;
}
