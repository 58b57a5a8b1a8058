// Playback clock: simulated time advances by real time × speed and stops at the last frame. Pure
// so the stepping/clamping rules are unit-tested; the webview drives it from requestAnimationFrame.

export interface Clock { time: number; playing: boolean; speed: number }

export const SPEEDS: readonly number[] = [0.1, 0.25, 0.5, 1, 2];
/** A 1.5 s scene at real speed is over before the eye can follow it. */
export const DEFAULT_SPEED = 0.25;

/** Frame shown at `time`: the nearest sample, clamped to the frames that exist. */
export function frameAt(time: number, fps: number, count: number): number {
    const f = Math.round(time * fps);
    return f < 0 ? 0 : f >= count ? count - 1 : f;
}

/** Time of the last frame. */
export function durationOf(fps: number, count: number): number {
    return (count - 1) / fps;
}

/** Advances a playing clock by `elapsed` real seconds; at the end it pauses on the last frame. */
export function advance(clock: Clock, elapsed: number, duration: number): void {
    if (!clock.playing) return;
    clock.time += Math.max(0, elapsed) * clock.speed;
    if (clock.time >= duration) {
        clock.time = duration;
        clock.playing = false;
    }
}

/** Starts playing; from the end it restarts at 0 (what a user pressing play there wants). */
export function play(clock: Clock, duration: number): void {
    if (clock.time >= duration) clock.time = 0;
    clock.playing = true;
}

/** Moves by whole frames (pausing), landing exactly on a frame time. */
export function stepBy(clock: Clock, delta: number, fps: number, count: number): void {
    clock.playing = false;
    const target = Math.min(Math.max(frameAt(clock.time, fps, count) + delta, 0), count - 1);
    clock.time = target / fps;
}

/** Index of the marker nearest to `time` if it is within `window` seconds, else -1. */
export function activeMarker(markerTimes: readonly number[], time: number, window: number): number {
    let best = -1;
    let bestGap = Infinity;
    for (let i = 0; i < markerTimes.length; i++) {
        const gap = Math.abs(markerTimes[i] - time);
        if (gap <= window && gap < bestGap) {
            best = i;
            bestGap = gap;
        }
    }
    return best;
}
