// Public simulation API: ground-truth positions at timestamps, and pose frames for animation.
//
// The reference builds a fresh world per timestamp. The run is deterministic and independent of
// the end time, and step counts come from one float loop (§5.5), so a single pass that snapshots
// when the step counter reaches each count gives identical positions at ~1/8 of the cost.

import { pyRound } from '../python/number-format.js';
import type { Scene, Vec2Tuple } from './scene-types.js';
import { DT, stepCounts } from './step-count.js';
import { SceneStepper, type Pose } from './stepper.js';

export interface SimulateOptions {
    /** Defaults to the ground-truth 1/4000 s. */
    dt?: number;
    /** Called every `progressEvery` steps and at the end. */
    onProgress?: (stepsDone: number, stepsTotal: number) => void;
    progressEvery?: number;
    /** Checked between steps; an aborted run throws the signal's reason. */
    signal?: AbortSignal;
}

/**
 * Runs to every requested step count once, calling `visit(k)` when the counter reaches counts[k].
 * `counts` may be unsorted and contain duplicates.
 */
function runTo(stepper: SceneStepper, counts: number[], visit: (k: number) => void, options: SimulateOptions): void {
    const order = counts.map((c, k) => ({ c, k })).sort((a, b) => a.c - b.c);
    const total = order.length ? order[order.length - 1].c : 0;
    const every = Math.max(1, options.progressEvery ?? 500);
    for (const { c, k } of order) {
        while (stepper.steps < c) {
            stepper.step();
            if (stepper.steps % every === 0) {
                options.signal?.throwIfAborted();
                options.onProgress?.(stepper.steps, total);
            }
        }
        visit(k);
    }
    options.onProgress?.(total, total);
}

/** positions[timeIndex][ball] = [x, y], rounded to 2 dp like the reference (`round(x, 2)`). */
export function simulate(scene: Scene, times: readonly number[], options: SimulateOptions = {}): Vec2Tuple[][] {
    const dt = options.dt ?? DT;
    const stepper = new SceneStepper(scene, dt);
    const out = new Array<Vec2Tuple[]>(times.length);
    runTo(stepper, stepCounts(times, dt), (k) => {
        out[k] = stepper.ballPositions().map(([x, y]) => [pyRound(x, 2), pyRound(y, 2)]);
    }, options);
    return out;
}

export interface FrameRequest { fps: number; duration: number }

export interface Frames {
    fps: number;
    /** Frame k shows the state at times[k] = k / fps (after stepCounts[k] steps). */
    times: number[];
    stepCounts: number[];
    /** balls[frame][ball], boxes[frame][box]: body origin and angle (radians), unrounded. */
    balls: Pose[][];
    boxes: Pose[][];
}

/** Samples ball and container poses at a fixed frame rate, for animation. */
export function simulateFrames(scene: Scene, request: FrameRequest, options: SimulateOptions = {}): Frames {
    const { fps, duration } = request;
    if (!(fps > 0) || !Number.isFinite(fps)) throw new RangeError(`fps must be a positive number (got ${fps})`);
    if (!(duration >= 0) || !Number.isFinite(duration)) throw new RangeError(`duration must be a number ≥ 0 (got ${duration})`);
    const frameCount = Math.floor(duration * fps + 1e-9) + 1;
    const times = Array.from({ length: frameCount }, (_, k) => k / fps);
    const dt = options.dt ?? DT;
    const counts = stepCounts(times, dt);
    const stepper = new SceneStepper(scene, dt);
    const balls = new Array<Pose[]>(frameCount);
    const boxes = new Array<Pose[]>(frameCount);
    runTo(stepper, counts, (k) => {
        balls[k] = stepper.ballPoses();
        boxes[k] = stepper.boxPoses();
    }, options);
    return { fps, times, stepCounts: counts, balls, boxes };
}
