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

    it('a problem file outside the workspace rewritten between runs: the next run describes its tests again', async () => {
        // No file watcher reports a change outside the workspace: the run itself tells the client.
        const fs = require('node:fs');
        const os = require('node:os');
        const path = require('node:path');
        const problems = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'delta-outside-')), 'p.jsonl');
        const row = (rejectR) => `${JSON.stringify({ id: 'o', name: 'Outside', criteria: 'c', problem_type: 'f', difficulty_level: 'basic', test_cases: [
            { input: 'B', expected_output: '', expected_accepted: true, check_output: false, description: '' },
            { input: 'R', expected_output: '', expected_accepted: !rejectR, check_output: false, description: '' },
        ] })}\n`;
        fs.writeFileSync(problems, row(true));
        const solution = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'outside.manufactoria');
        await vscode.workspace.fs.writeFile(solution, new TextEncoder().encode(`# problem: ${problems}\nSTART start:\n    NEXT end\nEND end\n`));
        const { controller, states } = api.testing;
        const secondCase = async () => {
            await vscode.commands.executeCommand('manufactoria.runTests', solution);
            let item;
            controller.items.forEach((i) => { if (i.uri?.toString() === solution.toString()) item = i; });
            return item?.children.get('p1');
        };
        try {
            const before = await secondCase();
            assert.match(before.description, /expects rejected/);
            assert.equal(states.get('p1'), 'failed');
            const key = `${problems}|row|0`; // problemKey: the Problems view's status of this row
            assert.equal(api.results.statusOf(key).status, 'failing');
            fs.writeFileSync(problems, row(false));
            // Described again (Test Explorer's refresh): the old cases' failure no longer tells the status.
            await vscode.commands.executeCommand('testing.refreshTests');
            await waitFor(() => (api.results.statusOf(key).status === 'none' ? true : undefined), 'the status of a rewritten problem to be dropped');
            const after = await secondCase();
            assert.match(after.description, /expects accepted/, 'the item shows the case that ran');
            assert.equal(states.get('p1'), 'passed');
            assert.equal(api.results.statusOf(key).status, 'solved');
        } finally {
            await vscode.workspace.fs.delete(solution);
        }
    });

    it('restarts the language server on command and keeps answering', async () => {
        await vscode.commands.executeCommand('manufactoria.restartServer');
        assert.equal(api.server.phase, 'running');
        const document = await openDocument('broken.manufactoria');
        const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', document.uri);
        assert.ok(Array.isArray(lenses));
    });
});
