// The overview page's markup and style, shared by the editor's webview and the self-contained HTML
// report (`delta rollouts report`). Pure strings: no `vscode`, no DOM. The script is
// out/webview/rollouts.js in both; the webview loads it by URI under a nonce CSP, the report inlines
// it together with the data.

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Defaults for the theme variables the page uses, so the report looks right outside VS Code. */
const REPORT_THEME = `
:root {
    --vscode-editor-foreground: #1f1f1f; --vscode-editor-background: #ffffff;
    --vscode-descriptionForeground: #6b6b6b; --vscode-panel-border: #d4d4d4;
    --vscode-testing-iconPassed: #2e8b57; --vscode-testing-iconFailed: #d0312d;
    --vscode-editorWidget-background: #eef1f5; --vscode-focusBorder: #0069d1;
    --vscode-list-activeSelectionBackground: #dbe9fb; --vscode-list-activeSelectionForeground: #1f1f1f;
    --vscode-list-hoverBackground: #f2f6fc; --vscode-font-family: system-ui, sans-serif; --vscode-font-size: 13px;
    --vscode-editor-font-family: ui-monospace, monospace; --vscode-input-background: #ffffff;
    --vscode-input-foreground: #1f1f1f; --vscode-input-border: #c8c8c8;
    --vscode-inputValidation-warningBackground: #fff4ce; --vscode-inputValidation-warningBorder: #c19c00;
}`;

