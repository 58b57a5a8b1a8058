// The rollout explorer beyond Manufactoria's overview (demo runs copied to rollouts/ by run.sh):
// (b1) a BouncingSim answer of the synthetic BouncingSim run shows its per-timestamp verdicts in the
// detail and opens the trajectory panel with the
// model's predicted track drawn over the animation (counted in canvas pixels, on and off) and
// per-timestamp verdicts against the 50 px tolerance; (b2) a Manufactoria rollout opened as a
// solution gets Test Explorer items whose tests show failed and passed after a run.
import path from 'node:path';
import { lensLink, openRolloutsFromExplorer, runCommand, sleep, waitUntil } from './workbench.mjs';

const results = path.resolve(process.env.E2E_RESULTS ?? 'test-results/e2e');

/** Right-click `rollouts/<folder>` in the Explorer and choose Open Rollouts…; returns the run's overview frame. */
async function openRun(page, folder) {
    await page.keyboard.press('Escape');
    await runCommand(page, 'View: Close All Editors');
    await runCommand(page, 'View: Show Explorer');
    const parent = page.getByRole('treeitem', { name: /^rollouts$/ }).first();
    await parent.waitFor({ timeout: 15_000 });
    if ((await parent.getAttribute('aria-expanded')) !== 'true') await parent.click();
    const item = page.getByRole('treeitem', { name: new RegExp(`^${folder}$`) }).first();
    await item.waitFor({ timeout: 15_000 });
    await openRolloutsFromExplorer(page, item, folder);
    const opened = Date.now();
    const frame = await waitUntil(async () => {
        const n = await page.locator('iframe.webview.ready').count();
        for (let i = n - 1; i >= 0; i--) {
            const inner = page.frameLocator('iframe.webview.ready').nth(i).frameLocator('#active-frame');
            if ((await inner.locator('#title').count()) && (await inner.locator('#title').textContent()) === folder && (await inner.locator('#heatmap').count())) return inner;
        }
        return undefined;
    }, { timeout: 180_000, message: `the overview of ${folder}` });
    await frame.locator('body[data-ready="true"]').waitFor({ timeout: 120_000 });
    console.log(`    ${folder}: overview drawn ${Date.now() - opened} ms after Open Rollouts (2-core VM, noisy)`);
    return frame;
}

/** The trajectory page inside its webview whose title matches. */
async function trajectoryFrame(page, title) {
    return waitUntil(async () => {
        const n = await page.locator('iframe.webview.ready').count();
        for (let i = n - 1; i >= 0; i--) {
            const inner = page.frameLocator('iframe.webview.ready').nth(i).frameLocator('#active-frame');
            if (!(await inner.locator('#trajectory-canvas').count())) continue;
            if (title.test((await inner.locator('#title').textContent()) ?? '')) return inner;
        }
        return undefined;
    }, { timeout: 60_000, message: `a trajectory webview titled ${title}` });
}

const dataset = (frame) => frame.locator('body').evaluate((b) => ({ ...b.dataset }));

/** Canvas pixels within a small distance of `color` (the track is drawn at 90 % opacity). */
function colorPixels(frame, color) {
    return frame.locator('#trajectory-canvas').evaluate((canvas, css) => {
        const probe = document.createElement('canvas').getContext('2d');
        probe.fillStyle = css;
        probe.fillRect(0, 0, 1, 1);
        const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
        const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
        let n = 0;
        for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 60) n++;
        return n;
    }, color);
}

