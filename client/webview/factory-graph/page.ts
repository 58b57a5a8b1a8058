// The factory graph page (out/webview/factory-graph.js): draws the graph the host sends as SVG,
// pans and zooms, reveals a node's declaration on click, follows the editor's cursor, and shows a
// trace being stepped (current node, the path so far, visit counts, the tape as coloured cells and
// a scrubber). Colours are theme variables; the export inlines them.
import { isPainter, isPuller, PAINTER_COLOUR, PULLER_READS } from '../../../language/manufactoria/model/vocabulary.js';
import { layoutGraph, type GraphLayout } from './layout.js';
import type { GraphTrace, HostToPage, PageToHost } from './messages.js';
import type { FactoryGraphResult, FactoryNode } from '../../../server/protocol.js';

declare function acquireVsCodeApi(): { postMessage(message: PageToHost): void };
const vscode = acquireVsCodeApi();
const post = (message: PageToHost) => vscode.postMessage(message);

const $ = <T extends Element>(selector: string) => document.querySelector(selector) as T;
const svg = $<SVGSVGElement>('#graph');
const edgesLayer = $<SVGGElement>('#edges');
const nodesLayer = $<SVGGElement>('#nodes');
const statusEl = $<HTMLElement>('#status');
const traceBar = $<HTMLElement>('#trace');
const tapeEl = $<HTMLElement>('#tape');
const scrubber = $<HTMLInputElement>('#scrubber');
const stepText = $<HTMLElement>('#step-text');

let graph: FactoryGraphResult | undefined;
let layout: GraphLayout | undefined;
let highlighted: string | null = null;
let trace: GraphTrace | null = null;
let view = { x: 0, y: 0, w: 100, h: 100 };
let fitted = false;

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** The drawn node of a trace step's node name; NONE is the sink of the node the step came from. */
const idOf = (name: string, from?: string) => (graph?.nodes.some((n) => n.id === `n:${name}`) ? `n:${name}` : name === 'NONE' ? `s:NONE@${from ?? ''}` : `u:${name}`);

function draw(): void {
    if (!graph) return;
    const started = performance.now();
    layout = layoutGraph(graph, layout);
    const ms = performance.now() - started;
    const placed = layout.nodes;
    const edgeHtml: string[] = [];
    graph.edges.forEach((edge, i) => {
        const p = layout!.edges[i];
        if (!p) return;
        const d = `M${p.points.map((q) => `${q.x.toFixed(1)},${q.y.toFixed(1)}`).join(' L')}`;
        edgeHtml.push(`<g class="edge${edge.implicit ? ' implicit' : ''}${edge.shadowed ? ' shadowed' : ''}" data-from="${escape(edge.from)}" data-to="${escape(edge.to)}" data-label="${edge.label}">`
            + `<path d="${d}" marker-end="url(#arrow)"/><text class="label" x="${p.labelAt.x.toFixed(1)}" y="${(p.labelAt.y + 4).toFixed(1)}">${edge.label}</text></g>`);
    });
    const nodeHtml = graph.nodes.map((node) => {
        const n = placed.get(node.id)!;
        return `<g class="${nodeClasses(node)}" data-id="${escape(node.id)}" data-name="${escape(node.name)}" transform="translate(${(n.x - n.width / 2).toFixed(1)},${(n.y - n.height / 2).toFixed(1)})">`
            + body(node, n.width, n.height) + '</g>';
    });
    edgesLayer.innerHTML = edgeHtml.join('');
    nodesLayer.innerHTML = nodeHtml.join('');
    document.body.dataset.nodes = String(graph.nodes.length);
    document.body.dataset.edges = String(graph.edges.length);
    document.body.dataset.version = String(graph.version);
    document.body.dataset.engine = layout.engine;
    document.body.dataset.layoutMs = ms.toFixed(1);
    statusEl.textContent = graph.error ?? `${graph.nodes.filter((n) => n.id.startsWith('n:')).length} nodes · ${graph.edges.length} routes`;
    if (!fitted) fit();
    applyHighlight();
    applyTrace();
    document.body.dataset.ready = 'true';
    post({ type: 'layout', engine: layout.engine, ms, nodes: graph.nodes.length });
}

function nodeClasses(node: FactoryNode): string {
    const classes = ['node', `kind-${node.kind}`];
    if (node.id.startsWith('n:')) {
        if (!node.reachable && node.kind !== 'START') classes.push('unreachable');
        if (!node.reachesEnd && node.kind !== 'END') classes.push('dead-end');
    } else {
        classes.push('sink');
    }
    return classes.join(' ');
}

