// The cheap detection the CodeLens, the Show Trajectory command and the BouncingSim Problems view
// need: is this JSON a scene, which JSONL lines are BouncingSim rows or model answers. Kept apart
// from source.ts (which builds a panel's input and loads the scene code) so the extension host's
// main bundle carries only this. No `vscode` here.

import { extractPythonProgram } from '../../language/bouncingsim/python/extract.js';
import { toRow, type DatasetRow } from '../../language/bouncingsim/rows.js';

/** A JSON Lines document (by language or file name). */
export function isJsonl(doc: { languageId: string; uri: { path: string } }): boolean {
    return doc.languageId === 'jsonl' || doc.uri.path.endsWith('.jsonl');
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Scene files above this size are not offered a lens (parsing them on every edit is not cheap). */
const MAX_SCENE_TEXT = 2_000_000;

/** A JSON document whose top level has `boxes` and `balls` lists. Substring checks first: most JSON is not a scene. */
export function looksLikeScene(text: string): boolean {
    if (text.length > MAX_SCENE_TEXT || !/"boxes"\s*:/.test(text) || !/"balls"\s*:/.test(text)) return false;
    try {
        const value: unknown = JSON.parse(text);
        return isObj(value) && Array.isArray(value.boxes) && Array.isArray(value.balls);
    } catch {
        return false;
    }
}

/** A BouncingSim row: its asserts call check_distance on predict_position. */
export function isBouncingSimRow(row: DatasetRow): boolean {
    return row.ground_truth.length > 0 && row.ground_truth.every((a) => a.includes('check_distance') && a.includes('predict_position'));
}

/** The model's code on a response line: `program` as is, or the last fenced block of `response`. */
export function programOf(value: Obj): string | undefined {
    if (typeof value.program === 'string') return value.program;
    if (typeof value.response === 'string') return extractPythonProgram(value.response);
    return undefined;
}

/** One JSONL line worth a lens: a BouncingSim row, a model answer, or a row that carries its answer. */
export interface JsonlLine {
    /** 0-based. */
    line: number;
    id: string;
    row?: DatasetRow;
    program?: string;
    /** The line's own `title`, when it has one (a rollout names its step and sample). */
    title?: string;
}

/** Reads one parsed JSONL value; undefined when it is neither a BouncingSim row nor an answer. */
export function readJsonlValue(value: unknown, line: number): JsonlLine | undefined {
    if (!isObj(value) || typeof value.id !== 'string') return undefined;
    const out: JsonlLine = { line, id: value.id };
    if (value.ground_truth !== undefined) {
        const row = toRow(value);
        if (typeof row !== 'string' && isBouncingSimRow(row)) out.row = row;
    }
    const program = programOf(value);
    // Without a BouncingSim row on the line, a response counts only if its code defines
    // predict_position, and no answer may be a Manufactoria program: a Manufactoria rollout
    // (`{"id", "response": "```manufactoria …"}`) gets no trajectory lens.
    const answer = program !== undefined && !MANUFACTORIA_START.test(program)
        && (out.row !== undefined || typeof value.program === 'string' || /\bpredict_position\b/.test(program));
    if (answer) out.program = program;
    if (typeof value.title === 'string') out.title = value.title;
    return out.row || out.program !== undefined ? out : undefined;
}

/** A Manufactoria START declaration line (`START id:`), which no Python answer has. */
const MANUFACTORIA_START = /^\s*START\s+\w+\s*:/m;

// Only lines mentioning one of these keys are parsed; a quick substring test skips the rest.
const KEYS = ['"ground_truth"', '"response"', '"program"'];

/** Every row and answer line of a JSONL text. `id` limits the scan to lines that mention it. */
export function scanJsonl(text: string, id?: string): JsonlLine[] {
    const out: JsonlLine[] = [];
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const raw = lines[i];
        if (!KEYS.some((k) => raw.includes(k)) || (id !== undefined && !raw.includes(id))) continue;
        let value: unknown;
        try {
            value = JSON.parse(raw);
        } catch {
            continue;
        }
        const entry = readJsonlValue(value, i);
        if (entry && (id === undefined || entry.id === id)) out.push(entry);
    }
    return out;
}
