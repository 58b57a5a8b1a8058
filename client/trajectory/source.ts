// What a trajectory panel is built from: a scene JSON file, a dataset row (scene rebuilt from the
// prompt, ground truth from the asserts), optionally with a model answer. Also the cheap detection
// the CodeLens needs. No `vscode` here, so all of it is unit-tested.

import { extractPythonProgram } from '../../language/bouncingsim/python/extract.js';
import { sceneFromPrompt } from '../../language/bouncingsim/prompt-scene.js';
import { rowAsserts } from '../../language/bouncingsim/row-asserts.js';
import { toRow, type DatasetRow } from '../../language/bouncingsim/rows.js';
import { formatIssue, parseSceneText } from '../../language/bouncingsim/scene-load.js';
import type { Geometry, Marker } from '../webview/protocol.js';
import { geometryOf } from './frames.js';

export interface TrajectoryInput {
    title: string;
    /** Scene JSON for the worker, which validates it again (it only takes plain data). */
    scene: unknown;
    /** Labels validation messages. */
    file: string;
    geometry: Geometry;
    /** Ground truth at the test timestamps; without `markers` they are read off the simulated frames. */
    truth: { label: string; markers?: Marker[] };
    /** A model's program and the asserts it is checked with (the row's `ground_truth`). */
    model?: { program: string; asserts: string[]; timestamps: number[] };
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

const MAX_LISTED_ISSUES = 5;

/** Builds the input for a scene file; throws with the validation issues when the scene is broken. */
export function sceneInput(text: string, file: string, name: string): TrajectoryInput {
    const parsed = parseSceneText(text, name);
    if (!parsed.ok) {
        const shown = parsed.issues.slice(0, MAX_LISTED_ISSUES).map(formatIssue);
        const more = parsed.issues.length - shown.length;
        throw new Error(`The scene cannot be simulated:\n${shown.join('\n')}${more > 0 ? `\n… and ${more} more` : ''}`);
    }
    const { scene } = parsed;
    const input: TrajectoryInput = {
        title: `Trajectory: ${name}`,
        scene: JSON.parse(text),
        file,
        geometry: geometryOf(scene),
        truth: { label: 'TS simulator at the standard timestamps (the scene has no "tests")' },
    };
    if (scene.tests?.length) input.truth = { label: 'the scene\'s "tests"', markers: scene.tests.map((t) => ({ time: t.time, positions: t.position })) };
    return input;
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

/** Builds the input for a dataset row; `program` is a model answer to check against the row. */
export function rowInput(row: DatasetRow, program?: string): TrajectoryInput {
    const rebuilt = sceneFromPrompt(row.prompt);
    const asserts = rowAsserts(row, rebuilt.timestamps);
    const input: TrajectoryInput = {
        title: `Trajectory: ${row.id}${program !== undefined ? ' (model answer)' : ''}`,
        scene: rebuilt.scene,
        file: `row ${row.id}`,
        geometry: geometryOf(rebuilt.scene),
        truth: { label: 'stored ground truth (the row\'s asserts)', markers: asserts.timestamps.map((time, k) => ({ time, positions: asserts.expected[k] })) },
    };
    if (program !== undefined) input.model = { program, asserts: row.ground_truth, timestamps: asserts.timestamps };
    return input;
}

/** One JSONL line worth a lens: a BouncingSim row, a model answer, or a row that carries its answer. */
export interface JsonlLine {
    /** 0-based. */
    line: number;
    id: string;
    row?: DatasetRow;
    program?: string;
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
