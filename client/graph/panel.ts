// One factory graph webview beside a Manufactoria document: asks the server for the graph, redraws
// on edit (debounced), follows the cursor and the trace being stepped, reveals clicked nodes.
// Loaded on first use (scripts/esbuild.mjs LAZY): what it needs from the rest of the extension
// (the server, the current trace) comes in through GraphHost.
import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { FactoryGraphResult } from '../../server/protocol.js';
import { TRACE_GO_TO } from '../trace/trace-commands.js';
import type { ShownTrace } from '../trace/trace-events.js';
import type { GraphTrace, HostToPage, PageToHost } from '../webview/factory-graph/messages.js';
import { makeNonce } from '../webview-html.js';
import { graphHtml } from './html.js';

const VIEW_TYPE = 'manufactoria.factoryGraph';
const REDRAW_DELAY_MS = 250;

export interface GraphHost {
    readonly context: vscode.ExtensionContext;
    readonly log: vscode.LogOutputChannel;
    /** The language server's graph of a document's text. */
    requestGraph(document: vscode.TextDocument): Promise<FactoryGraphResult>;
    /** The trace being stepped now, if any. */
    currentTrace(): ShownTrace | undefined;
}

export class GraphPanel {
    readonly panel: vscode.WebviewPanel;
    private graph?: FactoryGraphResult;
    private ready = false;
    private timer?: NodeJS.Timeout;
    private requested = 0;
    private readonly disposables: vscode.Disposable[] = [];

    constructor(
        private readonly host: GraphHost,
        private readonly document: vscode.TextDocument,
        onDispose: () => void,
    ) {
        const scripts = vscode.Uri.joinPath(host.context.extensionUri, 'out', 'webview');
        this.panel = vscode.window.createWebviewPanel(VIEW_TYPE, `Graph: ${basename(document.uri.path)}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
            enableScripts: true, localResourceRoots: [scripts], retainContextWhenHidden: true,
        });
        const webview = this.panel.webview;
        webview.html = graphHtml({ cspSource: webview.cspSource, nonce: makeNonce(), scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(scripts, 'factory-graph.js')).toString() });
        this.disposables.push(
            webview.onDidReceiveMessage((message: PageToHost) => void this.received(message)),
            vscode.workspace.onDidCloseTextDocument((d) => d === document && this.panel.dispose()),
        );
        this.panel.onDidDispose(() => {
            clearTimeout(this.timer);
            this.disposables.forEach((d) => d.dispose());
            onDispose();
        });
        void this.refresh();
    }

    changed(): void {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.refresh(), REDRAW_DELAY_MS);
    }

    cursorAt(line: number): void {
        const node = this.graph?.nodes.find((n) => n.line !== undefined && n.line <= line && line <= (n.endLine ?? n.line));
        this.post({ type: 'highlight', node: node?.name ?? null });
    }

    traceChanged(shown: ShownTrace | undefined): void {
        if (shown && shown.uri !== this.document.uri.toString()) return;
        this.post({ type: 'trace', trace: shown ? graphTrace(shown) : null });
    }

    private async refresh(): Promise<void> {
        const ticket = ++this.requested;
        const { document } = this;
        try {
            const graph = await this.host.requestGraph(document);
            if (ticket !== this.requested) return; // a newer edit asked again
            this.graph = graph;
            this.sendGraph();
        } catch (error) {
            this.host.log.error('Factory graph request failed', error);
        }
    }

    private sendGraph(): void {
        if (!this.graph) return;
        this.post({ type: 'graph', graph: this.graph, title: basename(this.document.uri.path) });
        const editor = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
        if (editor) this.cursorAt(editor.selection.active.line);
    }

    private post(message: HostToPage): void {
        if (this.ready) void this.panel.webview.postMessage(message);
    }

    private async received(message: PageToHost): Promise<void> {
        switch (message.type) {
            case 'ready': {
                this.ready = true;
                this.sendGraph();
                const shown = this.host.currentTrace();
                if (shown) this.traceChanged(shown);
                break;
            }
            case 'reveal': {
                const node = this.graph?.nodes.find((n) => n.id === `n:${message.node}`);
                if (node?.line === undefined) return;
                const visible = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
                const position = new vscode.Position(node.line, 0);
                const editor = await vscode.window.showTextDocument(this.document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection: new vscode.Range(position, position), preserveFocus: false });
                editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
                break;
            }
            case 'traceStep':
                await vscode.commands.executeCommand(TRACE_GO_TO, message.index);
                break;
            case 'svg': {
                const base = basename(this.document.uri.path).replace(/\.[^.]*$/, '') || 'factory';
                const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
                const target = await vscode.window.showSaveDialog({ filters: { SVG: ['svg'] }, ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `${base}.graph.svg`) } : {}) });
                if (!target) return;
                await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(message.svg));
                void vscode.window.showInformationMessage(`Manufactoria: factory graph saved to ${target.fsPath || target.toString()}`);
                break;
            }
            case 'layout':
                this.host.log.debug(`Factory graph: ${message.nodes} nodes laid out by ${message.engine} in ${message.ms.toFixed(0)} ms`);
                break;
        }
    }
}

function graphTrace(shown: ShownTrace): GraphTrace {
    const { trace } = shown;
    return {
        label: trace.label, input: trace.input, current: shown.current,
        steps: trace.steps.map((s) => ({ node: s.node, tapeBefore: s.tapeBefore, tapeAfter: s.tapeAfter, action: s.action })),
        visits: Object.fromEntries(trace.visits.map((v) => [v.node, v.count])),
    };
}