export const tests = [
    {
        name: '(b1) a BouncingSim answer of a rollout run opens the trajectory with the model\'s predicted track and 50 px verdicts',
        async fn({ page, shot }) {
            const overview = await openRun(page, 'synthetic-verl-bouncingsim');
            const summary = (await overview.locator('#summary').textContent()) ?? '';
            if (!summary.startsWith('48 rollouts')) throw new Error(`summary reads "${summary}" (48 BouncingSim answers expected, all scored)`);
            // Failing-first with near misses on top: the first row is the best answer that is not all-pass.
            const first = overview.locator('.rt-body .rt-row').first();
            const rate = Number(await first.locator('.rt-pass_rate').textContent());
            if (!(rate > 0 && rate < 1)) throw new Error(`the first row's pass_rate is ${rate}, expected a near miss`);
            // A click selects and shows the detail: per test timestamp the truth, the prediction, the distance and the 50 px verdict.
            await first.click();
            const grid = overview.locator('[data-testid="detail-asserts"] tbody tr');
            await waitUntil(async () => (await grid.count()) === 15, { timeout: 30_000, message: 'the detail to list the 15 asserts' });
            const verdicts = await grid.locator('td:nth-child(2)').allTextContents();
            const passing = verdicts.filter((v) => v === 'pass ≤ 50').length;
            if (Math.abs(passing / 15 - rate) > 0.0006 || !verdicts.every((v) => v === 'pass ≤ 50' || v === 'fail > 50')) {
                throw new Error(`the detail's verdicts ${JSON.stringify(verdicts)} do not match pass_rate ${rate}`);
            }
            const predicted = (await grid.first().locator('td:nth-child(4)').textContent()) ?? '';
            if (!/^\(\d+\.\d\d, \d+\.\d\d\)/.test(predicted)) throw new Error(`the first assert's prediction reads "${predicted}"`);
            await shot('rollouts-bouncingsim-detail');
            // A double click (or Enter) opens the trajectory panel.
            await first.dblclick();

            const frame = await trajectoryFrame(page, /\(model answer\)$/);
            await frame.locator('body[data-ready="true"]').waitFor({ timeout: 90_000 });
            const status = frame.locator('#predictions-status');
            await waitUntil(async () => /tests pass/.test((await status.textContent()) ?? ''), { timeout: 60_000, message: 'the model answer to finish running' });
            const text = (await status.textContent()) ?? '';
            const verdict = /(\d+)\/15 tests pass/.exec(text);
            // The table shows pass_rate to 3 decimals.
            if (!verdict || Math.abs(Number(verdict[1]) / 15 - rate) > 0.0006) {
                throw new Error(`the panel says "${text}", the table's pass_rate is ${rate}`);
            }
            if (!text.includes('Ran sandboxed (bubblewrap)')) throw new Error(`the answer did not run sandboxed: "${text}"`);
            if ((await frame.locator('#predictions tbody tr').count()) !== 15) throw new Error('the table does not list the 15 test timestamps');
            const passed = await frame.locator('#predictions tbody tr.passed td.result').allTextContents();
            const failed = await frame.locator('#predictions tbody tr.failed td.result').allTextContents();
            if (passed.length !== Number(verdict[1]) || !passed.every((t) => t === 'pass ≤ 50')) throw new Error(`passing verdicts: ${JSON.stringify(passed)}`);
            if (!failed.length || !failed.every((t) => t === 'fail > 50')) throw new Error(`failing verdicts: ${JSON.stringify(failed)}`);
            const distances = await frame.locator('#predictions tbody tr.failed td.num:nth-child(4)').allTextContents();
            if (!distances.every((d) => Number(d) > 50)) throw new Error(`failing distances ${JSON.stringify(distances)}, expected > 50`);

            // Pause, then measure the predicted track: its points, and its colour's pixels with the track on and off.
            if ((await dataset(frame)).playing === 'true') await frame.locator('#play').click();
            await waitUntil(async () => (await dataset(frame)).playing === 'false', { message: 'playback to pause' });
            const on = await dataset(frame);
            if (on.trackPoints !== '15') throw new Error(`data-track-points = ${on.trackPoints}, expected the 15 predicted positions`);
            if (!/^\d+(\.\d)?,\d+(\.\d)?$/.test(on.track0px ?? '')) throw new Error(`data-track0px = "${on.track0px}"`);
            const withTrack = await colorPixels(frame, on.trackColor);
            await page.screenshot({ path: path.join(results, 'rollout-bouncingsim-overlay.png') });
            await shot('rollout-bouncingsim-overlay');
            await frame.locator('#show-track').uncheck();
            await waitUntil(async () => (await dataset(frame)).trackPoints === '0', { message: 'the track to be hidden' });
            const withoutTrack = await colorPixels(frame, on.trackColor);
            await frame.locator('#show-track').check();
            await waitUntil(async () => (await dataset(frame)).trackPoints === '15', { message: 'the track to be drawn again' });
            console.log(`    predicted track: ${withTrack} pixels of ${on.trackColor} drawn, ${withoutTrack} with the track hidden`);
            // 15 points joined by a dashed 2 px line: even a short track is dozens of pixels; none of that colour without it.
            if (withTrack < 40 || withoutTrack > withTrack / 4) throw new Error(`the track adds ${withTrack - withoutTrack} pixels of its colour (${withTrack} vs ${withoutTrack})`);
        },
    },
    {
        name: '(b2) a Manufactoria rollout opened as a solution gets Test Explorer items that show failed and passed after a run',
        async fn({ page, shot }) {
            const overview = await openRun(page, 'synthetic-verl');
            // The top row is the best near miss: some tests pass, some fail.
            await overview.locator('.rt-body .rt-row').first().dblclick();
            const tab = page.locator('.part.editor .tab', { hasText: /\.step\w+\.sample\w+\.manufactoria/ }).first();
            await tab.waitFor({ timeout: 30_000 });
            const fileName = /[^\s]+\.step\w+\.sample\w+\.manufactoria/.exec((await tab.textContent()) ?? '')?.[0];
            if (!fileName) throw new Error(`cannot read the rollout's name from the tab "${await tab.textContent()}"`);
            const run = lensLink(page, /Run \d+ tests/);
            await run.waitFor({ timeout: 45_000 });
            await run.click();
            await lensLink(page, /passed · pass_rate/).waitFor({ timeout: 30_000 });

            await runCommand(page, 'Testing: Focus on Test Explorer View');
            const tree = page.locator('.part.sidebar');
            const item = tree.locator('.monaco-list-row', { hasText: fileName }).first();
            await item.waitFor({ timeout: 30_000 });
            for (let attempt = 0; attempt < 4 && (await item.getAttribute('aria-expanded')) !== 'true'; attempt++) {
                await item.click();
                await sleep(300);
            }
            if ((await item.getAttribute('aria-expanded')) !== 'true') throw new Error(`could not expand the Test Explorer item of ${fileName}`);
            // The icons of this item's children only: the rows after it, deeper than it.
            const childIcons = () => tree.locator('.monaco-list-row').evaluateAll((rows, name) => {
                const at = rows.findIndex((r) => r.textContent.includes(name));
                if (at < 0) return [];
                const level = Number(rows[at].getAttribute('aria-level'));
                const out = [];
                for (let i = at + 1; i < rows.length && Number(rows[i].getAttribute('aria-level')) > level; i++) {
                    out.push([...rows[i].querySelectorAll('.codicon')].map((c) => c.className).join(' '));
                }
                return out;
            }, fileName);
            const icons = await waitUntil(async () => {
                const found = await childIcons();
                const failedN = found.filter((c) => /testing-failed/.test(c)).length;
                const passedN = found.filter((c) => /testing-passed/.test(c)).length;
                return failedN > 0 && passedN > 0 ? { failedN, passedN } : undefined;
            }, { timeout: 30_000, message: `failed and passed icons under ${fileName} in Test Explorer` }).catch(async (error) => {
                throw new Error(`${error.message}; child icons: ${JSON.stringify(await childIcons())}`);
            });
            console.log(`    Test Explorer: ${icons.failedN} failed and ${icons.passedN} passed tests shown under ${fileName}`);
            await shot('rollout-test-explorer');
            await runCommand(page, 'View: Show Explorer');
        },
    },
];
