// Positions for the factory graph. Up to DAGRE_LIMIT nodes (sinks included) the layered layout of @dagrejs/dagre
// (docs/editor.md says why dagre); larger graphs, where a layered layout's crossing minimisation
// takes seconds, get ranks by distance from `start` and declaration order inside a rank, which is
// linear. Pure (no DOM), so `npm run bench` times it in Node.
import dagre from '@dagrejs/dagre';
import type { FactoryEdge, FactoryGraphModel, FactoryNode } from '../../../language/manufactoria/model/factory-graph-shape.js';

/** Nodes (sinks included) up to which dagre lays out; its crossing minimisation grows steeply beyond. */
export const DAGRE_LIMIT = 150;
export const NODE_HEIGHT = 40;
const RANK_GAP = 56;
const NODE_GAP = 28;

export interface Point { x: number; y: number }
export interface PlacedNode { id: string; x: number; y: number; width: number; height: number }
export interface PlacedEdge { index: number; points: Point[]; labelAt: Point }

export interface GraphLayout {
    /** Same graph structure ⇒ same key: such edits keep the layout as it is. */
    key: string;
    engine: 'dagre' | 'ranks';
    nodes: Map<string, PlacedNode>;
    edges: PlacedEdge[];
    width: number;
    height: number;
}

export function nodeWidth(node: FactoryNode): number {
    const text = Math.max(node.name.length, node.kind === 'UNDEFINED' ? 9 : node.kind.length);
    return Math.max(72, Math.round(text * 7.2) + 24);
}

export function structureKey(model: FactoryGraphModel): string {
    return `${model.nodes.map((n) => `${n.id}|${n.kind}`).join(',')}#${model.edges.map((e) => `${e.from}>${e.to}:${e.label}`).join(',')}`;
}

/** The layout for `model`; `previous` is returned as it is when the structure did not change. */
export function layoutGraph(model: FactoryGraphModel, previous?: GraphLayout): GraphLayout {
    const key = structureKey(model);
    if (previous && previous.key === key) return previous;
    return model.nodes.length <= DAGRE_LIMIT ? layered(model, key) : ranked(model, key);
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

function straight(a: PlacedNode, b: PlacedNode): Point[] {
    if (a === b) return [{ x: a.x + a.width / 2, y: a.y }, { x: a.x + a.width / 2 + 24, y: a.y - 16 }, { x: a.x + a.width / 2 + 24, y: a.y + 16 }, { x: a.x + a.width / 2, y: a.y + 4 }];
    const down = b.y >= a.y;
    return [{ x: a.x, y: a.y + (down ? a.height / 2 : -a.height / 2) }, { x: b.x, y: b.y + (down ? -b.height / 2 : b.height / 2) }];
}

function middle(points: Point[]): Point {
    const a = points[Math.floor((points.length - 1) / 2)];
    const b = points[Math.ceil((points.length - 1) / 2)];
    return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}
