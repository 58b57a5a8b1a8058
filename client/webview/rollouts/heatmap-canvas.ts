// The solve-rate heatmap for large runs, drawn straight onto a canvas: ECharts makes an element per
// cell (10k cells for 200 problems × 50 steps took seconds), a canvas draws them in milliseconds.
// Same picture and interactions as the ECharts one: problems grouped by family on the left, steps
// along the bottom, colour from the theme's low to pass colour, hover tooltip, click to filter.
import { NO_STEP_LABEL, type Overview } from '../../../language/rollouts/overview.js';

export interface HeatmapColors {
    foreground: string;
    muted: string;
    low: string;
    pass: string;
    background: string;
}

interface Layout { left: number; top: number; cellW: number; cellH: number; width: number; height: number }

const LABEL_WIDTH = 330;
const LEGEND_WIDTH = 70;
const AXIS_HEIGHT = 36;

/** A CSS colour as [r, g, b] (the canvas normalises any CSS colour syntax for us). */
function rgb(ctx: CanvasRenderingContext2D, css: string): [number, number, number] {
    ctx.fillStyle = '#000';
    ctx.fillStyle = css;
    const v = ctx.fillStyle;
    if (v.startsWith('#')) return [1, 3, 5].map((i) => parseInt(v.slice(i, i + 2), 16)) as [number, number, number];
    const m = /(\d+(?:\.\d+)?)[ ,]+(\d+(?:\.\d+)?)[ ,]+(\d+(?:\.\d+)?)/.exec(v);
    return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [128, 128, 128];
}

