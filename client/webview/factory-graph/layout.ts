// Positions for the factory graph. Up to DAGRE_LIMIT nodes (sinks included) the layered layout of
// @dagrejs/dagre, synchronous; larger graphs get ELK's layered layout in a web worker
// (elk-layout.ts), and until it answers a linear layout by distance from `start` (`ranks`), with the
// nodes of the previous drawing kept where they were. docs/editor.md says why two engines.
import dagre from '@dagrejs/dagre';
import type { FactoryEdge, FactoryGraphModel, FactoryNode } from '../../../language/manufactoria/model/factory-graph.js';
import { middle, NODE_GAP, NODE_HEIGHT, nodeWidth, RANK_GAP, straight, structureKey, type GraphLayout, type PlacedEdge, type PlacedNode, type Point } from './layout-shared.js';

export { nodeWidth, structureKey, type GraphLayout } from './layout-shared.js';

/** Nodes (sinks included) up to which dagre lays out; its crossing minimisation grows steeply beyond. */
export const DAGRE_LIMIT = 150;
/** Whether `model` is laid out by ELK in the worker (true) or by dagre here. */
export function needsWorker(model: FactoryGraphModel): boolean {
    return model.nodes.length > DAGRE_LIMIT;
}

/**
 * The layout to draw now: `previous` when the structure did not change, dagre's for small graphs,
 * and for large ones the quick `ranks` layout with the previous drawing's nodes kept in place (the
 * caller then asks the worker for ELK's).
 */
export function layoutGraph(model: FactoryGraphModel, previous?: GraphLayout): GraphLayout {
    const key = structureKey(model);
    if (previous && previous.key === key) return previous;
    return needsWorker(model) ? provisional(model, key, previous) : layered(model, key);
}

function provisional(model: FactoryGraphModel, key: string, previous?: GraphLayout): GraphLayout {
    const ranks = ranked(model, key);
    if (!previous) return ranks;
    const nodes = new Map<string, PlacedNode>();
    let width = 0;
    let height = 0;
    for (const [id, node] of ranks.nodes) {
        const was = previous.nodes.get(id);
        // New nodes go below the old drawing, in their rank order.
        const placed = was ? { ...node, x: was.x, y: was.y } : { ...node, y: node.y + previous.height };
        nodes.set(id, placed);
        width = Math.max(width, placed.x + placed.width / 2 + 16);
        height = Math.max(height, placed.y + placed.height / 2 + 16);
    }
    const edges = model.edges.map((edge: FactoryEdge, index): PlacedEdge => {
        const points = straight(nodes.get(edge.from)!, nodes.get(edge.to)!);
        return { index, points, labelAt: middle(points) };
    });
    return { key, engine: 'ranks', nodes, edges, width, height };
}

function layered(model: FactoryGraphModel, key: string): GraphLayout {
    const g = new dagre.graphlib.Graph({ multigraph: true });
    g.setGraph({ rankdir: 'TB', nodesep: NODE_GAP, ranksep: RANK_GAP, edgesep: 12, marginx: 16, marginy: 16 });
    g.setDefaultEdgeLabel(() => ({}));
    for (const node of model.nodes) g.setNode(node.id, { width: nodeWidth(node), height: NODE_HEIGHT });
    model.edges.forEach((edge, index) => g.setEdge(edge.from, edge.to, { labelpos: 'c', width: edge.label.length * 7 + 6, height: 14 }, String(index)));
    dagre.layout(g);
    const nodes = new Map<string, PlacedNode>();
    for (const node of model.nodes) {
        const n = g.node(node.id);
        nodes.set(node.id, { id: node.id, x: n.x, y: n.y, width: n.width, height: n.height });
    }
    const edges = model.edges.map((edge, index): PlacedEdge => {
        const e = g.edge({ v: edge.from, w: edge.to, name: String(index) }) as { points?: Point[]; x?: number; y?: number };
        const points = e.points?.length ? e.points : straight(nodes.get(edge.from)!, nodes.get(edge.to)!);
        return { index, points, labelAt: e.x !== undefined && e.y !== undefined ? { x: e.x, y: e.y } : middle(points) };
    });
    const size = g.graph() as { width?: number; height?: number };
    return { key, engine: 'dagre', nodes, edges, width: size.width ?? 0, height: size.height ?? 0 };
}

function ranked(model: FactoryGraphModel, key: string): GraphLayout {
    const out = new Map<string, string[]>();
    for (const e of model.edges) (out.get(e.from) ?? out.set(e.from, []).get(e.from)!).push(e.to);
    const rank = new Map<string, number>();
    const queue = model.nodes.some((n) => n.id === 'n:start') ? ['n:start'] : [];
    if (queue.length) rank.set('n:start', 0);
    for (let i = 0; i < queue.length; i++) {
        for (const next of out.get(queue[i]) ?? []) {
            if (rank.has(next)) continue;
            rank.set(next, rank.get(queue[i])! + 1);
            queue.push(next);
        }
    }
    let deepest = Math.max(0, ...rank.values());
    for (const node of model.nodes) if (!rank.has(node.id)) rank.set(node.id, ++deepest);
    const rows: FactoryNode[][] = [];
    for (const node of model.nodes) (rows[rank.get(node.id)!] ??= []).push(node);
    const nodes = new Map<string, PlacedNode>();
    let width = 0;
    rows.forEach((row, r) => {
        let x = 16;
        for (const node of row ?? []) {
            const w = nodeWidth(node);
            nodes.set(node.id, { id: node.id, x: x + w / 2, y: 16 + r * (NODE_HEIGHT + RANK_GAP) + NODE_HEIGHT / 2, width: w, height: NODE_HEIGHT });
            x += w + NODE_GAP;
        }
        width = Math.max(width, x);
    });
    const edges = model.edges.map((edge: FactoryEdge, index): PlacedEdge => {
        const points = straight(nodes.get(edge.from)!, nodes.get(edge.to)!);
        return { index, points, labelAt: middle(points) };
    });
    return { key, engine: 'ranks', nodes, edges, width, height: 32 + rows.length * (NODE_HEIGHT + RANK_GAP) };
}


