// `delta rollouts report`: one self-contained HTML file (style, data and the bundled overview
// script with ECharts inline; nothing is fetched) showing a run like the editor's overview: the
// problem × step heatmap, curves by family, error classes by step, pass@k and the worst near-misses.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOverview, type RowList, type Summarize } from '../../language/rollouts/overview.js';
import { reportPage, scriptJson } from '../../client/webview/rollouts/page.js';

export interface ReportOptions {
    title: string;
    ks?: number[];
    synthetic?: boolean;
    nearMisses?: number;
}

/** The overview bundle, found next to the CLI bundle (out/cli.cjs → out/webview/rollouts.js). */
export function overviewScript(dir = __dirname): string {
    for (const candidate of [join(dir, 'webview', 'rollouts.js'), join(dir, '..', 'out', 'webview', 'rollouts.js'), join(dir, '..', '..', 'out', 'webview', 'rollouts.js')]) {
        if (existsSync(candidate)) return readFileSync(candidate, 'utf8');
    }
    throw new Error('out/webview/rollouts.js is missing: run `npm run build`');
}

export function reportHtml(rows: RowList, summarize: Summarize, options: ReportOptions, script: string): string {
    const overview = buildOverview(rows, summarize, { title: options.title, ks: options.ks, synthetic: options.synthetic, nearMisses: options.nearMisses ?? 20 });
    return reportPage(options.title, scriptJson(overview), script);
}
