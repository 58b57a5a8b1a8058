// Hover on keywords, ids, targets and conditions: what the thing does at run time.
import { AstUtils, CstUtils, type LangiumDocument } from 'langium';
import type { HoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import { isNode, isRoute, type Node, type Program } from '../language/manufactoria/generated/ast.js';
import { conditionDoc, kindEffect, NODE_KIND_DOCS, TARGET_DOCS } from '../language/manufactoria/model/node-docs.js';
import { isNodeKind } from '../language/manufactoria/model/vocabulary.js';
import { ProgramGraph } from '../language/manufactoria/model/program-graph.js';
import { directiveHover } from './solution-tests/directive-hover.js';
import type { SolutionTestService } from './solution-tests/solution-service.js';

export class ManufactoriaHoverProvider implements HoverProvider {
    constructor(private readonly solutions: SolutionTestService) {}

    async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        // Directives live in comments, which have no AST node of their own.
        const directive = await directiveHover(document, params.position, this.solutions);
        if (directive) return directive;
        return this.programHover(document, params);
    }

    private programHover(document: LangiumDocument, params: HoverParams): Hover | undefined {
        const root = document.parseResult.value.$cstNode;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, offset);
        if (!leaf || leaf.hidden) return undefined;
        const token = leaf.tokenType.name;
        // Node kinds share one token type; NEXT is a keyword of its own.
        const word = token === 'NODE_KIND' ? leaf.text : token;
        const graph = new ProgramGraph(AstUtils.getContainerOfType(leaf.astNode, (n): n is Program => n.$type === 'Program')!);
        let markdown: string | undefined;
        if (NODE_KIND_DOCS[word] && (isNode(leaf.astNode) || token === 'NEXT')) {
            markdown = NODE_KIND_DOCS[word];
        } else if (token === 'COND' && isRoute(leaf.astNode)) {
            const earlier = graph.shadowedBy(leaf.astNode)?.$cstNode;
            markdown = conditionDoc(leaf.text.slice(1, -1), leaf.astNode.$container.kind, earlier && earlier.range.start.line + 1);
        } else if (token === 'ID' && isNode(leaf.astNode)) {
            markdown = describeNode(graph, leaf.astNode);
        } else if (token === 'ID' && isRoute(leaf.astNode)) {
            markdown = describeTarget(graph, leaf.text);
        }
        return markdown ? { contents: { kind: 'markdown', value: markdown }, range: leaf.range } : undefined;
    }
}

function describeNode(graph: ProgramGraph, node: Node): string {
    const effect = isNodeKind(node.kind) ? ` — ${kindEffect(node.kind)}` : '';
    return `\`${node.kind} ${node.name}\`${effect}\n\nRoutes: ${graph.describeRoutes(node)}`;
}

function describeTarget(graph: ProgramGraph, target: string): string {
    if (target === 'NONE') return TARGET_DOCS.NONE;
    const node = graph.resolve(target);
    if (target === 'END' && !node) return TARGET_DOCS.END_TRAP;
    if (!node) return `\`${target}\` — not declared: the reference rejects the program (undefined node).`;
    const intro = target === 'end' ? `${TARGET_DOCS.end}\n\n` : '';
    return `${intro}${describeNode(graph, node)}`;
}
