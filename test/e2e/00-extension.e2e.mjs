// The extension itself: activation, its Output channel, the TextMate grammar, the server start.
import { openFile, runCommand, serverStatus, sleep, token, waitForServer, waitUntil } from './workbench.mjs';

/** The Output panel's rendered text (Monaco renders spaces as U+00A0). */
const outputText = async (page) => ((await page.locator('.part.panel .monaco-editor .view-lines').first().textContent({ timeout: 2000 }).catch(() => '')) ?? '').replace(/\u00a0/g, ' ');

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
            // The command can run before the channel has its first lines, and another channel may be
            // in front: show the log again until its text is there.
            await waitUntil(async () => {
                await page.keyboard.press('Escape');
                try {
                    await runCommand(page, 'Manufactoria: Show Language Server Log');
                } catch {
                    return false; // the palette does not list the extension's commands yet
                }
                await sleep(1000);
                return (await outputText(page)).includes('Starting the Manufactoria language server');
            }, { timeout: 45_000, interval: 1000, message: 'the line "Starting the Manufactoria language server" in the Manufactoria log' });
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
            await waitUntil(async () => (await outputText(page)).includes('Restarting the language server'), { timeout: 15_000, message: 'the line "Restarting the language server"' });
            const readyLines = async () => (await outputText(page)).split('Language server ready in').length - 1;
            await waitUntil(async () => (await readyLines()) >= 2, {
                timeout: 30_000,
                message: 'a second "Language server ready" line in the log',
            });
            await waitForServer(page);
        },
    },
];
