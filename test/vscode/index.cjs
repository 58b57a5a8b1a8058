// extensionTestsPath entry: runs every test/vscode/*.test.cjs with mocha inside the extension host
// and rejects on any failure. `npx vscode-test` (.vscode-test.mjs) loads the same files on desktop
// VS Code; `npm run e2e` loads this module in code-server (docs/e2e.md).
const path = require('node:path');
const fs = require('node:fs');
const { Mocha } = require('mocha');

exports.run = function run() {
    const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
    for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.cjs')).sort()) mocha.addFile(path.join(__dirname, file));
    return new Promise((resolve, reject) => {
        mocha.run((failures) => (failures ? reject(new Error(`${failures} in-host test(s) failed`)) : resolve()));
    });
};
