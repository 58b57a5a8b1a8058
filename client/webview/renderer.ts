// Draws one precomputed frame on the canvas. Everything that depends only on the scene (typed pose
// arrays, unit polygons, colour strings, marker lookups) is prepared in the constructor, so drawing
// a frame allocates nothing and ten balls stay well inside a 60 fps budget.

import type { FrameData, Geometry, Marker, PredictionRow, Vec2 } from './protocol.js';
import type { Palette } from './theme.js';
import { predictedTracks, trackPointCount } from './track.js';
import { TrailWindow } from './trail.js';
import { fitTransform, includePoints, sceneBounds, toCanvasX, toCanvasY, toSceneX, toSceneY, type Bounds, type Transform } from './transform.js';

/** Local vertices (x, y interleaved) of a regular n-gon, vertex 0 on +X, CCW (docs/bouncingsim.md §3). */
function unitPolygon(sides: number, radius: number): Float64Array {
    const out = new Float64Array(sides * 2);
    for (let i = 0; i < sides; i++) {
        const a = (2 * Math.PI * i) / sides;
        out[2 * i] = radius * Math.cos(a);
        out[2 * i + 1] = radius * Math.sin(a);
    }
    return out;
}

const TRAIL_SECONDS = 0.35;
const MARGIN_PX = 16;
const NO_DASH: number[] = [];
const DASH: number[] = [5, 4];
const TRACK_DASH: number[] = [7, 4];

export interface DrawCounts {
    balls: number;
    containers: number;
    /** Points of the model's predicted track drawn (0 when hidden or there is none). */
    trackPoints: number;
}

export class Renderer {
    readonly fps: number;
    readonly count: number;
    readonly ballCount: number;
    readonly boxCount: number;
    readonly ballPoses: Float64Array;
    readonly boxPoses: Float64Array;
    private readonly ctx: CanvasRenderingContext2D;
    private readonly boxShapes: Float64Array[];
    private readonly ballShapes: (Float64Array | null)[];
    private readonly ballFill: string[];
    private readonly ballStroke: string[];
    private readonly trail: TrailWindow;
    private readonly bounds: Bounds;
    private transform: Transform = { scale: 1, tx: 0, ty: 0 };
    private scaleLabel = '';
    private width = 0;
    private height = 0;
    private predictions: PredictionRow[] = [];
    private tracks: Vec2[][][] = [];
    /** Whether the model's predicted track is drawn (the page's "predicted track" toggle). */
    showTrack = true;
    readonly counts: DrawCounts = { balls: 0, containers: 0, trackPoints: 0 };

    constructor(
        private readonly canvas: HTMLCanvasElement,
        private readonly geometry: Geometry,
        frames: FrameData,
        private readonly markers: Marker[],
        private palette: Palette,
    ) {
        const ctx = canvas.getContext('2d');
        if (!ctx) throw new Error('this webview cannot draw on a 2D canvas');
        this.ctx = ctx;
        this.fps = frames.fps;
        this.count = frames.count;
        this.ballCount = geometry.balls.length;
        this.boxCount = geometry.boxes.length;
        this.ballPoses = Float64Array.from(frames.balls);
        this.boxPoses = Float64Array.from(frames.boxes);
        this.boxShapes = geometry.boxes.map((b) => unitPolygon(b.sides, b.radius));
        this.ballShapes = geometry.balls.map((b) => (b.sides > 2 ? unitPolygon(b.sides, b.radius) : null));
        this.ballFill = geometry.balls.map(({ color: [r, g, b] }) => `rgba(${r}, ${g}, ${b}, 0.85)`);
        this.ballStroke = geometry.balls.map(({ color: [r, g, b] }) => `rgb(${r}, ${g}, ${b})`);
        this.trail = new TrailWindow(Math.max(1, Math.round(TRAIL_SECONDS * frames.fps)), 6);
        this.bounds = includePoints(sceneBounds(geometry, frames), markers.flatMap((m) => m.positions));
    }

    setPalette(palette: Palette): void {
        this.palette = palette;
    }

    setPredictions(rows: PredictionRow[]): void {
        this.predictions = rows;
        this.tracks = predictedTracks(rows, this.ballCount);
    }

    /** The first point of the model's track in canvas CSS pixels (test hook), or null. */
    firstTrackPoint(): Vec2 | null {
        const p = this.tracks.find((lines) => lines.length)?.[0][0];
        return p ? [toCanvasX(this.transform, p[0]), toCanvasY(this.transform, p[1])] : null;
    }

    /** Sizes the backing store for the CSS size and device pixel ratio; returns whether it changed. */
    resize(cssWidth: number, cssHeight: number, dpr: number): boolean {
        const w = Math.max(1, Math.floor(cssWidth));
        const h = Math.max(1, Math.floor(cssHeight));
        if (w === this.width && h === this.height && this.canvas.width === Math.round(w * dpr)) return false;
        this.width = w;
        this.height = h;
        this.canvas.width = Math.round(w * dpr);
        this.canvas.height = Math.round(h * dpr);
        this.ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
        this.transform = fitTransform(this.bounds, w, h, MARGIN_PX);
        this.scaleLabel = `100 m = ${(100 * this.transform.scale).toFixed(1)} px`;
        return true;
    }

