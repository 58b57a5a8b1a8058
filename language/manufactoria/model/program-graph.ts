// A name-resolved view of the declared nodes and their routes, for editor analyses (warnings,
// hover, code lenses). Only well-formed declarations and routes take part.
import type { Node, Program, Route } from '../generated/ast.js';
import { isPuller, PULLER_CONDITIONS } from './vocabulary.js';

export interface GraphEdge { from: Node; route: Route; port: string; target: string }

export class ProgramGraph {
    /** First declaration of each id (later duplicates are reference errors). */
    readonly byName = new Map<string, Node>();
    readonly edges: GraphEdge[] = [];
    private readonly next = new Map<Node, Node[]>();
    private readonly firstByCondition = new Map<Node, Map<string, Route>>();

    constructor(readonly program: Program) {
        for (const node of program.nodes) {
            if (node.name !== undefined && node.kind && !this.byName.has(node.name)) this.byName.set(node.name, node);
        }
        for (const node of this.byName.values()) {
            for (const route of node.routes) {
                const target = route.target?.$refText;
                if (target !== undefined) this.edges.push({ from: node, route, port: route.condition ?? 'NEXT', target });
            }
        }
        for (const edge of this.edges) {
            const to = this.resolve(edge.target);
            // A route an earlier one of its puller shadows is never taken: it leads nowhere at run time.
            if (!to || this.shadowedBy(edge.route)) continue;
            const list = this.next.get(edge.from);
            if (list) list.push(to); else this.next.set(edge.from, [to]);
        }
    }

    /** The node a target reaches at run time, if any: `NONE` is the terminal even when declared. */
    resolve(target: string): Node | undefined {
        return target === 'NONE' ? undefined : this.byName.get(target);
    }

    successors(node: Node): Node[] {
        return this.next.get(node) ?? [];
    }

    /** Nodes reachable from `start`, `start` included. */
    reachableFromStart(): Set<Node> {
        const seen = new Set<Node>();
        const start = this.byName.get('start');
        const stack = start ? [start] : [];
        while (stack.length) {
            const node = stack.pop()!;
            if (seen.has(node)) continue;
            seen.add(node);
            for (const next of this.successors(node)) stack.push(next); // not push(...): a puller can have 200,000 routes
        }
        return seen;
    }

    /**
     * The earlier route of the same puller with the same condition, if any: it takes every symbol
     * this one would, since a puller follows the first route that matches (docs/manufactoria.md §5).
     */
    shadowedBy(route: Route): Route | undefined {
        if (route.condition === undefined || route.target === undefined) return undefined;
        const first = this.firstRoutes(route.$container).get(route.condition);
        return first !== route ? first : undefined;
    }

    /**
     * A puller's first route of each condition, found in one pass over its routes. Looking back
     * from each route cost O(n²) on a long puller: 8 s per keystroke at 20,000 routes after 20,000
     * broken ones.
     */
    private firstRoutes(node: Node): Map<string, Route> {
        let first = this.firstByCondition.get(node);
        if (!first) {
            this.firstByCondition.set(node, first = new Map());
            for (const r of node.routes) if (r.condition !== undefined && r.target !== undefined && !first.has(r.condition)) first.set(r.condition, r);
        }
        return first;
    }

    /** Human-readable route list, e.g. `[R] → a, [R] → b (never taken), [EMPTY] → NONE (implicit)`. */
    describeRoutes(node: Node): string {
        const parts = node.routes.filter((r) => r.target).map((r) => `${r.condition ? `[${r.condition}]` : 'NEXT'} → ${r.target!.$refText}${this.shadowedBy(r) ? ' (never taken)' : ''}`);
        if (isPuller(node.kind)) {
            const have = new Set(node.routes.map((r) => r.condition));
            for (const c of PULLER_CONDITIONS[node.kind]) if (!have.has(c)) parts.push(`[${c}] → NONE (implicit)`);
        }
        return parts.length ? parts.join(', ') : 'no routes';
    }
}