function body(node: FactoryNode, w: number, h: number): string {
    const title = `<title>${escape(tooltip(node))}</title>`;
    let shape: string;
    if (node.kind === 'NONE' || node.kind === 'UNDEFINED' || node.kind === 'UNKNOWN') {
        shape = `<rect class="outline" width="${w}" height="${h}" rx="${h / 2}"/>`;
    } else if (isPuller(node.kind)) {
        const [a, b] = PULLER_READS[node.kind];
        shape = `<rect class="fill fill-${a}" width="${w / 2}" height="${h}"/><rect class="fill fill-${b}" x="${w / 2}" width="${w / 2}" height="${h}"/><rect class="outline" width="${w}" height="${h}" rx="4"/>`;
    } else {
        const fill = isPainter(node.kind) ? `fill-${PAINTER_COLOUR[node.kind]}` : `fill-${node.kind}`;
        shape = `<rect class="fill ${fill}" width="${w}" height="${h}" rx="${node.kind === 'START' || node.kind === 'END' ? 12 : 4}"/><rect class="outline" width="${w}" height="${h}" rx="${node.kind === 'START' || node.kind === 'END' ? 12 : 4}"/>`;
    }
    const kind = node.kind === 'UNDEFINED' ? 'undefined' : node.kind === 'NONE' ? 'reject' : node.kind === 'UNKNOWN' ? 'unknown' : node.kind;
    return `${title}${shape}<text class="kind" x="${w / 2}" y="15">${escape(kind)}</text><text class="name" x="${w / 2}" y="31">${escape(node.name)}</text><text class="visits" x="${w - 2}" y="-4"></text>`;
}

function tooltip(node: FactoryNode): string {
    if (node.kind === 'NONE') return 'NONE: the robot is rejected here';
    if (node.kind === 'UNDEFINED') return `'${node.name}' is not declared: the reference rejects the program`;
    if (node.kind === 'UNKNOWN') return `'${node.name}' is not the accepting node 'end': no node has this id, so the robot is rejected here (Unknown node: ${node.name})`;
    const notes = [`${node.kind} ${node.name} (line ${(node.line ?? 0) + 1}) · click to show in the editor`];
    if (!node.reachable && node.kind !== 'START') notes.push('unreachable from start');
    if (!node.reachesEnd && node.kind !== 'END') notes.push('no path from here to end: every robot here is rejected');
    return notes.join('\n');
}

function nodeEl(id: string): SVGGElement | null {
    return nodesLayer.querySelector(`g.node[data-id="${CSS.escape(id)}"]`);
}

function applyHighlight(): void {
    nodesLayer.querySelectorAll('g.node.cursor').forEach((el) => el.classList.remove('cursor'));
    document.body.dataset.highlight = highlighted ?? '';
    if (!highlighted) return;
    const el = nodeEl(`n:${highlighted}`);
    if (!el) return;
    el.classList.add('cursor');
    const placed = layout?.nodes.get(`n:${highlighted}`);
    if (placed && (placed.x < view.x || placed.x > view.x + view.w || placed.y < view.y || placed.y > view.y + view.h)) {
        view = { ...view, x: placed.x - view.w / 2, y: placed.y - view.h / 2 };
        applyView();
    }
}

function applyTrace(): void {
    nodesLayer.querySelectorAll('g.node.on-path, g.node.trace-current').forEach((el) => el.classList.remove('on-path', 'trace-current'));
    edgesLayer.querySelectorAll('g.edge.on-path').forEach((el) => el.classList.remove('on-path'));
    nodesLayer.querySelectorAll('text.visits').forEach((el) => (el.textContent = ''));
    traceBar.hidden = !trace;
    document.body.dataset.traceStep = trace ? String(trace.current) : '';
    if (!trace || !graph) return;
    for (const [name, count] of Object.entries(trace.visits)) {
        const badge = nodeEl(idOf(name))?.querySelector('text.visits');
        if (badge) badge.textContent = `×${count}`;
    }
    const steps = trace.steps.slice(0, trace.current + 1);
    steps.forEach((step, i) => {
        const to = idOf(step.node, steps[i - 1]?.node);
        nodeEl(to)?.classList.add(i === steps.length - 1 ? 'trace-current' : 'on-path');
        if (i === 0) return;
        const from = idOf(steps[i - 1].node);
        edgesLayer.querySelectorAll(`g.edge[data-from="${CSS.escape(from)}"][data-to="${CSS.escape(to)}"]`).forEach((el) => el.classList.add('on-path'));
    });
    const step = trace.steps[trace.current];
    document.body.dataset.traceNode = step?.node ?? '';
    scrubber.max = String(Math.max(0, trace.steps.length - 1));
    scrubber.value = String(trace.current);
    stepText.textContent = step ? `${trace.label} · step ${trace.current + 1}/${trace.steps.length} · ${step.node}: ${step.action}` : trace.label;
    const tape = step ? step.tapeAfter : trace.input;
    tapeEl.innerHTML = tape.length === 0 ? '<span class="empty">empty tape</span>'
        : [...tape.slice(0, 400)].map((c) => `<span class="cell fill-${escape(c)}" title="${escape(c)}">${escape(c)}</span>`).join('') + (tape.length > 400 ? `<span class="more">… ${tape.length - 400} more</span>` : '');
}

