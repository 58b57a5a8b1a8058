// The bundled language server (out/server.cjs) as its own process over stdio, initialised on a
// folder, for tests that need the real process (threads, timing, message order).
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export interface LspProcess {
    connection: MessageConnection;
    stop(): void;
}

export interface LspProcessOptions {
    /** The client capabilities sent with `initialize`. */
    capabilities?: object;
    /** The answer to each `workspace/configuration` item (default: null, the server's defaults). */
    configuration?: (item: { section?: string }) => unknown;
    /** Handlers to add before the connection listens (notifications sent during start-up arrive). */
    setUp?: (connection: MessageConnection) => void;
}

export async function startLspProcess(dir: string, options: LspProcessOptions = {}): Promise<LspProcess> {
    const child = spawn(process.execPath, ['out/server.cjs', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const configuration = options.configuration ?? (() => null);
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map(configuration));
    connection.onRequest('client/registerCapability', () => null);
    options.setUp?.(connection);
    connection.listen();
    const folder = pathToFileURL(dir).toString();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: folder, workspaceFolders: [{ uri: folder, name: 'w' }], capabilities: options.capabilities ?? {} });
    await connection.sendNotification('initialized', {});
    return {
        connection,
        stop: () => {
            connection.dispose();
            child.kill();
        },
    };
}

/**
 * Polls `get` every 20 ms until it gives a value; fails after `timeout` ms, or at once when `gone()`
 * says the server process has exited (then no value will come).
 */
export async function waitFor<T>(get: () => T | undefined, what: string, timeout = 10_000, gone: () => boolean = () => false): Promise<T> {
    const deadline = Date.now() + timeout;
    for (;;) {
        const value = get();
        if (value !== undefined) return value;
        if (gone()) throw new Error(`the server exited while waiting for ${what}`);
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 20));
    }
}
