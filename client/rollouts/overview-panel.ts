// The run overview webview: the bundled page (out/webview/rollouts.js, ECharts inside) under a nonce
// CSP, fed the run's overview by message; row clicks open the rollout as a solution.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { isFromWebview, ROLLOUTS_VIEW_TYPE, type ToWebview } from '../webview/rollouts/protocol.js';
import { webviewPage } from '../webview/rollouts/page.js';
import { changesSummary } from '../../language/rollouts/detail.js';
import { compareRollouts, copyRolloutToWorkspace } from './documents.js';
import type { Run, Runs } from './runs.js';

const panels = new Map<number, vscode.WebviewPanel>();

/**
 * `open` shows a rollout as a solution. It comes from out/extension.cjs, not from this chunk: the
 * code-lens watch it uses keeps state that must exist once (scripts/esbuild.mjs ONE_COPY).
 */
export function showOverview(context: vscode.ExtensionContext, runs: Runs, run: Run, log: vscode.LogOutputChannel, open: (runKey: number, row: number) => Promise<vscode.TextEditor | undefined>): vscode.WebviewPanel {
    const existing = panels.get(run.key);
    if (existing) {
        existing.reveal();
        return existing;
    }
    const outDir = vscode.Uri.joinPath(context.extensionUri, 'out', 'webview');
    const panel = vscode.window.createWebviewPanel(ROLLOUTS_VIEW_TYPE, `Rollouts: ${run.title}`, vscode.ViewColumn.Active, {
        enableScripts: true,
        retainContextWhenHidden: true,
        localResourceRoots: [outDir],
    });
    panels.set(run.key, panel);
    const nonce = randomBytes(18).toString('base64url');
    const shownAt = Date.now();
    panel.webview.html = webviewPage({
        cspSource: panel.webview.cspSource,
        scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(outDir, 'rollouts.js')).toString(),
        nonce,
        title: run.title,
    });
    panel.webview.onDidReceiveMessage(async (m: unknown) => {
        if (!isFromWebview(m)) return;
        if (m.type === 'ready') {
            void panel.webview.postMessage({ type: 'overview', overview: run.overview } satisfies ToWebview);
        } else if (m.type === 'filtered') {
            if (shownAt) log.info(`Rollouts: ${run.title}: overview drawn, table shows ${m.count} rows (${Date.now() - shownAt} ms after opening the panel)`);
        } else if (m.type === 'group') {
            const distinctPrograms = await run.distinctPrograms(m.rows);
            void panel.webview.postMessage({ type: 'group', rows: m.rows, distinctPrograms } satisfies ToWebview);
        } else if (m.type === 'detail') {
            const { detail, error } = await run.detail(m.row);
            void panel.webview.postMessage({ type: 'detail', row: m.row, detail, ...(error && { error }) } satisfies ToWebview);
        } else if (m.type === 'search') {
            // A plain array: webview messages are JSON, where a typed array would become an object.
            const rows = Array.from(await run.search(m.text, m.field));
            void panel.webview.postMessage({ type: 'searched', id: m.id, rows } satisfies ToWebview);
        } else if (m.type === 'row') {
            if (m.action === 'compare' && m.other !== undefined) {
                const [, changes] = await Promise.all([compareRollouts(runs, run.key, m.row, m.other), run.changes(m.row, m.other)]);
                void panel.webview.postMessage({ type: 'changes', before: m.row, after: m.other, changes } satisfies ToWebview);
                if (changes) void vscode.window.showInformationMessage(`Rollouts compare, per test: ${changesSummary(changes)} (listed in the overview).`);
            } else if (m.action === 'copy') {
                const editor = await open(run.key, m.row);
                if (editor) await copyRolloutToWorkspace(runs, editor.document.uri);
            } else {
                await open(run.key, m.row);
            }
        }
    });
    panel.onDidDispose(() => panels.delete(run.key));
    return panel;
}
