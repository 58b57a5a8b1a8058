// Typed requests and notifications over the current language client, across server restarts.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { NotificationType } from 'vscode-languageserver-protocol';
import type { ManufactoriaServer } from '../server.js';

/** How long a request waits for a server that is (re)starting. */
const START_WAIT_MS = 30_000;

export class ServerUnavailableError extends Error {
    constructor(phase: string) {
        super(`The Manufactoria language server is not running (${phase}). Run "Manufactoria: Restart Language Server".`);
    }
}

/** The running client; waits while the server starts or restarts. */
export function runningClient(server: ManufactoriaServer): Promise<LanguageClient> {
    const current = () => (server.phase === 'running' ? server.client : undefined);
    const now = current();
    if (now) return Promise.resolve(now);
    if (server.phase === 'failed') return Promise.reject(new ServerUnavailableError(server.phase));
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(new ServerUnavailableError(server.phase)), START_WAIT_MS);
        const subscription = server.onDidChangePhase((phase) => {
            const client = current();
            if (client) finish(undefined, client);
            else if (phase === 'failed') finish(new ServerUnavailableError(phase));
        });
        function finish(error?: Error, client?: LanguageClient): void {
            clearTimeout(timer);
            subscription.dispose();
            if (client) resolve(client);
            else reject(error);
        }
    });
}

/** Calls `handler` for `type` from every client the server starts (one after a restart, too). */
export function onServerNotification<P>(server: ManufactoriaServer, type: NotificationType<P>, handler: (params: P) => void): vscode.Disposable {
    let hooked: LanguageClient | undefined;
    let registration: vscode.Disposable | undefined;
    const hook = () => {
        const client = server.client;
        if (!client || client === hooked) return;
        registration?.dispose();
        hooked = client;
        registration = client.onNotification(type, handler);
    };
    hook();
    const phases = server.onDidChangePhase(hook);
    return new vscode.Disposable(() => {
        phases.dispose();
        registration?.dispose();
    });
}
