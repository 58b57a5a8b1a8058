// VS Code sometimes asks no provider for the code lenses of an editor opened from a webview (seen
// in e2e with rollouts opened as solutions: no request at all, even our client-side "Show Factory
// Graph" lens missing, while the next document got its requests in milliseconds). The language
// client's middleware records each request; a document opened by us that got none soon after is
// nudged: adding and removing a provider makes every editor's code-lens controller start over;
// and every one gets a second look 4 s after it opened, since an answered request may still have
// drawn nothing. (VS Code's controller drops a pending request when its editor loses focus and asks
// again only on focus; a restart schedules one regardless. docs/editor.md.)
import * as vscode from 'vscode';

const asked = new Set<string>();
const NUDGE_AFTER_MS = 2000;
/**
 * An answered request can still leave no lens drawn (VS Code fills in lens titles in a later pass,
 * only in zones already painted): one more restart this long after opening, whatever was asked.
 */
const SECOND_LOOK_MS = 4000;
let log: vscode.LogOutputChannel | undefined;

/** At activation: where a nudge is logged. */
export function watchCodeLenses(channel: vscode.LogOutputChannel): void {
    log = channel;
}

/** Called by the language client's middleware for every code-lens request. */
export function lensRequested(uri: vscode.Uri): void {
    asked.add(uri.toString());
}

/** Call right before showing `uri` in an editor: nudges VS Code if it asks for no lenses within 2 s, and once more at 4 s. */
export function expectCodeLenses(uri: vscode.Uri): void {
    const key = uri.toString();
    asked.delete(key);
    setTimeout(() => {
        if (asked.has(key)) return;
        nudge(`No code-lens request for ${uri.toString(true)} ${NUDGE_AFTER_MS} ms after it opened`);
    }, NUDGE_AFTER_MS);
    setTimeout(() => nudge(`Second look at ${uri.toString(true)} ${SECOND_LOOK_MS} ms after it opened`), SECOND_LOOK_MS);
}

function nudge(why: string): void {
    log?.info(`${why}: asking VS Code for code lenses again`);
    vscode.languages.registerCodeLensProvider({ scheme: 'delta-studio-nudge' }, { provideCodeLenses: () => [] }).dispose();
}
