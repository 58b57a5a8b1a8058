// Runs test/vscode/index.cjs inside code-server's extension host (the smoke-test driver's payload
// hook, docs/e2e.md): loads the workbench with this checkout as the development extension, echoes
// the host's console, and exits with the host's exit code (0 = every in-host test passed).
//   E2E_URL        workbench base URL of a server started with --vscode-option enable-smoke-test-driver
//   E2E_WORKSPACE  absolute path of the workspace folder to open
//   E2E_EXTENSION  absolute path of the extension folder (package.json, out/)
import path from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';

const { E2E_URL: url, E2E_WORKSPACE: workspace, E2E_EXTENSION: extension } = process.env;
const TIMEOUT_MS = Number(process.env.E2E_IN_HOST_TIMEOUT ?? 240_000);
if (!url || !workspace || !extension) {
    console.error('E2E_URL, E2E_WORKSPACE and E2E_EXTENSION must be set; run `npm run e2e` instead.');
    process.exit(2);
}

const authority = new URL(url).host;
const remote = (p) => `vscode-remote://${authority}${p}`;
const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(extension)],
    ['extensionTestsPath', remote(path.join(extension, 'test/vscode/index.cjs'))],
    ['skipWelcome', 'true'],
]);

const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
});
let code;
try {
    const page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    let exited;
    const exit = new Promise((resolve) => (exited = resolve));
    // The host's console arguments as it passed them (mocha's `%s (%dms)` and their values): formatted here.
    await page.exposeFunction('codeAutomationLog', (type, args) => console.log(`  [exthost ${type}] ${format(...(Array.isArray(args) ? args : [args]))}`));
    await page.exposeFunction('codeAutomationExit', (exitCode) => exited(exitCode));
    await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
    code = await Promise.race([exit, new Promise((resolve) => setTimeout(() => resolve('timeout'), TIMEOUT_MS))]);
} finally {
    await browser.close();
}
console.log(code === 0 ? '✓ in-host suites (test/vscode) passed' : `✗ in-host suites (test/vscode): ${code === 'timeout' ? `no exit within ${TIMEOUT_MS / 1000} s` : `exit code ${code}`}`);
process.exit(code === 0 ? 0 : 1);
