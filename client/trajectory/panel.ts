// One trajectory panel per scene/row. The host keeps everything the page needs (frames, markers,
// predictions, last playback state) because the page itself is thrown away whenever the panel is
// hidden (retainContextWhenHidden: false); each reload says `ready` and gets `init` again.

import * as vscode from 'vscode';
import {
    VIEW_TYPE, checkWebviewMessage, sameSource, sourceKey,
    type HostMessage, type Predictions, type SourceRef, type ViewState, type WebviewMessage,
} from '../webview/protocol.js';
import { resolveInput } from './documents.js';
import { frameRequest, markersFromFrames, packFrames } from './frames.js';
import { makeNonce } from '../webview-html.js';
import { trajectoryHtml } from './html.js';
import { configuredPython, configuredSandbox } from './python-path.js';
import { NO_MODEL, UNTRUSTED, predict, running } from './predictions.js';
import { simulateInWorker } from './sim-client.js';
import type { TrajectoryInput } from './source.js';

type InitMessage = Extract<HostMessage, { type: 'init' }>;

export interface PanelHost {
    readonly context: vscode.ExtensionContext;
    readonly log: vscode.LogOutputChannel;
    readonly panels: Map<string, TrajectoryPanel>;
}

export function webviewOptions(context: vscode.ExtensionContext): vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'out', 'webview')] };
}

