// Renames node ids with their references. `start` and `end` are fixed by the reference, and a new
// id must be a Python word (docs/manufactoria.md §3), or the program would stop parsing.
import { CstUtils, type LangiumDocument } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { ResponseError, type Range, type RenameParams, type TextDocumentPositionParams, type WorkspaceEdit } from 'vscode-languageserver';
import { isNode, isRoute, type Program } from '../language/manufactoria/generated/ast.js';
import { isPyWord } from '../language/python/text.js';

const FIXED_IDS = new Set(['start', 'end', 'NONE']);

export class ManufactoriaRenameProvider extends DefaultRenameProvider {
    override prepareRename(document: LangiumDocument, params: TextDocumentPositionParams): Range | undefined {
        const leaf = this.idAt(document, params);
        if (!leaf) return undefined;
        if (FIXED_IDS.has(leaf.text)) throw new ResponseError(0, `'${leaf.text}' is fixed by the language and cannot be renamed`);
        if (isRoute(leaf.astNode) && !leaf.astNode.target?.ref) throw new ResponseError(0, `'${leaf.text}' is not a declared node`);
        return leaf.range;
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        this.prepareRename(document, params);
        if (!isPyWord(params.newName) || FIXED_IDS.has(params.newName)) {
            throw new ResponseError(0, `'${params.newName}' is not a valid node id (letters, digits and _ only; not start, end or NONE)`);
        }
        // A name already declared would be a duplicate id; one already used as a target (`END`, a typo)
        // would make those routes lead to the renamed node.
        const program = document.parseResult.value as Program;
        if (program.nodes.some((n) => n.name === params.newName || n.routes.some((r) => r.target?.$refText === params.newName))) {
            throw new ResponseError(0, `'${params.newName}' is already a node id or a route target in this program`);
        }
        return super.rename(document, params);
    }

    private idAt(document: LangiumDocument, params: TextDocumentPositionParams) {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.position));
        if (!leaf || leaf.tokenType.name !== 'ID' || !(isNode(leaf.astNode) || isRoute(leaf.astNode))) return undefined;
        return leaf;
    }
}
