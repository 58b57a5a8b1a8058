// The run's charts, drawn with Apache ECharts (tree-shaken: heatmap, line and bar only, SVG
// renderer so the drawn cells are DOM elements a test can count). Colours come from the theme.
// Only the component variants used are registered (continuous visual map, scroll legend, which
// brings the plain one): ECharts' core is most of the bundle, each part left out saves a little.
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendScrollComponent, TooltipComponent, VisualMapContinuousComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { NO_STEP_LABEL, type Overview } from '../../../language/rollouts/overview.js';
import { drawCanvasHeatmap } from './heatmap-canvas.js';
import { escapeHtml } from './page.js';

echarts.use([HeatmapChart, LineChart, BarChart, GridComponent, TooltipComponent, VisualMapContinuousComponent, LegendScrollComponent, SVGRenderer]);

export interface ChartColors {
    foreground: string;
    muted: string;
    border: string;
    pass: string;
    fail: string;
    low: string;
    background: string;
    /** The page's font family, resolved: ECharts measures text on a canvas, which knows no `inherit` or CSS variables. */
    fontFamily: string;
}

export function readColors(): ChartColors {
    const style = getComputedStyle(document.documentElement);
    const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    return {
        foreground: v('--vscode-editor-foreground', '#333333'),
        muted: v('--vscode-descriptionForeground', '#717171'),
        border: v('--vscode-panel-border', '#cccccc'),
        pass: v('--vscode-testing-iconPassed', '#388a34'),
        fail: v('--vscode-testing-iconFailed', '#e51400'),
        low: v('--vscode-editorWidget-background', '#f3f3f3'),
        background: v('--vscode-editor-background', '#ffffff'),
        fontFamily: getComputedStyle(document.body).fontFamily || 'sans-serif',
    };
}

export type ChartClick =
    | { kind: 'cell'; problem: number; step: number }
    | { kind: 'curve'; family: string; step: number }
    | { kind: 'errors'; step: number; error: number };

/** Above this many heatmap cells the heatmap is drawn on a canvas. */
export const SVG_CELL_LIMIT = 3000;

const stepLabel = (s: number | null) => (s === null ? NO_STEP_LABEL : String(s));
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

function baseText(colors: ChartColors) {
    // A family the canvas cannot resolve was measured in its default font, narrower than the text
    // drawn: truncated labels ran into their neighbours and legend entries overlapped.
    return { color: colors.foreground, fontFamily: colors.fontFamily, fontSize: 11 };
}

export interface Charts {
    resize(): void;
    dispose(): void;
}

