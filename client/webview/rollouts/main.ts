// Entry of the rollout overview page (out/webview/rollouts.js). In the HTML report the run is in a
// JSON <script> element; in the editor's webview it arrives as a message. Either way the page draws
// the charts, the pass@k table and the rollout table; a click on a chart filters the table.
import { filterRows, groupOf, NO_STEP_LABEL, rowSource, sortRows, type Overview, type RowFilter, type RowSort } from '../../../language/rollouts/overview.js';
import { drawCharts, type ChartClick } from './charts.js';
import { renderChanges, renderDetail } from './detail.js';
import type { FromWebview, TextField, ToWebview } from './protocol.js';
import { RolloutTable } from './table.js';

interface VsCodeApi { postMessage(message: unknown): void }
declare function acquireVsCodeApi(): VsCodeApi;

const vscode: VsCodeApi | undefined = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
const post = (m: FromWebview) => vscode?.postMessage(m);
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let shown: {
    o: Overview;
    table: RolloutTable;
    chip?: RowFilter;
    marked?: number;
    sort?: RowSort;
    /** The program/response search in effect: its text and the rows it matched (undefined while searching). */
    search?: { field: TextField; text: string; id: number; mask?: Uint8Array };
} | undefined;
let searchId = 0;
const DETAIL_DELAY_MS = 90;
const SEARCH_DELAY_MS = 250;
let detailTimer: ReturnType<typeof setTimeout> | undefined;
let searchTimer: ReturnType<typeof setTimeout> | undefined;

function show(o: Overview): void {
    document.title = o.title;
    $('title').textContent = o.title;
    $('synthetic').hidden = !o.synthetic;
    const solved = new Set(o.cells.filter((c) => c.c > 0).map((c) => c.p)).size;
    $('summary').textContent = `${o.total} rollouts · ${o.problems.length} problems in ${o.families.length} families · ${o.steps.length} steps · ${solved} problems solved at least once`;
    $('status').textContent = '';

    // The heatmap and the table paint first; the curves and error bars right after (body[data-charts]).
    const afterPaint = (draw: () => void) => requestAnimationFrame(() => setTimeout(draw, 0));
    drawCharts(o, { heatmap: $('heatmap'), curves: $('curves'), errors: $('errors') }, (click) => applyChartClick(click), afterPaint, () => {
        document.body.dataset.charts = 'drawn';
    });
    passAtTable(o);
    nearMisses(o);

    const family = $<HTMLSelectElement>('f-family');
    for (const f of o.families) family.append(new Option(f, f));
    const error = $<HTMLSelectElement>('f-error');
    o.errors.forEach((e, i) => error.append(new Option(e, String(i))));
    const table = new RolloutTable($('table'), o, (row) => post({ type: 'row', action: 'solution', row }), (key, row) => rowKey(key, row),
        (row) => select(row), (sort) => {
            shown!.sort = sort;
            refilter();
        });
    shown = { o, table };
    // The report has no worker behind it: no detail pane, and text only searches problems and sources.
    if (!vscode) {
        $('detail').hidden = true;
        const textIn = $<HTMLSelectElement>('f-text-in');
        for (const option of Array.from(textIn.options)) option.hidden = option.value !== 'problem';
        textIn.value = 'problem';
    }
    const withSelected = (key: string) => () => {
        const row = table.selectedRow;
        if (row !== undefined) rowKey(key, row);
    };
    $('a-open').addEventListener('click', withSelected('o'));
    $('a-mark').addEventListener('click', withSelected('m'));
    $('a-compare').addEventListener('click', withSelected('c'));
    $('a-group').addEventListener('click', withSelected('g'));
    for (const id of ['f-family', 'f-error', 'f-step-min', 'f-step-max', 'f-failing']) $(id).addEventListener('change', () => refilter());
    for (const id of ['f-text', 'f-text-in']) $(id).addEventListener(id === 'f-text' ? 'input' : 'change', () => textChanged());
    $('f-clear').addEventListener('click', () => {
        family.value = '';
        error.value = '';
        for (const id of ['f-step-min', 'f-step-max', 'f-text']) $<HTMLInputElement>(id).value = '';
        $<HTMLInputElement>('f-failing').checked = false;
        shown!.chip = undefined;
        shown!.search = undefined;
        shown!.sort = undefined;
        refilter();
    });
    refilter();
    document.body.dataset.ready = 'true';
}

