// Edits arrive faster than a document can be rebuilt (a paste, generated text, a client replaying
// changes). Langium cancels a build when the next edit is processed, but each edit still starts a
// build of its own, and a build that finishes before the next edit is read validates a version that
// is already outdated. Here an edit (1) cancels the running build at once and marks the document
// changed, so requests wait for the new text instead of answering from the old parse, and (2) starts
// the rebuild only once the edits pause (BURST_QUIET_MS), or at the latest BURST_MAX_MS after the
// first of them: a burst ends in one build, of its latest version. See docs/editor.md.
import { DefaultDocumentBuilder, DocumentState, URI, type LangiumDocument, type LangiumDocuments } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export const BURST_QUIET_MS = 20;
export const BURST_MAX_MS = 150;

/** Langium's builder, able to mark one document changed ahead of the update that rebuilds it. */
export class EditAwareDocumentBuilder extends DefaultDocumentBuilder {
    /**
     * Requests wait for a document's state; with the builder's own state left at "validated" they
     * would fail instead ("workspace state is already Validated"), so both go back to Changed.
     */
    markChanged(document: LangiumDocument): void {
        this.resetToState(document, DocumentState.Changed);
        this.currentState = Math.min(this.currentState, DocumentState.Changed);
    }
}

export class CoalescingDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly documents: LangiumDocuments;
    private readonly pending = new Set<string>();
    private quiet: NodeJS.Timeout | undefined;
    private deadline: NodeJS.Timeout | undefined;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.documents = services.workspace.LangiumDocuments;
    }

    override didChangeContent(change: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(change.document.uri);
        this.pending.add(uri.toString());
        const document = this.documents.getDocument(uri);
        // A document the server has not seen yet is built at once: requests need it to exist.
        if (!document || !(this.documentBuilder instanceof EditAwareDocumentBuilder)) return this.flush();
        // The running build works on text that is no longer the document's: stop it at its next check.
        this.workspaceLock.cancelWrite();
        this.documentBuilder.markChanged(document);
        clearTimeout(this.quiet);
        this.quiet = setTimeout(() => this.flush(), BURST_QUIET_MS);
        this.deadline ??= setTimeout(() => this.flush(), BURST_MAX_MS);
    }

    private flush(): void {
        clearTimeout(this.quiet);
        clearTimeout(this.deadline);
        this.quiet = this.deadline = undefined;
        const changed = [...this.pending].map((u) => URI.parse(u));
        this.pending.clear();
        if (changed.length > 0) this.fireDocumentUpdate(changed, []);
    }
}
