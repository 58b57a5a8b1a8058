// Commands and Test Explorer through the `vscode` API: running a solution's tests fills the
// controller's items with passed and failed states.
const { assert, vscode, extensionApi, openDocument, waitFor } = require('./helpers.cjs');

describe('commands and Test Explorer (in the extension host)', function () {
    let api;
    before(async () => {
        api = await extensionApi();
    });

    it('contributes its commands', async () => {
        const commands = await vscode.commands.getCommands(true);
        for (const id of ['manufactoria.runTests', 'manufactoria.runAllSolutions', 'manufactoria.restartServer', 'manufactoria.problems.refresh', 'deltaStudio.showTrajectory']) {
            assert.ok(commands.includes(id), `${id} is registered`);
        }
    });

    it('manufactoria.runTests runs the solution: Test Explorer shows each test passed or failed', async () => {
        const document = await openDocument('starts-with-bb.manufactoria');
        await vscode.commands.executeCommand('manufactoria.runTests', document.uri);
        const { controller, states } = api.testing;
        const file = await waitFor(() => {
            let found;
            controller.items.forEach((item) => { if (item.uri?.toString() === document.uri.toString()) found = item; });
            return found && found.children.size > 0 ? found : undefined;
        }, 'the solution in Test Explorer');
        const children = [];
        file.children.forEach((child) => children.push(child));
        const seen = children.map((child) => states.get(child.id));
        assert.ok(seen.every((s) => s === 'passed' || s === 'failed'), `every test has a result: ${seen.join(', ')}`);
        // The solution only checks the first symbol, so some tests fail and some pass.
        assert.ok(seen.includes('passed') && seen.includes('failed'), seen.join(', '));
    });

    it('restarts the language server on command and keeps answering', async () => {
        await vscode.commands.executeCommand('manufactoria.restartServer');
        assert.equal(api.server.phase, 'running');
        const document = await openDocument('broken.manufactoria');
        const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', document.uri);
        assert.ok(Array.isArray(lenses));
    });
});
