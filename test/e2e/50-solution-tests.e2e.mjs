// Running a problem's tests inline: the Problems view and Open Solution, the lens that runs a
// solution's tests, failures in the editor and in Test Explorer, and a failing run's trace.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { EDITOR, editorText, lensLink, openFile, runCommand, sleep, traceStatus, waitForServer, waitUntil } from './workbench.mjs';

const SOLUTION = 'starts-with-bb.manufactoria';
const SOLVED = `# problem: problems.jsonl#Starts with BB
START start:
    NEXT first

PULLER_RB first:
    [B] second
    [R] NONE
    [EMPTY] NONE

PULLER_RB second:
    [B] end
    [R] NONE
    [EMPTY] NONE

END end
`;

/** Earlier tests leave split editors and other views open; start from the Explorer and no editors. */
async function resetLayout(page) {
    await page.keyboard.press('Escape');
    await runCommand(page, 'View: Close All Editors');
    await runCommand(page, 'View: Show Explorer');
    await setExpanded(folderSection(page), true);
}

async function setExpanded(header, expanded) {
    for (let attempt = 0; attempt < 4; attempt++) {
        if ((await header.getAttribute('aria-expanded', { timeout: 10_000 })) === String(expanded)) return;
        // Pane headers toggle on Space when focused; a click can be eaten by an open menu.
        if (attempt % 2 === 0) await header.click();
        else { await header.focus(); await header.press('Space'); }
        await sleep(300);
    }
    throw new Error(`could not ${expanded ? 'expand' : 'collapse'} "${await header.getAttribute('aria-label')}"`);
}

/** The Explorer's file tree section; collapsed, it leaves the Problems view room to render its rows. */
const folderSection = (page) => page.locator('.part.sidebar .pane-header[aria-label="Explorer Section: ws"]').first();

/** Opens the Manufactoria Problems view (in the DELTA container, expanded) and returns its pane. */
async function problemsView(page) {
    await resetLayout(page);
    // resetLayout showed the Explorer, so this click opens the DELTA container (it does not toggle it closed).
    await page.locator('.part.activitybar .action-label[aria-label^="DELTA"]').first().click();
    const header = page.locator('.part.sidebar .pane-header', { hasText: 'Manufactoria Problems' }).first();
    await setExpanded(header, true);
    // The container's other views collapsed leave this one the height to render its rows (the tree draws only what fits).
    for (const other of ['BouncingSim Problems', 'Rollouts']) {
        const otherHeader = page.locator('.part.sidebar .pane-header', { hasText: other }).first();
        if (await otherHeader.count()) await setExpanded(otherHeader, false);
    }
    const states = await page.locator('.part.sidebar .pane-header').evaluateAll((hs) => hs.map((h) => `${h.textContent?.slice(0, 30)}=${h.getAttribute('aria-expanded')}`));
    console.log(`    [problemsView] pane headers: ${states.join(' | ')}`);
    const pane = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: 'Manufactoria Problems' }) }).first();
    await pane.locator('.pane-body').waitFor({ timeout: 15_000 });
    return pane;
}

/** Expands a tree row; retried, since a click can land on a neighbour while the view still lays out. */
async function expand(row) {
    for (let attempt = 0; attempt < 4; attempt++) {
        await row.waitFor({ timeout: 10_000 });
        if ((await row.getAttribute('aria-expanded')) === 'true') return;
        await row.click();
        await sleep(300);
    }
    throw new Error(`could not expand "${await row.textContent()}"`);
}

/** A problem row's description and icon, after collapsing the tree and expanding file → family → level → mode. */
async function problemStatus(pane, groups, name) {
    await pane.hover();
    const collapse = pane.locator('.pane-header .action-label[aria-label^="Collapse All"]').first();
    if (await collapse.count()) await collapse.click();
    await sleep(200);
    for (const group of [/problems\.jsonl/, ...groups]) await expand(pane.locator('.monaco-list-row', { hasText: group }).first());
    const problem = pane.locator('.monaco-list-row', { hasText: name }).first();
    await problem.waitFor({ timeout: 10_000 });
    return problem.evaluate((el) => ({
        description: (el.querySelector('.label-description')?.textContent ?? '').replace(/\u00a0/g, ' '),
        icon: [...el.querySelectorAll('.codicon, .custom-view-tree-node-item-icon')].map((c) => c.className).join(' '),
    }));
}

