// `delta rollouts report` on the synthetic demo run, opened in headless Chromium (Debian's
// /usr/bin/chromium; one report, one browser and one browser context for the file: each context is a
// window whose omnibox popup Chromium renders in a renderer of its own, ~1 CPU-s each). Offline: with
// every network request refused, the heatmap and the curves must draw from the one inlined file (when
// that test fails, a screenshot of the page goes to test-results/rollouts-report.png; taking it on
// every run cost ~1.7 CPU-s of Chromium). The rollout table while it scrolls: the rows are painted on a
// canvas while the view moves (client/webview/rollouts/table.ts, setFast) and must look like the row
// elements that come back when it stops; a click on the painted rows selects the row under the pointer.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';

// The page-side steps are strings: this file is type-checked without the DOM library.
/** Resolves after `n` animation frames. */
const frames = (n: number) => `new Promise((r) => { let k = ${n}; const f = () => (--k > 0 ? requestAnimationFrame(f) : r()); requestAnimationFrame(f); })`;
const table = `document.querySelector('.rollout-table')`;
const view = `document.querySelector('.rt-viewport')`;
/** Timers run again (the test held the row timer), the view moves a row down and back, and the 100 ms after that scroll pass. */
const releaseTimerAndSettle = `(async () => {
    window.setTimeout = window.heldTimeout;
    ${view}.scrollTop += 22;
    await ${frames(1)};
    ${view}.scrollTop -= 22;
    await ${frames(1)};
    await new Promise((r) => setTimeout(r, 300));
    await ${frames(2)};
})()`;

/** Share of pixels that differ by more than a faint edge (a channel by over 64) between two PNGs, and the share of dark pixels in the first. */
async function compare(page: Page, a: Buffer, b: Buffer): Promise<{ differ: number; dark: number }> {
    return page.evaluate(`(async () => {
        const load = async (data) => {
            const image = new Image();
            image.src = 'data:image/png;base64,' + data;
            await image.decode();
            const canvas = document.createElement('canvas');
            canvas.width = image.width;
            canvas.height = image.height;
            const ctx = canvas.getContext('2d');
            ctx.drawImage(image, 0, 0);
            return ctx.getImageData(0, 0, image.width, image.height).data;
        };
        const pa = await load('${a.toString('base64')}');
        const pb = await load('${b.toString('base64')}');
        if (pa.length !== pb.length) return { differ: 1, dark: 0 };
        let differ = 0;
        let dark = 0;
        for (let k = 0; k < pa.length; k += 4) {
            if (Math.max(Math.abs(pa[k] - pb[k]), Math.abs(pa[k + 1] - pb[k + 1]), Math.abs(pa[k + 2] - pb[k + 2])) > 64) differ++;
            if (pa[k] + pa[k + 1] + pa[k + 2] < 300) dark++;
        }
        return { differ: differ / (pa.length / 4), dark: dark / (pa.length / 4) };
    })()`);
}

let out = '';
let browser: Browser | undefined;
let context: BrowserContext | undefined;
beforeAll(async () => {
    out = join(mkdtempSync(join(tmpdir(), 'delta-report-')), 'report.html');
    execFileSync(process.execPath, ['out/cli.cjs', 'rollouts', 'report', 'demo/rollouts/synthetic-verl', '--problems', 'demo/problems/sample-problems.jsonl', '-o', out], { stdio: 'pipe' });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    // The report keeps no state in the browser (no storage, no cookies): its pages can share a context.
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
}, 120_000);
afterAll(async () => {
    await browser?.close();
});

