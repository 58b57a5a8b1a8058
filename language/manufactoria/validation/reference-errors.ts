// Every error the reference parser can raise (docs/manufactoria.md §4), found on the parsed AST. The reference stops
// at its first error; the editor wants them all. Each error therefore carries the reference's check
// order as a sortable key, and the verdict is simply the smallest key (see verdict.ts).
import { CstUtils, isCompositeCstNode, type AstNode, type CstNode } from 'langium';
import type { Node, Program } from '../generated/ast.js';
import { layoutOf, type LayoutLine, type ReferenceLayout } from '../lexing/reference-layout.js';
import { isPainter, isPuller, isUndeclaredTargetAllowed, PULLER_CONDITIONS } from '../model/vocabulary.js';
import { firstTokenOffsetOf } from '../services/parser.js';

export type ReferenceErrorCode =
    | 'empty-program' | 'invalid-declaration' | 'end-colon' | 'missing-colon' | 'duplicate-id'
    | 'start-id' | 'end-id' | 'invalid-route' | 'end-routes' | 'start-route-count' | 'invalid-condition'
    | 'painter-route-count' | 'missing-start' | 'missing-end' | 'undefined-target';

export interface ReferenceError {
    code: ReferenceErrorCode;
    /** The reference's message, without the `Line N: ` prefix. */
    message: string;
    /** The reference's line number, or null for the program-level errors that have none. */
    line: number | null;
    /** Document offsets of the text the error is about (the whole offending line for line errors). */
    start: number;
    end: number;
    /** The reference's check order: the error with the smallest key is the one it reports. */
    order: number[];
    /** Where a checker finds the AST element the error belongs to. */
    node: AstNode;
    /** For an undefined target: offsets of the target token, so the editor can mark it too. */
    target?: { start: number; end: number };
}

// Stages of the per-node checks, in the reference's order (docs/manufactoria.md §4 rules a–j).
const STAGE = { declaration: 0, colon: 1, duplicate: 2, reservedId: 3, route: 4, startCount: 5, condition: 6, painterCount: 7 } as const;
const PROGRAM_PHASE = 1;