export const STYLE = `
:root { color-scheme: light dark; }
body {
    margin: 0; padding: 8px 16px 24px; color: var(--vscode-editor-foreground); background: var(--vscode-editor-background);
    font-family: var(--vscode-font-family); font-size: var(--vscode-font-size);
}
h1 { font-size: 1.3em; margin: 4px 0; font-weight: 600; }
h2 { font-size: 1.05em; margin: 18px 0 6px; font-weight: 600; }
.muted { color: var(--vscode-descriptionForeground); }
.banner { padding: 6px 10px; margin: 6px 0; border: 1px solid var(--vscode-inputValidation-warningBorder); background: var(--vscode-inputValidation-warningBackground); color: var(--vscode-editor-foreground); }
#status:empty { display: none; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
#heatmap { height: 420px; grid-column: 1 / span 2; }
#curves, #errors { height: 300px; }
@media (max-width: 900px) { .charts { grid-template-columns: 1fr; } #heatmap { grid-column: 1; } }
/* A run of hundreds of problems: the pass@k table scrolls in its own box (and repaints apart from the rollout table). */
#passat { max-height: 360px; overflow: auto; contain: content; width: fit-content; max-width: 100%; }
table.passat thead th { position: sticky; top: 0; background: var(--vscode-editor-background); }
table.passat { border-collapse: collapse; font-size: 12px; }
table.passat th, table.passat td { padding: 2px 8px; border-bottom: 1px solid var(--vscode-panel-border); text-align: right; font-variant-numeric: tabular-nums; }
table.passat th:first-child, table.passat td:first-child, table.passat td:nth-child(2) { text-align: left; }
table.passat button.jump { font: inherit; color: var(--vscode-textLink-foreground, #0069d1); background: none; border: none; padding: 0; cursor: pointer; text-align: inherit; }
table.passat button.jump:hover, table.passat button.jump:focus-visible { text-decoration: underline; }
.filters { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 6px 0; }
.filters select, .filters input, .filters button {
    font: inherit; color: var(--vscode-input-foreground); background: var(--vscode-input-background);
    border: 1px solid var(--vscode-input-border, transparent); padding: 2px 4px;
}
.filters input[type=number] { width: 5em; }
#filter-chip:empty { display: none; }
#filter-chip { padding: 2px 8px; border-radius: 10px; background: var(--vscode-editorWidget-background); }
.rollout-table { border: 1px solid var(--vscode-panel-border); font-size: 12px; }
.rt-viewport { height: 420px; overflow: auto; position: relative; outline: none; contain: strict; }
.rt-viewport:focus { outline: 1px solid var(--vscode-focusBorder); }
.rt-spacer { position: relative; }
.rt-row { display: grid; grid-template-columns: minmax(110px, 3fr) minmax(70px, 2fr) minmax(44px, 1fr) 40px 52px 64px 56px minmax(90px, 1.4fr) 56px minmax(56px, 1.2fr); height: 22px; line-height: 22px; }
.rt-body { position: absolute; left: 0; right: 0; top: 0; will-change: transform; }
.rt-body .rt-row { cursor: pointer; display: block; position: relative; }
/* Placed at the header's column offsets by the table script (no grid layout per scrolled row). */
.rt-body .rt-cell { position: absolute; top: 0; height: 22px; box-sizing: border-box; }
/* Each row and cell is its own layout and paint island: a scrolled row's new text repaints that
   cell only (halved the paint time per frame of a fast scroll; npm run bench, table scroll). */
.rt-body .rt-row, .rt-body .rt-cell { contain: strict; }
.rt-body .rt-row:hover { background: var(--vscode-list-hoverBackground); }
/* While the table scrolls its rows are painted on a canvas (client/webview/rollouts/table.ts, setFast). */
.rt-canvas { position: absolute; left: 0; top: 0; display: none; will-change: transform; }
.rt-fast .rt-canvas { display: block; }
.rt-fast .rt-body, .rt-probe { display: none; }
.rt-row.selected { background: var(--vscode-list-activeSelectionBackground); color: var(--vscode-list-activeSelectionForeground); }
.rt-head { font-weight: 600; border-bottom: 1px solid var(--vscode-panel-border); padding-right: 12px; }
.rt-cell { padding: 0 6px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.rt-row.pass .rt-all_pass { color: var(--vscode-testing-iconPassed); }
.rt-row.fail .rt-all_pass, .rt-row .rt-error { color: var(--vscode-testing-iconFailed); }
.rt-pass_rate, .rt-step, .rt-sample, .rt-all_pass, .rt-logged { text-align: right; font-variant-numeric: tabular-nums; }
pre.program { font-family: var(--vscode-editor-font-family); font-size: 12px; padding: 6px 10px; background: var(--vscode-editorWidget-background); overflow: auto; max-height: 320px; }
details { margin: 4px 0; }
body[data-mode=report] #row-actions { display: none; }
button.rt-cell { font: inherit; font-weight: 600; color: inherit; background: none; border: none; text-align: left; cursor: pointer; }
button.rt-cell:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
.table-detail { display: grid; grid-template-columns: minmax(0, 1fr); gap: 12px; }
@media (min-width: 1000px) { .table-detail { grid-template-columns: minmax(0, 3fr) minmax(320px, 2fr); } }
.detail { border: 1px solid var(--vscode-panel-border); padding: 4px 10px; max-height: 444px; overflow: auto; font-size: 12px; }
.detail[aria-busy=true] { opacity: 0.6; }
.detail h3 { font-size: 1.05em; margin: 4px 0; }
.detail h4 { font-size: 1em; margin: 10px 0 4px; }
.detail p { margin: 4px 0; }
.banner.mismatch { border-color: var(--vscode-testing-iconFailed); }
pre.response { font-family: var(--vscode-editor-font-family); font-size: 12px; padding: 6px 8px; background: var(--vscode-editorWidget-background); white-space: pre-wrap; word-break: break-word; margin: 4px 0; }
mark.extracted { background: var(--vscode-editor-findMatchHighlightBackground, rgba(234, 92, 0, 0.25)); color: inherit; outline: 1px solid var(--vscode-editor-findMatchBorder, transparent); }
table.tests { border-collapse: collapse; font-size: 12px; width: 100%; }
table.tests th, table.tests td { padding: 1px 6px; border-bottom: 1px solid var(--vscode-panel-border); text-align: left; vertical-align: top; }
table.tests td code { word-break: break-all; }
table.tests tr.fail td:nth-child(2) { color: var(--vscode-testing-iconFailed); }
table.tests tr.pass td:nth-child(2) { color: var(--vscode-testing-iconPassed); }
table.tests td.differs { color: var(--vscode-testing-iconFailed); font-weight: 600; }
#heatmap img { display: block; }
.heat-tip { position: absolute; z-index: 2; pointer-events: none; white-space: pre; padding: 4px 8px; font-size: 12px; color: var(--vscode-editorHoverWidget-foreground, var(--vscode-editor-foreground)); background: var(--vscode-editorHoverWidget-background, var(--vscode-editorWidget-background)); border: 1px solid var(--vscode-editorHoverWidget-border, var(--vscode-panel-border)); }
table.group { border-collapse: collapse; font-size: 12px; }
table.group th, table.group td { padding: 2px 8px; border-bottom: 1px solid var(--vscode-panel-border); text-align: right; font-variant-numeric: tabular-nums; }
table.group td.pass { color: var(--vscode-testing-iconPassed); }
table.group td.fail { color: var(--vscode-testing-iconFailed); }
`;

