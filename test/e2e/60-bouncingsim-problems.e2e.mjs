// BouncingSim problems in the editor: "Generate BouncingSim Problems…" asks family, difficulty,
// count and seed, writes the problems into the workspace (the CLI runs in a child process), and
// the BouncingSim Problems view lists the new rows by family and difficulty; a row opens its
// trajectory.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runCommand, sleep, waitUntil } from './workbench.mjs';

const quickRow = (page, text) => page.locator('.quick-input-widget .monaco-list-row', { hasText: text }).first();

async function answerInput(page, value) {
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 10_000 });
    await input.fill(value);
    await page.keyboard.press('Enter');
    await sleep(300);
}

/** Expands a tree row (Right arrow on the focused row; retried while the view lays out). */
async function expand(row) {
    for (let attempt = 0; attempt < 4; attempt++) {
        await row.waitFor({ timeout: 15_000 });
        if ((await row.getAttribute('aria-expanded')) === 'true') return;
        await row.click();
        await sleep(200);
        if ((await row.getAttribute('aria-expanded')) !== 'true') await row.press('ArrowRight');
        await sleep(300);
    }
    throw new Error(`could not expand "${await row.textContent()}"`);
}

export const tests = [
    {
        name: 'Generate BouncingSim Problems… writes rows that the BouncingSim Problems view lists; a row shows its trajectory',
        async fn({ page, workspace, shot }) {
            // The palette lists the command once the extension's contributions are in; retry until then.
            await waitUntil(async () => {
                await page.keyboard.press('Escape');
                try {
                    await runCommand(page, 'BouncingSim: Generate Problems');
                    return true;
                } catch {
                    return false;
                }
            }, { timeout: 60_000, interval: 1000, message: 'the Generate BouncingSim Problems command in the palette' });
            await quickRow(page, 'rotating container').click();
            await quickRow(page, 'basic').click();
            await answerInput(page, '2');
            await answerInput(page, 'e2e');
            const rowsFile = path.join(workspace, 'bouncingsim', 'B_basic', 'dataset_B_basic.jsonl');
            const toast = page.locator('.notifications-toasts', { hasText: 'Generated 2 B problems' }).first();
            await toast.waitFor({ timeout: 120_000 });
            await shot('bouncingsim-generated');
            if (!existsSync(rowsFile)) throw new Error(`${rowsFile} was not written`);
            const ids = readFileSync(rowsFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l).id);
            if (ids.join(',') !== 'B_0_1,B_0_2') throw new Error(`rows ${ids.join(',')}, expected B_0_1,B_0_2`);
            if (!existsSync(path.join(workspace, 'bouncingsim', 'B_basic', 'scenes', 'scene_B_basic_2.json'))) throw new Error('scene_B_basic_2.json was not written');

            await runCommand(page, 'Focus on BouncingSim Problems View');
            const pane = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: 'BouncingSim Problems' }) }).first();
            await pane.locator('.pane-body').waitFor({ timeout: 15_000 });
            const family = pane.locator('.monaco-list-row', { hasText: /^B\s*2 rows/ }).first();
            await expand(family);
            await expand(pane.locator('.monaco-list-row', { hasText: /^0 basic\s*2 rows/ }).first());
            const row = pane.locator('.monaco-list-row', { hasText: /^B_0_2/ }).first();
            await row.waitFor({ timeout: 10_000 });
            const text = (await row.textContent()) ?? '';
            if (!text.includes('dataset_B_basic.jsonl:2')) throw new Error(`row reads "${text}", expected its file and line`);
            await shot('bouncingsim-problems-view');
            await row.click();
            const tab = page.locator('.part.editor .tab', { hasText: 'Trajectory: B_0_2' }).first();
            await waitUntil(async () => (await tab.count()) > 0, { timeout: 45_000, message: 'a trajectory tab for B_0_2' });
            // The panel draws the row's scene (rebuilt from its prompt): one ball, one container.
            const page0 = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
            await page0.locator('body[data-ready="true"]').waitFor({ timeout: 90_000 });
            const drawn = await page0.locator('body').evaluate((b) => ({ ...b.dataset }));
            if (drawn.balls !== '1' || drawn.containers !== '1') throw new Error(`the panel draws ${drawn.balls} ball(s) and ${drawn.containers} container(s), expected 1 and 1`);
            await shot('bouncingsim-row-trajectory');
        },
    },
];
