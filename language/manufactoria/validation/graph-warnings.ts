// Editor-only findings the reference never reports. They are warnings or infos, never errors, so a
// program the reference accepts shows no error (issue 3). Each has a stable code.
import type { ValidationAcceptor } from 'langium';
import { DiagnosticTag } from 'vscode-languageserver-types';
import type { Node, Program } from '../generated/ast.js';
import { ProgramGraph } from '../model/program-graph.js';
import { isPainter, isPuller, PULLER_CONDITIONS } from '../model/vocabulary.js';
import { propertyRange } from './property-range.js';

export const WARNING_CODES = {
    endKeywordTarget: 'end-keyword-target',
    unreachable: 'unreachable-node',
    unused: 'unused-node',
    implicitNone: 'implicit-none-route',
    noAcceptingPath: 'no-accepting-path',
    endlessLoop: 'endless-painter-loop',
    shadowedRoute: 'shadowed-route',
} as const;

export function checkGraphWarnings(program: Program, accept: ValidationAcceptor): void {
    const graph = new ProgramGraph(program);
    endKeywordTargets(graph, accept);
    shadowedRoutes(graph, accept);
    const start = graph.byName.get('start');
    if (!start || start.kind !== 'START') return;
    const reachable = graph.reachableFromStart();
    unusedAndUnreachable(graph, reachable, accept);
    implicitNoneRoutes(reachable, accept);
    const end = graph.byName.get('end');
    if (end && end.kind === 'END' && !reachable.has(end)) {
        accept('warning', "No route leads from 'start' to 'end': every tape is rejected", { node: start, property: 'name', range: propertyRange(start, 'name'), code: WARNING_CODES.noAcceptingPath });
    }
    endlessPainterLoops(graph, reachable, accept);
}

function endKeywordTargets(graph: ProgramGraph, accept: ValidationAcceptor): void {
    if (graph.byName.has('END')) return; // a node really named END runs normally
    for (const edge of graph.edges) {
        if (edge.target !== 'END') continue;
        accept('warning', "'END' never accepts: at run time it is an unknown node (rejected with 'Unknown node: END'). Did you mean 'end'?",
            { node: edge.route, property: 'target', range: propertyRange(edge.route, 'target'), code: WARNING_CODES.endKeywordTarget, data: { code: WARNING_CODES.endKeywordTarget } });
    }
}

/** A puller route whose condition an earlier route of the same puller already takes (the first match wins). */
function shadowedRoutes(graph: ProgramGraph, accept: ValidationAcceptor): void {
    for (const node of graph.byName.values()) {
        if (!isPuller(node.kind)) continue;
        for (const route of node.routes) {
            // A condition the puller cannot read is a reference error already.
            if (route.condition === undefined || !PULLER_CONDITIONS[node.kind].includes(route.condition)) continue;
            const earlier = graph.shadowedBy(route)?.$cstNode;
            if (!earlier) continue;
            accept('warning', `Never taken: the [${route.condition}] route on line ${earlier.range.start.line + 1} comes first (a puller follows the first route that matches)`,
                { node: route, property: 'condition', range: propertyRange(route, 'condition'), code: WARNING_CODES.shadowedRoute, tags: [DiagnosticTag.Unnecessary] });
        }
    }
}

function unusedAndUnreachable(graph: ProgramGraph, reachable: Set<Node>, accept: ValidationAcceptor): void {
    const referenced = new Set(graph.edges.map((e) => graph.resolve(e.target)));
    for (const node of graph.byName.values()) {
        if (reachable.has(node) || node.kind === 'START') continue;
        if (node.name === 'NONE') {
            accept('warning', "A node named 'NONE' can never run: the target NONE always rejects", { node, property: 'name', range: propertyRange(node, 'name'), code: WARNING_CODES.unreachable, tags: [DiagnosticTag.Unnecessary] });
        } else if (!referenced.has(node)) {
            accept('warning', `Node '${node.name}' is never used: no route leads to it`, { node, property: 'name', range: propertyRange(node, 'name'), code: WARNING_CODES.unused, tags: [DiagnosticTag.Unnecessary] });
        } else {
            accept('warning', `Node '${node.name}' is unreachable from 'start'`, { node, property: 'name', range: propertyRange(node, 'name'), code: WARNING_CODES.unreachable, tags: [DiagnosticTag.Unnecessary] });
        }
    }
}

function implicitNoneRoutes(reachable: Set<Node>, accept: ValidationAcceptor): void {
    for (const node of reachable) {
        if (!isPuller(node.kind)) continue;
        const have = new Set(node.routes.map((r) => r.condition));
        const missing = PULLER_CONDITIONS[node.kind].filter((c) => !have.has(c));
        if (missing.length === 0) continue;
        const list = missing.map((c) => `[${c}]`).join(', ');
        accept('info', `${node.kind} '${node.name}' has no ${list} route: ${missing.length > 1 ? 'those go' : 'it goes'} to NONE (rejected)`,
            { node, property: 'name', range: propertyRange(node, 'name'), code: WARNING_CODES.implicitNone });
    }
}

/** A cycle through START/painter nodes only never consumes a symbol, so it runs into the step limit. */
function endlessPainterLoops(graph: ProgramGraph, reachable: Set<Node>, accept: ValidationAcceptor): void {
    // START, like a painter, has one successor and consumes nothing.
    const neverReads = (n: Node) => isPainter(n.kind) || n.kind === 'START';
    // Every node's walk is followed once: a walk that meets a node an earlier walk passed ends there,
    // since whatever lies ahead of it (a loop, already reported, or none) was seen then. Walking again
    // from each node cost O(n²) steps on a chain of n painters (minutes at 4,000, on every keystroke).
    const walked = new Set<Node>();
    for (const first of reachable) {
        if (!neverReads(first) || walked.has(first)) continue;
        // Painters have one successor, so following NEXT either leaves painters or closes a loop.
        const trail = new Map<Node, number>();
        let node: Node | undefined = first;
        while (node && neverReads(node) && !trail.has(node) && !walked.has(node)) {
            trail.set(node, trail.size);
            node = graph.successors(node)[0];
        }
        for (const n of trail.keys()) walked.add(n);
        if (!node || !trail.has(node)) continue;
        const loop = [...trail.keys()].slice(trail.get(node));
        const names = [...loop.map((n) => n.name), node.name].join(' → ');
        accept('warning', `Endless loop ${names}: no puller in it, so the tape only grows until the 1000-step limit rejects the robot`,
            { node, property: 'name', range: propertyRange(node, 'name'), code: WARNING_CODES.endlessLoop });
    }
}
