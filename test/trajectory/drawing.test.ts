// Pure helpers of the webview: scene→canvas transform, trail windows, velocity, playback clock.
import { describe, expect, it } from 'vitest';
import { activeMarker, advance, durationOf, frameAt, play, stepBy, type Clock } from '../../client/webview/playback.js';
import type { FrameData, Geometry } from '../../client/webview/protocol.js';
import { TrailWindow } from '../../client/webview/trail.js';
import { fitTransform, includePoints, sceneBounds, toCanvasX, toCanvasY, toSceneX, toSceneY } from '../../client/webview/transform.js';
import { estimateVelocity } from '../../client/webview/velocity.js';

const geometry: Geometry = { boxes: [{ sides: 6, radius: 100 }], balls: [{ sides: 0, radius: 10, color: [0, 0, 0] }] };
const frames: FrameData = {
    fps: 10, count: 3,
    // the box slides right by 50 per frame; the ball goes from (0, 0) to (40, -20)
    boxes: [0, 0, 0, 50, 0, 0, 100, 0, 0],
    balls: [0, 0, 0, 20, -10, 0, 40, -20, 0],
};

describe('sceneBounds / fitTransform', () => {
    it('covers every body at every frame, radius included', () => {
        expect(sceneBounds(geometry, frames)).toEqual({ minX: -100, minY: -100, maxX: 200, maxY: 100 });
        expect(includePoints({ minX: 0, minY: 0, maxX: 1, maxY: 1 }, [[5, -2], [Number.NaN, 9]])).toEqual({ minX: 0, minY: -2, maxX: 5, maxY: 1 });
    });

    it('falls back to the 1500 × 1500 workspace for an empty scene', () => {
        expect(sceneBounds({ boxes: [], balls: [] }, { fps: 1, count: 1, balls: [], boxes: [] })).toEqual({ minX: 0, minY: 0, maxX: 1500, maxY: 1500 });
    });

    it('fits uniformly, centres, keeps the margin and flips y', () => {
        const b = { minX: 0, minY: 0, maxX: 200, maxY: 100 };
        const t = fitTransform(b, 420, 420, 10);
        expect(t.scale).toBe(2); // width-limited: (420 - 20) / 200
        expect(toCanvasX(t, 0)).toBe(10);
        expect(toCanvasX(t, 200)).toBe(410);
        // centred vertically: the 200 px tall scene sits in the middle of 420
        expect(toCanvasY(t, 50)).toBe(210);
        // +Y up: a higher y is drawn higher (smaller canvas y)
        expect(toCanvasY(t, 100)).toBeLessThan(toCanvasY(t, 0));
        expect(toCanvasY(t, 100)).toBe(110);
        expect(toSceneX(t, toCanvasX(t, 123.5))).toBeCloseTo(123.5, 10);
        expect(toSceneY(t, toCanvasY(t, -7.25))).toBeCloseTo(-7.25, 10);
    });

    it('survives degenerate sizes', () => {
        const t = fitTransform({ minX: 5, minY: 5, maxX: 5, maxY: 5 }, 0, 0, 10);
        expect(Number.isFinite(t.scale) && t.scale > 0).toBe(true);
    });
});

describe('TrailWindow', () => {
    it('splits the window before the frame into contiguous buckets, oldest first and faintest', () => {
        const trail = new TrailWindow(12, 3);
        const ranges: [number, number][] = [];
        for (let b = 0; b < 3; b++) if (trail.bucket(20, b)) ranges.push([trail.from, trail.to]);
        expect(ranges).toEqual([[8, 12], [12, 16], [16, 20]]);
        expect(trail.alpha(0)).toBeLessThan(trail.alpha(1));
        expect(trail.alpha(2)).toBeCloseTo(0.8);
    });

    it('is clamped at frame 0 and empty there', () => {
        const trail = new TrailWindow(12, 3);
        expect([0, 1, 2].some((b) => trail.bucket(0, b))).toBe(false);
        const got: [number, number][] = [];
        for (let b = 0; b < 3; b++) if (trail.bucket(2, b)) got.push([trail.from, trail.to]);
        // a short window still reaches the current frame without gaps
        expect(got[0][0]).toBe(0);
        expect(got[got.length - 1][1]).toBe(2);
        for (let i = 1; i < got.length; i++) expect(got[i][0]).toBe(got[i - 1][1]);
    });

    it('rejects nonsense sizes', () => {
        expect(() => new TrailWindow(0, 3)).toThrow(RangeError);
    });
});

describe('estimateVelocity', () => {
    const out = { vx: 0, vy: 0 };
    it('is exact for uniform motion: central inside, one-sided at the ends', () => {
        expect(estimateVelocity(frames.balls, 3, 1, 0, 1, 10, out)).toEqual({ vx: 200, vy: -100 });
        expect(estimateVelocity(frames.balls, 3, 1, 0, 0, 10, out)).toEqual({ vx: 200, vy: -100 });
        expect(estimateVelocity(frames.balls, 3, 1, 0, 2, 10, out)).toEqual({ vx: 200, vy: -100 });
    });

    it('picks the right ball out of interleaved poses', () => {
        // two balls: ball 1 stands still at (5, 5)
        const poses = [0, 0, 0, 5, 5, 0, 1, 2, 0, 5, 5, 0];
        expect(estimateVelocity(poses, 2, 2, 1, 0, 60, out)).toEqual({ vx: 0, vy: 0 });
        expect(estimateVelocity(poses, 2, 2, 0, 1, 60, out)).toEqual({ vx: 60, vy: 120 });
    });

    it('is zero with a single frame and reuses the output object', () => {
        expect(estimateVelocity([1, 2, 0], 1, 1, 0, 0, 60, out)).toBe(out);
        expect(out).toEqual({ vx: 0, vy: 0 });
    });
});

describe('playback clock', () => {
    it('maps time to the nearest existing frame', () => {
        expect(frameAt(0, 60, 91)).toBe(0);
        expect(frameAt(0.1, 60, 91)).toBe(6);
        expect(frameAt(0.108, 60, 91)).toBe(6);
        expect(frameAt(9, 60, 91)).toBe(90);
        expect(frameAt(-1, 60, 91)).toBe(0);
        expect(durationOf(60, 91)).toBe(1.5);
    });

    it('advances by real time × speed and pauses at the end', () => {
        const c: Clock = { time: 0, playing: true, speed: 0.25 };
        advance(c, 1, 1.5);
        expect(c.time).toBe(0.25);
        advance(c, 10, 1.5);
        expect(c).toEqual({ time: 1.5, playing: false, speed: 0.25 });
        advance(c, 1, 1.5);
        expect(c.time).toBe(1.5);
        play(c, 1.5);
        expect(c).toEqual({ time: 0, playing: true, speed: 0.25 });
    });

    it('steps whole frames, pausing and clamping', () => {
        const c: Clock = { time: 0.1, playing: true, speed: 1 };
        stepBy(c, 1, 60, 91);
        expect(c.playing).toBe(false);
        expect(frameAt(c.time, 60, 91)).toBe(7);
        stepBy(c, -100, 60, 91);
        expect(c.time).toBe(0);
        stepBy(c, 1000, 60, 91);
        expect(c.time).toBe(1.5);
    });

    it('finds the marker near the current time', () => {
        const times = [0.1, 0.2, 0.3];
        expect(activeMarker(times, 0.21, 0.05)).toBe(1);
        expect(activeMarker(times, 0.249, 0.05)).toBe(1);
        expect(activeMarker(times, 0.5, 0.05)).toBe(-1);
        expect(activeMarker([], 0.1, 0.05)).toBe(-1);
    });
});
