// The trajectory page (its script: out/webview/trajectory.js) on the shared CSP head (../webview-html.ts).

import { escapeHtml, webviewHtml, type PageOptions } from '../webview-html.js';

const STYLE = `
:root { color-scheme: light dark; }
html, body { height: 100%; margin: 0; }
body {
    display: flex; flex-direction: column; gap: 6px; padding: 8px 12px; box-sizing: border-box;
    color: var(--vscode-editor-foreground); background: var(--vscode-editor-background);
    font-family: var(--vscode-font-family); font-size: var(--vscode-font-size);
}
header { display: flex; align-items: baseline; gap: 12px; flex-wrap: wrap; }
h1 { font-size: 1.15em; margin: 0; font-weight: 600; }
h2 { font-size: 1em; margin: 0 0 4px; font-weight: 600; }
#truth-label, .muted { color: var(--vscode-descriptionForeground); }
#status { padding: 4px 8px; border-radius: 2px; white-space: pre-wrap; }
#status.busy { background: var(--vscode-editorWidget-background); }
#status.error { color: var(--vscode-errorForeground); background: var(--vscode-inputValidation-errorBackground); border: 1px solid var(--vscode-inputValidation-errorBorder); }
main { flex: 1 1 auto; display: flex; gap: 12px; min-height: 0; }
#stage { position: relative; flex: 1 1 auto; min-width: 200px; min-height: 200px; border: 1px solid var(--vscode-panel-border); }
#trajectory-canvas { position: absolute; inset: 0; width: 100%; height: 100%; display: block; }
#tooltip {
    position: absolute; left: 0; top: 0; pointer-events: none; white-space: pre; padding: 4px 6px;
    font-family: var(--vscode-editor-font-family); font-size: 12px;
    color: var(--vscode-editorHoverWidget-foreground); background: var(--vscode-editorHoverWidget-background);
    border: 1px solid var(--vscode-editorHoverWidget-border);
}
aside { flex: 0 1 400px; min-width: 260px; overflow: auto; }
#predictions { border-collapse: collapse; width: 100%; font-size: 12px; }
#predictions thead th { position: sticky; top: 0; background: var(--vscode-editor-background); }
#predictions th, #predictions td { text-align: left; padding: 2px 4px; border-bottom: 1px solid var(--vscode-panel-border); vertical-align: top; }
#predictions td.num { text-align: right; font-variant-numeric: tabular-nums; }
#predictions td.pos { font-family: var(--vscode-editor-font-family); font-size: 11px; white-space: pre; }
#predictions tr { cursor: pointer; }
#predictions tr.current { background: var(--vscode-list-activeSelectionBackground); color: var(--vscode-list-activeSelectionForeground); }
#predictions td.pass { color: var(--vscode-testing-iconPassed); }
#predictions td.fail { color: var(--vscode-testing-iconFailed); }
#predictions-status { margin: 4px 0 8px; }
#sandbox-warning { margin: 4px 0; padding: 2px 6px; font-weight: bold; color: var(--vscode-editorWarning-foreground); border: 1px solid var(--vscode-editorWarning-foreground); }
#program-box pre, #predictions pre { margin: 2px 0; max-height: 16em; overflow: auto; white-space: pre-wrap; font-family: var(--vscode-editor-font-family); font-size: 11px; }
#predictions details summary { cursor: pointer; }
.status-untrusted, .status-no-python, .status-error { color: var(--vscode-editorWarning-foreground); }
#predictions.no-model { width: auto; }
#predictions.no-model th:nth-child(n+3), #predictions.no-model td:nth-child(n+3) { display: none; }
/* Narrow panels (beside an editor): the canvas gets the width, the table goes below it. */
@media (max-width: 760px) {
    main { flex-direction: column; }
    #stage { flex: 1 1 60%; }
    aside { flex: 0 1 40%; min-width: 0; }
}
.legend { margin-top: 10px; font-size: 12px; }
.legend span { display: inline-block; margin-right: 10px; }
.swatch-truth { color: var(--vscode-charts-green); }
.swatch-pass { color: var(--vscode-testing-iconPassed); }
.swatch-fail { color: var(--vscode-testing-iconFailed); }
.swatch-model { color: var(--vscode-charts-orange); }
.legend label { margin-right: 10px; cursor: pointer; }
footer { display: grid; grid-template-columns: auto auto auto 1fr auto auto; gap: 6px; align-items: center; }
footer button, footer select {
    font: inherit; color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground);
    border: 1px solid var(--vscode-button-border, transparent); padding: 2px 8px; min-width: 2.2em;
}
footer button:hover { background: var(--vscode-button-secondaryHoverBackground); }
#play { color: var(--vscode-button-foreground); background: var(--vscode-button-background); }
#play[aria-pressed="true"] .icon-play, #play[aria-pressed="false"] .icon-pause { display: none; }
#play:hover { background: var(--vscode-button-hoverBackground); }
footer button svg { width: 12px; height: 12px; fill: currentColor; vertical-align: middle; }
#run-predictions { font: inherit; color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 3px 10px; }
.track { position: relative; }
#timeline { width: 100%; margin: 0; accent-color: var(--vscode-focusBorder); }
#ticks { position: relative; height: 6px; margin: 0 8px; }
.tick { position: absolute; top: 0; width: 2px; height: 6px; margin-left: -1px; background: var(--vscode-charts-green); }
#time-label { font-variant-numeric: tabular-nums; min-width: 13em; }
`;