    /** Scene → CSS pixel of the canvas (for the test hook that lets e2e tests hover a ball). */
    canvasX(x: number): number {
        return toCanvasX(this.transform, x);
    }

    canvasY(y: number): number {
        return toCanvasY(this.transform, y);
    }

    /** Ball under the CSS pixel (px, py) at `frame`, topmost first; -1 for none. */
    hitTest(px: number, py: number, frame: number): number {
        const x = toSceneX(this.transform, px);
        const y = toSceneY(this.transform, py);
        // Tiny balls stay hoverable: at least 6 px of slack.
        const slack = 6 / this.transform.scale;
        for (let i = this.ballCount - 1; i >= 0; i--) {
            const o = (frame * this.ballCount + i) * 3;
            const dx = this.ballPoses[o] - x;
            const dy = this.ballPoses[o + 1] - y;
            const r = Math.max(this.geometry.balls[i].radius, slack);
            if (dx * dx + dy * dy <= r * r) return i;
        }
        return -1;
    }

    /** Draws `frame`; `active` is the marker to emphasise (-1: none), `hover` the hovered ball. */
    draw(frame: number, active: number, hover: number): DrawCounts {
        const { ctx, palette: p } = this;
        ctx.fillStyle = p.background;
        ctx.fillRect(0, 0, this.width, this.height);
        ctx.lineJoin = 'round';
        this.counts.trackPoints = this.showTrack ? this.drawTrack() : 0;
        this.drawMarkerDots(active);
        this.counts.containers = this.drawBoxes(frame);
        this.drawTrails(frame);
        this.counts.balls = this.drawBalls(frame, hover);
        if (active >= 0) this.drawActiveMarker(active);
        ctx.globalAlpha = 1;
        ctx.setLineDash(NO_DASH);
        ctx.fillStyle = p.muted;
        ctx.font = p.font;
        ctx.textBaseline = 'bottom';
        ctx.fillText(this.scaleLabel, 6, this.height - 4);
        return this.counts;
    }

    private path(shape: Float64Array, x: number, y: number, angle: number): void {
        const { ctx, transform: t } = this;
        const c = Math.cos(angle);
        const s = Math.sin(angle);
        ctx.beginPath();
        for (let i = 0; i < shape.length; i += 2) {
            const wx = x + c * shape[i] - s * shape[i + 1];
            const wy = y + s * shape[i] + c * shape[i + 1];
            if (i === 0) ctx.moveTo(toCanvasX(t, wx), toCanvasY(t, wy));
            else ctx.lineTo(toCanvasX(t, wx), toCanvasY(t, wy));
        }
        ctx.closePath();
    }

    private drawBoxes(frame: number): number {
        const { ctx } = this;
        ctx.strokeStyle = this.palette.foreground;
        ctx.lineWidth = 2;
        ctx.globalAlpha = 1;
        for (let i = 0; i < this.boxCount; i++) {
            const o = (frame * this.boxCount + i) * 3;
            this.path(this.boxShapes[i], this.boxPoses[o], this.boxPoses[o + 1], this.boxPoses[o + 2]);
            ctx.stroke();
        }
        return this.boxCount;
    }

    private drawTrails(frame: number): void {
        const { ctx, transform: t, trail } = this;
        ctx.lineWidth = 2;
        for (let i = 0; i < this.ballCount; i++) {
            ctx.strokeStyle = this.ballStroke[i];
            for (let b = 0; b < trail.buckets; b++) {
                if (!trail.bucket(frame, b)) continue;
                ctx.globalAlpha = trail.alpha(b);
                ctx.beginPath();
                for (let f = trail.from; f <= trail.to; f++) {
                    const o = (f * this.ballCount + i) * 3;
                    const px = toCanvasX(t, this.ballPoses[o]);
                    const py = toCanvasY(t, this.ballPoses[o + 1]);
                    if (f === trail.from) ctx.moveTo(px, py);
                    else ctx.lineTo(px, py);
                }
                ctx.stroke();
            }
        }
        ctx.globalAlpha = 1;
    }

