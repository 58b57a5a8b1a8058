// The factory graph page (its script: out/webview/factory-graph.js) on the shared CSP head (../webview-html.ts).
import { webviewHtml } from '../webview-html.js';

const STYLE = `
:root { color-scheme: light dark; }
html, body { height: 100%; margin: 0; }
body {
    display: flex; flex-direction: column; box-sizing: border-box; padding: 6px 8px; gap: 6px;
    color: var(--vscode-editor-foreground); background: var(--vscode-editor-background);
    font-family: var(--vscode-font-family); font-size: var(--vscode-font-size);
}
header, footer { display: flex; align-items: center; gap: 10px; flex-wrap: wrap; }
#title { font-weight: 600; }
#status, #step-text { color: var(--vscode-descriptionForeground); }
header .spacer { flex: 1; }
button {
    font: inherit; color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground);
    border: 1px solid var(--vscode-button-border, transparent); padding: 2px 8px;
}
button:hover { background: var(--vscode-button-secondaryHoverBackground); }
#stage { flex: 1 1 auto; min-height: 120px; border: 1px solid var(--vscode-panel-border); position: relative; }
#graph { position: absolute; inset: 0; width: 100%; height: 100%; cursor: grab; user-select: none; }
.legend { font-size: 11px; color: var(--vscode-descriptionForeground); }
.edge path { fill: none; stroke: var(--vscode-editorLineNumber-foreground); stroke-width: 1.4; }
.edge.implicit path { stroke-dasharray: 4 3; opacity: 0.6; }
.edge.shadowed path, .edge.shadowed text { stroke-dasharray: 1 3; opacity: 0.35; }
.edge.on-path path { stroke: var(--vscode-focusBorder); stroke-width: 3; }
.edge .label { font-size: 11px; text-anchor: middle; fill: var(--vscode-editor-foreground); paint-order: stroke; stroke: var(--vscode-editor-background); stroke-width: 3px; }
#arrow path { fill: var(--vscode-editorLineNumber-foreground); }
.node { cursor: pointer; }
.node text { text-anchor: middle; fill: var(--vscode-editor-foreground); pointer-events: none; }
.node .kind { font-size: 9px; opacity: 0.85; }
.node .name { font-size: 12px; font-weight: 600; }
.node .visits { text-anchor: end; font-size: 11px; font-weight: 700; fill: var(--vscode-focusBorder); }
.node .fill { fill-opacity: 0.38; }
.node .outline { fill: none; stroke: var(--vscode-editor-foreground); stroke-opacity: 0.55; stroke-width: 1.2; }
.fill-R { fill: var(--vscode-charts-red, #f14c4c); background: var(--vscode-charts-red, #f14c4c); }
.fill-B { fill: var(--vscode-charts-blue, #3794ff); background: var(--vscode-charts-blue, #3794ff); }
.fill-Y { fill: var(--vscode-charts-yellow, #cca700); background: var(--vscode-charts-yellow, #cca700); }
.fill-G { fill: var(--vscode-charts-green, #89d185); background: var(--vscode-charts-green, #89d185); }
.fill-START { fill: var(--vscode-charts-purple, #b180d7); }
.fill-END { fill: var(--vscode-testing-iconPassed, #73c991); }
.node.kind-END .outline, .node.kind-START .outline { stroke-width: 2; }
.node.sink .outline { fill: var(--vscode-editorWidget-background); stroke: var(--vscode-descriptionForeground); }
.node.kind-UNDEFINED .outline { stroke: var(--vscode-errorForeground); stroke-dasharray: 5 3; stroke-width: 2; }
.node.kind-UNDEFINED .name { fill: var(--vscode-errorForeground); }
.node.kind-UNKNOWN .outline { stroke: var(--vscode-editorWarning-foreground); stroke-dasharray: 5 3; stroke-width: 2; }
.node.unreachable { opacity: 0.45; }
.node.unreachable .outline { stroke-dasharray: 3 3; }
.node.dead-end .outline { stroke: var(--vscode-editorWarning-foreground); stroke-width: 2; }
.node.cursor .outline { stroke: var(--vscode-focusBorder); stroke-width: 3; stroke-opacity: 1; }
.node.on-path .outline { stroke: var(--vscode-focusBorder); stroke-width: 2; stroke-opacity: 1; }
.node.trace-current .outline { stroke: var(--vscode-focusBorder); stroke-width: 4; stroke-opacity: 1; }
#trace { border-top: 1px solid var(--vscode-panel-border); padding-top: 6px; }
#trace[hidden] { display: none; }
#tape { display: flex; flex-wrap: wrap; gap: 2px; font-family: var(--vscode-editor-font-family); font-size: 11px; }
#tape .cell { width: 16px; height: 18px; line-height: 18px; text-align: center; border-radius: 2px; color: var(--vscode-editor-background); font-weight: 700; }
#tape .empty, #tape .more { color: var(--vscode-descriptionForeground); }
#scrubber { flex: 1 1 160px; }
`;

export function graphHtml(options: { cspSource: string; scriptUri: string; nonce: string }): string {
    return webviewHtml({ ...options, title: 'Factory Graph', style: STYLE, body: `<header>
  <span id="title"></span><span id="status">Drawing…</span><span class="spacer"></span>
  <span class="legend">dashed: implicit route to NONE · dotted: never taken (an earlier route has its colour) · faded: unreachable · amber: no path to end</span>
  <button id="fit" title="Fit the whole graph into view">Fit</button>
  <button id="export" title="Save the drawing as an SVG file">Export SVG</button>
</header>
<div id="stage">
  <svg id="graph" role="img" aria-label="Factory graph">
    <defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>
    <g id="edges"></g><g id="nodes"></g>
  </svg>
</div>
<footer id="trace" hidden>
  <div id="tape" aria-label="Tape"></div>
  <input id="scrubber" type="range" min="0" max="0" value="0" aria-label="Trace step">
  <span id="step-text"></span>
</footer>` });
}
