// BouncingSim trajectory webview: the "Show trajectory" lens on a scene JSON opens a panel that
// simulates the scene, draws it, and moves the balls when the timeline moves.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openFile, runCommand, waitUntil } from './workbench.mjs';

const SCENE = 'scene_B_basic_1.json';
const results = path.resolve(process.env.E2E_RESULTS ?? 'test-results/e2e');
const ROWS_FIXTURE = fileURLToPath(new URL('../fixtures/bouncingsim/rows/dataset_sample_basic.jsonl', import.meta.url));

/** The trajectory page inside its webview (outer iframe → #active-frame), among possibly several webviews. */
async function trajectoryFrame(page, title) {
    return waitUntil(async () => {
        const outer = page.locator('iframe.webview.ready');
        const n = await outer.count();
        for (let i = n - 1; i >= 0; i--) {
            const inner = page.frameLocator('iframe.webview.ready').nth(i).frameLocator('#active-frame');
            if (!(await inner.locator('#trajectory-canvas').count())) continue;
            if (!title || (await inner.locator('#title').textContent()) === title) return inner;
        }
        return undefined;
    }, { timeout: 45_000, message: 'a webview with #trajectory-canvas' });
}

const dataset = (frame) => frame.locator('body').evaluate((b) => ({ ...b.dataset }));

