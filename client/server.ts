// Owns the language-client lifecycle. Features that need the server (tests, trajectories, …)
// read `client` / listen to `onDidChangePhase` instead of holding their own LanguageClient.
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { lensRequested } from './code-lens-watch.js';
import { ROLLOUT_SCHEME } from './rollouts/document-text.js';
import { PROBLEM_FILE_GLOB } from '../language/dataset/problems/formats.js';
import {
    LanguageClient,
    RevealOutputChannelOn,
    State,
    TransportKind,
    type LanguageClientOptions,
    type ServerOptions,
} from 'vscode-languageclient/node';

export const LANGUAGE_ID = 'manufactoria';
/** Client id: vscode-languageclient reads the `<id>.trace.server` setting by this name. */
const CLIENT_ID = 'manufactoria';

export type ServerPhase = 'stopped' | 'starting' | 'running' | 'failed';

/** Problem files: the server re-binds solutions when one changes. */

export class ManufactoriaServer implements vscode.Disposable {
    private current: LanguageClient | undefined;
    /** Watches problem files for the current client; vscode-languageclient does not dispose it. */
    private currentWatcher: vscode.FileSystemWatcher | undefined;
    private currentPhase: ServerPhase = 'stopped';
    private readonly phaseEmitter = new vscode.EventEmitter<ServerPhase>();
    /** Start/restart/stop run one after another, so a restart never races a start. */
    private queue: Promise<unknown> = Promise.resolve();
    private readonly disposables: vscode.Disposable[] = [this.phaseEmitter];

    readonly onDidChangePhase = this.phaseEmitter.event;

    constructor(
        private readonly context: vscode.ExtensionContext,
        readonly log: vscode.LogOutputChannel,
    ) {
        this.disposables.push(
            vscode.workspace.onDidChangeConfiguration((e) => {
                if (e.affectsConfiguration(`${CLIENT_ID}.trace.server`)) this.explainTraceLevel();
            }),
        );
    }

    get phase(): ServerPhase {
        return this.currentPhase;
    }

    /** The running client, if any; it is replaced on restart. */
    get client(): LanguageClient | undefined {
        return this.current;
    }

    /** The client once pending starts and restarts have settled; throws when the server is not running. */
    async whenRunning(): Promise<LanguageClient> {
        await this.queue;
        if (!this.current || this.currentPhase !== 'running') throw new Error('the Manufactoria language server is not running');
        return this.current;
    }

    start(): Promise<void> {
        return this.enqueue(() => this.doStart());
    }

    restart(): Promise<void> {
        return this.enqueue(async () => {
            this.log.info('Restarting the language server');
            await this.doStop();
            await this.doStart();
        });
    }

    stop(): Promise<void> {
        return this.enqueue(() => this.doStop());
    }

    dispose(): void {
        void this.stop();
        for (const d of this.disposables) d.dispose();
    }

    private enqueue(step: () => Promise<void>): Promise<void> {
        const next = this.queue.then(step, step);
        this.queue = next.catch(() => undefined);
        return next;
    }

    private setPhase(phase: ServerPhase): void {
        if (phase === this.currentPhase) return;
        this.currentPhase = phase;
        this.phaseEmitter.fire(phase);
    }

    private async doStart(): Promise<void> {
        const module = this.context.asAbsolutePath('out/server.cjs');
        this.setPhase('starting');
        this.log.info(`Starting the Manufactoria language server (${module}, IPC)`);
        if (!existsSync(module)) {
            // A missing bundle means a broken build or package; say so instead of a fork error.
            this.log.error(`Language server bundle not found: ${module}. Run "npm run build".`);
            this.setPhase('failed');
            return;
        }
        this.currentWatcher = vscode.workspace.createFileSystemWatcher(PROBLEM_FILE_GLOB);
        const client = new LanguageClient(CLIENT_ID, 'Manufactoria Language Server', serverOptions(module), clientOptions(this.log, this.currentWatcher));
        client.onDidChangeState((e) => {
            // Only the current client may drive the phase; a disposed one still reports Stopped.
            if (client !== this.current) return;
            if (e.newState === State.Running) this.setPhase('running');
            else if (e.newState === State.Starting) this.setPhase('starting');
            else if (this.currentPhase !== 'failed') this.setPhase('stopped');
        });
        this.current = client;
        this.explainTraceLevel();
        const started = Date.now();
        try {
            await client.start();
            this.log.info(`Language server ready in ${Date.now() - started} ms`);
            this.setPhase('running');
        } catch (error) {
            this.log.error('The language server failed to start', error);
            this.setPhase('failed');
        }
    }

