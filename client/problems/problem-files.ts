// The workspace's problem files, parsed by the language server (LoadProblemFileRequest): the
// extension host only lists files and shows rows. Loads happen one file at a time behind a progress
// indicator, and only once the view is first shown.
import * as vscode from 'vscode';
import type { LoadResult } from '../../language/dataset/problems/load.js';
import { LoadProblemFileRequest, ProblemFileProgressNotification } from '../../server/protocol.js';
import type { ManufactoriaServer } from '../server.js';
import { PROBLEM_FILE_GLOB } from '../../language/dataset/problems/formats.js';
import { fileNode, holdsProblems, type ProblemNode } from './problem-tree.js';

const PROBLEM_EXCLUDE = '{**/node_modules/**,**/.git/**,**/out/**,**/.e2e/**}';
const EXCLUDED_SEGMENT = /[\\/](node_modules|\.git|out|\.e2e)[\\/]/;

export interface LoadedFile {
    uri: vscode.Uri;
    result: LoadResult;
    node: ProblemNode;
}

export class ProblemFiles implements vscode.Disposable {
    private readonly files = new Map<string, LoadedFile>();
    private scanning: Promise<void> | undefined;
    private abort = new AbortController();
    private readonly changeEmitter = new vscode.EventEmitter<void>();
    readonly onDidChange = this.changeEmitter.event;

    constructor(
        private readonly viewId: string,
        private readonly server: ManufactoriaServer,
    ) {}

    get scanned(): boolean {
        return this.scanning !== undefined;
    }

    /** Problem files in path order, after the first scan. */
    async list(): Promise<LoadedFile[]> {
        this.scanning ??= this.scan();
        await this.scanning;
        return [...this.files.values()].sort((a, b) => a.uri.path.localeCompare(b.uri.path));
    }

    rescan(): Promise<void> {
        this.abort.abort();
        this.abort = new AbortController();
        this.scanning = this.scan();
        return this.scanning;
    }

    /** After a watcher event; ignored until the view has asked for the list once. */
    async reload(uri: vscode.Uri): Promise<void> {
        if (!this.scanning || !isCandidate(uri)) return;
        await this.scanning;
        if (await this.load([uri], this.abort.signal)) this.changeEmitter.fire();
    }

    forget(uri: vscode.Uri): void {
        if (this.files.delete(uri.toString())) this.changeEmitter.fire();
    }

    dispose(): void {
        this.abort.abort();
        this.changeEmitter.dispose();
    }

    private async scan(): Promise<void> {
        const signal = this.abort.signal;
        const uris = (await vscode.workspace.findFiles(PROBLEM_FILE_GLOB, PROBLEM_EXCLUDE)).filter(isCandidate);
        this.files.clear();
        await this.load(uris, signal);
        this.changeEmitter.fire();
    }

    /** Loads `uris` under a progress indicator; true when the set of listed files changed. */
    private load(uris: readonly vscode.Uri[], signal: AbortSignal): Thenable<boolean> {
        return vscode.window.withProgress({ location: { viewId: this.viewId } }, () =>
            vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Manufactoria problems' }, async (progress) => {
                const client = await this.server.whenRunning().catch((error: unknown) => this.server.log.warn('Problems: cannot load problem files', error));
                if (!client) return false;
                let shown: { path: string; message: string } | undefined;
                const progressEvents = client.onNotification(ProblemFileProgressNotification, (p) => {
                    if (p.path !== shown?.path) return;
                    const part = p.totalRows ? `${Math.floor((100 * p.rows) / p.totalRows)}%` : p.totalBytes && p.bytesRead !== undefined ? `${Math.floor((100 * p.bytesRead) / p.totalBytes)}%` : `${p.rows} rows`;
                    progress.report({ message: `${shown.message} (${part})` });
                });
                const cancel = new vscode.CancellationTokenSource();
                const onAbort = () => cancel.cancel();
                signal.addEventListener('abort', onAbort);
                let changed = false;
                try {
                    for (const [i, uri] of uris.entries()) {
                        if (signal.aborted) break;
                        const label = vscode.workspace.asRelativePath(uri, false);
                        shown = { path: uri.fsPath, message: `${uris.length > 1 ? `${i + 1}/${uris.length} ` : ''}${label}` };
                        progress.report({ message: shown.message });
                        let result: LoadResult;
                        try {
                            result = await client.sendRequest(LoadProblemFileRequest, { path: uri.fsPath, displayName: label }, cancel.token);
                        } catch (error) {
                            if (signal.aborted) break;
                            this.server.log.warn(`Problems: could not load ${uri.fsPath}`, error);
                            continue;
                        }
                        const key = uri.toString();
                        if (holdsProblems(result)) {
                            changed = true;
                            this.files.set(key, { uri, result, node: fileNode(uri.fsPath, label, result) });
                        } else if (this.files.delete(key)) {
                            changed = true;
                        }
                    }
                } finally {
                    signal.removeEventListener('abort', onAbort);
                    cancel.dispose();
                    progressEvents.dispose();
                }
                return changed;
            }),
        );
    }
}

/** Watcher events come for every folder; the scan's exclusions apply within the workspace only. */
function isCandidate(uri: vscode.Uri): boolean {
    return uri.scheme === 'file' && !EXCLUDED_SEGMENT.test(`/${vscode.workspace.asRelativePath(uri, false)}`);
}
