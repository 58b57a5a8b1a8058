// The factory as a drawable graph: declared nodes with their kind and lines, one edge per route
// (labelled R, B, Y, G, EMPTY or NEXT, plus a puller's implicit routes to NONE), and sinks for NONE
// and for targets that name no node. Reachability marks what can run and what can still accept.
import type { Program } from '../generated/ast.js';
import { ProgramGraph } from './program-graph.js';
import { isPuller, PULLER_CONDITIONS } from './vocabulary.js';
import type { FactoryEdge, FactoryGraphModel, FactoryNode } from './factory-graph-shape.js';

/** The NONE sink of a node's routes. */
export const noneSink = (from: string) => `s:NONE@${from}`;

export function factoryGraph(program: Program): FactoryGraphModel {
    const graph = new ProgramGraph(program);
    const nodes: FactoryNode[] = [];
    const edges: FactoryEdge[] = [];
    const sinks = new Map<string, FactoryNode>();
    const sink = (id: string, name: string, kind: string) => {
        let node = sinks.get(id);
        if (!node) sinks.set(id, node = { id, name, kind, reachable: false, reachesEnd: false });
        return node;
    };
    for (const node of graph.byName.values()) {
        const range = node.$cstNode?.range;
        nodes.push({
            id: `n:${node.name}`, name: node.name!, kind: node.kind!,
            ...(range ? { line: range.start.line, endLine: range.end.line } : {}),
            reachable: false, reachesEnd: false,
        });
    }
    for (const edge of graph.edges) {
        const to = graph.resolve(edge.target);
        // `END` is never an undefined target (docs/manufactoria.md §4 rule m): the program is valid, the robot is rejected there.
        const undeclared = () => sink(`u:${edge.target}`, edge.target, edge.target === 'END' ? 'UNKNOWN' : 'UNDEFINED').id;
        const target = to ? `n:${to.name}` : edge.target === 'NONE' ? sink(noneSink(edge.from.name!), 'NONE', 'NONE').id : undeclared();
        edges.push({ from: `n:${edge.from.name}`, to: target, label: edge.port, ...(graph.shadowedBy(edge.route) ? { shadowed: true } : {}) });
    }
    for (const node of graph.byName.values()) {
        if (!isPuller(node.kind)) continue;
        const have = new Set(node.routes.map((r) => r.condition));
        for (const condition of PULLER_CONDITIONS[node.kind]) {
            if (!have.has(condition)) edges.push({ from: `n:${node.name}`, to: sink(noneSink(node.name!), 'NONE', 'NONE').id, label: condition, implicit: true });
        }
    }
    for (const node of sinks.values()) nodes.push(node); // not push(...): one argument per sink overflows the stack past ~120,000
    markReachability(nodes, edges);
    return { nodes, edges };
}

function markReachability(nodes: FactoryNode[], edges: FactoryEdge[]): void {
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const out = new Map<string, string[]>();
    const into = new Map<string, string[]>();
    for (const e of edges) {
        if (e.shadowed) continue; // never taken
        (out.get(e.from) ?? out.set(e.from, []).get(e.from)!).push(e.to);
        (into.get(e.to) ?? into.set(e.to, []).get(e.to)!).push(e.from);
    }
    const walk = (from: string | undefined, next: Map<string, string[]>, mark: (n: FactoryNode) => void) => {
        const stack = from && byId.has(from) ? [from] : [];
        const seen = new Set<string>();
        while (stack.length) {
            const id = stack.pop()!;
            if (seen.has(id)) continue;
            seen.add(id);
            mark(byId.get(id)!);
            for (const n of next.get(id) ?? []) if (byId.has(n)) stack.push(n);
        }
    };
    const start = byId.get('n:start');
    walk(start?.kind === 'START' ? start.id : undefined, out, (n) => (n.reachable = true));
    const end = byId.get('n:end');
    walk(end?.kind === 'END' ? end.id : undefined, into, (n) => (n.reachesEnd = true));
}
