// "Show Factory Graph": a webview beside any Manufactoria document (any URI scheme: files,
// untitled buffers, the rollout explorer's read-only documents) drawing the graph the language
// server builds from the document's text. Redraws on edit (debounced), reveals a node's
// declaration on click, highlights the node under the cursor, follows a trace being stepped.
import * as vscode from 'vscode';
import { FactoryGraphRequest } from '../../server/protocol.js';
import type { FeatureContext } from '../extension.js';
import { runningClient } from '../testing/connection.js';
import { currentTrace, onTraceChanged } from '../trace/trace-events.js';
import type { GraphHost, GraphPanel } from './panel.js';

export const SHOW_GRAPH_COMMAND = 'manufactoria.showFactoryGraph';
const LANGUAGE_ID = 'manufactoria';

export function registerFactoryGraph({ context, log, server }: FeatureContext): void {
    const panels = new Map<string, GraphPanel>();
    const host: GraphHost = {
        context, log, currentTrace,
        requestGraph: async (document) => (await runningClient(server)).sendRequest(FactoryGraphRequest, { uri: document.uri.toString(), version: document.version, text: document.getText() }),
    };
    const show = async (arg?: unknown) => {
        const uri = arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.parse(arg) : vscode.window.activeTextEditor?.document.uri;
        const document = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) || (uri && await vscode.workspace.openTextDocument(uri));
        if (!document || document.languageId !== LANGUAGE_ID) {
            return void vscode.window.showInformationMessage('Manufactoria: open a Manufactoria file to show its factory graph.');
        }
        // The panel and its page load on first use (scripts/esbuild.mjs LAZY).
        const { GraphPanel } = await import('./panel.js');
        const key = document.uri.toString();
        const existing = panels.get(key);
        if (existing) return existing.panel.reveal(undefined, true);
        const panel = new GraphPanel(host, document, () => panels.delete(key));
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

