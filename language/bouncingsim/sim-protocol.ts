// Messages between the extension and the simulation thread (out/bouncingsim.cjs). Kept apart from the
// worker so the extension can import the types without pulling in planck.

import type { SceneIssue } from './scene-load.js';
import type { Vec2Tuple } from './scene-types.js';
import type { FrameRequest, Frames } from './simulate.js';

/** One job: `scene` is scene JSON as read from a file (validated in the worker). Give `times` or `frames`. */
export interface SimJob {
    id: number | string;
    scene: unknown;
    /** Labels validation messages (defaults to `<scene>`). */
    file?: string;
    times?: number[];
    frames?: FrameRequest;
    /** Progress messages every this many steps (default 1000). */
    progressEvery?: number;
}

export type SimReply =
    | { id: SimJob['id']; type: 'progress'; done: number; total: number }
    | { id: SimJob['id']; type: 'positions'; times: number[]; positions: Vec2Tuple[][] }
    | { id: SimJob['id']; type: 'frames'; frames: Frames }
    | { id: SimJob['id']; type: 'error'; message: string; issues?: SceneIssue[] };
