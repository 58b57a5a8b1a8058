// Messages between the extension host and the trajectory webview, plus the state the webview
// persists for the panel serializer. Imported by both sides (no `vscode`, no DOM), so each side can
// validate what it receives: a webview is a separate page and a message is just untyped data.

export const VIEW_TYPE = 'deltaStudio.trajectory';

export type Vec2 = [number, number];

/** What a panel shows; enough to rebuild it after a window reload (the serializer gets this back). */
export type SourceRef =
    | { kind: 'scene'; uri: string }
    /** A dataset row (`id`) in a JSONL file; `line` (0-based) is a hint, the id decides. */
    | { kind: 'row'; uri: string; id: string; line: number }
    /** A model response line for row `id`, in `uri`. */
    | { kind: 'response'; uri: string; id: string; line: number };

/** Shapes of the bodies; poses come per frame. Radii are circumradii in scene units (metres). */
export interface Geometry {
    boxes: { sides: number; radius: number }[];
    /** sides ≤ 2 draws a circle. */
    balls: { sides: number; radius: number; color: [number, number, number] }[];
}

/**
 * Poses sampled at `fps`, flattened so the webview can wrap them in typed arrays once:
 * balls[(frame·ballCount + ball)·3 + {0: x, 1: y, 2: angle}], same layout for boxes.
 */
export interface FrameData {
    fps: number;
    count: number;
    balls: number[];
    boxes: number[];
}

/** Ground-truth positions of every ball at one test timestamp. */
export interface Marker { time: number; positions: Vec2[] }

/** One assert run by the model's program. */
export interface PredictionRow {
    time: number | null;
    expected: Vec2[] | null;
    /** What `predict_position` returned (null entries: non-finite numbers). */
    predicted: (Vec2 | null)[] | null;
    distance: number | null;
    /** The assert's bound: it passes when distance <= tolerance (50 in the benchmark). */
    tolerance?: number;
    passed: boolean;
    error?: string;
    /** Seconds the assert took, or -1 when it did not complete (the reference's runtime). */
    runtime?: number;
    /** Excerpts of what the test printed. */
    stdout?: string;
    stderr?: string;
}

export type PredictionStatus = 'none' | 'untrusted' | 'no-python' | 'running' | 'done' | 'error';

export interface Predictions {
    status: PredictionStatus;
    /** Shown above the table (why nothing ran, or a summary). */
    message: string;
    rows: PredictionRow[];
    /** A model program exists, so the webview may offer to run it (again). */
    canRun: boolean;
    /** The code extracted from the model's answer (what runs). */
    program?: string;
    /** False when the answer ran without the sandbox (shown as "not sandboxed"). */
    sandboxed?: boolean;
}

/** Playback state; `time` in seconds of simulated time. */
export interface ViewState { time: number; playing: boolean; speed: number }

export interface PersistedState { source: SourceRef; view: ViewState }

export type HostMessage =
    | {
        type: 'init';
        title: string;
        source: SourceRef;
        /** Where the markers come from, e.g. "stored ground truth (row asserts)". */
        truthLabel: string;
        geometry: Geometry;
        frames: FrameData;
        markers: Marker[];
        predictions: Predictions;
        /** Host's last known playback state (the webview's own saved state wins for the same source). */
        view?: ViewState;
    }
    | { type: 'progress'; message: string; fraction: number }
    | { type: 'predictions'; predictions: Predictions }
    | { type: 'error'; message: string };

export type WebviewMessage =
    | { type: 'ready' }
    | { type: 'state'; state: PersistedState }
    | { type: 'requestPredictions' };

// ---- guards ----

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

type Obj = Record<string, unknown>;
const isList = (v: unknown): v is unknown[] => Array.isArray(v);
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isInt = (v: unknown, min = 0): v is number => Number.isInteger(v) && (v as number) >= min;
const isVec2 = (v: unknown): v is Vec2 => isList(v) && v.length === 2 && isNum(v[0]) && isNum(v[1]);
const isVec2List = (v: unknown): v is Vec2[] => isList(v) && v.every(isVec2);
const isNumList = (v: unknown): v is number[] => isList(v) && v.every(isNum);

