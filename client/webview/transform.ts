// Scene → canvas mapping. Scene coordinates have +Y up (docs/bouncingsim.md §1); the canvas has +Y down, so y is
// flipped here and nowhere else. Pure, so it is unit-tested without a DOM.

import type { FrameData, Geometry } from './protocol.js';

export interface Bounds { minX: number; minY: number; maxX: number; maxY: number }

/** Everything any frame draws: each container's circumcircle and each ball's, at every pose. */
export function sceneBounds(geometry: Geometry, frames: FrameData): Bounds {
    const b: Bounds = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
    const grow = (x: number, y: number, r: number) => {
        if (x - r < b.minX) b.minX = x - r;
        if (y - r < b.minY) b.minY = y - r;
        if (x + r > b.maxX) b.maxX = x + r;
        if (y + r > b.maxY) b.maxY = y + r;
    };
    const nBox = geometry.boxes.length;
    const nBall = geometry.balls.length;
    for (let f = 0; f < frames.count; f++) {
        for (let i = 0; i < nBox; i++) {
            const o = (f * nBox + i) * 3;
            grow(frames.boxes[o], frames.boxes[o + 1], geometry.boxes[i].radius);
        }
        for (let i = 0; i < nBall; i++) {
            const o = (f * nBall + i) * 3;
            grow(frames.balls[o], frames.balls[o + 1], geometry.balls[i].radius);
        }
    }
    // An empty scene still needs a finite box to draw into.
    if (!(b.minX <= b.maxX)) return { minX: 0, minY: 0, maxX: 1500, maxY: 1500 };
    return b;
}

/** Widens bounds to include extra points (ground-truth markers and predictions may lie outside). */
export function includePoints(b: Bounds, points: Iterable<readonly [number, number]>): Bounds {
    const out = { ...b };
    for (const [x, y] of points) {
        if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
        out.minX = Math.min(out.minX, x);
        out.minY = Math.min(out.minY, y);
        out.maxX = Math.max(out.maxX, x);
        out.maxY = Math.max(out.maxY, y);
    }
    return out;
}

/** canvasX = tx + scale·x, canvasY = ty − scale·y (the minus is the Y flip). */
export interface Transform { scale: number; tx: number; ty: number }

/** Largest uniform scale that fits `b` into width × height with `margin` pixels on every side, centred. */
export function fitTransform(b: Bounds, width: number, height: number, margin = 0): Transform {
    const w = Math.max(b.maxX - b.minX, 1e-6);
    const h = Math.max(b.maxY - b.minY, 1e-6);
    const availW = Math.max(width - 2 * margin, 1);
    const availH = Math.max(height - 2 * margin, 1);
    const scale = Math.min(availW / w, availH / h);
    const cx = (b.minX + b.maxX) / 2;
    const cy = (b.minY + b.maxY) / 2;
    return { scale, tx: width / 2 - scale * cx, ty: height / 2 + scale * cy };
}

export const toCanvasX = (t: Transform, x: number): number => t.tx + t.scale * x;
export const toCanvasY = (t: Transform, y: number): number => t.ty - t.scale * y;
export const toSceneX = (t: Transform, px: number): number => (px - t.tx) / t.scale;
export const toSceneY = (t: Transform, py: number): number => (t.ty - py) / t.scale;