async function problemsAndOpenSolution(page, shot) {
    const pane = await problemsView(page);
    const file = pane.locator('.monaco-list-row', { hasText: /problems\.jsonl/ }).first();
    await file.waitFor({ timeout: 30_000 });
    const fileText = (await file.textContent()) ?? '';
    if (!fileText.includes('17 problems')) throw new Error(`problem file row reads "${fileText}", expected "17 problems"`);
    await expand(file);
    const family = pane.locator('.monaco-list-row', { hasText: /^append_sequence/ }).first();
    await family.waitFor({ timeout: 10_000 });
    await expand(family);
    await expand(pane.locator('.monaco-list-row', { hasText: /^basic/ }).first());
    await expand(pane.locator('.monaco-list-row', { hasText: /^four_color/ }).first());
    const problem = pane.locator('.monaco-list-row', { hasText: /^Append RYY/ }).first();
    await problem.waitFor({ timeout: 10_000 });
    await shot('problems-view');

    // The row's inline action (the same command is in its context menu).
    await problem.hover();
    await problem.locator('.actions .action-label').first().click();
    await page.locator('.part.editor .tab.active', { hasText: 'append-ryy.manufactoria' }).waitFor({ timeout: 15_000 });
    const text = await waitUntil(async () => {
        const t = await editorText(page);
        return t.includes('# problem: ../problems.jsonl#6a2b3200-4c9a-0ae1-5419-eefcd5e73e3f') ? t : undefined;
    }, { message: 'the new solution (in solutions/, outside the problem files) to bind Append RYY' });
    if (!text.includes('START start:') || !text.includes('[EMPTY] NONE')) throw new Error(`the new solution has no rejecting skeleton:\n${text}`);
    const samples = (text.match(/^# test: /gm) ?? []).length;
    if (samples < 2) throw new Error(`the new solution lists ${samples} sample tests:\n${text}`);
    // The server sees the new file's tests at once: the problem's 14 and the samples.
    await lensLink(page, `Run ${14 + samples} tests`).waitFor({ timeout: 30_000 });
    await shot('open-solution');
}

/**
 * The END line carries the trace's text with the failure in it, and Test Explorer's inline failure
 * badges (content widgets drawn over the line end) cover no trace text: both are on screen, apart.
 */
async function endLineShowsTraceAndFailure(page) {
    const wanted = 'step 3/3 · END end · accept · tape RB → RB — ◀ run ended here: accepted · ✗ expected reject, got accepted — visited 1×';
    // Decoration texts are CSS generated content (::after) of empty spans in the view lines; a span's
    // box includes its ::after, so its rectangle is where the text is drawn.
    const traceBoxes = () => page.locator(`${EDITOR} .view-lines .view-line span`).evaluateAll((spans) => spans
        .map((s) => {
            const content = getComputedStyle(s, '::after').content;
            if (!content || content === 'none' || content === 'normal') return undefined;
            const text = content.replace(/^"|"$/g, '').replace(/\\(.)/g, '$1').replace(/\u00a0/g, ' ');
            const r = s.getBoundingClientRect();
            return { text, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        })
        .filter((s) => s && /visited \d+×|◀ run ended here|^step \d+\/\d+/.test(s.text)));
    const traced = await waitUntil(async () => {
        const boxes = await traceBoxes();
        return boxes.some((b) => b.text === wanted) ? boxes : undefined;
    }, { message: `the END line to read "${wanted}"` }).catch(async (error) => {
        throw new Error(`${error.message}; trace texts: ${JSON.stringify((await traceBoxes()).map((b) => b.text))}`);
    });
    const badges = page.locator(`${EDITOR} .test-error-content-widget .inner`);
    await waitUntil(async () => (await badges.count()) > 0, { message: 'a Test Explorer failure badge in the editor' });
    const badgeBoxes = await badges.evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return { text: e.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width }; }));
    if (!badgeBoxes.some((b) => b.width > 0)) throw new Error('no failure badge is drawn');
    const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    for (const badge of badgeBoxes) {
        const hidden = traced.find((t) => overlaps(t, badge));
        if (hidden) throw new Error(`the failure badge "${badge.text}" covers the trace text "${hidden.text}"`);
    }
    if (traced.length < 3) throw new Error(`expected trace text on three node lines, found ${JSON.stringify(traced.map((t) => t.text))}`);
}