const BODY = `
<h1 id="title"></h1>
<div id="synthetic" class="banner" hidden>SYNTHETIC data: these rollouts were generated by a script, not by a model.</div>
<div id="summary" class="muted"></div>
<div id="status" class="muted"></div>
<div class="charts">
  <section><h2>Solve rate by problem and step</h2></section><section></section>
  <div id="heatmap" role="img" aria-label="Solve rate heatmap"></div>
  <section><h2>Mean pass_rate (solid) and all-pass rate (dashed) by family</h2><div id="curves" role="img" aria-label="Curves by family"></div></section>
  <section><h2>Error classes by step</h2><div id="errors" role="img" aria-label="Error classes by step"></div></section>
</div>
<h2>pass@k by problem</h2>
<div id="passat"></div>
<div id="nearmisses-section" hidden><h2>Worst near-misses (highest pass_rate without all-pass)</h2><div id="nearmisses"></div></div>
<h2>Rollouts <span id="table-count" class="muted"></span></h2>
<div class="filters">
  <label>family <select id="f-family"><option value="">all</option></select></label>
  <label>error <select id="f-error"><option value="">all</option><option value="none">none (passed)</option></select></label>
  <label>steps <input id="f-step-min" type="number" placeholder="min"> – <input id="f-step-max" type="number" placeholder="max"></label>
  <label>text in <select id="f-text-in" aria-label="search in"><option value="program">program</option><option value="response">response</option><option value="problem">problem or source</option></select></label>
  <input id="f-text" type="search" placeholder="contains… (any case; / from the table)" aria-label="search text">
  <label><input id="f-failing" type="checkbox"> failing only</label>
  <span id="filter-chip"></span>
  <button id="f-clear" type="button">Clear filters</button>
</div>
<div class="filters" id="row-actions">
  <button id="a-open" type="button" title="Enter">Open as solution</button>
  <button id="a-mark" type="button" title="m">Mark for compare</button>
  <button id="a-compare" type="button" title="c">Compare with marked</button>
  <button id="a-group" type="button" title="g">GRPO group</button>
  <span id="marked" class="muted"></span>
</div>
<div class="table-detail">
  <div id="table"></div>
  <aside id="detail" class="detail" aria-live="polite" aria-label="Rollout detail"><p class="muted">Select a rollout (click or arrow keys) for its response, extraction and per-test verdicts; Enter or a double click opens it as a solution.</p></aside>
</div>
<div id="changes-section" hidden><div id="changes"></div></div>
<div id="group-section" hidden><h2 id="group-title"></h2><div id="group"></div></div>
`;

export interface WebviewPageOptions {
    cspSource: string;
    scriptUri: string;
    nonce: string;
    title: string;
}

export function webviewCsp(cspSource: string, nonce: string): string {
    return `default-src 'none'; img-src ${cspSource} data:; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}'; font-src ${cspSource}`;
}

export function webviewPage(o: WebviewPageOptions): string {
    return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${webviewCsp(o.cspSource, o.nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(o.title)}</title>
<style nonce="${o.nonce}">${STYLE}</style>
</head><body data-mode="webview">${BODY}
<script nonce="${o.nonce}" src="${o.scriptUri}"></script>
</body></html>`;
}

/** JSON inside a <script> element: `<` escaped so no `</script>` or `<!--` in the data can end it. */
export function scriptJson(value: unknown): string {
    return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The self-contained report: style, data and script inline; nothing is fetched. */
export function reportPage(title: string, overviewJson: string, script: string): string {
    return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${REPORT_THEME}${STYLE}</style>
</head><body data-mode="report">${BODY}
<script id="overview-data" type="application/json">${overviewJson}</script>
<script>${script.replace(/<\/script/gi, '<\\/script')}</script>
</body></html>`;
}
