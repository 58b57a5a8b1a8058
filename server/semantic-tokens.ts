import type { AstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { isNode, isRoute } from '../language/manufactoria/generated/ast.js';

/** Node kinds as types, ids as declarations/references, conditions as enum members, NONE/end as constants. */
export class ManufactoriaSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        if (isNode(node) && node.kind) {
            acceptor({ node, property: 'kind', type: SemanticTokenTypes.keyword });
            acceptor({ node, property: 'name', type: SemanticTokenTypes.function, modifier: SemanticTokenModifiers.declaration });
        } else if (isRoute(node) && node.target) {
            if (node.condition !== undefined) acceptor({ node, property: 'condition', type: SemanticTokenTypes.enumMember });
            if (node.next) acceptor({ node, property: 'next', type: SemanticTokenTypes.keyword });
            const target = node.target.$refText;
            const terminal = target === 'NONE' || target === 'end' || (target === 'END' && !node.target.ref);
            acceptor({ node, property: 'target', type: terminal ? SemanticTokenTypes.enumMember : SemanticTokenTypes.function,
                modifier: terminal ? SemanticTokenModifiers.readonly : undefined });
        }
    }
}