/** The selection moved: ask for its detail once the keys stop (holding an arrow key moves fast). */
function select(row: number): void {
    if (!vscode) return;
    clearTimeout(detailTimer);
    detailTimer = setTimeout(() => {
        $('detail').setAttribute('aria-busy', 'true');
        post({ type: 'detail', row });
    }, DETAIL_DELAY_MS);
}

/** Program/response text is searched by the worker (it holds them); problem text right here. */
function textChanged(): void {
    if (!shown) return;
    const field = $<HTMLSelectElement>('f-text-in').value as TextField;
    const text = $<HTMLInputElement>('f-text').value;
    clearTimeout(searchTimer);
    if (field === 'problem' || text.trim() === '') {
        shown.search = undefined;
        refilter();
        return;
    }
    searchTimer = setTimeout(() => {
        const id = ++searchId;
        shown!.search = { field, text, id };
        $('table-count').textContent = `searching ${field}s…`;
        post({ type: 'search', id, text, field });
    }, SEARCH_DELAY_MS);
}

function searched(id: number, rows: ArrayLike<number>): void {
    if (!shown?.search || shown.search.id !== id) return;
    const mask = new Uint8Array(shown.o.total);
    for (let k = 0; k < rows.length; k++) mask[rows[k]] = 1;
    shown.search.mask = mask;
    refilter();
}

function rowLabel(o: Overview, row: number): string {
    const r = o.rows;
    // Without a sample number (verl dumps), the source line tells rollouts of one group apart.
    const which = r.sample[row] !== null ? `sample ${r.sample[row]}` : rowSource(o, row).split(/[\\/]/).pop();
    return `${o.problems[r.problem[row]]?.label ?? '?'} · step ${r.step[row] ?? NO_STEP_LABEL} · ${which}`;
}

function rowKey(key: string, row: number): void {
    if (!shown) return;
    if (key === 'o') post({ type: 'row', action: 'solution', row });
    else if (key === 'm') {
        shown.marked = row;
        $('marked').textContent = `marked: ${rowLabel(shown.o, row)}`;
    } else if (key === 'c') {
        if (shown.marked === undefined) $('marked').textContent = 'mark a rollout first (m), then compare another with it (c)';
        else {
            $('changes-section').hidden = false;
            $('changes').textContent = `Comparing ${rowLabel(shown.o, shown.marked)} → ${rowLabel(shown.o, row)}…`;
            post({ type: 'row', action: 'compare', row: shown.marked, other: row });
        }
    } else if (key === 'g') showGroup(row);
    else if (key === '/') $('f-text').focus();
}

/** The samples of one prompt at one step (same problem and step), side by side. */
function showGroup(row: number): void {
    if (!shown) return;
    const { o } = shown;
    const r = o.rows;
    const { members, spread, zeroVariance } = groupOf(o, row);
    $('group-section').hidden = false;
    $('group-title').textContent = `GRPO group: ${o.problems[r.problem[row]]?.label ?? '?'} at step ${r.step[row] ?? NO_STEP_LABEL}`;
    const facts = document.createElement('p');
    facts.id = 'group-facts';
    facts.textContent = `${members.length} samples · pass_rate spread ${spread.toFixed(3)} · ${zeroVariance ? 'zero variance (all_pass reward: no learning signal)' : 'all_pass rewards differ'} · distinct programs: …`;
    const table = document.createElement('table');
    table.className = 'group';
    const head = table.createTHead().insertRow();
    for (const h of ['sample', 'pass_rate', 'all_pass', 'error', 'source']) head.append(Object.assign(document.createElement('th'), { textContent: h }));
    const body = table.createTBody();
    for (const i of members) {
        const tr = body.insertRow();
        tr.dataset.row = String(i);
        const cells = [String(r.sample[i] ?? '–'), r.passRate[i].toFixed(3), String(r.allPass[i]), r.error[i] >= 0 ? o.errors[r.error[i]] : '', rowSource(o, i)];
        cells.forEach((c, k) => {
            const td = tr.insertCell();
            td.textContent = c;
            if (k === 2) td.className = r.allPass[i] ? 'pass' : 'fail';
        });
        tr.addEventListener('click', () => post({ type: 'row', action: 'solution', row: i }));
    }
    $('group').replaceChildren(facts, table);
    $('group-section').scrollIntoView({ block: 'nearest' });
    post({ type: 'group', rows: members });
}

