// Answers the Problems view: problem files are parsed here, in the server, with the same loader that
// binds `# problem:` directives, so the extension host never parses (large) data files itself.
import type { Connection } from 'vscode-languageserver';
import { loadProblemFile } from '../language/dataset/problems/load.js';
import { LoadProblemFileRequest, ProblemFileProgressNotification } from './protocol.js';

export function registerProblemFileRequests(connection: Connection): void {
    connection.onRequest(LoadProblemFileRequest, async ({ path, displayName }, token) => {
        const abort = new AbortController();
        const cancel = token.onCancellationRequested(() => abort.abort());
        try {
            return await loadProblemFile(path, {
                displayName,
                signal: abort.signal,
                onProgress: (progress) => void connection.sendNotification(ProblemFileProgressNotification, { path, ...progress }),
            });
        } finally {
            cancel.dispose();
        }
    });
}
