// Entry of the rollout overview page (out/webview/rollouts.js). In the HTML report the run is in a
// JSON <script> element; in the editor's webview it arrives as a message. Either way the page draws
// the charts, the pass@k table and the rollout table; a click on a chart filters the table.
import { filterRows, NO_STEP_LABEL, type Overview, type RowFilter } from '../../../language/rollouts/overview.js';
import { drawCharts, type ChartClick } from './charts.js';
import type { FromWebview, ToWebview } from './protocol.js';
import { RolloutTable } from './table.js';

interface VsCodeApi { postMessage(message: unknown): void }
declare function acquireVsCodeApi(): VsCodeApi;

const vscode: VsCodeApi | undefined = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
const post = (m: FromWebview) => vscode?.postMessage(m);
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let shown: { o: Overview; table: RolloutTable; chip?: RowFilter } | undefined;

function show(o: Overview): void {
    document.title = o.title;
    $('title').textContent = o.title;
    $('synthetic').hidden = !o.synthetic;
    const solved = new Set(o.cells.filter((c) => c.c > 0).map((c) => c.p)).size;
    $('summary').textContent = `${o.total} rollouts · ${o.problems.length} problems in ${o.families.length} families · ${o.steps.length} steps · ${solved} problems solved at least once`;
    $('status').textContent = '';

    drawCharts(o, { heatmap: $('heatmap'), curves: $('curves'), errors: $('errors') }, (click) => applyChartClick(click));
    passAtTable(o);
    nearMisses(o);

    const family = $<HTMLSelectElement>('f-family');
    for (const f of o.families) family.append(new Option(f, f));
    const error = $<HTMLSelectElement>('f-error');
    o.errors.forEach((e, i) => error.append(new Option(e, String(i))));
    const table = new RolloutTable($('table'), o, (row) => post({ type: 'row', action: 'solution', row }));
    shown = { o, table };
    for (const id of ['f-family', 'f-error', 'f-step-min', 'f-step-max', 'f-text', 'f-failing']) {
        $(id).addEventListener(id === 'f-text' ? 'input' : 'change', () => refilter());
    }
    $('f-clear').addEventListener('click', () => {
        family.value = '';
        error.value = '';
        for (const id of ['f-step-min', 'f-step-max', 'f-text']) $<HTMLInputElement>(id).value = '';
        $<HTMLInputElement>('f-failing').checked = false;
        shown!.chip = undefined;
        refilter();
    });
    refilter();
    document.body.dataset.ready = 'true';
}

function applyChartClick(click: ChartClick): void {
    if (!shown) return;
    const step = shown.o.steps[click.step];
    if (click.kind === 'cell') shown.chip = { problem: click.problem, step };
    else if (click.kind === 'curve') shown.chip = { family: click.family, step };
    else shown.chip = { step, error: click.error };
    refilter();
    $('table').scrollIntoView({ block: 'nearest' });
}

function refilter(): void {
    if (!shown) return;
    const { o, table, chip } = shown;
    const num = (id: string) => {
        const v = $<HTMLInputElement>(id).value.trim();
        return v === '' || !Number.isFinite(Number(v)) ? undefined : Number(v);
    };
    const errorValue = $<HTMLSelectElement>('f-error').value;
    const filter: RowFilter = {
        family: $<HTMLSelectElement>('f-family').value || undefined,
        error: errorValue === '' ? undefined : errorValue === 'none' ? 'none' : Number(errorValue),
        stepMin: num('f-step-min'),
        stepMax: num('f-step-max'),
        text: $<HTMLInputElement>('f-text').value,
        failingOnly: $<HTMLInputElement>('f-failing').checked,
        ...chip,
    };
    const order = filterRows(o, filter);
    table.show(order);
    $('filter-chip').textContent = chip ? describe(o, chip) : '';
    $('table-count').textContent = `${order.length} of ${o.total}, failing first`;
    post({ type: 'filtered', count: order.length });
}

function describe(o: Overview, f: RowFilter): string {
    const parts: string[] = [];
    if (f.problem !== undefined) parts.push(o.problems[f.problem]?.label ?? '?');
    if (f.family !== undefined) parts.push(f.family);
    if (f.step !== undefined) parts.push(`step ${f.step === null ? NO_STEP_LABEL : f.step}`);
    if (typeof f.error === 'number') parts.push(o.errors[f.error]);
    return `chart filter: ${parts.join(' · ')}`;
}

function passAtTable(o: Overview): void {
    const table = document.createElement('table');
    table.className = 'passat';
    const head = table.createTHead().insertRow();
    for (const h of ['problem', 'family', 'n', 'c', 'mean pass_rate', ...o.ks.map((k) => `pass@${k}`), 'first solved', 'regressions']) {
        const th = document.createElement('th');
        th.textContent = h;
        head.append(th);
    }
    const body = table.createTBody();
    for (const r of o.passAt) {
        const p = o.problems[r.p];
        const tr = body.insertRow();
        const cells = [
            p.label, p.family, String(r.n), String(r.c), r.mean.toFixed(3),
            ...o.ks.map((k) => {
                const v = r.passAt[String(k)];
                return v === undefined ? '' : v.toFixed(3);
            }),
            r.firstSolvedStep === null ? (r.upperBound95 !== undefined ? `never (p ≤ ${r.upperBound95.toFixed(3)})` : 'never') : String(r.firstSolvedStep),
            r.regressions.join(', '),
        ];
        for (const c of cells) tr.insertCell().textContent = c;
        tr.cells[0].title = p.id;
    }
    $('passat').replaceChildren(table);
}

function nearMisses(o: Overview): void {
    if (!o.nearMisses.length) return;
    $('nearmisses-section').hidden = false;
    const items = o.nearMisses.map((m) => {
        const r = o.rows;
        const p = o.problems[r.problem[m.row]];
        const d = document.createElement('details');
        const s = document.createElement('summary');
        s.textContent = `${p?.label ?? '?'} · step ${r.step[m.row] ?? NO_STEP_LABEL} · sample ${r.sample[m.row] ?? '–'} · pass_rate ${r.passRate[m.row].toFixed(3)}`
            + `${r.error[m.row] >= 0 ? ` · ${o.errors[r.error[m.row]]}` : ''} · ${r.source[m.row]}`;
        const pre = document.createElement('pre');
        pre.className = 'program';
        pre.textContent = m.program;
        d.append(s, pre);
        return d;
    });
    $('nearmisses').replaceChildren(...items);
}

const embedded = document.getElementById('overview-data');
if (embedded?.textContent) {
    show(JSON.parse(embedded.textContent) as Overview);
} else {
    window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
        const m = event.data;
        if (m?.type === 'overview') show(m.overview);
        else if (m?.type === 'error') $('status').textContent = m.message;
    });
    $('status').textContent = 'Loading…';
    post({ type: 'ready' });
}
