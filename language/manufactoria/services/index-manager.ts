import { Cancellation, DefaultIndexManager, type AstNode, type LangiumDocument, type ReferenceDescription, type Stream, type URI } from 'langium';

interface SyncReferenceDescriptions {
    createDescriptionsSync(document: LangiumDocument): ReferenceDescription[];
}

const isSync = (provider: object): provider is SyncReferenceDescriptions =>
    typeof (provider as Partial<SyncReferenceDescriptions>).createDescriptionsSync === 'function';

/**
 * Builds a document's reference index on first use instead of in every build. The index only serves
 * find-references/rename and the check whether other documents must be relinked; Manufactoria ids
 * are local to their program, so on a keystroke nobody reads it, yet describing every reference of
 * a 1,000-node program took several milliseconds per build.
 */
export class ManufactoriaIndexManager extends DefaultIndexManager {
    /** Documents that were linked but whose reference descriptions are not computed yet, by URI. */
    protected readonly pendingReferences = new Map<string, LangiumDocument>();

    override async updateReferences(document: LangiumDocument, cancelToken?: Cancellation.CancellationToken): Promise<void> {
        const provider = this.serviceRegistry.getServices(document.uri).workspace.ReferenceDescriptionProvider;
        if (!isSync(provider)) return super.updateReferences(document, cancelToken);
        const uri = document.uri.toString();
        this.referenceIndex.delete(uri);
        this.pendingReferences.set(uri, document);
    }

    override removeReferences(uri: URI): void {
        this.pendingReferences.delete(uri.toString());
        super.removeReferences(uri);
    }

    override findAllReferences(targetNode: AstNode, astNodePath: string): Stream<ReferenceDescription> {
        for (const uri of [...this.pendingReferences.keys()]) this.materialize(uri);
        return super.findAllReferences(targetNode, astNodePath);
    }

    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        this.materialize(document.uri.toString());
        return super.isAffected(document, changedUris);
    }

    /** The reference descriptions of one document, computing them now if they are pending. */
    protected materialize(uri: string): void {
        const document = this.pendingReferences.get(uri);
        if (!document) return;
        this.pendingReferences.delete(uri);
        const provider = this.serviceRegistry.getServices(document.uri).workspace.ReferenceDescriptionProvider as unknown as SyncReferenceDescriptions;
        this.referenceIndex.set(uri, provider.createDescriptionsSync(document));
    }
}
