import { Cancellation, DefaultScopeComputation, interruptAndCheck, MultiMap, type AstNode, type AstNodeDescription, type LangiumDocument, type LocalSymbols } from 'langium';
import { allAstNodes, CHECK_INTERVAL } from './ast-walk.js';

/** Node ids are local to their program: nothing is exported to other documents. */
export class ManufactoriaScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(): Promise<AstNodeDescription[]> {
        return [];
    }

    /** The default local symbols, collected without a stream per AST node (see ast-walk.ts). */
    override async collectLocalSymbols(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<LocalSymbols> {
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        const nodes = allAstNodes(document.parseResult.value);
        for (let i = 1; i < nodes.length; i++) { // nodes[0] is the root, which streamAllContents leaves out
            if (i % CHECK_INTERVAL === 1) await interruptAndCheck(cancelToken);
            this.addLocalSymbol(nodes[i], document, symbols);
        }
        return symbols;
    }
}
