import type { LangiumDocument } from 'langium';
import type { FoldingRangeProvider } from 'langium/lsp';
import type { FoldingRange } from 'vscode-languageserver';
import type { Program } from '../language/manufactoria/generated/ast.js';

/** One fold per node with routes: from its declaration to its last route line. */
export class ManufactoriaFoldingRangeProvider implements FoldingRangeProvider {
    getFoldingRanges(document: LangiumDocument): FoldingRange[] {
        const program = document.parseResult.value as Program;
        return program.nodes.flatMap((node) => {
            const first = node.$cstNode;
            const last = node.routes.at(-1)?.$cstNode;
            if (!first || !last) return [];
            const startLine = document.textDocument.positionAt(first.offset).line;
            const endLine = document.textDocument.positionAt(last.end).line;
            return endLine > startLine ? [{ startLine, endLine }] : [];
        });
    }
}
