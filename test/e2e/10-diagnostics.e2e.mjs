// Reference-exact diagnostics: in the editor (squiggle) and in the Problems panel.
import { EDITOR, SQUIGGLE_ERROR, editorText, hasSquiggleOnLineOf, openFile, sleep, token, undoUntil, waitForServer, waitUntil } from './workbench.mjs';

const REFERENCE_MESSAGE = "START node must have ID 'start'";

export const tests = [
    {
        name: "(a) broken.manufactoria: error squiggle and \"START node must have ID 'start'\" on line 1 in Problems",
        async fn({ page, shot }) {
            await openFile(page, 'broken.manufactoria');
            await waitForServer(page);
            await page.locator(SQUIGGLE_ERROR).first().waitFor({ timeout: 30_000 });
            await shot('broken-squiggle');
            // Ctrl+Shift+M only reaches the workbench when focus is inside it.
            await page.locator(`${EDITOR} .view-lines`).first().click();
            await page.keyboard.press('Control+Shift+M');
            const row = page.locator('.markers-panel .monaco-list-row', { hasText: REFERENCE_MESSAGE }).first();
            await row.waitFor({ timeout: 15_000 });
            const text = (await row.textContent()) ?? '';
            if (!/Ln 1\b/.test(text)) throw new Error(`the problem is not on line 1: "${text}"`);
            await shot('broken-problems');
        },
    },
    {
        // No squiggle proves nothing by itself (diagnostics may not have arrived yet). So first show
        // that the server does validate this very document: add an invalid line, wait for its
        // squiggle, undo, and only then require the editor to be free of errors.
        name: '(b) correct.manufactoria: no error squiggle once its diagnostics are in',
        async fn({ page, shot }) {
            await openFile(page, 'correct.manufactoria');
            await waitForServer(page);
            const original = await editorText(page);
            await page.locator(`${EDITOR} .view-lines`).first().click();
            await page.keyboard.press('Control+End');
            await page.keyboard.press('Enter');
            await page.keyboard.type('oops', { delay: 20 });
            await waitUntil(() => hasSquiggleOnLineOf(page, token(page, 'oops')), {
                timeout: 30_000,
                message: 'an error squiggle on the added line',
            });
            await undoUntil(page, original);
            await waitUntil(async () => (await page.locator(SQUIGGLE_ERROR).count()) === 0, {
                timeout: 20_000,
                message: 'the error squiggles in correct.manufactoria to go away',
            });
            // Stay clean for a moment: a late diagnostic would show up here.
            await sleep(1500);
            const late = await page.locator(SQUIGGLE_ERROR).count();
            if (late) throw new Error(`${late} error squiggle(s) in correct.manufactoria`);
            const panel = page.locator('.markers-panel');
            if ((await panel.count()) && (await panel.first().isVisible())) {
                const listed = await panel.first().textContent();
                if (listed?.includes('correct.manufactoria')) throw new Error('the Problems panel lists correct.manufactoria');
            }
            await shot('correct-clean');
        },
    },
];