export function drawCanvasHeatmap(o: Overview, host: HTMLElement, colors: HeatmapColors, onCell: (problem: number, step: number) => void): { resize(): void; dispose(): void } {
    host.replaceChildren();
    host.style.position = 'relative';
    // Drawn on a canvas that stays out of the page and shown as an image: a canvas in the page is
    // handed to the compositor again on every frame (in a Chromium trace of the table's fling, about
    // 1 ms of main-thread time per frame for this canvas and the charts'), an image is painted once.
    const canvas = document.createElement('canvas');
    const picture = document.createElement('img');
    picture.alt = `Solve rate heatmap: ${o.problems.length} problems × ${o.steps.length} steps`;
    picture.draggable = false;
    const tip = document.createElement('div');
    tip.className = 'heat-tip';
    tip.hidden = true;
    host.append(picture, tip);
    const ctx = canvas.getContext('2d')!;
    const low = rgb(ctx, colors.low);
    const high = rgb(ctx, colors.pass);
    const colour = (x: number) => `rgb(${low.map((l, i) => Math.round(l + (high[i] - l) * x)).join(',')})`;
    const byCell = new Map<number, (typeof o.cells)[number]>();
    for (const c of o.cells) byCell.set(c.p * o.steps.length + c.s, c);
    let layout: Layout = { left: 0, top: 0, cellW: 1, cellH: 1, width: 0, height: 0 };

    const draw = () => {
        const width = host.clientWidth || 800;
        const height = host.clientHeight || 420;
        const dpr = window.devicePixelRatio || 1;
        canvas.width = Math.round(width * dpr);
        canvas.height = Math.round(height * dpr);
        picture.style.width = `${width}px`;
        picture.style.height = `${height}px`;
        ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
        ctx.clearRect(0, 0, width, height);
        const plotW = Math.max(50, width - LABEL_WIDTH - LEGEND_WIDTH);
        const plotH = Math.max(50, height - AXIS_HEIGHT - 8);
        layout = { left: LABEL_WIDTH, top: 8, cellW: plotW / Math.max(1, o.steps.length), cellH: plotH / Math.max(1, o.problems.length), width: plotW, height: plotH };
        const { left, top, cellW, cellH } = layout;
        const gap = cellW > 4 && cellH > 4 ? 1 : 0;
        for (const c of o.cells) {
            ctx.fillStyle = colour(c.n ? c.c / c.n : 0);
            ctx.fillRect(left + c.s * cellW, top + c.p * cellH, Math.max(1, cellW - gap), Math.max(1, cellH - gap));
        }
        ctx.font = '11px sans-serif';
        ctx.textBaseline = 'middle';
        // Problem labels when rows are tall enough to read, family names at each family's first row.
        const every = Math.max(1, Math.ceil(12 / cellH));
        ctx.textAlign = 'right';
        o.problems.forEach((p, i) => {
            const y = top + (i + 0.5) * cellH;
            if (i % every === 0) {
                ctx.fillStyle = colors.foreground;
                ctx.fillText(p.label.length > 30 ? `${p.label.slice(0, 29)}…` : p.label, left - 6, y, 190);
            }
            if (i === 0 || o.problems[i - 1].family !== p.family) {
                ctx.fillStyle = colors.muted;
                ctx.fillText(p.family.length > 20 ? `${p.family.slice(0, 19)}…` : p.family, left - 200, top + i * cellH + 6, 125);
                ctx.fillRect(left - 330, top + i * cellH, 330 - 4, 1);
            }
        });
        ctx.textAlign = 'center';
        ctx.fillStyle = colors.foreground;
        const stepEvery = Math.max(1, Math.ceil(28 / cellW));
        o.steps.forEach((s, i) => {
            if (i % stepEvery === 0) ctx.fillText(s === null ? NO_STEP_LABEL : String(s), left + (i + 0.5) * cellW, top + layout.height + 10);
        });
        ctx.fillText('step', left + layout.width / 2, top + layout.height + 26);
        // Legend: the colour scale from 0 to solved.
        const lx = left + layout.width + 24;
        const ly = top + layout.height / 2 - 60;
        for (let k = 0; k < 120; k++) {
            ctx.fillStyle = colour(1 - k / 119);
            ctx.fillRect(lx, ly + k, 14, 1);
        }
        ctx.fillStyle = colors.foreground;
        ctx.fillText('solved', lx + 7, ly - 8);
        ctx.fillText('0', lx + 7, ly + 130);
        picture.src = canvas.toDataURL();
    };

    const cellAt = (e: MouseEvent) => {
        const box = picture.getBoundingClientRect();
        const x = e.clientX - box.left - layout.left;
        const y = e.clientY - box.top - layout.top;
        if (x < 0 || y < 0 || x >= layout.width || y >= layout.height) return undefined;
        const s = Math.floor(x / layout.cellW);
        const p = Math.floor(y / layout.cellH);
        const cell = byCell.get(p * o.steps.length + s);
        return cell ? { cell, x: e.clientX - box.left, y: e.clientY - box.top } : undefined;
    };
    picture.addEventListener('mousemove', (e) => {
        const hit = cellAt(e);
        if (!hit) {
            tip.hidden = true;
            picture.style.cursor = '';
            return;
        }
        const { cell } = hit;
        const p = o.problems[cell.p];
        const step = o.steps[cell.s];
        tip.textContent = `${p.label}\n${p.family}${p.level ? ` · ${p.level}` : ''}\nstep ${step === null ? NO_STEP_LABEL : step}: solve rate ${(100 * (cell.n ? cell.c / cell.n : 0)).toFixed(1)} %\nn ${cell.n} · c ${cell.c} · mean pass_rate ${cell.mean.toFixed(3)}`;
        tip.style.left = `${Math.min(hit.x + 14, (host.clientWidth || 800) - 260)}px`;
        tip.style.top = `${hit.y + 14}px`;
        tip.hidden = false;
        picture.style.cursor = 'pointer';
    });
    picture.addEventListener('mouseleave', () => { tip.hidden = true; });
    picture.addEventListener('click', (e) => {
        const hit = cellAt(e);
        if (hit) onCell(hit.cell.p, hit.cell.s);
    });
    draw();
    return { resize: draw, dispose: () => host.replaceChildren() };
}
