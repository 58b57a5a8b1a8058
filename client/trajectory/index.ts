// BouncingSim trajectory feature: the `deltaStudio.showTrajectory` command, its CodeLenses and the
// panel serializer that brings panels back after a window reload.

import * as vscode from 'vscode';
import { VIEW_TYPE, checkPersistedState, isSourceRef, type SourceRef } from '../webview/protocol.js';
import { COMMAND_SHOW_TRAJECTORY, LENS_SELECTOR, TrajectoryLensProvider } from './lens.js';
import type { PanelHost } from './panel.js';
import { isJsonl, looksLikeScene, scanJsonl } from './scan.js';

/** The panel and all it needs (scene code, the Python runner, the page) load on its first use (scripts/esbuild.mjs LAZY). */
const panelModule = () => import('./panel.js');

/** What the command shows when run from the palette or the Explorer: the scene, or the row at the cursor. */
async function sourceFromEditor(uri?: vscode.Uri): Promise<SourceRef | undefined> {
    const editor = vscode.window.activeTextEditor;
    const doc = uri ? await vscode.workspace.openTextDocument(uri) : editor?.document;
    if (!doc) return undefined;
    const key = doc.uri.toString();
    if (isJsonl(doc)) {
        const entries = scanJsonl(doc.getText());
        const cursor = editor?.document === doc ? editor.selection.active.line : -1;
        const e = entries.find((x) => x.line === cursor) ?? entries[0];
        if (!e) return undefined;
        return e.program !== undefined ? { kind: 'response', uri: key, id: e.id, line: e.line } : { kind: 'row', uri: key, id: e.id, line: e.line };
    }
    return looksLikeScene(doc.getText()) ? { kind: 'scene', uri: key } : undefined;
}

export function registerTrajectory(context: vscode.ExtensionContext): void {
    const log = vscode.window.createOutputChannel('BouncingSim', { log: true });
    const host: PanelHost = { context, log, panels: new Map() };

    context.subscriptions.push(
        log,
        vscode.commands.registerCommand(COMMAND_SHOW_TRAJECTORY, async (arg?: unknown) => {
            const source = isSourceRef(arg) ? arg : await sourceFromEditor(arg instanceof vscode.Uri ? arg : undefined);
            if (!source) {
                void vscode.window.showErrorMessage('Show Trajectory needs a BouncingSim scene (a .json with "boxes" and "balls") or a dataset row or model answer line in a .jsonl file.');
                return;
            }
            (await panelModule()).TrajectoryPanel.show(host, source);
        }),
        vscode.languages.registerCodeLensProvider(LENS_SELECTOR, new TrajectoryLensProvider()),
        vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
            async deserializeWebviewPanel(panel, state: unknown) {
                const checked = checkPersistedState(state);
                if (!checked.ok) {
                    // Nothing to rebuild from (e.g. closed before the first frame): drop the empty panel.
                    log.warn(`Trajectory: not restoring a panel with unusable state: ${checked.reason}`);
                    panel.dispose();
                    return;
                }
                (await panelModule()).TrajectoryPanel.revive(host, panel, checked.value.source, checked.value.view);
            },
        }),
        vscode.workspace.onDidGrantWorkspaceTrust(() => {
            for (const panel of host.panels.values()) panel.onTrustGranted();
        }),
    );
}
