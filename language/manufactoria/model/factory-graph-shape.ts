// The factory graph the server sends and the graph webview draws, as types only: the webview names
// them without loading the parser's AST types that factory-graph.ts builds the graph from.
export interface FactoryNode {
    /**
     * `n:<name>` for declared nodes, `u:<name>` for an undefined target (or `END`), `s:NONE@<name>` for the
     * rejecting sink of node <name>'s NONE routes: one per node, drawn beside it, so a layered
     * layout does not drag edges from every rank into one shared sink.
     */
    id: string;
    name: string;
    /**
     * A node kind, or for sinks: `NONE`, `UNDEFINED` (a target nobody declares: the program is
     * rejected), `UNKNOWN` (the target `END` when no node is called so: the program is valid, the
     * robot is rejected there with `Unknown node: END`).
     */
    kind: string;
    /** 0-based lines of the declaration and of its last route (declared nodes only). */
    line?: number;
    endLine?: number;
    /** Reachable from `start` (sinks: reached by a reachable node). */
    reachable: boolean;
    /** Some path leads from it to `end` (false for sinks). */
    reachesEnd: boolean;
}

export interface FactoryEdge {
    from: string;
    to: string;
    /** `R`, `B`, `Y`, `G`, `EMPTY` or `NEXT`. */
    label: string;
    /** A puller condition without a route: it goes to NONE at run time. */
    implicit?: boolean;
    /** A route an earlier route of its puller with the same condition shadows: never taken. */
    shadowed?: boolean;
}

export interface FactoryGraphModel {
    nodes: FactoryNode[];
    edges: FactoryEdge[];
}
