// Workspace symbols (Ctrl+T): every declared node of every Manufactoria document the server has
// loaded. Node ids are local to their program (nothing is exported to the index), so the default
// provider, which reads the index's exported symbols, would find nothing.
import type { LangiumSharedServices, WorkspaceSymbolProvider } from 'langium/lsp';
import { SymbolKind, type WorkspaceSymbol, type WorkspaceSymbolParams } from 'vscode-languageserver';
import type { Program } from '../language/manufactoria/generated/ast.js';

/** Enough to find a node by name; a workspace of generated programs can hold far more. */
const MAX_SYMBOLS = 5000;

export class ManufactoriaWorkspaceSymbolProvider implements WorkspaceSymbolProvider {
    constructor(private readonly shared: LangiumSharedServices) {}

    getSymbols(params: WorkspaceSymbolParams): WorkspaceSymbol[] {
        const query = params.query.toLowerCase();
        const matcher = this.shared.lsp.FuzzyMatcher;
        const symbols: WorkspaceSymbol[] = [];
        for (const document of this.shared.workspace.LangiumDocuments.all) {
            const program = document.parseResult.value as Program;
            if (!Array.isArray(program.nodes)) continue;
            const file = document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1);
            for (const node of program.nodes) {
                if (node.name === undefined || !node.kind || !node.$cstNode) continue;
                if (query && !matcher.match(query, node.name.toLowerCase())) continue;
                symbols.push({
                    name: node.name, kind: node.kind === 'START' || node.kind === 'END' ? SymbolKind.Event : SymbolKind.Function,
                    containerName: `${node.kind} · ${file}`,
                    location: { uri: document.uri.toString(), range: node.$cstNode.range },
                });
                if (symbols.length >= MAX_SYMBOLS) return symbols;
            }
        }
        return symbols;
    }
}
