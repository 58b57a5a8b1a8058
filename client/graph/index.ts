// "Show Factory Graph": a webview beside any Manufactoria document (any URI scheme: files,
// untitled buffers, the rollout explorer's read-only documents) drawing the graph the language
// server builds from the document's text. Redraws on edit (debounced), reveals a node's
// declaration on click, highlights the node under the cursor, follows a trace being stepped.
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { FactoryGraphRequest, type FactoryGraphResult } from '../../server/protocol.js';
import type { FeatureContext } from '../extension.js';
import { runningClient } from '../testing/connection.js';
import { currentTrace, onTraceChanged, TRACE_GO_TO, type ShownTrace } from '../trace/trace-events.js';
import { makeNonce } from '../trajectory/html.js';
import type { GraphTrace, HostToPage, PageToHost } from '../webview/factory-graph/messages.js';
import { graphHtml } from './html.js';

export const SHOW_GRAPH_COMMAND = 'manufactoria.showFactoryGraph';
const VIEW_TYPE = 'manufactoria.factoryGraph';
const LANGUAGE_ID = 'manufactoria';
const REDRAW_DELAY_MS = 250;

export function registerFactoryGraph({ context, log, server }: FeatureContext): void {
    const panels = new Map<string, GraphPanel>();
    const show = async (arg?: unknown) => {
        const uri = arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.parse(arg) : vscode.window.activeTextEditor?.document.uri;
        const document = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) || (uri && await vscode.workspace.openTextDocument(uri));
        if (!document || document.languageId !== LANGUAGE_ID) {
            return void vscode.window.showInformationMessage('Manufactoria: open a Manufactoria file to show its factory graph.');
        }
        const key = document.uri.toString();
        const existing = panels.get(key);
        if (existing) return existing.panel.reveal(undefined, true);
        const panel = new GraphPanel(context, log, server, document, () => panels.delete(key));
        panels.set(key, panel);
    };
    context.subscriptions.push(
        vscode.commands.registerCommand(SHOW_GRAPH_COMMAND, show),
        vscode.languages.registerCodeLensProvider({ language: LANGUAGE_ID }, new GraphLensProvider()),
        vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length > 0 && panels.get(e.document.uri.toString())?.changed()),
        vscode.window.onDidChangeTextEditorSelection((e) => panels.get(e.textEditor.document.uri.toString())?.cursorAt(e.selections[0].active.line)),
        onTraceChanged((shown) => {
            for (const panel of panels.values()) panel.traceChanged(shown);
        }),
        { dispose: () => [...panels.values()].forEach((p) => p.panel.dispose()) },
    );
}

/** One lens at the top of every Manufactoria document. */
class GraphLensProvider implements vscode.CodeLensProvider {
    provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
        const first = /^[ \t]*[A-Z_]+[ \t]+\S/m.exec(document.getText());
        const line = first ? document.positionAt(first.index).line : 0;
        return [new vscode.CodeLens(new vscode.Range(line, 0, line, 0), { title: '$(type-hierarchy) Show Factory Graph', command: SHOW_GRAPH_COMMAND, arguments: [document.uri.toString()] })];
    }
}

class GraphPanel {
    readonly panel: vscode.WebviewPanel;
    private graph?: FactoryGraphResult;
    private ready = false;
    private timer?: NodeJS.Timeout;
    private requested = 0;
    private readonly disposables: vscode.Disposable[] = [];

    constructor(
        context: vscode.ExtensionContext,
        private readonly log: vscode.LogOutputChannel,
        private readonly server: FeatureContext['server'],
        private readonly document: vscode.TextDocument,
        onDispose: () => void,
    ) {
        const scripts = vscode.Uri.joinPath(context.extensionUri, 'out', 'webview');
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
            const client = await runningClient(this.server);
            const graph = await client.sendRequest(FactoryGraphRequest, { uri: document.uri.toString(), version: document.version, text: document.getText() });
            if (ticket !== this.requested) return; // a newer edit asked again
            this.graph = graph;
            this.sendGraph();
        } catch (error) {
            this.log.error('Factory graph request failed', error);
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
                const shown = currentTrace();
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
                this.log.debug(`Factory graph: ${message.nodes} nodes laid out by ${message.engine} in ${message.ms.toFixed(0)} ms`);
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
