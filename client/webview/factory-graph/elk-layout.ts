// The layered layout of large factory graphs (more than DAGRE_LIMIT nodes): ELK's "layered"
// algorithm (elkjs), which the page runs in a web worker so drawing and panning never wait for it.
// This file only turns a model into ELK's input and ELK's output into a GraphLayout: pure, so the
// bench runs the same layout in Node. Edge labels are placed by us (on the edge's middle segment):
// as ELK label nodes they would double the layout's work. docs/editor.md says why ELK here.
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { FactoryGraphModel } from '../../../language/manufactoria/model/factory-graph.js';
import { middle, NODE_GAP, NODE_HEIGHT, nodeWidth, RANK_GAP, straight, type GraphLayout, type PlacedEdge, type PlacedNode } from './layout-shared.js';

export const ELK_OPTIONS: Record<string, string> = {
    'elk.algorithm': 'layered',
    'elk.direction': 'DOWN',
    'elk.edgeRouting': 'POLYLINE',
    'elk.spacing.nodeNode': String(NODE_GAP),
    'elk.layered.spacing.nodeNodeBetweenLayers': String(RANK_GAP),
    'elk.spacing.edgeNode': '12',
    'elk.padding': '[top=16,left=16,bottom=16,right=16]',
    // Fewer crossing-minimisation sweeps: at 1,000 nodes the default (7) costs seconds for little gain.
    'elk.layered.thoroughness': '1',
    // Nodes keep their order within a layer from the positions given (the previous layout), so an
    // edit moves what it changed, not the whole drawing.
    'elk.layered.crossingMinimization.semiInteractive': 'true',
};

/** ELK's input for `model`; nodes the previous layout placed start where they were. */
export function elkGraph(model: FactoryGraphModel, previous?: GraphLayout): ElkNode {
    return {
        id: 'root',
        layoutOptions: ELK_OPTIONS,
        children: model.nodes.map((node) => {
            const was = previous?.nodes.get(node.id);
            const placed = was ? { x: was.x - was.width / 2, y: was.y - was.height / 2 } : {};
            return { id: node.id, width: nodeWidth(node), height: NODE_HEIGHT, ...placed };
        }),
        edges: model.edges.map((edge, index): ElkExtendedEdge => ({ id: `e${index}`, sources: [edge.from], targets: [edge.to] })),
    };
}

/** ELK's result as the page draws it. */
export function fromElk(out: ElkNode, model: FactoryGraphModel, key: string): GraphLayout {
    const nodes = new Map<string, PlacedNode>();
    for (const child of out.children ?? []) {
        const width = child.width ?? 0;
        const height = child.height ?? NODE_HEIGHT;
        nodes.set(child.id, { id: child.id, x: (child.x ?? 0) + width / 2, y: (child.y ?? 0) + height / 2, width, height });
    }
    const byId = new Map((out.edges ?? []).map((e) => [e.id, e as ElkExtendedEdge]));
    const edges = model.edges.map((edge, index): PlacedEdge => {
        const section = byId.get(`e${index}`)?.sections?.[0];
        const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : straight(nodes.get(edge.from)!, nodes.get(edge.to)!);
        return { index, points, labelAt: middle(points) };
    });
    return { key, engine: 'elk', nodes, edges, width: out.width ?? 0, height: out.height ?? 0 };
}
