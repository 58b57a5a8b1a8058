// One diagnostic per cause and the "did you mean" quick fixes, as a user sees them.
import { EDITOR, SQUIGGLE_ERROR, editorText, editorTextFromTop, editThenRestore, openFile, sleep, waitForServer, waitUntil } from './workbench.mjs';

/** The Problems panel rows (messages) of one file, once the panel lists it. */
async function problemRows(page) {
    await page.locator(`${EDITOR} .view-lines`).first().click();
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.first().waitFor({ timeout: 15_000 });
    return panel;
}

/** Puts the cursor at the end of the line holding `text`, opens the quick fix menu and picks `title`. */
async function quickFix(page, text, title) {
    // From the top: the Problems panel opened and closed can leave this 10-line file scrolled to its
    // last line, and a line scrolled out of view is not rendered, so there would be nothing to click.
    await page.locator(`${EDITOR} .view-lines`).first().click();
    await page.keyboard.press('Control+Home');
    await page.locator(`${EDITOR} .view-lines .view-line`, { hasText: text }).first().click();
    await page.keyboard.press('End');
    const item = page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
    // Ctrl+. again if the menu did not open (seen once in a full run: the key press came to nothing,
    // the code actions were there on the next try), as a user would press it again.
    for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('Control+.');
        try {
            await item.waitFor({ timeout: 7_000 });
            break;
        } catch (error) {
            if (attempt === 3) throw error;
            await page.keyboard.press('Escape');
        }
    }
    await item.click();
}

export const tests = [
    {
        name: '(k) a misspelled kind and target: one error each, no knock-on errors; "did you mean" fixes both',
        async fn({ page, shot }) {
            await openFile(page, 'typos.manufactoria');
            await waitForServer(page);
            const original = await editorText(page);
            await page.locator(SQUIGGLE_ERROR).first().waitFor({ timeout: 30_000 });
            const panel = await problemRows(page);
            const rows = panel.locator('.monaco-list-row', { hasText: /Invalid node declaration|references undefined node/ });
            await rows.first().waitFor({ timeout: 15_000 });
            await sleep(500);
            const messages = await rows.allTextContents();
            // The broken declaration; `[R] read` and `NEXT read` are its consequences, not errors.
            if (!messages.some((m) => m.includes('Invalid node declaration: PULER_RB read:'))) throw new Error(`rows: ${messages.join(' | ')}`);
            if (messages.some((m) => m.includes("undefined node 'read'") && !m.includes('consequence'))) throw new Error(`knock-on error listed: ${messages.join(' | ')}`);
            await shot('typos-problems');
            await page.keyboard.press('Control+Shift+M');

            await editThenRestore(page, original, async () => {
                await quickFix(page, 'PULER_RB read:', "Did you mean 'PULLER_RB'?");
                await waitUntil(async () => (await editorTextFromTop(page)).includes('PULLER_RB read:'), { message: 'PULER_RB to become PULLER_RB' });
                // Now the misspelled target is the one error left, once, on `endd`.
                await waitUntil(async () => {
                    const listed = await (await problemRows(page)).locator('.monaco-list-row', { hasText: /undefined node|Undefined node/ }).allTextContents();
                    await page.keyboard.press('Control+Shift+M');
                    return listed.length === 1 && listed[0].includes("Node 'read' references undefined node 'endd'");
                }, { timeout: 30_000, message: "exactly one diagnostic for 'endd'" });
                await quickFix(page, '[B] endd', "Did you mean 'end'?");
                await waitUntil(async () => (await editorTextFromTop(page)).includes('[B] end\n'), { message: 'endd to become end' });
                await waitUntil(async () => (await page.locator(SQUIGGLE_ERROR).count()) === 0, { timeout: 30_000, message: 'no error left' });
                await shot('typos-fixed');
            });
        },
    },
];
