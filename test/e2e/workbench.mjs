// Helpers for driving the VS Code web workbench (code-server 4.139 = VS Code 1.139) from tests.
// Selectors follow the steering repo's shared/spec/e2e-in-real-vscode.md §6.2.

/** The main editor area; excludes the editors inside panels (Output, …). */
export const EDITOR = '.part.editor .monaco-editor';
export const SQUIGGLE_ERROR = `${EDITOR} .squiggly-error`;

/** The first code lens in the editor area whose text matches `text`. */
export const lensLink = (page, text) => page.locator(`${EDITOR} .codelens-decoration a`, { hasText: text }).first();

/** The status bar item of a running trace (its aria-label reads the step). */
export const traceStatus = (page) => page.locator('.part.statusbar [aria-label^="Manufactoria trace: step"]').first();
const STATUS_LABEL = 'Manufactoria language server';

export function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `fn` until it returns a truthy value; throws `message` after `timeout` ms. */
export async function waitUntil(fn, { timeout = 15_000, interval = 200, message = 'condition' } = {}) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
        last = await fn();
        if (last) return last;
        if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${message}`);
        await sleep(interval);
    }
}

export async function loadWorkbench(page, url) {
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The Explorer fills in once the remote file system answers.
    await page.getByRole('treeitem').first().waitFor({ timeout: 30_000 });
}

/** Opens a workspace file from the Explorer and waits until its editor shows text. */
export async function openFile(page, name) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await page.getByRole('treeitem', { name: new RegExp(`^${escaped}`) }).first().click();
    await page.locator(`.part.editor .tab.active`, { hasText: name }).waitFor({ timeout: 15_000 });
    await page.locator(`${EDITOR} .view-lines .view-line`).first().waitFor({ timeout: 15_000 });
}

/** Text of the active editor's rendered lines, in visual order, with real spaces. */
export async function editorText(page) {
    return page.locator(`${EDITOR} .view-lines`).first().evaluate((el) =>
        [...el.querySelectorAll('.view-line')]
            .map((line) => ({ top: parseFloat(line.style.top) || 0, text: line.textContent ?? '' }))
            .sort((a, b) => a.top - b.top)
            .map((l) => l.text.replace(/\u00a0/g, ' '))
            .join('\n'),
    );
}

/** The rendered token span whose text is exactly `text` (the n-th one). */
export function token(page, text, nth = 0) {
    return page.locator(`${EDITOR} .view-lines .view-line span span`).filter({ hasText: new RegExp(`^${text}$`) }).nth(nth);
}

/** Puts the cursor at the end of the line holding the token `text`. */
export async function cursorToLineEnd(page, text, nth = 0) {
    await token(page, text, nth).click();
    await page.keyboard.press('End');
}

/** The status bar item of the extension, whatever its state. */
export function serverStatus(page) {
    return page.locator(`.part.statusbar [aria-label^="${STATUS_LABEL}"]`).first();
}

/**
 * Waits until the extension reports the language server running. Fails fast when the status bar
 * says it failed, so the tests that need the server do not each burn their whole timeout.
 */
export async function waitForServer(page, timeout = 45_000) {
    const label = await waitUntil(
        async () => {
            const item = serverStatus(page);
            if (!(await item.count())) return undefined;
            const value = await item.getAttribute('aria-label');
            return value?.endsWith(': running') || value?.endsWith(': failed') ? value : undefined;
        },
        { timeout, message: 'the Manufactoria status bar item to report running' },
    );
    if (!label.endsWith(': running')) throw new Error(`language server not running (status bar: "${label}")`);
}

/** Runs a command from the command palette by its title. */
export async function runCommand(page, title) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 10_000 });
    await input.fill(`>${title}`);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
}

/**
 * The active editor's text from its first line: moves the cursor to the top first, which scrolls the
 * view there (editorText sees only rendered lines, and a Problems panel opened and closed again can
 * leave a short file scrolled to its last line). For where the cursor no longer matters.
 */
export async function editorTextFromTop(page) {
    await page.keyboard.press('Control+Home');
    return editorText(page);
}

/** Presses Ctrl+Z until the active editor shows `original` again (the tab's dirty mark lags). */
export async function undoUntil(page, original, max = 20) {
    for (let i = 0; i < max; i++) {
        if ((await editorTextFromTop(page)).trimEnd() === original.trimEnd()) return;
        await page.keyboard.press('Control+Z');
        await sleep(100);
    }
    throw new Error('undo did not restore the editor text');
}

/**
 * Runs `edit`, then presses Escape (closing a menu or widget it left open) and undoes back to
 * `original`. When `edit` throws, that error is the test's: an undo that then fails too is logged,
 * not thrown in its place (it used to hide why the test failed).
 */
export async function editThenRestore(page, original, edit) {
    try {
        await edit();
    } catch (error) {
        await page.keyboard.press('Escape');
        await undoUntil(page, original).catch((undoError) => console.log(`    (and restoring the editor failed: ${undoError.message})`));
        throw error;
    }
    await page.keyboard.press('Escape');
    await undoUntil(page, original);
}

/** Whether an error squiggle is drawn on the same line as `locator` (e.g. a token). */
export async function hasSquiggleOnLineOf(page, locator) {
    const box = await locator.boundingBox();
    if (!box) return false;
    const squiggles = await page.locator(SQUIGGLE_ERROR).evaluateAll((els) =>
        els.map((el) => {
            const r = el.getBoundingClientRect();
            return { top: r.top, bottom: r.bottom };
        }),
    );
    const middle = box.y + box.height / 2;
    return squiggles.some((r) => r.top <= middle && middle <= r.bottom);
}

/**
 * Right-clicks an Explorer tree item and chooses "Open Rollouts…". Right after the workbench loads
 * the extension's menu items may not be registered yet, so the menu is reopened until they are. A
 * click that lands while the menu is still settling can leave it open with the item highlighted
 * (seen in CI): the item has the focus then, so Enter chooses it.
 */
export async function openRolloutsFromExplorer(page, treeItem, label) {
    const menuItem = page.locator('.context-view .action-item', { hasText: 'Open Rollouts…' }).first();
    // The menu sometimes takes no click (once a shown menu's item waited out 30 s): close it, open it again.
    await waitUntil(async () => {
        // A menu left open covers the item, so the right-click is bounded too.
        const opened = await treeItem.click({ button: 'right', timeout: 5_000 }).then(() => true, () => false);
        if (opened && await menuItem.isVisible({ timeout: 1_000 }).catch(() => false) && await menuItem.click({ timeout: 5_000 }).then(() => true, () => false)) return true;
        await page.keyboard.press('Escape');
        // A click on the empty editor area closes a menu that kept no keyboard focus.
        await page.mouse.click(900, 700);
        await sleep(1_000);
        return false;
    }, { timeout: 60_000, message: `the Explorer context menu on ${label} to offer "Open Rollouts…" and take a click` });
    await sleep(700);
    if (await menuItem.isVisible().catch(() => false)) await page.keyboard.press('Enter');
}
