// Editing features: auto-indent (language configuration), hover, completion and rename (server).
import { EDITOR, cursorToLineEnd, editThenRestore, editorText, openFile, token, undoUntil, waitForServer, waitUntil } from './workbench.mjs';

/** Column of the cursor as the status bar shows it ("Ln 3, Col 5"). */
async function cursorColumn(page) {
    const text = (await page.locator('.part.statusbar', { hasText: /Ln \d+, Col \d+/ }).first().textContent()) ?? '';
    return Number(/Col (\d+)/.exec(text)?.[1] ?? NaN);
}

export const tests = [
    {
        name: 'Enter after a declaration line indents the next line by four spaces',
        async fn({ page }) {
            await openFile(page, 'indent.manufactoria');
            const original = await editorText(page);
            await cursorToLineEnd(page, 'start');
            await page.keyboard.press('Enter');
            const column = await waitUntil(async () => ((await cursorColumn(page)) === 5 ? 5 : 0), {
                timeout: 5000,
                message: 'the cursor to be at column 5',
            }).catch(async () => cursorColumn(page));
            await undoUntil(page, original);
            if (column !== 5) throw new Error(`cursor at column ${column} after Enter, expected 5`);
        },
    },
    {
        name: '(c) hover on PULLER_RB explains it (consumes R or B)',
        async fn({ page, shot }) {
            await openFile(page, 'correct.manufactoria');
            await waitForServer(page);
            const hover = page.locator('.monaco-hover', { hasText: 'consumes R or B' });
            // Hovers need the mouse to move onto the word; retry a few times in case the first
            // move lands before the workbench has finished laying out the editor.
            for (let attempt = 0; attempt < 4; attempt++) {
                await page.mouse.move(5, 5);
                await token(page, 'PULLER_RB').hover();
                try {
                    await hover.first().waitFor({ state: 'visible', timeout: 5000 });
                    break;
                } catch (error) {
                    if (attempt === 3) throw error;
                }
            }
            await shot('hover');
        },
    },
    {
        name: '(d) Ctrl+Space on a new indented line under a painter offers NEXT',
        async fn({ page, shot }) {
            await openFile(page, 'completion.manufactoria');
            await waitForServer(page);
            const original = await editorText(page);
            await cursorToLineEnd(page, 'paint', 1); // the declaration, not the NEXT target above it
            await page.keyboard.press('Enter');
            // Exactly four spaces, whatever auto-indent did (that has its own test).
            await page.keyboard.press('Shift+Home');
            await page.keyboard.type('    ');
            await page.keyboard.press('Control+Space');
            const row = page.locator('.suggest-widget .monaco-list-row', { hasText: /^\s*NEXT/ });
            await editThenRestore(page, original, async () => {
                await row.first().waitFor({ timeout: 15_000 });
                await shot('completion');
            });
        },
    },
    {
        name: '(e) F2 on a node id renames its declaration and every reference',
        async fn({ page, shot }) {
            await openFile(page, 'rename.manufactoria');
            await waitForServer(page);
            const original = await editorText(page);
            await token(page, 'check', 1).click(); // `PULLER_RB check:`
            await page.keyboard.press('F2');
            const input = page.locator(`${EDITOR} .rename-box input`);
            await input.waitFor({ timeout: 15_000 });
            await input.fill('reader');
            await page.keyboard.press('Enter');
            const text = await waitUntil(
                async () => {
                    const t = await editorText(page);
                    return !/\bcheck\b/.test(t.replace(/^#.*$/gm, '')) ? t : undefined;
                },
                { timeout: 15_000, message: 'every `check` to become `reader`' },
            );
            for (const expected of ['NEXT reader', 'PULLER_RB reader:', '[R] reader']) {
                if (!text.includes(expected)) throw new Error(`after rename, "${expected}" is missing:\n${text}`);
            }
            await shot('rename');
            await undoUntil(page, original);
        },
    },
];
