// The range Langium gives a diagnostic reported as `{ node, property }` (GrammarUtils.findNodeForProperty:
// the first CST node, in document order within the node's own CST, that the grammar assigns to the
// property), found without the helper's per-child arrays. Graph warnings can name a thousand nodes
// on one keystroke, so the lookup runs once per warning.
import { GrammarAST, isCompositeCstNode, type AstNode, type CstNode } from 'langium';
import type { Range } from 'vscode-languageserver-types';

const featureOf = new WeakMap<GrammarAST.AbstractElement, string | undefined>();

/** The feature of the assignment that contains a grammar element (cached: grammars do not change). */
function assignedFeature(element: GrammarAST.AbstractElement | undefined): string | undefined {
    if (!element) return undefined;
    if (featureOf.has(element)) return featureOf.get(element);
    let container: AstNode | undefined = element;
    while (container && !GrammarAST.isAssignment(container)) container = container.$container;
    const feature = container ? (container as GrammarAST.Assignment).feature : undefined;
    featureOf.set(element, feature);
    return feature;
}

function firstNodeForProperty(cst: CstNode, property: string, element: AstNode, first: boolean): CstNode | undefined {
    if (!first && assignedFeature(cst.grammarSource as GrammarAST.AbstractElement | undefined) === property) return cst;
    if (isCompositeCstNode(cst) && cst.astNode === element) {
        for (const child of cst.content) {
            const found = firstNodeForProperty(child, property, element, false);
            if (found) return found;
        }
    }
    return undefined;
}

/** The diagnostic range of `{ node, property }`, as Langium's DocumentValidator computes it. */
export function propertyRange(node: AstNode, property: string): Range {
    const cst = node.$cstNode;
    const target = (cst && firstNodeForProperty(cst, property, node, true)) ?? cst;
    return target ? target.range : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}
