// The rollout and graph commands through the `vscode` API: Open Rollouts on the synthetic demo run
// fills the Rollouts view's tree, a rollout copied twice makes two files, and Show Factory Graph opens
// its webview panel. These load parts of the extension bundled apart (scripts/esbuild.mjs LAZY), so
// they also check that those load.
const path = require('node:path');
const { assert, vscode, extensionApi, openDocument, waitFor } = require('./helpers.cjs');

/** Every open tab whose webview has this view type (VS Code prefixes the type). */
const webviewTabs = (viewType) => vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(viewType));

describe('rollout and graph commands (in the extension host)', function () {
    let api;
    before(async () => {
        api = await extensionApi();
    });

    it('deltaStudio.openRollouts on the demo run: the Rollouts view lists the run, its families and problems, and the overview opens', async () => {
        const extension = vscode.extensions.getExtension('delta-studio.delta-studio');
        const run = vscode.Uri.file(path.join(extension.extensionPath, 'demo', 'rollouts', 'synthetic-verl'));
        await vscode.commands.executeCommand('deltaStudio.openRollouts', run);
        const tree = api.rollouts;
        assert.ok(tree, 'the API exposes the Rollouts tree');
        const [runNode] = await waitFor(() => (tree.getChildren().length ? tree.getChildren() : undefined), 'a run in the Rollouts view', 120_000);
        const item = tree.getTreeItem(runNode);
        assert.equal(item.label, 'synthetic-verl');
        assert.match(String(item.description), /^\d+ rollouts · \d+\.\d % solved · \d+\/\d+$/);
        const families = tree.getChildren(runNode);
        assert.ok(families.length > 0, 'the run has families');
        const problems = tree.getChildren(families[0]);
        assert.ok(problems.length > 0, 'a family has problems');
        assert.match(String(tree.getTreeItem(problems[0]).description), /^\d+\.\d % solved · \d+\/\d+ · (never solved|first solved at step \d+(, every step since \d+)?)$/);
        await waitFor(() => (webviewTabs('deltaStudio.rolloutsOverview').length ? true : undefined), 'the run overview panel');
    });

    it('deltaStudio.rollouts.copyToWorkspace twice: a second file, the first copy (maybe edited) untouched', async () => {
        const [runNode] = api.rollouts.getChildren();
        assert.ok(runNode, 'the demo run is open (the test above)');
        const editor = await vscode.commands.executeCommand('deltaStudio.rollouts.openRollout', runNode.run.key, 0);
        assert.equal(editor?.document.uri.scheme, 'delta-rollout');
        const copies = [];
        for (let i = 0; i < 2; i++) {
            await vscode.commands.executeCommand('deltaStudio.rollouts.copyToWorkspace', editor.document.uri);
            copies.push(vscode.window.activeTextEditor.document);
            if (i === 0) {
                await vscode.workspace.fs.writeFile(copies[0].uri, new TextEncoder().encode('# edited\n'));
            }
        }
        try {
            assert.notEqual(copies[1].uri.toString(), copies[0].uri.toString());
            assert.match(copies[1].uri.path, /-2\.manufactoria$/);
            assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(copies[0].uri)), '# edited\n');
            assert.match(copies[1].getText(), /^# (problem: |copied from rollout )/);
        } finally {
            await vscode.commands.executeCommand('workbench.action.closeAllEditors');
            for (const copy of copies) await vscode.workspace.fs.delete(copy.uri).then(undefined, () => undefined);
        }
    });

    it('manufactoria.showFactoryGraph opens the graph panel beside the solution', async () => {
        const document = await openDocument('starts-with-bb.manufactoria');
        await vscode.commands.executeCommand('manufactoria.showFactoryGraph', document.uri);
        const [tab] = await waitFor(() => { const tabs = webviewTabs('manufactoria.factoryGraph'); return tabs.length ? tabs : undefined; }, 'the factory graph panel');
        assert.equal(tab.label, 'Graph: starts-with-bb.manufactoria');
    });
});