describe('delta rollouts report (headless Chromium, offline)', () => {
    it('draws the heatmap cells, the family curves and the failing-first table of the demo run', async () => {
        const html = readFileSync(out, 'utf8');
        expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
        const page = await context!.newPage();
        onTestFailed(async () => {
            mkdirSync('test-results', { recursive: true });
            await page.screenshot({ path: 'test-results/rollouts-report.png', fullPage: true });
        });
        const errors: string[] = [];
        const requests: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.route('**/*', (route) => {
            const url = route.request().url();
            if (url.startsWith('file:')) return route.continue();
            requests.push(url);
            return route.abort();
        });
        await page.goto(pathToFileURL(out).href);
        await page.waitForSelector('body[data-ready="true"][data-charts="drawn"]', { timeout: 30_000 });

        // 17 problems × 12 steps: one SVG path per heatmap cell (axes and the legend add a few more).
        expect(await page.locator('#heatmap svg path').count()).toBeGreaterThanOrEqual(17 * 12);
        // A solid and a dashed line per family, each a path, plus the legend's.
        expect(await page.locator('#curves svg path').count()).toBeGreaterThanOrEqual(2 * 13);
        expect(await page.locator('#errors svg path').count()).toBeGreaterThan(12);
        expect(await page.textContent('#summary')).toMatch(/^1632 rollouts · 17 problems/);
        expect(await page.isVisible('#synthetic')).toBe(true);
        expect(await page.locator('table.passat tbody tr').count()).toBe(17);
        expect(await page.locator('#nearmisses details').count()).toBeGreaterThan(0);
        // The table starts with the best failing rollout.
        const first = page.locator('.rt-body .rt-row').first();
        expect(await first.locator('.rt-all_pass').textContent()).toBe('0');
        // A curve point's tooltip names the family once, then the metric (`family · mean pass_rate`).
        const curves = page.locator('#curves');
        await curves.scrollIntoViewIfNeeded();
        const c = (await curves.boundingBox())!;
        // The last step's points (grid: left 50, right 175, top 20, bottom 40): a column of them, one per family and metric.
        const x = c.x + 50 + (c.width - 50 - 175) * (11.5 / 12);
        let tip = '';
        for (let y = c.y + 20; y <= c.y + c.height - 40 && !tip; y += 2) {
            await page.mouse.move(x, y);
            tip = await page.evaluate(`[...document.querySelectorAll('#curves > div')].filter((d) => getComputedStyle(d).display !== 'none' && d.innerText.includes('step 11:')).map((d) => d.innerText)[0] ?? ''`);
        }
        expect(tip).toMatch(/^[^·\n]+ · (mean pass_rate|all-pass)\nstep 11: \d\.\d{3}$/);
        expect(errors).toEqual([]);
        expect(requests).toEqual([]);
    });

    it('pass@k by problem: a problem\'s name shows its rollouts, its first-solved and solved-since steps those of that step', async () => {
        const page = await context!.newPage();
        await page.goto(pathToFileURL(out).href);
        await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
        const heads = await page.locator('table.passat thead th').allTextContents();
        const at = (h: string) => heads.indexOf(h);
        // A problem solved in the demo run, with both steps (the demo's problems climb and stay solved).
        const rows = page.locator('table.passat tbody tr');
        let row = rows.first();
        for (let i = 0; i < (await rows.count()); i++) {
            if ((await rows.nth(i).locator('td').nth(at('solved since')).locator('button').count()) > 0) {
                row = rows.nth(i);
                break;
            }
        }
        const name = (await row.locator('td').first().textContent())!;
        const n = Number(await row.locator('td').nth(at('n')).textContent());
        const count = async () => (await page.textContent('#table-count'))!;
        await row.locator('td').first().locator('button').click();
        expect(await count()).toMatch(new RegExp(`^${n} of 1632, failing first`));
        expect(await page.textContent('#filter-chip')).toBe(`chart filter: ${name}`);
        for (const column of ['first solved', 'solved since']) {
            const step = (await row.locator('td').nth(at(column)).textContent())!;
            await row.locator('td').nth(at(column)).locator('button').click();
            expect(await page.textContent('#filter-chip')).toBe(`chart filter: ${name} · step ${step}`);
            // The demo run has 8 samples of a problem per step; the step's all-pass ones come last (failing first).
            expect(await count()).toMatch(/^8 of 1632/);
            const steps = await page.locator('.rt-body .rt-row .rt-step').allTextContents();
            expect(new Set(steps)).toEqual(new Set([step]));
            expect(await page.locator('.rt-body .rt-row.pass').count()).toBeGreaterThan(0);
        }
        await page.close();
    });
});

describe('rollout table scrolling (headless Chromium)', () => {
    it('paints the rows on a canvas while scrolling, like the row elements, and a click there selects the row under it', async () => {
        const page = await context!.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(pathToFileURL(out).href);
        await page.waitForSelector('body[data-ready="true"][data-charts="drawn"]', { timeout: 30_000 });
        const viewport = page.locator('.rt-viewport');
        await viewport.scrollIntoViewIfNeeded();
        await page.mouse.move(1390, 5);
        const fast = () => page.evaluate(`${table}.classList.contains('rt-fast')`);

        // Scroll by 300 rows and hold the canvas: the timer that brings the rows back is held.
        await page.evaluate(`(async () => {
            window.heldTimeout = window.setTimeout;
            window.setTimeout = () => 0;
            ${view}.scrollTop = 300 * 22;
            await ${frames(2)};
        })()`);
        expect(await fast()).toBe(true);
        expect(await page.isVisible('.rt-canvas')).toBe(true);
        expect(await page.isVisible('.rt-body')).toBe(false);
        const painted = await viewport.screenshot();

        // 100 ms after the last scroll the row elements are back, for the rows in view.
        await page.evaluate(releaseTimerAndSettle);
        expect(await fast()).toBe(false);
        expect(await page.isVisible('.rt-canvas')).toBe(false);
        // aria-rowindex counts the header as row 1: row position 300 is row 302.
        expect(await page.locator('.rt-body .rt-row[aria-rowindex="302"]').isVisible()).toBe(true);
        const shown = await viewport.screenshot();
        const { differ, dark } = await compare(page, painted, shown);
        // Text and colours drawn alike (antialiasing may differ at a few glyph edges).
        expect(dark).toBeGreaterThan(0.01);
        expect(differ).toBeLessThan(0.005);

        // A click on the painted rows selects the row under the pointer (the 4th in view: position 303).
        // The timer is held again until the click: on a loaded machine two frames can take longer
        // than its 100 ms, and the rows would be back before the click.
        await page.evaluate(`(async () => {
            window.setTimeout = () => 0;
            ${view}.scrollTop = 0;
            await ${frames(1)};
            ${view}.scrollTop = 300 * 22;
            await ${frames(2)};
        })()`);
        expect(await fast()).toBe(true);
        const box = (await viewport.boundingBox())!;
        await page.mouse.click(box.x + 200, box.y + 3 * 22 + 11);
        await page.evaluate(releaseTimerAndSettle);
        expect(await fast()).toBe(false);
        expect(await page.locator('.rt-body .rt-row.selected').getAttribute('aria-rowindex')).toBe('305');
        // Keys go on from there.
        await page.keyboard.press('ArrowDown');
        expect(await page.locator('.rt-body .rt-row.selected').getAttribute('aria-rowindex')).toBe('306');
        expect(errors).toEqual([]);
    });
});
