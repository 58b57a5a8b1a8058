// The language server through the `vscode` API: diagnostics, hover, completion, code lenses.
const { assert, vscode, extensionApi, openDocument, waitFor } = require('./helpers.cjs');

describe('language features (in the extension host)', function () {
    before(async () => {
        await extensionApi();
    });

    it('reports the reference error of a broken program as a diagnostic on its line', async () => {
        const document = await openDocument('broken.manufactoria');
        const diagnostics = await waitFor(() => {
            const found = vscode.languages.getDiagnostics(document.uri);
            return found.length ? found : undefined;
        }, 'diagnostics of broken.manufactoria');
        const error = diagnostics.find((d) => d.severity === vscode.DiagnosticSeverity.Error);
        assert.ok(error, 'an error diagnostic');
        assert.equal(error.message, "START node must have ID 'start'");
        assert.equal(error.range.start.line, 0);
    });

    it('reports nothing for a correct program', async () => {
        const document = await openDocument('correct.manufactoria');
        // Wait until the server has validated it (a code lens request answers after the build).
        await vscode.commands.executeCommand('vscode.executeCodeLensProvider', document.uri);
        const errors = vscode.languages.getDiagnostics(document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
        assert.deepEqual(errors.map((d) => d.message), []);
    });

    it('hovers a puller with the colours it reads', async () => {
        const document = await openDocument('starts-with-bb.manufactoria');
        const line = document.getText().split('\n').findIndex((l) => l.startsWith('PULLER_RB'));
        const hovers = await waitFor(async () => {
            const found = await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, new vscode.Position(line, 3));
            return found?.length ? found : undefined;
        }, 'a hover on PULLER_RB');
        const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
        assert.match(text, /consumes R or B/);
    });

    it('completes the node kinds at the left margin', async () => {
        const document = await openDocument('completion.manufactoria');
        const lines = document.getText().split('\n');
        const margin = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(lines.length - 1, 0));
        const labels = margin.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
        for (const kind of ['START', 'END', 'PULLER_RB', 'PULLER_YG', 'PAINTER_RED']) assert.ok(labels.includes(kind), `${kind} in ${labels.join(', ')}`);
    });

    it('shows the run lens above START of a solution with tests', async () => {
        const document = await openDocument('starts-with-bb.manufactoria');
        const lenses = await waitFor(async () => {
            const found = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', document.uri, 10);
            const titles = (found ?? []).map((l) => l.command?.title ?? '');
            return titles.some((t) => /Run \d+ tests/.test(t)) ? titles : undefined;
        }, 'a "Run N tests" lens');
        assert.ok(lenses.some((t) => /Run \d+ tests/.test(t)), lenses.join(' | '));
    });
});