    private async doStop(): Promise<void> {
        const client = this.current;
        this.current = undefined;
        this.currentWatcher?.dispose();
        this.currentWatcher = undefined;
        if (!client) return;
        try {
            // dispose() also unregisters the client's providers; the output channel is ours and survives.
            await client.dispose(2000);
        } catch (error) {
            this.log.warn('Stopping the language server failed', error);
        }
        this.setPhase('stopped');
    }

    /**
     * vscode-languageclient only sends traces when the channel's log level is Trace; without
     * this hint `manufactoria.trace.server: verbose` looks like it does nothing.
     */
    private explainTraceLevel(): void {
        const trace = vscode.workspace.getConfiguration(CLIENT_ID).get<string>('trace.server', 'off');
        if (trace !== 'off' && this.log.logLevel !== vscode.LogLevel.Trace) {
            this.log.info(
                `manufactoria.trace.server is "${trace}": set this channel's log level to Trace ` +
                    '(Output view → gear icon, or "Developer: Set Log Level…") to see LSP messages.',
            );
        }
    }
}

function serverOptions(module: string): ServerOptions {
    return {
        run: { module, transport: TransportKind.ipc },
        // Used when the extension itself runs under a debugger: lets one attach to the server too.
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
    };
}

function clientOptions(log: vscode.LogOutputChannel, problemFiles: vscode.FileSystemWatcher): LanguageClientOptions {
    return {
        documentSelector: [
            { scheme: 'file', language: LANGUAGE_ID },
            { scheme: 'untitled', language: LANGUAGE_ID },
            // Rollouts opened as read-only solutions (client/rollouts/documents.ts).
            { scheme: ROLLOUT_SCHEME, language: LANGUAGE_ID },
        ],
        outputChannel: log,
        // The status bar item reports failures; popping the Output view would steal focus.
        revealOutputChannelOn: RevealOutputChannelOn.Never,
        synchronize: { configurationSection: CLIENT_ID, fileEvents: problemFiles },
        middleware: {
            // A lens request that fails or takes long leaves the editor without any lens (VS Code
            // waits for every provider and does not ask again): say so in the log.
            provideCodeLenses: (document, token, next) => {
                lensRequested(document.uri);
                return logSlow(log, 'code lenses', document.uri, () => next(document, token));
            },
        },
    };
}

/** Logs a request that failed or took longer than SLOW_MS, with its time, and passes its result on. */
async function logSlow<T>(log: vscode.LogOutputChannel, what: string, uri: vscode.Uri, request: () => vscode.ProviderResult<T>): Promise<T | null | undefined> {
    const started = Date.now();
    const slow = setTimeout(() => log.warn(`${what} of ${uri.toString(true)}: no answer after ${SLOW_MS} ms`), SLOW_MS);
    try {
        const result = await request();
        const ms = Date.now() - started;
        if (ms >= SLOW_MS) log.warn(`${what} of ${uri.toString(true)}: answered after ${ms} ms`);
        // Rollouts opened as solutions are few: each answer is logged (once an editor showed none of them).
        else if (uri.scheme === ROLLOUT_SCHEME) log.info(`${what} of ${uri.toString(true)}: ${Array.isArray(result) ? result.length : 'no'} lenses in ${ms} ms`);
        return result;
    } catch (error) {
        log.warn(`${what} of ${uri.toString(true)} failed after ${Date.now() - started} ms: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
        throw error;
    } finally {
        clearTimeout(slow);
    }
}

const SLOW_MS = 3000;
