// Turns simulator output into what the webview draws (no `vscode` here, so it is unit-tested).

import { pyRound } from '../../language/python/number-format.js';
import type { Scene } from '../../language/bouncingsim/scene-types.js';
import type { FrameRequest, Frames } from '../../language/bouncingsim/simulate.js';
import { STANDARD_TIMESTAMPS } from '../../language/bouncingsim/step-count.js';
import type { FrameData, Geometry, Marker, Vec2 } from '../webview/protocol.js';

/** Animation sampling rate. At 60 fps every 0.1 s test timestamp is exactly a frame time (6k/60). */
export const FPS = 60;
/** Longest animation; a scene's own `tests` may ask for later times, which are then not animated. */
export const MAX_DURATION = 20;

/** Frames up to the last test timestamp (at least the standard 1.5 s), capped at MAX_DURATION. */
export function frameRequest(testTimes: readonly number[]): FrameRequest {
    const last = testTimes.reduce((m, t) => (Number.isFinite(t) ? Math.max(m, t) : m), STANDARD_TIMESTAMPS[STANDARD_TIMESTAMPS.length - 1]);
    return { fps: FPS, duration: Math.min(last, MAX_DURATION) };
}

export function geometryOf(scene: Scene): Geometry {
    return {
        boxes: scene.boxes.map((b) => ({ sides: b.sides, radius: b.diameter / 2 })),
        balls: scene.balls.map((b) => ({ sides: b.sides, radius: b.radius, color: b.color })),
    };
}

/** Flattens poses to [x, y, angle] per body per frame (see FrameData). */
export function packFrames(frames: Frames): FrameData {
    const count = frames.times.length;
    const flat = (poses: Frames['balls']) => {
        const out: number[] = [];
        for (let f = 0; f < count; f++) for (const p of poses[f]) out.push(p.x, p.y, p.angle);
        return out;
    };
    return { fps: frames.fps, count, balls: flat(frames.balls), boxes: flat(frames.boxes) };
}

/**
 * Ground truth read off the frames, for a scene file without `tests`: the simulator's positions at
 * the standard timestamps, rounded like the reference. The frame times equal those timestamps, so
 * this is exactly what `delta bouncingsim simulate` prints.
 */
export function markersFromFrames(frames: Frames, times: readonly number[] = STANDARD_TIMESTAMPS): Marker[] {
    const last = frames.times.length - 1;
    return times
        .filter((t) => t <= frames.times[last] + 1e-9)
        .map((time) => {
            const f = Math.min(last, Math.max(0, Math.round(time * frames.fps)));
            return { time, positions: frames.balls[f].map((p): Vec2 => [pyRound(p.x, 2), pyRound(p.y, 2)]) };
        });
}
