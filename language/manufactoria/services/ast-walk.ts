// Allocation-light AST traversal for the per-keystroke build phases. Langium's `streamAst` and
// `streamReferences` build a stream, an iterator and a key list per node; on a 1,000-node program
// that overhead was a large part of linking, reference indexing and validation. These walkers visit
// the same nodes and references in the same (pre-)order.
import { isAstNode, isMultiReference, isReference, type AstNode, type ReferenceInfo } from 'langium';

/**
 * How many AST nodes a build phase handles between two `interruptAndCheck` calls. Langium checks
 * before every node; each check is an `await`, and thousands of them per phase cost more (time and
 * garbage) than the work in between. A few dozen small nodes take microseconds, so cancellation
 * and yielding stay prompt.
 */
export const CHECK_INTERVAL = 64;

/** Calls `visit` for `root` and every node it contains, parents before children, in property order (as `streamAst`). */
export function forEachAstNode(root: AstNode, visit: (node: AstNode) => void): void {
    visit(root);
    for (const key in root) { // AST nodes are plain objects: `for in` sees what `Object.keys` lists, without an array per node
        if (key.charCodeAt(0) === 36 /* $ */) continue;
        const value = (root as unknown as Record<string, unknown>)[key];
        if (Array.isArray(value)) {
            for (const element of value) if (isAstNode(element)) forEachAstNode(element, visit);
        } else if (isAstNode(value)) {
            forEachAstNode(value, visit);
        }
    }
}

/** `root` and all its descendants, in `streamAst` order. */
export function allAstNodes(root: AstNode): AstNode[] {
    const nodes: AstNode[] = [];
    forEachAstNode(root, (node) => nodes.push(node));
    return nodes;
}

/** The references held directly by `node`, as `streamReferences` yields them. */
export function forEachReference(node: AstNode, visit: (info: ReferenceInfo) => void): void {
    for (const property in node) {
        if (property.charCodeAt(0) === 36 /* $ */) continue;
        const value = (node as unknown as Record<string, unknown>)[property];
        if (isReference(value) || isMultiReference(value)) {
            visit({ reference: value, container: node, property });
        } else if (Array.isArray(value)) {
            // An index loop: a callback here would capture `property` and cost a context per key and node.
            for (let index = 0; index < value.length; index++) {
                const element: unknown = value[index];
                if (isReference(element) || isMultiReference(element)) visit({ reference: element, container: node, property, index });
            }
        }
    }
}