export const tests = [
    {
        name: `${SCENE}: "Show trajectory" lens opens the webview; the timeline and step button move the balls`,
        async fn({ page, shot }) {
            await openFile(page, SCENE);
            const lens = page.locator('.part.editor .codelens-decoration a', { hasText: 'Show trajectory' }).first();
            await lens.waitFor({ timeout: 30_000 });
            await lens.click();

            const frame = await trajectoryFrame(page);
            await frame.locator('body[data-ready="true"]').waitFor({ timeout: 60_000 });
            // It starts playing; pause so the frame only changes when the test moves it.
            if ((await dataset(frame)).playing === 'true') await frame.locator('#play').click();
            await waitUntil(async () => (await dataset(frame)).playing === 'false', { message: 'playback to pause' });

            const first = await dataset(frame);
            if (!(Number(first.containers) >= 1)) throw new Error(`data-containers = ${first.containers}, expected ≥ 1`);
            if (!(Number(first.balls) >= 1)) throw new Error(`data-balls = ${first.balls}, expected ≥ 1`);
            if (!/^-?\d+\.\d\d,-?\d+\.\d\d$/.test(first.ball0 ?? '')) throw new Error(`data-ball0 = "${first.ball0}", expected "x,y"`);

            // Move the timeline to a frame well away from the current one.
            const max = Number(await frame.locator('#timeline').getAttribute('max'));
            if (!(max >= 60)) throw new Error(`the timeline has ${max + 1} frames, expected ≥ 61 (1.5 s at 60 fps)`);
            const target = Number(first.frame) < max / 2 ? Math.round(max * 0.75) : Math.round(max * 0.25);
            await frame.locator('#timeline').fill(String(target));
            await frame.locator('#timeline').dispatchEvent('input');
            const moved = await waitUntil(async () => {
                const d = await dataset(frame);
                return d.frame === String(target) ? d : undefined;
            }, { message: `data-frame to become ${target}` });
            if (moved.ball0 === first.ball0) throw new Error(`ball 0 did not move: ${first.ball0} at frames ${first.frame} and ${target}`);

            // One frame forward with the step button.
            await frame.locator('#step-forward').click();
            const stepped = await waitUntil(async () => {
                const d = await dataset(frame);
                return d.frame === String(target + 1) ? d : undefined;
            }, { message: `data-frame to become ${target + 1} after the step button` });
            if (stepped.ball0 === moved.ball0) throw new Error(`ball 0 did not move on the step button: ${moved.ball0}`);

            // The table lists the 15 standard timestamps (the scene has no tests of its own).
            const rows = await frame.locator('#predictions tbody tr').count();
            if (rows !== 15) throw new Error(`#predictions has ${rows} rows, expected 15`);

            // Hovering ball 0 shows its position and velocity.
            const [px, py] = (stepped.ball0px ?? '').split(',').map(Number);
            const canvas = await frame.locator('#trajectory-canvas').boundingBox();
            if (!canvas || !Number.isFinite(px) || !Number.isFinite(py)) throw new Error(`cannot place the mouse on ball 0 (data-ball0px = "${stepped.ball0px}")`);
            await page.mouse.move(canvas.x + px, canvas.y + py);
            const tooltip = frame.locator('#tooltip');
            await tooltip.waitFor({ state: 'visible', timeout: 10_000 });
            const tip = (await tooltip.textContent()) ?? '';
            if (!/Ball 1[\s\S]*position \(-?\d+\.\d\d, -?\d+\.\d\d\)[\s\S]*velocity \(/.test(tip)) throw new Error(`unexpected tooltip "${tip}"`);

            await page.screenshot({ path: path.join(results, 'trajectory.png') });
            await shot('trajectory');
        },
    },
    {
        // retainContextWhenHidden is off: hiding the panel drops the page, and the saved state must
        // bring it back on the same frame, paused.
        name: 'the trajectory panel resumes its frame after being hidden and shown again',
        async fn({ page, shot }) {
            const tab = page.locator('.part.editor .tab', { hasText: `Trajectory: ${SCENE}` }).first();
            await tab.waitFor({ timeout: 10_000 });
            await tab.click();
            let frame = await trajectoryFrame(page);
            await frame.locator('body[data-ready="true"]').waitFor({ timeout: 30_000 });
            if ((await dataset(frame)).playing === 'true') await frame.locator('#play').click();
            await frame.locator('#step-forward').click();
            const before = await waitUntil(async () => {
                const d = await dataset(frame);
                return d.playing === 'false' ? d : undefined;
            }, { message: 'playback to pause' });
            // Let the page save its state, then hide it behind another editor in the same group.
            await tab.click();
            await openFile(page, 'correct.manufactoria');
            await waitUntil(async () => !(await tab.getAttribute('class'))?.split(' ').includes('active'), { message: 'the trajectory tab to be hidden' });
            await tab.click();
            frame = await trajectoryFrame(page);
            await frame.locator('body[data-ready="true"]').waitFor({ timeout: 30_000 });
            const after = await dataset(frame);
            await shot('trajectory-restored');
            if (after.frame !== before.frame || after.playing !== 'false' || after.ball0 !== before.ball0) {
                throw new Error(`restored at frame ${after.frame} (playing ${after.playing}, ball0 ${after.ball0}); expected frame ${before.frame}, paused, ball0 ${before.ball0}`);
            }
        },
    },
    {
        // The WebviewPanelSerializer rebuilds the panel from the page's saved state after a reload.
        name: 'the trajectory panel comes back on the same frame after a window reload',
        async fn({ page, shot }) {
            const tab = page.locator('.part.editor .tab', { hasText: `Trajectory: ${SCENE}` }).first();
            await tab.click();
            const before = await dataset(await trajectoryFrame(page));
            if (before.ready !== 'true' || before.playing !== 'false') throw new Error(`expected a paused, drawn panel before the reload (${JSON.stringify(before)})`);
            // Through the command, not page.reload(): VS Code then shuts down in order and saves the layout.
            const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 30_000 });
            await runCommand(page, 'Developer: Reload Window');
            await navigated;
            await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
            await page.locator('.part.editor .tab', { hasText: `Trajectory: ${SCENE}` }).first().click({ timeout: 30_000 });
            const frame = await trajectoryFrame(page);
            await frame.locator('body[data-ready="true"]').waitFor({ timeout: 60_000 });
            const after = await dataset(frame);
            await shot('trajectory-after-reload');
            if (after.frame !== before.frame || after.ball0 !== before.ball0) {
                throw new Error(`after the reload: frame ${after.frame}, ball0 ${after.ball0}; expected frame ${before.frame}, ball0 ${before.ball0}`);
            }
        },
    },
    {
        // A model answer in a responses file: its row is found in a .jsonl next to it, the answer runs
        // in the bubblewrap sandbox (this workspace is trusted: the harness disables trust) and the
        // table shows the verdict, runtime and exception per timestamp. The files are written into the run's workspace copy only.
        name: 'the trajectory of a model answer line shows predictions with distance and pass/fail per timestamp',
        async fn({ page, workspace, shot }) {
            const rowLine = readFileSync(ROWS_FIXTURE, 'utf8').split('\n')[0];
            const row = JSON.parse(rowLine);
            // Exact for t < 0.8, 80 m off (fail) up to 1.1, 30 m off (pass) after: 11 of 15 pass.
            const table = Object.fromEntries(row.ground_truth.map((a) => {
                const m = /predict_position\(([\d.]+)\), (\[.*\])\) <=/.exec(a);
                return [m[1], JSON.parse(m[2])];
            }));
            const program = [
                `TABLE = ${JSON.stringify(table)}`,
                'def predict_position(t):',
                '    off = 0 if t < 0.8 else (80 if t < 1.15 else 30)',
                '    return [[x + off, y] for x, y in TABLE["%.2f" % t]]',
            ].join('\n');
            writeFileSync(path.join(workspace, 'bouncingsim-rows.jsonl'), `${rowLine}\n`);
            writeFileSync(path.join(workspace, 'bouncingsim-responses.jsonl'), `${JSON.stringify({ id: row.id, response: `Here it is:\n\`\`\`python\n${program}\n\`\`\`` })}\n`);

            // The file watcher may lag on a busy machine: ask the Explorer to re-read the folder.
            await runCommand(page, 'Refresh Explorer');
            await page.getByRole('treeitem', { name: /^bouncingsim-responses\.jsonl/ }).first().waitFor({ timeout: 20_000 });
            await openFile(page, 'bouncingsim-responses.jsonl');
            const lens = page.locator('.part.editor .codelens-decoration a', { hasText: 'Show trajectory (model answer)' }).first();
            await lens.waitFor({ timeout: 30_000 });
            await lens.click();

            const frame = await trajectoryFrame(page, `Trajectory: ${row.id} (model answer)`);
            await frame.locator('body[data-ready="true"]').waitFor({ timeout: 60_000 });
            const status = frame.locator('#predictions-status');
            await waitUntil(async () => /tests pass/.test((await status.textContent()) ?? ''), { timeout: 60_000, message: 'the model answer to finish running' });
            const text = (await status.textContent()) ?? '';
            if (!text.includes('11/15 tests pass')) throw new Error(`unexpected verdict "${text}"`);
            // It ran in the sandbox, and the panel says so; the extracted program is shown.
            if (!text.includes('Ran sandboxed (bubblewrap)')) throw new Error(`the status does not say the answer ran sandboxed: "${text}"`);
            if (await frame.locator('#sandbox-warning').isVisible()) throw new Error('the "not sandboxed" warning is shown for a sandboxed run');
            await frame.locator('#program-box summary').click();
            const shown = (await frame.locator('#program').textContent()) ?? '';
            if (!shown.includes('def predict_position(t):') || shown.includes('Here it is')) throw new Error(`the extracted program is not shown as such: "${shown.slice(0, 80)}"`);
            // Per test: the runtime of a passing assert, the exception of a failing one.
            const runtime = (await frame.locator('#predictions tbody tr.passed td.details').first().textContent())?.trim() ?? '';
            if (!/^\d+\.\d ms$/.test(runtime)) throw new Error(`a passing row shows runtime "${runtime}"`);
            const failing = frame.locator('#predictions tbody tr.failed td.details').first();
            await failing.locator('summary').click();
            const details = (await failing.textContent()) ?? '';
            if (!details.includes('error:') || !details.includes('AssertionError')) throw new Error(`a failing row's details show "${details}"`);
            const passed = await frame.locator('#predictions tbody tr.passed').count();
            const failed = await frame.locator('#predictions tbody tr.failed').count();
            if (passed !== 11 || failed !== 4) throw new Error(`${passed} passing and ${failed} failing rows, expected 11 and 4`);
            const distance = (await frame.locator('#predictions tbody tr.failed td.num').nth(1).textContent())?.trim();
            if (distance !== '80.000') throw new Error(`the first failing row shows distance "${distance}", expected 80.000`);
            // Jump to the first failing timestamp to show the prediction against the truth.
            await frame.locator('#predictions tbody tr.failed').first().click();
            await waitUntil(async () => (await dataset(frame)).frame === '48', { message: 'the row click to seek to t = 0.8 (frame 48)' });
            await page.screenshot({ path: path.join(results, 'trajectory-model.png') });
            await shot('trajectory-model');
        },
    },
];