/** deltaStudio.python.path: machine-scoped and restricted in untrusted workspaces (package.json), so a workspace cannot pick the binary. */
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class TrajectoryPanel {
    /** Opens (or reveals and refreshes) the panel for `source`. */
    static show(host: PanelHost, source: SourceRef): TrajectoryPanel {
        const existing = host.panels.get(sourceKey(source));
        if (existing) {
            existing.panel.reveal();
            void existing.load();
            return existing;
        }
        const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Trajectory', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {
            ...webviewOptions(host.context),
            retainContextWhenHidden: false,
            enableFindWidget: false,
        });
        return new TrajectoryPanel(host, panel, source);
    }

    /** Restores a panel after a window reload (WebviewPanelSerializer). */
    static revive(host: PanelHost, panel: vscode.WebviewPanel, source: SourceRef, view: ViewState): TrajectoryPanel {
        panel.webview.options = webviewOptions(host.context);
        const key = sourceKey(source);
        host.panels.get(key)?.panel.dispose();
        return new TrajectoryPanel(host, panel, source, view);
    }

    private init?: Omit<InitMessage, 'predictions' | 'view'>;
    private predictions: Predictions = NO_MODEL;
    private input?: TrajectoryInput;
    /** What a freshly loaded page should show while there is no `init` yet. */
    private pending: HostMessage = { type: 'progress', message: 'Preparing the simulation…', fraction: 0 };
    private generation = 0;
    private simulation?: AbortController;
    private prediction?: AbortController;
    private readonly disposables: vscode.Disposable[] = [];
    private disposed = false;

    private constructor(private readonly host: PanelHost, readonly panel: vscode.WebviewPanel, readonly source: SourceRef, private view?: ViewState) {
        host.panels.set(sourceKey(source), this);
        const webview = panel.webview;
        webview.html = trajectoryHtml({
            cspSource: webview.cspSource,
            scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(host.context.extensionUri, 'out', 'webview', 'trajectory.js')).toString(),
            nonce: makeNonce(),
            title: 'Trajectory',
        });
        this.disposables.push(
            webview.onDidReceiveMessage((m: unknown) => this.receive(m)),
            panel.onDidDispose(() => this.dispose()),
        );
        void this.load();
    }

    private post(message: HostMessage): void {
        // A disposed webview throws; a hidden (unloaded) one drops the message and asks again with `ready`.
        if (this.disposed) return;
        void this.panel.webview.postMessage(message).then(undefined, () => undefined);
    }

    private receive(raw: unknown): void {
        const checked = checkWebviewMessage(raw);
        if (!checked.ok) {
            this.host.log.warn(`Trajectory: ignored an invalid message from the webview: ${checked.reason}`);
            return;
        }
        const message: WebviewMessage = checked.value;
        switch (message.type) {
            case 'ready':
                this.post(this.init ? { ...this.init, predictions: this.predictions, view: this.view } : this.pending);
                break;
            case 'state':
                if (sameSource(message.state.source, this.source)) this.view = message.state.view;
                break;
            case 'requestPredictions':
                void this.runPredictions();
                break;
        }
    }

    /** Reads the source, simulates it in the worker, sends `init`, then runs the model answer if allowed. */
    async load(): Promise<void> {
        const generation = ++this.generation;
        this.simulation?.abort();
        this.prediction?.abort();
        const abort = (this.simulation = new AbortController());
        this.init = undefined;
        this.setPending({ type: 'progress', message: 'Reading…', fraction: 0 });
        try {
            const input = await resolveInput(this.source);
            if (generation !== this.generation) return;
            this.input = input;
            this.panel.title = input.title;
            const workerPath = vscode.Uri.joinPath(this.host.context.extensionUri, 'out', 'bouncingsim.cjs').fsPath;
            const request = frameRequest(input.truth.markers?.map((m) => m.time) ?? []);
            const frames = await vscode.window.withProgress(
                { location: vscode.ProgressLocation.Notification, title: `BouncingSim: simulating ${input.title.replace(/^Trajectory: /, '')}`, cancellable: true },
                (progress, token) => {
                    token.onCancellationRequested(() => abort.abort(new Error('Simulation cancelled.')));
                    let reported = 0;
                    return simulateInWorker(workerPath, {
                        scene: input.scene, file: input.file, request, signal: abort.signal,
                        onProgress: (done, total) => {
                            const fraction = total ? done / total : 1;
                            progress.report({ increment: Math.max(0, (fraction - reported) * 100), message: `${Math.round(fraction * 100)} %` });
                            reported = fraction;
                            this.setPending({ type: 'progress', message: `Simulating ${request.duration} s at dt = 1/4000 s…`, fraction });
                        },
                    });
                },
            );
            if (generation !== this.generation) return;
            this.init = {
                type: 'init', title: input.title, source: this.source, truthLabel: input.truth.label,
                geometry: input.geometry, frames: packFrames(frames), markers: input.truth.markers ?? markersFromFrames(frames),
            };
            this.predictions = !input.model ? NO_MODEL : vscode.workspace.isTrusted ? running([], input.model.asserts.length) : UNTRUSTED;
            this.post({ ...this.init, predictions: this.predictions, view: this.view });
            this.host.log.info(`Trajectory: ${input.title}: ${frames.times.length} frames, ${input.geometry.balls.length} ball(s), ${input.geometry.boxes.length} container(s)`);
            if (input.model && vscode.workspace.isTrusted) await this.runPredictions();
        } catch (error) {
            if (abort.signal.aborted && generation !== this.generation) return;
            this.host.log.error(`Trajectory: ${this.panel.title}: ${errorText(error)}`);
            this.setPending({ type: 'error', message: errorText(error) });
        }
    }

    private setPending(message: HostMessage): void {
        this.pending = message;
        this.post(message);
    }

    private setPredictions(predictions: Predictions): void {
        this.predictions = predictions;
        this.post({ type: 'predictions', predictions });
    }

    /** Runs the model's program (sandboxed, a fresh process per assert), only in a trusted workspace. */
    async runPredictions(): Promise<void> {
        const model = this.input?.model;
        if (!model || !this.init) return;
        if (!vscode.workspace.isTrusted) {
            this.setPredictions(UNTRUSTED);
            return;
        }
        this.prediction?.abort();
        const abort = (this.prediction = new AbortController());
        try {
            const result = await predict(model.program, model.asserts, model.timestamps, {
                python: configuredPython(),
                sandbox: configuredSandbox(),
                signal: abort.signal,
                onUpdate: (p) => { if (!abort.signal.aborted) this.setPredictions(p); },
            });
            if (!abort.signal.aborted) this.setPredictions(result);
        } catch (error) {
            if (!abort.signal.aborted) this.setPredictions({ status: 'error', message: errorText(error), rows: [], canRun: true });
        }
    }

    /** The workspace became trusted: run answers that were held back. */
    onTrustGranted(): void {
        if (this.predictions.status === 'untrusted') void this.runPredictions();
    }

    private dispose(): void {
        this.disposed = true;
        this.generation++;
        this.simulation?.abort(new Error('The panel was closed.'));
        this.prediction?.abort();
        if (this.host.panels.get(sourceKey(this.source)) === this) this.host.panels.delete(sourceKey(this.source));
        for (const d of this.disposables) d.dispose();
    }
}