/** Throws a reason; the exported checkers turn it into `{ ok: false }`. */
class Invalid extends Error {}
function need(condition: boolean, reason: string): asserts condition {
    if (!condition) throw new Invalid(reason);
}

function checkSource(v: unknown): asserts v is SourceRef {
    need(isObj(v), 'source must be an object');
    need(isStr(v.uri) && v.uri.length > 0, 'source.uri must be a non-empty string');
    if (v.kind === 'scene') return;
    need(v.kind === 'row' || v.kind === 'response', `unknown source.kind ${JSON.stringify(v.kind)}`);
    need(isStr(v.id), 'source.id must be a string');
    need(isInt(v.line), 'source.line must be an integer ≥ 0');
}

function checkView(v: unknown): asserts v is ViewState {
    need(isObj(v), 'view must be an object');
    need(isNum(v.time) && v.time >= 0, 'view.time must be a number ≥ 0');
    need(typeof v.playing === 'boolean', 'view.playing must be a boolean');
    need(isNum(v.speed) && v.speed > 0, 'view.speed must be a number > 0');
}

function checkGeometry(v: unknown): asserts v is Geometry {
    need(isObj(v) && isList(v.boxes) && isList(v.balls), 'geometry must have boxes and balls lists');
    for (const b of v.boxes) need(isObj(b) && isInt(b.sides, 3) && isNum(b.radius) && b.radius > 0, 'geometry.boxes[] needs sides ≥ 3 and radius > 0');
    for (const b of v.balls) {
        need(isObj(b) && isInt(b.sides) && isNum(b.radius) && b.radius > 0, 'geometry.balls[] needs sides ≥ 0 and radius > 0');
        need(isList(b.color) && b.color.length === 3 && b.color.every(isNum), 'geometry.balls[].color must be [r, g, b]');
    }
}

function checkFrames(v: unknown, geometry: Geometry): asserts v is FrameData {
    need(isObj(v), 'frames must be an object');
    need(isNum(v.fps) && v.fps > 0, 'frames.fps must be > 0');
    need(isInt(v.count, 1), 'frames.count must be an integer ≥ 1');
    need(isNumList(v.balls) && v.balls.length === v.count * geometry.balls.length * 3, 'frames.balls must hold count × balls × 3 finite numbers');
    need(isNumList(v.boxes) && v.boxes.length === v.count * geometry.boxes.length * 3, 'frames.boxes must hold count × boxes × 3 finite numbers');
}

function checkPredictions(v: unknown): asserts v is Predictions {
    need(isObj(v), 'predictions must be an object');
    const statuses: readonly unknown[] = ['none', 'untrusted', 'no-python', 'running', 'done', 'error'] satisfies PredictionStatus[];
    need(statuses.includes(v.status), `unknown predictions.status ${JSON.stringify(v.status)}`);
    need(isStr(v.message), 'predictions.message must be a string');
    need(typeof v.canRun === 'boolean', 'predictions.canRun must be a boolean');
    need(isList(v.rows), 'predictions.rows must be a list');
    need(v.program === undefined || isStr(v.program), 'predictions.program must be a string');
    need(v.sandboxed === undefined || typeof v.sandboxed === 'boolean', 'predictions.sandboxed must be a boolean');
    for (const r of v.rows) {
        need(isObj(r), 'predictions.rows[] must be objects');
        need(r.time === null || isNum(r.time), 'predictions.rows[].time must be a number or null');
        need(r.expected === null || isVec2List(r.expected), 'predictions.rows[].expected must be [x, y] pairs or null');
        need(r.predicted === null || (isList(r.predicted) && r.predicted.every((p) => p === null || isVec2(p))), 'predictions.rows[].predicted must be [x, y] pairs (or nulls) or null');
        need(r.distance === null || isNum(r.distance), 'predictions.rows[].distance must be a number or null');
        need(r.tolerance === undefined || isNum(r.tolerance), 'predictions.rows[].tolerance must be a number');
        need(typeof r.passed === 'boolean', 'predictions.rows[].passed must be a boolean');
        need(r.error === undefined || isStr(r.error), 'predictions.rows[].error must be a string');
        need(r.runtime === undefined || isNum(r.runtime), 'predictions.rows[].runtime must be a number');
        need(r.stdout === undefined || isStr(r.stdout), 'predictions.rows[].stdout must be a string');
        need(r.stderr === undefined || isStr(r.stderr), 'predictions.rows[].stderr must be a string');
    }
}