export function trajectoryHtml(o: PageOptions): string {
    return webviewHtml({ ...o, style: STYLE, body: `<header><h1 id="title">${escapeHtml(o.title)}</h1><span id="truth-label"></span></header>
<div id="status" class="busy" role="status">Loading…</div>
<main>
  <section id="stage">
    <canvas id="trajectory-canvas" aria-label="Ball and container trajectories"></canvas>
    <div id="tooltip" hidden></div>
  </section>
  <aside>
    <h2>Test timestamps</h2>
    <p id="predictions-status" class="muted"></p>
    <p id="sandbox-warning" hidden>Not sandboxed (deltaStudio.python.sandbox is off): this answer ran with only rlimits, a process-group kill and a clean environment.</p>
    <details id="program-box" hidden><summary>Extracted program</summary><pre id="program"></pre></details>
    <button id="run-predictions" hidden>Run the model answer</button>
    <table id="predictions">
      <thead><tr><th>t (s)</th><th>ground truth</th><th>model</th><th>distance</th><th></th><th>runtime</th></tr></thead>
      <tbody></tbody>
    </table>
    <div class="legend">
      <span class="swatch-truth">● ground truth</span>
      <span class="swatch-pass">✕ prediction (pass)</span>
      <span class="swatch-fail">✕ prediction (fail)</span>
      <label title="The model's predicted positions at the test timestamps, joined in time order"><input type="checkbox" id="show-track" checked> <span class="swatch-model">╌ predicted track</span></label>
    </div>
    <p class="muted legend">Hover a ball for its position and velocity. Space plays or pauses, ← and → step one frame.</p>
  </aside>
</main>
<footer>
  <button id="step-back" title="Previous frame (←)" aria-label="Previous frame" disabled><svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3 2h2v12H3zM14 2v12L6 8z"/></svg></button>
  <button id="play" title="Play (Space)" aria-label="Play or pause" aria-pressed="false" disabled><svg class="icon-play" viewBox="0 0 16 16" aria-hidden="true"><path d="M4 2v12l10-6z"/></svg><svg class="icon-pause" viewBox="0 0 16 16" aria-hidden="true"><path d="M3 2h4v12H3zM9 2h4v12H9z"/></svg></button>
  <button id="step-forward" title="Next frame (→)" aria-label="Next frame" disabled><svg viewBox="0 0 16 16" aria-hidden="true"><path d="M11 2h2v12h-2zM2 2v12l8-6z"/></svg></button>
  <div class="track">
    <input id="timeline" type="range" min="0" max="0" step="1" value="0" aria-label="Time" disabled>
    <div id="ticks"></div>
  </div>
  <select id="speed" aria-label="Playback speed" title="Playback speed" disabled></select>
  <span id="time-label"></span>
</footer>` });
}
