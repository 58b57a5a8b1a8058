// What draws a trace: the editor decorations with their gutter badges, and the status bar items.
// Loaded with the first trace shown (scripts/esbuild.mjs LAZY).
import type * as vscode from 'vscode';
import { GutterBadges } from './gutter-icons.js';
import { TraceStatus } from './trace-status.js';
import { TraceView } from './trace-view.js';

export class TraceDrawing {
    readonly badges: GutterBadges;
    readonly view: TraceView;
    readonly status = new TraceStatus();

    constructor(storage: vscode.Uri) {
        this.badges = new GutterBadges(storage);
        this.view = new TraceView(this.badges);
    }

    dispose(): void {
        this.view.dispose();
        this.badges.dispose();
        this.status.dispose();
    }
}
