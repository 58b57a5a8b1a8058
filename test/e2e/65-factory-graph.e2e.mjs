// The factory graph beside a solution: drawn nodes and labelled routes, redrawn after an edit,
// the node under the cursor highlighted, a click revealing a declaration, trace steps highlighted.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { EDITOR, editThenRestore, editorText, lensLink, openFile, runCommand, sleep, waitForServer, waitUntil } from './workbench.mjs';

/** A generated solution of `n` pullers: a chain with forward jumps and loops back (scripts/bench-graph.mjs draws the same). */
function largeProgram(n) {
    const lines = ['START start:', '    NEXT p0'];
    for (let i = 0; i < n; i++) {
        lines.push(`PULLER_RB p${i}:`, `    [R] ${i + 1 < n ? `p${i + 1}` : 'end'}`, `    [B] ${i % 7 === 6 ? `p${Math.max(0, i - 5)}` : i + 2 < n ? `p${i + 2}` : 'end'}`, '    [EMPTY] NONE');
    }
    lines.push('END end', '');
    return lines.join('\n');
}

const SOLUTION = 'starts-with-bb.manufactoria';

/** The graph page inside its webview (outer iframe → #active-frame). */
async function graphFrame(page) {
    return waitUntil(async () => {
        const n = await page.locator('iframe.webview.ready').count();
        for (let i = n - 1; i >= 0; i--) {
            const inner = page.frameLocator('iframe.webview.ready').nth(i).frameLocator('#active-frame');
            if (await inner.locator('body[data-ready="true"] #graph').count()) return inner;
        }
        return undefined;
    }, { timeout: 45_000, message: 'the factory graph webview to draw' });
}

const dataset = (frame) => frame.locator('body').evaluate((b) => ({ ...b.dataset }));
const drawn = (frame) => frame.locator('body').evaluate(() => ({
    nodes: [...document.querySelectorAll('#nodes g.node')].map((g) => `${g.getAttribute('data-name')}:${[...g.classList].filter((c) => c.startsWith('kind-')).join('')}`).sort(),
    edges: [...document.querySelectorAll('#edges g.edge')].map((g) => `${g.getAttribute('data-from')}-${g.getAttribute('data-label')}->${g.getAttribute('data-to')}`).sort(),
}));

/** Opens large-factory.manufactoria's graph: above DAGRE_LIMIT nodes it is laid out by rank, at once. */
async function drawLarge(page, shot, N) {
    await openFile(page, 'large-factory.manufactoria');
    await waitForServer(page);
    await runCommand(page, 'Manufactoria: Show Factory Graph');
    const frame = await graphFrame(page);
    const done = await dataset(frame);
    // 1,000 pullers, their NONE sinks, start and end; three routes per puller and start's NEXT.
    const nodes = 2 * N + 2;
    const edges = 3 * N + 1;
    if (done.nodes !== String(nodes) || done.edges !== String(edges)) throw new Error(`drawing: ${done.nodes} nodes, ${done.edges} edges; expected ${nodes} and ${edges}`);
    if (done.engine !== 'ranks') throw new Error(`laid out by ${done.engine}, expected the rank layout above 150 nodes`);
    const placed = await frame.locator('body').evaluate(() => {
        const spots = new Set([...document.querySelectorAll('#nodes g.node')].map((g) => g.getAttribute('transform')));
        return { nodes: document.querySelectorAll('#nodes g.node').length, edges: document.querySelectorAll('#edges g.edge path').length, distinct: spots.size };
    });
    if (placed.nodes !== nodes || placed.edges !== edges || placed.distinct !== nodes) throw new Error(`drawing: ${JSON.stringify(placed)}`);
    console.log(`    [large graph] ${nodes} graph nodes laid out by ${done.engine} in ${Number(done.layoutMs).toFixed(0)} ms (shared machine)`);
    await shot('graph-1000-nodes');
}

