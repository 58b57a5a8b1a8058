// `manufactoria.showTrace` (uri, testId): one test's run drawn into its file, stepped through with
// next/previous/first/last. One trace at a time; editing the file closes it (the trace is stale).
import * as vscode from 'vscode';
import { Commands, TraceRequest, type TraceResult } from '../../server/protocol.js';
import type { FeatureContext } from '../extension.js';
import { runningClient } from '../testing/connection.js';
import type { TraceDrawing } from './drawing.js';
import { TRACE_ACTIVE_KEY, TRACE_COMMANDS, TRACE_GO_TO } from './trace-commands.js';
import { traceChanged } from './trace-events.js';

interface Shown {
    uri: vscode.Uri;
    trace: TraceResult;
    current: number;
}

export function registerTrace({ context, log, server }: FeatureContext): void {
    // Created with the first trace shown; while there is none, nothing is shown either.
    let drawing: TraceDrawing | undefined;
    let shown: Shown | undefined;

    const editorsOf = (uri: vscode.Uri) => vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === uri.toString());
    const render = () => {
        if (!shown || !drawing) return;
        for (const editor of editorsOf(shown.uri)) drawing.view.draw(editor, shown.trace, shown.current);
        drawing.status.show(shown.trace, shown.current);
        traceChanged({ uri: shown.uri.toString(), trace: shown.trace, current: shown.current });
    };
    const close = () => {
        if (!shown || !drawing) return;
        for (const editor of editorsOf(shown.uri)) drawing.view.clear(editor);
        shown = undefined;
        traceChanged(undefined);
        drawing.status.hide();
        void vscode.commands.executeCommand('setContext', TRACE_ACTIVE_KEY, false);
    };
    const go = (index: (s: Shown) => number) => {
        if (!shown || !drawing) return;
        shown.current = Math.max(0, Math.min(shown.trace.steps.length - 1, index(shown)));
        render();
        const editor = editorsOf(shown.uri)[0];
        if (editor) drawing.view.reveal(editor, shown.trace, shown.current);
    };

    const show = async (uriArg?: unknown, testId?: unknown) => {
        if (typeof uriArg !== 'string' || typeof testId !== 'string') {
            return void vscode.window.showInformationMessage('Manufactoria: use a "Trace" code lens above a test, or run a test with the "Run and Trace First Failure" profile.');
        }
        let trace: TraceResult;
        try {
            trace = await (await runningClient(server)).sendRequest(TraceRequest, { uri: uriArg, testId });
        } catch (error) {
            log.error('Trace request failed', error);
            return void vscode.window.showErrorMessage(`Manufactoria: could not trace the test: ${error instanceof Error ? error.message : String(error)}`);
        }
        if (trace.error) return void vscode.window.showErrorMessage(`Manufactoria: cannot trace ${trace.label || testId}: ${trace.error}`);
        close();
        const uri = vscode.Uri.parse(uriArg);
        const doc = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(doc, { viewColumn: editorsOf(uri)[0]?.viewColumn, preview: false });
        drawing ??= new (await import('./drawing.js')).TraceDrawing(context.globalStorageUri);
        await drawing.view.prepare(trace);
        shown = { uri, trace, current: 0 };
        void vscode.commands.executeCommand('setContext', TRACE_ACTIVE_KEY, true);
        go(() => 0);
    };

    context.subscriptions.push(
        { dispose: () => drawing?.dispose() },
        vscode.commands.registerCommand(Commands.showTrace, show),
        vscode.commands.registerCommand(TRACE_COMMANDS.next, () => go((s) => s.current + 1)),
        vscode.commands.registerCommand(TRACE_COMMANDS.previous, () => go((s) => s.current - 1)),
        vscode.commands.registerCommand(TRACE_COMMANDS.first, () => go(() => 0)),
        vscode.commands.registerCommand(TRACE_COMMANDS.last, () => go((s) => s.trace.steps.length - 1)),
        vscode.commands.registerCommand(TRACE_COMMANDS.close, close),
        vscode.commands.registerCommand(TRACE_GO_TO, (index: unknown) => typeof index === 'number' && go(() => index)),
        vscode.workspace.onDidChangeTextDocument((e) => {
            if (shown && e.contentChanges.length > 0 && e.document.uri.toString() === shown.uri.toString()) {
                close();
                vscode.window.setStatusBarMessage('Manufactoria: trace closed (the file changed)', 4000);
            }
        }),
        vscode.workspace.onDidCloseTextDocument((doc) => {
            if (shown && doc.uri.toString() === shown.uri.toString()) close();
        }),
        // An editor of the file shown again (tab switch, split) gets the decorations back.
        vscode.window.onDidChangeVisibleTextEditors(render),
    );
}
