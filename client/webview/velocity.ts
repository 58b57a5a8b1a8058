// Ball velocity for the hover tooltip, estimated from the neighbouring frames: the frames hold
// poses only, and a central difference over ±1 frame is accurate enough between bounces.

/** Output slot, reused by the caller so hovering does not allocate per frame. */
export interface Velocity { vx: number; vy: number }

/**
 * Velocity of `ball` at `frame` from poses laid out as [(frame·ballCount + ball)·3 + {x, y, angle}].
 * Central difference inside, one-sided at either end, zero with a single frame.
 */
export function estimateVelocity(
    poses: ArrayLike<number>, frameCount: number, ballCount: number, ball: number, frame: number, fps: number, out: Velocity,
): Velocity {
    const a = Math.max(0, frame - 1);
    const b = Math.min(frameCount - 1, frame + 1);
    if (b <= a) {
        out.vx = 0;
        out.vy = 0;
        return out;
    }
    const oa = (a * ballCount + ball) * 3;
    const ob = (b * ballCount + ball) * 3;
    const dt = (b - a) / fps;
    out.vx = (poses[ob] - poses[oa]) / dt;
    out.vy = (poses[ob + 1] - poses[oa + 1]) / dt;
    return out;
}
