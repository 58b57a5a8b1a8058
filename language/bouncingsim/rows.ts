// Dataset rows (docs/bouncingsim.md §7). The scene JSON is not in the row: consumers rebuild it from the
// prompt (prompt-scene.ts) and read the ground truth from the assert strings.

import { readJsonl, type JsonlError } from './jsonl.js';
import type { PromptSetting } from './asserts.js';

export interface DatasetRow {
    id: string;
    prompt: string;
    ground_truth: string[];
    /** Missing in a row ⇒ undefined; function-mode asserts carry their own times. */
    timestamps?: number[];
    tolerance?: number;
    prompt_setting: PromptSetting;
    difficulty?: number;
    dataset?: string;
}

export interface RowEntry { line: number; row: DatasetRow }

/** Letters before the first `_` of the id (`AB_3_1` → `AB`). */
export function familyOf(id: string): string {
    return id.split('_')[0] || id;
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A field that is absent is "missing"; one of the wrong type says what it holds instead. */
export function fieldError(value: unknown, field: string, expected: string): string {
    if (value === undefined) return `missing field "${field}" (${expected})`;
    const held = value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value).slice(0, 40)}`;
    return `field "${field}" must be a ${expected}, got ${held}`;
}

/** Validates one parsed line; returns the missing/ill-typed field as an error message. */
export function toRow(value: unknown): DatasetRow | string {
    if (!isObject(value)) return 'a row must be a JSON object';
    const { id, messages, ground_truth, timestamps, tolerance, prompt_setting, difficulty, dataset } = value;
    if (typeof id !== 'string') return fieldError(id, 'id', 'string');
    const first = Array.isArray(messages) ? messages[0] : undefined;
    if (!isObject(first) || typeof first.content !== 'string') return `row ${id}: ${fieldError(isObject(first) ? first.content : undefined, 'messages[0].content', 'string')}`;
    if (!Array.isArray(ground_truth)) return `row ${id}: ${fieldError(ground_truth, 'ground_truth', 'list of assert strings')}`;
    const notText = ground_truth.findIndex((g) => typeof g !== 'string');
    if (notText !== -1) return `row ${id}: ${fieldError(ground_truth[notText], `ground_truth[${notText}]`, 'string (an assert)')}`;
    if (timestamps !== undefined && !(Array.isArray(timestamps) && timestamps.every((t) => typeof t === 'number'))) return `row ${id}: field "timestamps" must be a list of numbers`;
    if (tolerance !== undefined && typeof tolerance !== 'number') return `row ${id}: field "tolerance" must be a number`;
    if (prompt_setting !== undefined && prompt_setting !== 'function' && prompt_setting !== 'list') return `row ${id}: field "prompt_setting" must be "function" or "list"`;
    const row: DatasetRow = { id, prompt: first.content, ground_truth, prompt_setting: prompt_setting ?? 'function' };
    if (timestamps !== undefined) row.timestamps = timestamps as number[];
    if (tolerance !== undefined) row.tolerance = tolerance;
    if (typeof difficulty === 'number') row.difficulty = difficulty;
    if (typeof dataset === 'string') row.dataset = dataset;
    return row;
}

/** All valid rows plus one error per bad line (malformed JSON or missing field). */
export function parseRows(text: string, file: string): { rows: RowEntry[]; errors: JsonlError[] } {
    const rows: RowEntry[] = [];
    const errors: JsonlError[] = [];
    for (const entry of readJsonl(text, file)) {
        if ('error' in entry) { errors.push(entry.error); continue; }
        const row = toRow(entry.value);
        if (typeof row === 'string') errors.push({ file, line: entry.line, message: row });
        else rows.push({ line: entry.line, row });
    }
    return { rows, errors };
}