// Pan and zoom through the viewBox.
function applyView(): void {
    svg.setAttribute('viewBox', `${view.x} ${view.y} ${view.w} ${view.h}`);
}

function fit(): void {
    if (!layout) return;
    const box = svg.getBoundingClientRect();
    const aspect = box.width > 0 && box.height > 0 ? box.width / box.height : 1.5;
    // Never zoom in beyond 1:1: a small factory stays at its natural size, centred.
    let w = Math.max(layout.width, box.width || 200);
    let h = Math.max(layout.height, box.height || 120);
    if (w / h < aspect) w = h * aspect; else h = w / aspect;
    view = { x: (layout.width - w) / 2, y: (layout.height - h) / 2, w, h };
    fitted = true;
    applyView();
}

svg.addEventListener('wheel', (event) => {
    event.preventDefault();
    const box = svg.getBoundingClientRect();
    const factor = Math.exp(event.deltaY * 0.0015);
    const px = view.x + ((event.clientX - box.left) / box.width) * view.w;
    const py = view.y + ((event.clientY - box.top) / box.height) * view.h;
    view = { x: px - (px - view.x) * factor, y: py - (py - view.y) * factor, w: view.w * factor, h: view.h * factor };
    applyView();
}, { passive: false });

let drag: { x: number; y: number; moved: boolean } | undefined;
svg.addEventListener('pointerdown', (event) => {
    drag = { x: event.clientX, y: event.clientY, moved: false };
});
svg.addEventListener('pointermove', (event) => {
    if (!drag || !(event.buttons & 1)) return;
    const box = svg.getBoundingClientRect();
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
    if (!drag.moved) return;
    view = { ...view, x: view.x - (dx / box.width) * view.w, y: view.y - (dy / box.height) * view.h };
    drag.x = event.clientX;
    drag.y = event.clientY;
    applyView();
});
svg.addEventListener('click', (event) => {
    const moved = drag?.moved;
    drag = undefined;
    if (moved) return;
    const el = (event.target as Element).closest('g.node') as SVGGElement | null;
    const id = el?.dataset.id;
    if (id?.startsWith('n:')) post({ type: 'reveal', node: id.slice(2) });
});

scrubber.addEventListener('input', () => {
    if (!trace) return;
    trace = { ...trace, current: Number(scrubber.value) };
    applyTrace();
    post({ type: 'traceStep', index: trace.current });
});
$<HTMLButtonElement>('#fit').addEventListener('click', fit);
$<HTMLButtonElement>('#export').addEventListener('click', () => post({ type: 'svg', svg: exportSvg() }));
window.addEventListener('resize', () => fitted && layout && fit());

/** The drawing as a standalone SVG: theme variables resolved into inline styles. */
function exportSvg(): string {
    const copy = svg.cloneNode(true) as SVGSVGElement;
    const originals = svg.querySelectorAll('*');
    const copies = copy.querySelectorAll('*');
    const keep = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-family', 'font-size', 'font-weight', 'text-anchor', 'display'];
    originals.forEach((el, i) => {
        const style = getComputedStyle(el);
        (copies[i] as SVGElement).setAttribute('style', keep.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';'));
    });
    copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    if (layout) copy.setAttribute('viewBox', `0 0 ${Math.ceil(layout.width)} ${Math.ceil(layout.height)}`);
    copy.setAttribute('style', `background:${getComputedStyle(document.body).backgroundColor}`);
    return new XMLSerializer().serializeToString(copy);
}

window.addEventListener('message', (event: MessageEvent<HostToPage>) => {
    const message = event.data;
    switch (message.type) {
        case 'graph':
            if (graph && graph.uri !== message.graph.uri) fitted = false;
            graph = message.graph;
            $<HTMLElement>('#title').textContent = message.title;
            draw();
            break;
        case 'highlight':
            highlighted = message.node;
            applyHighlight();
            break;
        case 'trace':
            trace = message.trace;
            applyTrace();
            break;
        case 'exportSvg':
            post({ type: 'svg', svg: exportSvg() });
            break;
    }
});
post({ type: 'ready' });