function checked<T>(v: unknown, check: (v: unknown) => void): Checked<T> {
    try {
        check(v);
        return { ok: true, value: v as T };
    } catch (error) {
        if (error instanceof Invalid) return { ok: false, reason: error.message };
        throw error;
    }
}

/** Validates a message the webview received from the host. */
export function checkHostMessage(v: unknown): Checked<HostMessage> {
    return checked(v, (m) => {
        need(isObj(m), 'a message must be an object');
        switch (m.type) {
            case 'init': {
                need(isStr(m.title), 'init.title must be a string');
                need(isStr(m.truthLabel), 'init.truthLabel must be a string');
                checkSource(m.source);
                checkGeometry(m.geometry);
                checkFrames(m.frames, m.geometry);
                need(isList(m.markers), 'init.markers must be a list');
                for (const mk of m.markers) need(isObj(mk) && isNum(mk.time) && isVec2List(mk.positions), 'init.markers[] must be {time, positions}');
                checkPredictions(m.predictions);
                if (m.view !== undefined) checkView(m.view);
                return;
            }
            case 'progress':
                need(isStr(m.message), 'progress.message must be a string');
                need(isNum(m.fraction) && m.fraction >= 0 && m.fraction <= 1, 'progress.fraction must be in [0, 1]');
                return;
            case 'predictions':
                checkPredictions(m.predictions);
                return;
            case 'error':
                need(isStr(m.message), 'error.message must be a string');
                return;
            default:
                need(false, `unknown message type ${JSON.stringify(m.type)}`);
        }
    });
}

/** Validates a message the host received from the webview. */
export function checkWebviewMessage(v: unknown): Checked<WebviewMessage> {
    return checked(v, (m) => {
        need(isObj(m), 'a message must be an object');
        switch (m.type) {
            case 'ready':
            case 'requestPredictions':
                return;
            case 'state':
                checkPersistedStateOrThrow(m.state);
                return;
            default:
                need(false, `unknown message type ${JSON.stringify(m.type)}`);
        }
    });
}

function checkPersistedStateOrThrow(v: unknown): asserts v is PersistedState {
    need(isObj(v), 'state must be an object');
    checkSource(v.source);
    checkView(v.view);
}

/** Validates persisted webview state (what `vscode.setState` stored; the serializer gets it back). */
export function checkPersistedState(v: unknown): Checked<PersistedState> {
    return checked(v, checkPersistedStateOrThrow);
}

/** Same source? Used to decide whether saved playback state applies to a freshly sent scene. */
export function sameSource(a: SourceRef, b: SourceRef): boolean {
    if (a.kind !== b.kind || a.uri !== b.uri) return false;
    return a.kind === 'scene' || (b.kind !== 'scene' && a.id === b.id);
}

/** Stable key for "one panel per scene/row". */
export function sourceKey(s: SourceRef): string {
    return s.kind === 'scene' ? `scene ${s.uri}` : `${s.kind} ${s.uri} ${s.id}`;
}

/** Whether a command argument is a SourceRef (CodeLens commands pass one). */
export function isSourceRef(v: unknown): v is SourceRef {
    return checked<SourceRef>(v, checkSource).ok;
}