/** `layout` is layoutOf(text), computed only when an error needs a line if not given. */
export function referenceErrors(program: Program, text: string, layout?: ReferenceLayout): ReferenceError[] {
    const lines = new LineIndex(layout, text);
    const errors: ReferenceError[] = [];
    const declared = new Map<string, Node>();
    const emit = (code: ReferenceErrorCode, message: string, node: AstNode, line: LayoutLine | null, order: number[]) =>
        errors.push({
            code, message, node, order,
            line: line ? line.number : null,
            start: line ? line.contentStart : 0,
            end: line ? line.contentEnd : 0,
        });

    if (program.nodes.length === 0) {
        emit('empty-program', 'Empty program', program, null, [-1]);
        return errors;
    }

    // Line lookups walk the CST, so they are made only for the lines that get an error. (Plain loops:
    // this runs over every node and route on every keystroke.)
    const declLines = new Map<number, LayoutLine>();
    const declLine = (index: number) => {
        let line = declLines.get(index);
        if (!line) declLines.set(index, line = lines.at(lineOffsetOf(program.nodes[index])));
        return line;
    };
    const at = (index: number, stage: number, ...rest: number[]) => [0, index, stage, ...rest];

    for (let index = 0; index < program.nodes.length; index++) {
        const node = program.nodes[index];
        if (node.invalid !== undefined || !node.kind || node.name === undefined) {
            // Rule a. The reference never looks at the routes under a broken declaration.
            emit('invalid-declaration', `Invalid node declaration: ${node.invalid ?? ''}`, node, declLine(index), at(index, STAGE.declaration));
            continue;
        }
        const kind = node.kind;
        if (kind === 'END' && node.colon) emit('end-colon', 'END nodes should not have a colon', node, declLine(index), at(index, STAGE.colon));
        if (kind !== 'END' && !node.colon) emit('missing-colon', `${kind} nodes must have a colon`, node, declLine(index), at(index, STAGE.colon));
        if (declared.has(node.name)) {
            emit('duplicate-id', `Duplicate node ID: ${node.name}`, node, declLine(index), at(index, STAGE.duplicate));
        } else {
            declared.set(node.name, node);
            if (kind === 'START' && node.name !== 'start') emit('start-id', "START node must have ID 'start'", node, declLine(index), at(index, STAGE.reservedId));
            if (kind === 'END' && node.name !== 'end') emit('end-id', "END node must have ID 'end'", node, declLine(index), at(index, STAGE.reservedId));
        }

        const puller = isPuller(kind);
        for (let r = 0; r < node.routes.length; r++) {
            const route = node.routes[r];
            if (kind === 'END') {
                emit('end-routes', 'END nodes cannot have routes', route, lines.at(lineOffsetOf(route)), at(index, STAGE.route, r));
            } else if (puller ? route.condition === undefined : !route.next) {
                const routeLine = lines.at(lineOffsetOf(route));
                const stripped = text.slice(routeLine.contentStart, routeLine.contentEnd);
                const format = puller ? 'puller' : 'NEXT';
                emit('invalid-route', `Invalid ${format} route format: ${stripped}`, route, routeLine, at(index, STAGE.route, r));
            }
        }

        if (kind === 'START' && node.routes.length !== 1) {
            emit('start-route-count', 'START node must have exactly one NEXT route', node, declLine(index), at(index, STAGE.startCount));
        }
        if (isPuller(kind)) {
            // The reference walks a set here, so with several bad conditions its choice is arbitrary;
            // source order is the deterministic stand-in (docs/manufactoria.md §4). `r` counts well-formed routes only.
            let reported: Set<string> | undefined;
            let r = -1;
            for (const route of node.routes) {
                if (route.target === undefined) continue;
                r++;
                const condition = route.condition;
                if (condition === undefined || PULLER_CONDITIONS[kind].includes(condition) || reported?.has(condition)) continue;
                (reported ??= new Set()).add(condition);
                emit('invalid-condition', `Invalid condition '${condition}' for ${kind}`, node, declLine(index), at(index, STAGE.condition, r));
            }
        }
        if (isPainter(kind) && node.routes.length !== 1) {
            emit('painter-route-count', 'PAINTER nodes must have exactly one NEXT route', node, declLine(index), at(index, STAGE.painterCount));
        }
    }

    if (!program.nodes.some((n) => n.kind === 'START')) emit('missing-start', 'Program must have a START node', program, null, [PROGRAM_PHASE, 0]);
    if (!program.nodes.some((n) => n.kind === 'END')) emit('missing-end', 'Program must have an END node', program, null, [PROGRAM_PHASE, 1]);

    for (let index = 0; index < program.nodes.length; index++) {
        const node = program.nodes[index];
        if (node.name === undefined || declared.get(node.name) !== node) continue;
        for (let r = 0; r < node.routes.length; r++) {
            const route = node.routes[r];
            const target = route.target?.$refText;
            if (target === undefined || isUndeclaredTargetAllowed(target) || declared.has(target)) continue;
            const before = errors.length;
            emit('undefined-target', `Node '${node.name}' references undefined node '${target}'`, node, declLine(index), [PROGRAM_PHASE, 2, index, r]);
            const targetNode = route.$cstNode && CstUtils.findLeafNodeAtOffset(route.$cstNode, route.target!.$refNode!.offset);
            if (targetNode) errors[before].target = { start: targetNode.offset, end: targetNode.end };
        }
    }
    return errors;
}

/** The error the reference reports: the first in its check order. */
export function firstReferenceError(errors: readonly ReferenceError[]): ReferenceError | undefined {
    let first: ReferenceError | undefined;
    for (const error of errors) if (!first || compareOrder(error.order, first.order) < 0) first = error;
    return first;
}

export function compareOrder(a: readonly number[], b: readonly number[]): number {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const d = (a[i] ?? -1) - (b[i] ?? -1);
        if (d !== 0) return d;
    }
    return 0;
}

/** `Line N: message`, or the bare message for errors without a line: the reference's error text. */
export function formatReferenceError(error: Pick<ReferenceError, 'message' | 'line'>): string {
    return error.line === null ? error.message : `Line ${error.line}: ${error.message}`;
}

/**
 * Offset of the node's first visible token: its declaration or route line. Hidden comment tokens
 * that Langium attaches to the node are skipped. (A CST walk, not a property search: this runs for
 * every node on every keystroke.) A node parsed without CST (ManufactoriaParser.parseAst) has the
 * offset its parse recorded.
 */
function lineOffsetOf(node: AstNode): number {
    const walk = (cst: CstNode): number | undefined => {
        if (isCompositeCstNode(cst)) {
            for (const child of cst.content) {
                const offset = walk(child);
                if (offset !== undefined) return offset;
            }
            return undefined;
        }
        return cst.hidden ? undefined : cst.offset;
    };
    if (!node.$cstNode) return firstTokenOffsetOf(node) ?? 0;
    return walk(node.$cstNode) ?? node.$cstNode.offset;
}

/** Finds the layout line that holds an offset. */
class LineIndex {
    constructor(private layout: ReferenceLayout | undefined, private readonly text: string) {}

    at(offset: number): LayoutLine {
        const lines = (this.layout ??= layoutOf(this.text)).lines;
        let low = 0;
        let high = lines.length - 1;
        while (low < high) {
            const mid = (low + high + 1) >> 1;
            if (lines[mid].start <= offset) low = mid; else high = mid - 1;
        }
        return lines[low];
    }
}