export const tests = [
    {
        name: '(l) Show Factory Graph draws the solution; it follows an edit, the cursor, a click and a trace',
        async fn({ page, shot }) {
            await page.keyboard.press('Escape');
            await runCommand(page, 'View: Close All Editors');
            await openFile(page, SOLUTION);
            await waitForServer(page);
            const original = await editorText(page);
            await lensLink(page, 'Show Factory Graph').click();
            const frame = await graphFrame(page);

            const first = await drawn(frame);
            const expected = {
                nodes: ['NONE:kind-NONE', 'end:kind-END', 'first:kind-PULLER_RB', 'start:kind-START'],
                edges: ['n:first-B->n:end', 'n:first-EMPTY->s:NONE@first', 'n:first-R->s:NONE@first', 'n:start-NEXT->n:first'],
            };
            if (JSON.stringify(first) !== JSON.stringify(expected)) throw new Error(`drawn: ${JSON.stringify(first)}`);
            // Every edge is a drawn path with its label.
            const paths = await frame.locator('#edges g.edge path').count();
            const labels = await frame.locator('#edges g.edge text.label').allTextContents();
            if (paths !== 4 || labels.sort().join(',') !== 'B,EMPTY,NEXT,R') throw new Error(`${paths} paths, labels ${labels}`);
            await shot('graph');

            await editThenRestore(page, original, async () => {
                // An edit: [R] goes back to `first` instead of NONE; the graph redraws with the loop.
                await page.locator(`${EDITOR} .view-lines .view-line`, { hasText: '[R] NONE' }).first().click();
                await page.keyboard.press('End');
                for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
                await page.keyboard.type('first', { delay: 20 });
                await waitUntil(async () => (await drawn(frame)).edges.includes('n:first-R->n:first'), { timeout: 20_000, message: 'the graph to draw the edited route' });
                await shot('graph-edited');
            });
            await waitUntil(async () => (await drawn(frame)).edges.includes('n:first-R->s:NONE@first'), { timeout: 20_000, message: 'the graph to follow the undo' });

            // The cursor on a declaration highlights its node.
            await page.locator(`${EDITOR} .view-lines .view-line`, { hasText: 'PULLER_RB first:' }).first().click();
            await waitUntil(async () => (await dataset(frame)).highlight === 'first', { message: 'node first to be highlighted' });
            if (!(await frame.locator('g.node.cursor[data-name="first"]').count())) throw new Error('no highlighted node drawn');

            // A click on a node puts the editor's cursor on its declaration.
            await frame.locator('g.node[data-name="end"]').click();
            await waitUntil(async () => /Ln 16,/.test((await page.locator('.part.statusbar', { hasText: /Ln \d+, Col \d+/ }).first().textContent()) ?? ''), { message: 'the cursor to move to END end (line 16)' });

            // A trace: the current node, the path so far, the tape as cells.
            const run = lensLink(page, 'Run 18 tests');
            await run.waitFor({ timeout: 30_000 });
            await run.click();
            const failure = lensLink(page, '✗ #5 BRB → reject');
            await failure.waitFor({ timeout: 30_000 });
            await failure.click();
            await waitUntil(async () => (await dataset(frame)).traceStep === '0', { timeout: 30_000, message: 'the graph to show trace step 1' });
            await page.locator(`${EDITOR} .view-lines`).first().click();
            await page.keyboard.press('Alt+BracketRight');
            await waitUntil(async () => {
                const d = await dataset(frame);
                return d.traceStep === '1' && d.traceNode === 'first';
            }, { message: 'the graph to move to step 2 (node first)' });
            const current = await frame.locator('g.node.trace-current').getAttribute('data-name');
            const onPath = await frame.locator('g.edge.on-path').count();
            const cells = await frame.locator('#tape .cell').allTextContents();
            if (current !== 'first' || onPath !== 1 || cells.join('') !== 'RB') throw new Error(`trace: current ${current}, ${onPath} edges on the path, tape ${cells.join('')}`);
            const visits = await frame.locator('g.node[data-name="first"] text.visits').textContent();
            if (visits !== '×1') throw new Error(`visit badge "${visits}"`);
            await shot('graph-trace');
            await runCommand(page, 'Manufactoria: Trace: Close');
            await sleep(200);
        },
    },
    {
        name: '(o) a graph of 1,000 nodes draws every node and route, laid out by rank',
        timeout: 180_000,
        async fn({ page, workspace, shot }) {
            const N = 1000;
            writeFileSync(path.join(workspace, 'large-factory.manufactoria'), largeProgram(N));
            await page.keyboard.press('Escape');
            await runCommand(page, 'View: Close All Editors');
            try {
                await drawLarge(page, shot, N);
            } finally {
                // The big drawing goes away with its panel: the next tests get a light workbench.
                await page.keyboard.press('Escape');
                await runCommand(page, 'View: Close All Editors');
            }
        },
    },
    {
        name: '(m) the Get Started walkthrough opens with its steps',
        async fn({ page, shot }) {
            await page.keyboard.press('Escape');
            await page.keyboard.press('F1');
            const input = page.locator('.quick-input-widget input');
            await input.waitFor({ timeout: 10_000 });
            await input.fill('>Welcome: Open Walkthrough');
            await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Open Walkthrough' }).first().waitFor({ timeout: 10_000 });
            await page.keyboard.press('Enter');
            const pick = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Get Started with DELTA Studio' }).first();
            await pick.waitFor({ timeout: 15_000 });
            await pick.click();
            const editor = page.locator('.part.editor');
            await editor.getByText('Get Started with DELTA Studio').first().waitFor({ timeout: 15_000 });
            await editor.getByText('See the factory graph').first().waitFor({ timeout: 15_000 });
            await shot('walkthrough');
            await runCommand(page, 'View: Close All Editors');
        },
    },
    {
        name: '(n) typing `NEXT ` under a painter pops up the targets by itself, right after the edit',
        async fn({ page, shot }) {
            await openFile(page, 'completion.manufactoria');
            await waitForServer(page);
            const original = await editorText(page);
            await editThenRestore(page, original, async () => {
                await page.locator(`${EDITOR} .view-lines .view-line`, { hasText: 'PAINTER_RED paint:' }).first().click();
                await page.keyboard.press('End');
                await page.keyboard.press('Enter');
                await page.keyboard.press('Shift+Home');
                await page.keyboard.type('    NEXT ', { delay: 30 });
                // The space after NEXT triggers completion: no Ctrl+Space.
                const row = page.locator('.suggest-widget .monaco-list-row', { hasText: /^\s*end/ });
                await row.first().waitFor({ timeout: 15_000 });
                const labels = await page.locator('.suggest-widget .monaco-list-row .label-name').allTextContents();
                if (!labels.includes('paint') || !labels.includes('NONE') || labels.includes('start')) throw new Error(`targets offered: ${labels.join(', ')}`);
                await shot('next-completion');
            });
        },
    },
];
