// Edits arrive faster than a document can be rebuilt (a paste, generated text, a client replaying
// changes). Langium cancels a build when the next edit is processed, but each edit still starts a
// build of its own, and a build that finishes before the next edit is read validates a version that
// is already outdated. Here an edit (1) cancels the running build at once and marks the document
// changed, so requests wait for the new text instead of answering from the old parse, and (2) starts
// the rebuild only once the edits pause (BURST_QUIET_MS), or at the latest BURST_MAX_MS after the
// first of them: a burst ends in one build, of its latest version. See docs/editor.md.
import { DefaultDocumentBuilder, DocumentState, OperationCancelled, URI, UriUtils, type FileSystemProvider, type LangiumDocument, type LangiumDocuments } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { CancellationToken, TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export const BURST_QUIET_MS = 20;
export const BURST_MAX_MS = 150;
/** How long a request waits for an open document's first build before it fails as Langium's would. */
export const OPEN_BUILD_WAIT_MS = 20_000;

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

    /**
     * A file deleted or moved away on disk while it is open stays open in the editor (VS Code shows
     * it as deleted and can save it again), and its text is the open buffer's, not the file's. Langium
     * deleted its document anyway: its diagnostics vanished and every request for it waited 20 s and
     * failed ("No document found") until the next keystroke. An open file's delete is ignored; the open
     * files inside a deleted folder are rebuilt from their open text.
     */
    override update(changed: URI[], deleted: URI[], cancelToken?: CancellationToken): Promise<void> {
        const isOpen = (uri: URI) => this.textDocuments?.get(uri.toString()) !== undefined;
        const inside = deleted.flatMap((folder) => this.langiumDocuments.all
            .filter((d) => isOpen(d.uri) && !UriUtils.equals(d.uri, folder) && UriUtils.contains(folder, d.uri)).map((d) => d.uri).toArray());
        return super.update([...changed, ...inside], deleted.filter((uri) => !isOpen(uri)), cancelToken);
    }

    /**
     * A request for a document the client has just opened can arrive before the build that creates
     * it has the workspace lock. Langium fails it at once ("No document found", ServerCancelled), and
     * VS Code does not ask again: the editor showed no code lens until the next edit. An open
     * document is always built, so the request waits for that build instead (bounded, cancellable).
     */
    protected override awaitDocumentState(state: DocumentState, uri: URI, cancelToken: CancellationToken): Promise<URI> {
        const document = this.langiumDocuments.getDocument(uri);
        const pendingOpen = !document && this.textDocuments?.get(uri.toString()) !== undefined;
        const pendingBuild = document !== undefined && document.state < state && this.currentState >= state && this.textDocuments?.get(uri.toString()) !== undefined;
        if (!(pendingOpen || pendingBuild) || cancelToken.isCancellationRequested) return super.awaitDocumentState(state, uri, cancelToken);
        return new Promise<URI>((resolve, reject) => {
            const done = () => {
                clearTimeout(timer);
                phase.dispose();
                cancelled.dispose();
            };
            const phase = this.onDocumentPhase(state, (built) => {
                if (!UriUtils.equals(built.uri, uri)) return;
                done();
                resolve(built.uri);
            });
            const cancelled = cancelToken.onCancellationRequested(() => {
                done();
                reject(OperationCancelled);
            });
            const timer = setTimeout(() => {
                done();
                super.awaitDocumentState(state, uri, cancelToken).then(resolve, reject);
            }, OPEN_BUILD_WAIT_MS);
        });
    }
}

export class CoalescingDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly documents: LangiumDocuments;
    private readonly pending = new Set<string>();
    private quiet: NodeJS.Timeout | undefined;
    private deadline: NodeJS.Timeout | undefined;

    private readonly fileSystem: FileSystemProvider;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.documents = services.workspace.LangiumDocuments;
        this.fileSystem = services.workspace.FileSystemProvider;
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

    /**
     * A closed document goes back to what is on disk. Langium did nothing on close: a closed file
     * kept the diagnostics of edits its editor discarded, and a closed document with no file (an
     * untitled buffer, a read-only rollout) stayed loaded for good. After an untitled buffer was
     * closed (or saved, which closes it and opens the file), the next build asked the service
     * registry for its services by its URI, which names no extension: an uncaught error ended the
     * server process. So did a file in the Manufactoria language mode without its extensions.
     */
    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        this.pending.delete(uri.toString());
        if (!this.documents.hasDocument(uri)) return;
        // Only the open text said it is Manufactoria (a `.txt` in that language mode): its file is not ours.
        if (uri.scheme !== 'file' || !this.serviceRegistry.hasServices(uri)) return this.fireDocumentUpdate([], [uri]);
        this.fileSystem.stat(uri).then(
            (stat) => this.fireDocumentUpdate(stat.isFile ? [uri] : [], stat.isFile ? [] : [uri]),
            () => this.fireDocumentUpdate([], [uri]),
        );
    }

    /** A failed build is logged; unhandled, its rejection ended the server process. */
    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        this.workspaceManager.ready
            .then(() => this.workspaceLock.write((token) => this.documentBuilder.update(changed, deleted, token)))
            .catch((error: unknown) => console.error('Document update failed:', error));
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