export function drawCharts(
    o: Overview, el: { heatmap: HTMLElement; curves: HTMLElement; errors: HTMLElement }, onClick: (c: ChartClick) => void,
    later: (draw: () => void) => void = (draw) => draw(), onDrawn?: () => void,
): Charts {
    const colors = readColors();
    const steps = o.steps.map(stepLabel);
    const charts: echarts.ECharts[] = [];

    // Heatmap: one row per problem, grouped by family (the label says which).
    // SVG keeps each cell a DOM element (tests count them); thousands of cells go on a plain canvas.
    el.heatmap.dataset.cells = String(o.cells.length);
    let canvasHeat: { resize(): void; dispose(): void } | undefined;
    if (o.cells.length > SVG_CELL_LIMIT) {
        canvasHeat = drawCanvasHeatmap(o, el.heatmap, colors, (problem, step) => onClick({ kind: 'cell', problem, step }));
    } else {
        const heat = echarts.init(el.heatmap, undefined, { renderer: 'svg' });
        const yLabels = o.problems.map((p) => `${p.label}`);
        heat.setOption({
            textStyle: baseText(colors),
            animation: false,
            tooltip: {
                formatter: (params: { data: [number, number, number, number, number, number] }) => {
                    const [s, p, rate, n, c, mean] = params.data;
                    const prob = o.problems[p];
                    return `${escapeHtml(prob.label)}<br/>${escapeHtml(prob.family)}${prob.level ? ` · ${escapeHtml(prob.level)}` : ''}<br/>step ${stepLabel(o.steps[s])}: `
                        + `solve rate ${pct(rate)}<br/>n ${n} · c ${c} · mean pass_rate ${mean.toFixed(3)}`;
                },
            },
            grid: { left: 340, right: 80, top: 10, bottom: 40 },
            xAxis: { type: 'category', data: steps, name: 'step', nameLocation: 'middle', nameGap: 24, axisLabel: { color: colors.foreground }, splitArea: { show: false } },
            // Two category axes on the left: problems, and further out each family's name on its first row.
            yAxis: [
                { type: 'category', data: yLabels, inverse: true, axisLabel: { ...baseText(colors), width: 190, overflow: 'truncate' } },
                {
                    type: 'category', data: yLabels, inverse: true, position: 'left', offset: 204, axisLine: { show: false }, axisTick: { show: false },
                    axisLabel: {
                        ...baseText(colors), color: colors.muted, width: 126, overflow: 'truncate', interval: 0,
                        formatter: (_: string, i: number) => (o.problems[i]?.family === o.problems[i - 1]?.family ? '' : o.problems[i]?.family ?? ''),
                    },
                },
            ],
            visualMap: {
                type: 'continuous', min: 0, max: 1, calculable: false, orient: 'vertical', right: 0, top: 'middle', itemHeight: 120,
                text: ['solved', '0'], textStyle: { color: colors.foreground }, dimension: 2,
                inRange: { color: [colors.low, colors.pass] },
            },
            series: [{
                type: 'heatmap',
                data: o.cells.map((c) => [c.s, c.p, c.n ? c.c / c.n : 0, c.n, c.c, c.mean]),
                itemStyle: { borderColor: colors.background, borderWidth: 1 },
                emphasis: { itemStyle: { borderColor: colors.foreground, borderWidth: 1 } },
            }],
        });
        heat.on('click', (e) => {
            const d = e.data as number[] | undefined;
            if (d) onClick({ kind: 'cell', problem: d[1], step: d[0] });
        });
        charts.push(heat);
    }

    // The curves and error bars are below the heatmap: with `later` they are drawn after the first paint.
    later(() => {
        // Curves: mean pass_rate (solid) and all-pass rate (dashed) by step, one colour per family.
        // SVG at any size: a canvas in the page is handed to the compositor again on every frame,
        // which cost the big table's fling a share of each frame. A big run draws its lines without
        // point symbols (thousands of points: the lines alone are a few dozen paths).
        const symbols = o.cells.length <= SVG_CELL_LIMIT;
        const curves = echarts.init(el.curves, undefined, { renderer: 'svg' });
        const palette = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
        const series = o.curves.flatMap((curve, i) => {
            const color = palette[i % palette.length];
            // Both lines of a family share its name, so one legend entry shows or hides the pair.
            const line = (metric: string, value: (p: { n: number; c: number; mean: number }) => number, dashed: boolean) => ({
                type: 'line', name: curve.family, id: `${curve.family} · ${metric}`, color, symbolSize: 6, showSymbol: symbols,
                lineStyle: { type: dashed ? 'dashed' : 'solid', width: 2 },
                data: curve.points.map((p) => [p.s, value(p)]),
            });
            return [
                line('mean pass_rate', (p) => p.mean, false),
                line('all-pass', (p) => (p.n ? p.c / p.n : 0), true),
            ];
        });
        curves.setOption({
            textStyle: baseText(colors),
            animation: false,
            tooltip: { trigger: 'item', formatter: (p: { seriesId: string; data: [number, number] }) => `${escapeHtml(p.seriesId)}<br/>step ${stepLabel(o.steps[p.data[0]])}: ${p.data[1].toFixed(3)}` },
            // A column on the right, as in the curves: every class readable, none behind a pager.
            // A column on the right: a family per line, paged only when there are more than fit.
            legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle', textStyle: baseText(colors) },
            grid: { left: 50, right: 175, top: 20, bottom: 40 },
            xAxis: { type: 'category', data: steps, name: 'step', nameLocation: 'middle', nameGap: 24, axisLabel: { color: colors.foreground } },
            yAxis: { type: 'value', min: 0, max: 1, axisLabel: { color: colors.foreground }, splitLine: { lineStyle: { color: colors.border } } },
            series,
        });
        curves.on('click', (e) => {
            const d = e.data as [number, number] | undefined;
            const family = o.curves[Math.floor((e.seriesIndex ?? 0) / 2)]?.family;
            if (d && family !== undefined) onClick({ kind: 'curve', family, step: d[0] });
        });
        charts.push(curves);

        // Error classes by step, stacked.
        const errs = echarts.init(el.errors, undefined, { renderer: 'svg' });
        errs.setOption({
            textStyle: baseText(colors),
            animation: false,
            tooltip: { trigger: 'item' },
            // A column on the right, as in the curves: every class readable, none behind a pager.
            legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle', textStyle: baseText(colors) },
            grid: { left: 50, right: 130, top: 20, bottom: 40 },
            xAxis: { type: 'category', data: steps, name: 'step', nameLocation: 'middle', nameGap: 24, axisLabel: { color: colors.foreground } },
            yAxis: { type: 'value', axisLabel: { color: colors.foreground }, splitLine: { lineStyle: { color: colors.border } } },
            series: o.errors.map((error, e) => ({
                type: 'bar', name: error, stack: 'errors', color: palette[(e + 2) % palette.length],
                data: o.errorCounts.map((row) => row[e]),
            })),
        });
        errs.on('click', (e) => {
            if (typeof e.dataIndex === 'number' && typeof e.seriesIndex === 'number') onClick({ kind: 'errors', step: e.dataIndex, error: e.seriesIndex });
        });
        charts.push(errs);
        onDrawn?.();
    });

    return {
        resize: () => {
            charts.forEach((c) => c.resize());
            canvasHeat?.resize();
        },
        dispose: () => {
            charts.forEach((c) => c.dispose());
            canvasHeat?.dispose();
        },
    };
}
