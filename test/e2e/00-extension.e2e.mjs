// The extension itself: activation, its Output channel, the TextMate grammar, the server start.
import { openFile, runCommand, serverStatus, token, waitForServer, waitUntil } from './workbench.mjs';

export const tests = [
    {
        name: 'opening a .manufactoria file activates the extension (status bar item)',
        async fn({ page, shot }) {
            await openFile(page, 'correct.manufactoria');
            await serverStatus(page).waitFor({ timeout: 30_000 });
            await shot('activated');
        },
    },
    {
        name: 'the Manufactoria output channel logs the client starting the server',
        async fn({ page, shot }) {
            await runCommand(page, 'Manufactoria: Show Language Server Log');
            await page
                .locator('.part.panel .monaco-editor .view-lines', { hasText: 'Starting the Manufactoria language server' })
                .waitFor({ timeout: 15_000 });
            await shot('output-channel');
        },
    },
    {
        name: 'the TextMate grammar colours node types, ids and conditions differently',
        async fn({ page }) {
            await openFile(page, 'correct.manufactoria');
            const cls = async (text) => (await token(page, text).getAttribute('class')) ?? '';
            const [start, id, puller, condition] = await Promise.all(['START', 'start', 'PULLER_RB', 'EMPTY'].map(cls));
            // Every token is rendered as an `mtkN` span; equal classes would mean one colour.
            if (!start.startsWith('mtk')) throw new Error(`unexpected token class "${start}"`);
            if (start === id) throw new Error(`START and its id share the class "${start}"`);
            if (puller === id) throw new Error(`PULLER_RB and the id share the class "${puller}"`);
            if (condition === id) throw new Error(`[EMPTY] and the id share the class "${condition}"`);
        },
    },
    {
        name: 'the language server starts (status bar reports running)',
        async fn({ page, shot }) {
            await openFile(page, 'correct.manufactoria');
            await waitForServer(page);
            await shot('server-running');
        },
    },
    {
        name: '"Manufactoria: Restart Language Server" brings the server back',
        async fn({ page }) {
            await openFile(page, 'correct.manufactoria');
            await waitForServer(page);
            await runCommand(page, 'Manufactoria: Restart Language Server');
            await runCommand(page, 'Manufactoria: Show Language Server Log');
            const log = page.locator('.part.panel .monaco-editor .view-lines');
            await log.filter({ hasText: 'Restarting the language server' }).waitFor({ timeout: 15_000 });
            // Monaco renders spaces as U+00A0.
            const readyLines = async () => ((await log.first().textContent()) ?? '').replace(/\u00a0/g, ' ').split('Language server ready in').length - 1;
            await waitUntil(async () => (await readyLines()) >= 2, {
                timeout: 30_000,
                message: 'a second "Language server ready" line in the log',
            });
            await waitForServer(page);
        },
    },
];