export const tests = [
    {
        name: '(f) the Problems view groups the workspace problems by family; Open Solution creates a bound solution',
        async fn({ page, shot }) {
            try {
                await problemsAndOpenSolution(page, shot);
            } finally {
                await page.keyboard.press('Escape');
                await runCommand(page, 'View: Show Explorer');
                await setExpanded(folderSection(page), true);
            }
        },
    },
    {
        name: '(g) the "Run N tests" lens runs the solution: scores, inline verdicts and failures show in the editor',
        async fn({ page, shot }) {
            await resetLayout(page);
            await openFile(page, SOLUTION);
            await waitForServer(page);
            const run = lensLink(page, 'Run 18 tests');
            await run.waitFor({ timeout: 30_000 });
            await run.click();
            await lensLink(page, '✗ 15/18 passed · pass_rate 0.833 · all_pass 0').waitFor({ timeout: 30_000 });
            await lensLink(page, '✗ #5 BRB → reject: expected reject, got accepted · trace').waitFor({ timeout: 10_000 });
            await lensLink(page, '✗ expected output B, got ""').waitFor({ timeout: 10_000 });
            await lensLink(page, '✓ passed (accepted)').waitFor({ timeout: 10_000 });
            await shot('lens-results');
        },
    },
    {
        name: '(h) Test Explorer lists the solution with a child per test, failed and passed',
        async fn({ page, shot }) {
            await runCommand(page, 'Manufactoria: Run All Solutions');
            await runCommand(page, 'Testing: Focus on Test Explorer View');
            const tree = page.locator('.part.sidebar');
            const row = (text) => tree.locator('.monaco-list-row', { hasText: text }).first();
            const item = row('Starts with BB (starts-with-bb.manufactoria)');
            await item.waitFor({ timeout: 30_000 });
            await expand(item);
            const failed = row('#5 BRB → reject');
            const passed = row('#6 BBR → accept');
            await failed.waitFor({ timeout: 30_000 });
            const state = async (row) => row.evaluate((el) => [...el.querySelectorAll('.codicon')].map((c) => c.className).join(' '));
            const [failedIcon, passedIcon] = await waitUntil(async () => {
                const icons = [await state(failed), await state(passed)];
                return /testing-failed/.test(icons[0]) && /testing-passed/.test(icons[1]) ? icons : undefined;
            }, { timeout: 30_000, message: 'a failed icon on #5 and a passed icon on #6' }).catch(async (error) => {
                throw new Error(`${error.message}; icons: "${await state(failed)}" / "${await state(passed)}"`);
            });
            void failedIcon; void passedIcon;
            await shot('test-explorer');
            await runCommand(page, 'View: Show Explorer');
        },
    },
    {
        name: '(i) a failing test trace steps through the run with the tape before and after each step',
        async fn({ page, shot }) {
            await resetLayout(page);
            await openFile(page, SOLUTION);
            await waitForServer(page);
            const failure = lensLink(page, '✗ #5 BRB → reject');
            if (!(await failure.count())) {
                await lensLink(page, 'Run 18 tests').click();
                await failure.waitFor({ timeout: 30_000 });
            }
            await failure.click();
            const status = traceStatus(page);
            await status.waitFor({ timeout: 30_000 });
            const first = await status.getAttribute('aria-label');
            if (!first?.startsWith('Manufactoria trace: step 1/3 · START start')) throw new Error(`trace status "${first}"`);
            // Gutter visit counts for the visited nodes: start, first, end.
            await waitUntil(async () => (await page.locator('.part.editor .margin .cgmr').count()) >= 3, { message: 'three gutter visit badges' });

            await page.locator(`${EDITOR} .view-lines`).first().click();
            await page.keyboard.press('Alt+BracketRight');
            const second = await waitUntil(async () => {
                const label = await traceStatus(page).getAttribute('aria-label');
                return label?.includes('step 2/3') ? label : undefined;
            }, { message: 'the trace to move to step 2/3' });
            if (second !== 'Manufactoria trace: step 2/3 · PULLER_RB first · read B → end · tape BRB → RB') throw new Error(`step 2 reads "${second}"`);
            await runCommand(page, 'Manufactoria: Trace: Next Step');
            const third = await waitUntil(async () => {
                const label = await traceStatus(page).getAttribute('aria-label');
                return label?.includes('step 3/3') ? label : undefined;
            }, { message: 'the trace to move to step 3/3' });
            if (!third.includes('END end · accept · tape RB → RB')) throw new Error(`step 3 reads "${third}"`);
            await endLineShowsTraceAndFailure(page);
            await shot('trace');
            await runCommand(page, 'Manufactoria: Trace: Close');
            await waitUntil(async () => (await traceStatus(page).count()) === 0, { message: 'the trace to close' });
            await sleep(100);
        },
    },
    {
        name: '(k) the Problems view shows each problem solved or failing from its bound solutions\' last runs',
        async fn({ page, workspace, shot }) {
            const STARTS_WITH_BB = [/^starts_with/, /^basic/, /^two_color/];
            // The failing first attempt, then a second solution that passes: the problem reads solved.
            writeFileSync(path.join(workspace, 'starts-with-bb-solved.manufactoria'), SOLVED);
            await resetLayout(page);
            await openFile(page, SOLUTION);
            await waitForServer(page);
            await lensLink(page, 'Run 18 tests').click();
            await lensLink(page, '✗ 15/18 passed').waitFor({ timeout: 30_000 });
            let pane = await problemsView(page);
            await waitUntil(async () => /^failing 15\/18 · /.test((await problemStatus(pane, STARTS_WITH_BB, /^Starts with BB/)).description), { timeout: 30_000, message: 'Starts with BB to read "failing 15/18"' })
                .catch(async (e) => { throw new Error(`${e.message}; reads ${JSON.stringify(await problemStatus(pane, STARTS_WITH_BB, /^Starts with BB/))}`); });
            await shot('problems-status-failing');

            await resetLayout(page);
            await openFile(page, 'starts-with-bb-solved.manufactoria');
            await lensLink(page, 'Run 15 tests').click();
            await lensLink(page, '✓ 15/15 passed · pass_rate 1.0 · all_pass 1').waitFor({ timeout: 30_000 });
            pane = await problemsView(page);
            const solved = await waitUntil(async () => {
                const st = await problemStatus(pane, STARTS_WITH_BB, /^Starts with BB/);
                return st.description.startsWith('solved (1 of 2 solutions) · ') ? st : undefined;
            }, { timeout: 30_000, message: 'Starts with BB to read "solved (1 of 2 solutions)"' })
                .catch(async (e) => { throw new Error(`${e.message}; reads ${JSON.stringify(await problemStatus(pane, STARTS_WITH_BB, /^Starts with BB/))}`); });
            if (!/codicon-pass/.test(solved.icon)) throw new Error(`Starts with BB shows icon "${solved.icon}", expected a pass icon`);
            await shot('problems-status-solved');

            // The next run changes the row: the passing solution now fails an inline test.
            await resetLayout(page);
            await openFile(page, 'starts-with-bb-solved.manufactoria');
            await page.locator(`${EDITOR} .view-lines`).first().click();
            await page.keyboard.press('Control+Home');
            await page.keyboard.type('# test: R -> accept\n');
            await page.keyboard.press('Control+s');
            await lensLink(page, 'Run 16 tests').click();
            await lensLink(page, '✗ 15/16 passed').waitFor({ timeout: 30_000 });
            pane = await problemsView(page);
            const failing = await waitUntil(async () => {
                const st = await problemStatus(pane, STARTS_WITH_BB, /^Starts with BB/);
                return /^failing 15\/16 · /.test(st.description) ? st : undefined;
            }, { timeout: 30_000, message: 'Starts with BB to read "failing 15/16" (the better of two failing solutions) after the run' })
                .catch(async (e) => { throw new Error(`${e.message}; reads ${JSON.stringify(await problemStatus(pane, STARTS_WITH_BB, /^Starts with BB/))}`); });
            if (!/codicon-error/.test(failing.icon)) throw new Error(`Starts with BB shows icon "${failing.icon}", expected an error icon`);
            await shot('problems-status-after-run');
        },
    },
    {
        name: '(j) hover on the problem directive shows the criteria and the test count',
        async fn({ page, shot }) {
            await resetLayout(page);
            await openFile(page, SOLUTION);
            await waitForServer(page);
            const directive = page.locator(`${EDITOR} .view-lines .view-line`, { hasText: '# problem:' }).first();
            const hover = page.locator('.monaco-hover', { hasText: 'Accept if the tape starts with BB' });
            for (let attempt = 0; attempt < 4; attempt++) {
                await page.mouse.move(5, 5);
                const box = await directive.boundingBox();
                await page.mouse.move(box.x + 120, box.y + box.height / 2);
                try {
                    await hover.first().waitFor({ state: 'visible', timeout: 5000 });
                    break;
                } catch (error) {
                    if (attempt === 3) throw error;
                }
            }
            const text = (await hover.first().textContent()) ?? '';
            if (!text.includes('15 test cases')) throw new Error(`hover reads "${text}"`);
            await shot('directive-hover');
        },
    },
];
