// The #predictions table beside the canvas: one row per test timestamp with the ground truth and,
// when the model's program ran, its prediction, check_distance and pass/fail. Rebuilt only when the
// data changes; the per-frame work is moving the `current` class between two rows.

import { pointsText as points, verdictText } from './prediction-text.js';
import type { Marker, PredictionRow, Predictions } from './protocol.js';

function cell(row: HTMLTableRowElement, text: string, className?: string): HTMLTableCellElement {
    const td = row.insertCell();
    td.textContent = text;
    if (className) td.className = className;
    return td;
}

const runtime = (seconds: number | undefined) => (seconds === undefined || seconds < 0 ? '—' : `${(seconds * 1000).toFixed(1)} ms`);

/** The exception and what the test printed, folded under the runtime. */
function details(td: HTMLTableCellElement, p: PredictionRow): void {
    const parts: [string, string][] = [];
    if (p.error) parts.push(['error', p.error]);
    if (p.stdout) parts.push(['stdout', p.stdout]);
    if (p.stderr) parts.push(['stderr', p.stderr]);
    if (!parts.length) return;
    const box = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = parts.map(([k]) => k).join(', ');
    box.append(summary);
    for (const [label, text] of parts) {
        const pre = document.createElement('pre');
        pre.textContent = `${label}:\n${text}`;
        box.append(pre);
    }
    // Opening the details should not jump the playback to this row.
    box.addEventListener('click', (e) => e.stopPropagation());
    td.append(box);
}

export class PredictionTable {
    private rows: HTMLTableRowElement[] = [];
    private current = -1;

    constructor(private readonly table: HTMLTableElement, private readonly body: HTMLTableSectionElement, private readonly onPick: (time: number) => void) {}

    render(markers: readonly Marker[], predictions: Predictions): void {
        // Without a model answer the prediction columns would only hold dashes.
        this.table.classList.toggle('no-model', predictions.status === 'none');
        this.body.replaceChildren();
        this.rows = [];
        this.current = -1;
        markers.forEach((marker, k) => {
            const tr = this.body.insertRow();
            tr.dataset.time = String(marker.time);
            tr.tabIndex = 0;
            tr.title = `Jump to t = ${marker.time.toFixed(2)} s`;
            cell(tr, marker.time.toFixed(2), 'num');
            cell(tr, points(marker.positions), 'pos');
            const p: PredictionRow | undefined = predictions.rows[k];
            if (!p) {
                cell(tr, predictions.status === 'running' ? '…' : '—', 'pos');
                cell(tr, '', 'num');
                cell(tr, '', 'result');
                cell(tr, '', 'details');
            } else {
                cell(tr, p.predicted ? points(p.predicted) : p.error ?? '—', 'pos');
                cell(tr, p.distance === null ? '—' : p.distance.toFixed(3), 'num');
                const result = cell(tr, verdictText(p), `result ${p.passed ? 'pass' : 'fail'}`);
                if (p.error) result.title = p.error;
                details(cell(tr, runtime(p.runtime), 'details'), p);
                tr.classList.add(p.passed ? 'passed' : 'failed');
            }
            const pick = () => this.onPick(marker.time);
            tr.addEventListener('click', pick);
            tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') pick(); });
            this.rows.push(tr);
        });
    }

    /** Highlights the row of the marker at the current time (-1: none). */
    highlight(k: number): void {
        if (k === this.current) return;
        this.rows[this.current]?.classList.remove('current');
        const row = this.rows[k];
        if (row) {
            row.classList.add('current');
            // Keep the current timestamp in view while playing through a long table.
            row.scrollIntoView({ block: 'nearest' });
        }
        this.current = k;
    }
}
