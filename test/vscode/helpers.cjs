// Shared by the in-host suites: the workspace, the extension's API, and polling for async results
// (the language server answers after activation and after each edit).
const assert = require('node:assert/strict');
const vscode = require('vscode');

const EXTENSION_ID = 'delta-studio.delta-studio';

function workspaceUri(name) {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the tests need the e2e workspace (test/e2e/workspace) open');
    return vscode.Uri.joinPath(folder.uri, name);
}

/** Activates the extension and waits for the language server's first start. */
async function extensionApi() {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    const api = await extension.activate();
    await api.ready;
    assert.equal(api.server.phase, 'running', 'the language server runs');
    return api;
}

async function openDocument(name) {
    const document = await vscode.workspace.openTextDocument(workspaceUri(name));
    await vscode.window.showTextDocument(document);
    return document;
}

/** Polls `get` until it returns something other than undefined. */
async function waitFor(get, what, timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    let last;
    for (;;) {
        try {
            const value = await get();
            if (value !== undefined) return value;
        } catch (error) {
            last = error;
        }
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}

module.exports = { assert, vscode, workspaceUri, extensionApi, openDocument, waitFor };
