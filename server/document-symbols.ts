import type { AstNode, CstNode, LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import type { DocumentSymbol } from 'vscode-languageserver';
import { isNode } from '../language/manufactoria/generated/ast.js';

/** Outline entries show each node's kind beside its id. */
export class ManufactoriaDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    protected override createSymbol(document: LangiumDocument, astNode: AstNode, cstNode: CstNode, nameNode: CstNode, computedName?: string): DocumentSymbol {
        const symbol = super.createSymbol(document, astNode, cstNode, nameNode, computedName);
        if (isNode(astNode) && astNode.kind) symbol.detail = astNode.kind;
        return symbol;
    }
}
