// "▶ Show trajectory" CodeLenses: on line 1 of a scene JSON, on each BouncingSim row of a dataset
// JSONL, and on each model answer line. Results are cached per document version, because VS Code
// asks again on every scroll and the JSONL scan parses the matching lines.

import * as vscode from 'vscode';
import type { SourceRef } from '../webview/protocol.js';
import { isJsonl, looksLikeScene, scanJsonl } from './scan.js';

export const COMMAND_SHOW_TRAJECTORY = 'deltaStudio.showTrajectory';

export const LENS_SELECTOR: vscode.DocumentSelector = [{ language: 'json' }, { language: 'jsonl' }, { pattern: '**/*.jsonl' }];

function lens(line: number, title: string, tooltip: string, source: SourceRef): vscode.CodeLens {
    return new vscode.CodeLens(new vscode.Range(line, 0, line, 0), { title, tooltip, command: COMMAND_SHOW_TRAJECTORY, arguments: [source] });
}

/** The lenses of one document (no caching). */
export function trajectoryLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const uri = doc.uri.toString();
    if (isJsonl(doc)) {
        return scanJsonl(doc.getText()).map((e) => e.program !== undefined
            ? lens(e.line, '▶ Show trajectory (model answer)', `Animate row ${e.id} and compare the model's predicted positions with the ground truth`,
                { kind: 'response', uri, id: e.id, line: e.line })
            : lens(e.line, '▶ Show trajectory', `Animate row ${e.id} (scene rebuilt from the prompt) with its ground truth`,
                { kind: 'row', uri, id: e.id, line: e.line }));
    }
    if (doc.languageId === 'json' && looksLikeScene(doc.getText())) {
        return [lens(0, '▶ Show trajectory', 'Simulate this scene and animate it', { kind: 'scene', uri })];
    }
    return [];
}

export class TrajectoryLensProvider implements vscode.CodeLensProvider {
    private readonly cache = new WeakMap<vscode.TextDocument, { version: number; lenses: vscode.CodeLens[] }>();

    provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
        const hit = this.cache.get(doc);
        if (hit && hit.version === doc.version) return hit.lenses;
        const lenses = trajectoryLenses(doc);
        this.cache.set(doc, { version: doc.version, lenses });
        return lenses;
    }
}
