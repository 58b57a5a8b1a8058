// Descriptions of nodes and references, computed when they are read rather than on every keystroke.
import {
    AstUtils, Cancellation, CstUtils, DefaultAstNodeDescriptionProvider, DefaultReferenceDescriptionProvider, interruptAndCheck,
    type AstNode, type AstNodeDescription, type AstNodeLocator, type DocumentSegment, type LangiumDocument, type NameProvider, type ReferenceDescription,
    type URI,
} from 'langium';
import { allAstNodes, CHECK_INTERVAL, forEachReference } from './ast-walk.js';

/**
 * Same descriptions as Langium's, but the path and the segments (CST ranges) are computed on first
 * read. Scopes and local symbols describe every node on every build, and most of those descriptions
 * are only ever asked for their name and node. (A class: an object literal with getters cost a
 * closure context and three functions per description.)
 */
export class ManufactoriaAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const documentUri = (document ?? AstUtils.getDocument(node)).uri;
        name ??= this.nameProvider.getName(node);
        if (!name) throw new Error(`Node at path ${this.astNodeLocator.getAstNodePath(node)} has no name.`);
        return new LazyNodeDescription(node, name, documentUri, this.astNodeLocator, this.nameProvider);
    }
}

const NOT_COMPUTED = Symbol('not computed');

class LazyNodeDescription implements AstNodeDescription {
    readonly type: string;
    private computedPath: string | typeof NOT_COMPUTED = NOT_COMPUTED;
    private computedSelection: DocumentSegment | undefined | typeof NOT_COMPUTED = NOT_COMPUTED;
    private computedNameSegment: DocumentSegment | undefined | typeof NOT_COMPUTED = NOT_COMPUTED;

    constructor(readonly node: AstNode, readonly name: string, readonly documentUri: URI, private readonly locator: AstNodeLocator, private readonly names: NameProvider) {
        this.type = node.$type;
    }

    get path(): string {
        if (this.computedPath === NOT_COMPUTED) this.computedPath = this.locator.getAstNodePath(this.node);
        return this.computedPath;
    }

    get selectionSegment(): DocumentSegment | undefined {
        if (this.computedSelection === NOT_COMPUTED) this.computedSelection = CstUtils.toDocumentSegment(this.node.$cstNode);
        return this.computedSelection;
    }

    get nameSegment(): DocumentSegment | undefined {
        if (this.computedNameSegment === NOT_COMPUTED) this.computedNameSegment = CstUtils.toDocumentSegment(this.names.getNameNode(this.node) ?? this.node.$cstNode);
        return this.computedNameSegment;
    }
}

/**
 * Langium's reference descriptions with the AST walk of ast-walk.ts, plus a synchronous variant so
 * the index manager can build a document's reference index only when someone asks for it.
 */
export class ManufactoriaReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        const nodes = allAstNodes(document.parseResult.value);
        for (let i = 0; i < nodes.length; i++) {
            if (i % CHECK_INTERVAL === 0) await interruptAndCheck(cancelToken);
            this.describeReferences(nodes[i], descriptions);
        }
        return descriptions;
    }

    createDescriptionsSync(document: LangiumDocument): ReferenceDescription[] {
        const descriptions: ReferenceDescription[] = [];
        for (const node of allAstNodes(document.parseResult.value)) this.describeReferences(node, descriptions);
        return descriptions;
    }

    private describeReferences(node: AstNode, into: ReferenceDescription[]): void {
        forEachReference(node, (info) => {
            if (!info.reference.error) into.push(...this.createInfoDescriptions(info));
        });
    }
}
