// `delta rollouts report` on the synthetic demo run, opened in headless Chromium (Debian's
// /usr/bin/chromium) with every network request refused: the heatmap and the curves must draw from
// the one inlined file. A screenshot goes to test-results/rollouts-report.png.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';

describe('delta rollouts report (headless Chromium, offline)', () => {
    it('draws the heatmap cells, the family curves and the failing-first table of the demo run', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'delta-report-'));
        const out = join(dir, 'report.html');
        execFileSync(process.execPath, ['out/cli.cjs', 'rollouts', 'report', 'demo/rollouts/synthetic-verl', '--problems', 'demo/problems/sample-problems.jsonl', '-o', out], { stdio: 'pipe' });
        const html = readFileSync(out, 'utf8');
        expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);

        const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
        try {
            const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
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
            mkdirSync('test-results', { recursive: true });
            await page.screenshot({ path: 'test-results/rollouts-report.png', fullPage: true });
            expect(errors).toEqual([]);
            expect(requests).toEqual([]);
        } finally {
            await browser.close();
        }
    });
});
