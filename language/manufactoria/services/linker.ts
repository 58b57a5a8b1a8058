import { Cancellation, DefaultLinker, interruptAndCheck, type LangiumDocument, type ReferenceInfo } from 'langium';
import { allAstNodes, CHECK_INTERVAL, forEachReference } from './ast-walk.js';

/** The default linker, walking the AST without a stream per node (see ast-walk.ts). Same order, same results. */
export class ManufactoriaLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
        const nodes = allAstNodes(document.parseResult.value);
        const link = (ref: ReferenceInfo) => this.doLink(ref, document);
        for (let i = 0; i < nodes.length; i++) {
            if (i % CHECK_INTERVAL === 0) await interruptAndCheck(cancelToken);
            forEachReference(nodes[i], link);
        }
    }
}