    private drawBalls(frame: number, hover: number): number {
        const { ctx, transform: t } = this;
        for (let i = 0; i < this.ballCount; i++) {
            const o = (frame * this.ballCount + i) * 3;
            const x = this.ballPoses[o];
            const y = this.ballPoses[o + 1];
            const angle = this.ballPoses[o + 2];
            const r = this.geometry.balls[i].radius;
            const shape = this.ballShapes[i];
            if (shape) {
                this.path(shape, x, y, angle);
            } else {
                ctx.beginPath();
                ctx.arc(toCanvasX(t, x), toCanvasY(t, y), r * t.scale, 0, 2 * Math.PI);
            }
            ctx.fillStyle = this.ballFill[i];
            ctx.fill();
            ctx.lineWidth = i === hover ? 3 : 1.5;
            ctx.strokeStyle = i === hover ? this.palette.highlight : this.palette.foreground;
            ctx.stroke();
            // Orientation: a spoke from the centre to vertex 0 (to +X at angle 0, docs/bouncingsim.md §2).
            ctx.beginPath();
            ctx.moveTo(toCanvasX(t, x), toCanvasY(t, y));
            ctx.lineTo(toCanvasX(t, x + r * Math.cos(angle)), toCanvasY(t, y + r * Math.sin(angle)));
            ctx.lineWidth = 1.5;
            ctx.strokeStyle = this.palette.foreground;
            ctx.stroke();
        }
        return this.ballCount;
    }

    /** The model's predicted track: a dashed line per ball through its predictions, under everything else. */
    private drawTrack(): number {
        const { ctx, transform: t } = this;
        ctx.strokeStyle = this.palette.model;
        ctx.fillStyle = this.palette.model;
        ctx.lineWidth = 2;
        ctx.globalAlpha = 0.9;
        ctx.setLineDash(TRACK_DASH);
        for (const lines of this.tracks) {
            for (const line of lines) {
                ctx.beginPath();
                line.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(toCanvasX(t, x), toCanvasY(t, y)) : ctx.lineTo(toCanvasX(t, x), toCanvasY(t, y))));
                ctx.stroke();
            }
        }
        ctx.setLineDash(NO_DASH);
        // A dot per prediction, so a track of one point still shows.
        for (const lines of this.tracks) {
            for (const line of lines) {
                for (const [x, y] of line) {
                    ctx.beginPath();
                    ctx.arc(toCanvasX(t, x), toCanvasY(t, y), 2, 0, 2 * Math.PI);
                    ctx.fill();
                }
            }
        }
        ctx.globalAlpha = 1;
        return trackPointCount(this.tracks);
    }

    /** Every ground-truth position as a small dot: the path the truth says the balls take. */
    private drawMarkerDots(active: number): void {
        const { ctx, transform: t } = this;
        ctx.fillStyle = this.palette.truth;
        for (let k = 0; k < this.markers.length; k++) {
            ctx.globalAlpha = k === active ? 1 : 0.45;
            const pos = this.markers[k].positions;
            for (let i = 0; i < pos.length; i++) {
                ctx.beginPath();
                ctx.arc(toCanvasX(t, pos[i][0]), toCanvasY(t, pos[i][1]), 2.5, 0, 2 * Math.PI);
                ctx.fill();
            }
            const row = this.predictions[k];
            if (!row?.predicted) continue;
            ctx.strokeStyle = row.passed ? this.palette.pass : this.palette.fail;
            ctx.lineWidth = 1.5;
            for (let i = 0; i < row.predicted.length; i++) {
                const q = row.predicted[i];
                if (q) this.cross(toCanvasX(t, q[0]), toCanvasY(t, q[1]), 3);
            }
        }
        ctx.globalAlpha = 1;
    }

    /** The marker at the current time: rings of the ball's size at the truth, predictions joined to it. */
    private drawActiveMarker(k: number): void {
        const { ctx, transform: t } = this;
        const pos = this.markers[k].positions;
        ctx.lineWidth = 1.5;
        ctx.setLineDash(DASH);
        ctx.strokeStyle = this.palette.truth;
        for (let i = 0; i < pos.length; i++) {
            const r = (this.geometry.balls[i]?.radius ?? 10) * t.scale;
            ctx.beginPath();
            ctx.arc(toCanvasX(t, pos[i][0]), toCanvasY(t, pos[i][1]), Math.max(r, 4), 0, 2 * Math.PI);
            ctx.stroke();
        }
        ctx.setLineDash(NO_DASH);
        const row = this.predictions[k];
        if (!row?.predicted) return;
        ctx.strokeStyle = row.passed ? this.palette.pass : this.palette.fail;
        ctx.lineWidth = 2;
        for (let i = 0; i < row.predicted.length; i++) {
            const q = row.predicted[i];
            if (!q) continue;
            const qx = toCanvasX(t, q[0]);
            const qy = toCanvasY(t, q[1]);
            this.cross(qx, qy, 7);
            if (i < pos.length) {
                ctx.beginPath();
                ctx.moveTo(toCanvasX(t, pos[i][0]), toCanvasY(t, pos[i][1]));
                ctx.lineTo(qx, qy);
                ctx.stroke();
            }
        }
    }

    private cross(x: number, y: number, size: number): void {
        const { ctx } = this;
        ctx.beginPath();
        ctx.moveTo(x - size, y - size);
        ctx.lineTo(x + size, y + size);
        ctx.moveTo(x - size, y + size);
        ctx.lineTo(x + size, y - size);
        ctx.stroke();
    }
}