function applyChartClick(click: ChartClick): void {
    if (!shown) return;
    const step = shown.o.steps[click.step];
    if (click.kind === 'cell') applyFilter({ problem: click.problem, step });
    else if (click.kind === 'curve') applyFilter({ family: click.family, step });
    else applyFilter({ step, error: click.error });
}

/** A chart or pass@k click: the table shows those rollouts (the chip says which). */
function applyFilter(chip: RowFilter): void {
    if (!shown) return;
    shown.chip = chip;
    refilter();
    $('table').scrollIntoView({ block: 'nearest' });
}

function refilter(): void {
    if (!shown) return;
    const { o, table, chip, search } = shown;
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
        text: $<HTMLSelectElement>('f-text-in').value === 'problem' ? $<HTMLInputElement>('f-text').value : undefined,
        failingOnly: $<HTMLInputElement>('f-failing').checked,
        ...(search && { mask: search.mask ?? new Uint8Array(0) }),
        ...chip,
    };
    const filtered = filterRows(o, filter);
    const order = shown.sort ? sortRows(o, filtered, shown.sort) : filtered;
    table.setSort(shown.sort);
    table.show(order);
    $('filter-chip').textContent = chip ? describe(o, chip) : '';
    const searching = search && !search.mask ? ` · searching ${search.field}s…` : search ? ` · ${search.field} contains “${search.text}”` : '';
    $('table-count').textContent = `${order.length} of ${o.total}, ${shown.sort ? `by ${shown.sort.column}${shown.sort.descending ? ' (descending)' : ''}` : 'failing first'}${searching}`;
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
    for (const h of ['problem', 'family', 'n', 'c', 'mean pass_rate', ...o.ks.map((k) => `pass@${k}`), 'first solved', 'solved since', 'regressions']) {
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
            r.solvedSince === null ? '–' : String(r.solvedSince),
            r.regressions.join(', '),
        ];
        for (const c of cells) tr.insertCell().textContent = c;
        tr.cells[0].title = p.id;
        // The problem's name shows its rollouts; a step (first solved, solved since) those of that step.
        const jump = (cell: HTMLTableCellElement, step: number | null, title: string) => {
            const button = Object.assign(document.createElement('button'), { type: 'button', className: 'jump', textContent: cell.textContent, title });
            button.addEventListener('click', () => applyFilter(step === null ? { problem: r.p } : { problem: r.p, step }));
            cell.replaceChildren(button);
        };
        jump(tr.cells[0], null, `${p.id}: show its rollouts in the table`);
        const at = 5 + o.ks.length;
        if (r.firstSolvedStep !== null) jump(tr.cells[at], r.firstSolvedStep, `show its rollouts at step ${r.firstSolvedStep}, the first with an all-pass one`);
        if (r.solvedSince !== null) jump(tr.cells[at + 1], r.solvedSince, `show its rollouts at step ${r.solvedSince}: every step since had an all-pass one`);
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
            + `${r.error[m.row] >= 0 ? ` · ${o.errors[r.error[m.row]]}` : ''} · ${rowSource(o, m.row)}`;
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
        else if (m?.type === 'group') {
            const facts = document.getElementById('group-facts');
            if (facts) facts.textContent = facts.textContent!.replace(/distinct programs: .*$/, `distinct programs: ${m.distinctPrograms ?? 'unknown'}`);
        }
        else if (m?.type === 'error') $('status').textContent = m.message;
        else if (m?.type === 'detail' && shown) {
            // Answers can arrive after the selection moved on: only the selected rollout's is shown.
            if (m.row !== shown.table.selectedRow) return;
            $('detail').removeAttribute('aria-busy');
            if (m.detail) renderDetail($('detail'), rowLabel(shown.o, m.row), m.detail);
            else $('detail').textContent = m.error ?? 'No detail for this rollout.';
        } else if (m?.type === 'changes' && shown) {
            $('changes-section').hidden = false;
            renderChanges($('changes'), rowLabel(shown.o, m.before), rowLabel(shown.o, m.after), m.changes);
            $('changes-section').scrollIntoView({ block: 'nearest' });
        } else if (m?.type === 'searched') searched(m.id, m.rows);
    });
    $('status').textContent = 'Loading…';
    post({ type: 'ready' });
}
