// What every factory-graph layout shares: node sizes, spacing, the structure key that decides when
// a layout can be kept, and the placed shapes the page draws. Pure (no DOM).
import type { FactoryGraphModel, FactoryNode } from '../../../language/manufactoria/model/factory-graph.js';

export const NODE_HEIGHT = 40;
export const RANK_GAP = 56;
export const NODE_GAP = 28;

export interface Point { x: number; y: number }
export interface PlacedNode { id: string; x: number; y: number; width: number; height: number }
export interface PlacedEdge { index: number; points: Point[]; labelAt: Point }

export interface GraphLayout {
    /** Same graph structure ⇒ same key: such edits keep the layout as it is. */
    key: string;
    /** dagre (small graphs); elk (large graphs, in a worker); ranks (large graphs until elk answers). */
    engine: 'dagre' | 'ranks' | 'elk';
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

export function straight(a: PlacedNode, b: PlacedNode): Point[] {
    if (a === b) return [{ x: a.x + a.width / 2, y: a.y }, { x: a.x + a.width / 2 + 24, y: a.y - 16 }, { x: a.x + a.width / 2 + 24, y: a.y + 16 }, { x: a.x + a.width / 2, y: a.y + 4 }];
    const down = b.y >= a.y;
    return [{ x: a.x, y: a.y + (down ? a.height / 2 : -a.height / 2) }, { x: b.x, y: b.y + (down ? -b.height / 2 : b.height / 2) }];
}

export function middle(points: Point[]): Point {
    const a = points[Math.floor((points.length - 1) / 2)];
    const b = points[Math.ceil((points.length - 1) / 2)];
    return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}
