// The rollout detail pane beside the table: the response with the extracted program highlighted and
// the extraction notes, the logged vs re-scored reward when they disagree, and the per-test grid
// (failures first) of the rollout re-scored with details. Also the per-test verdict changes of a
// compare. Renders what the worker computed (language/rollouts/detail.ts); decides nothing.
import { changesSummary, type RolloutDetail, type TestVerdict, type VerdictChanges } from '../../../language/rollouts/detail.js';
import { pointsText, verdictText } from '../prediction-text.js';
import type { PredictionRow } from '../protocol.js';
import type { DetailView } from './protocol.js';

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) => {
    const node = Object.assign(document.createElement(tag), props);
    node.append(...children);
    return node;
};

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(3));
/** Tape strings can be empty: say so rather than show nothing. */
const tape = (s: string) => (s === '' ? el('span', { className: 'muted', textContent: 'ε (empty)' }) : el('code', { textContent: s }));
const yesNo = (b: boolean) => (b ? 'accept' : 'reject');

export function extractionText(d: Pick<RolloutDetail, 'extraction'>): string {
    const e = d.extraction;
    const parts: string[] = [];
    parts.push(`${e.blocks} fenced block${e.blocks === 1 ? '' : 's'}`);
    if (e.wholeResponse) parts.push('no block: the whole response is the program');
    else parts.push(`used block ${(e.used ?? 0) + 1} of ${e.blocks} (the last)${e.tag ? `, tag \`${e.tag}\`` : ', no language tag'}`);
    parts.push(e.feedbackBlocks ? `${e.feedbackBlocks} feedback block${e.feedbackBlocks === 1 ? '' : 's'} (--- Test Results ---) recognised as earlier turns` : 'no feedback blocks');
    return parts.join(' · ');
}

function responseView(d: RolloutDetail): HTMLElement {
    const pre = el('pre', { className: 'response' });
    pre.dataset.testid = 'detail-response';
    const [start, end] = (d.extraction.span ?? [0, 0]).map((x) => Math.max(0, Math.min(d.response.length, x - d.responseOffset)));
    if (d.responseOffset > 0) pre.append(el('span', { className: 'muted', textContent: `… (${d.responseOffset} characters before)\n` }));
    pre.append(d.response.slice(0, start));
    const mark = el('mark', { className: 'extracted', title: 'the extracted program' }, d.response.slice(start, end));
    pre.append(mark, d.response.slice(end));
    const after = d.responseLength - d.responseOffset - d.response.length;
    if (after > 0) pre.append(el('span', { className: 'muted', textContent: `\n… (${after} characters after)` }));
    return pre;
}

function rewardLine(d: RolloutDetail): HTMLElement {
    const rescored = `re-scored: pass_rate ${fmt(d.pass_rate)} (${d.passed}/${d.total}) · all_pass ${d.all_pass}`;
    const line = el('p', { className: 'reward' }, rescored);
    if (d.logged) {
        const l = d.logged;
        const how = `${fmt(l.raw)}${l.scale !== null && l.scale !== 1 ? ` ÷ ${fmt(l.scale)}` : ''}${l.bonus ? ' (less a +1 format bonus if present)' : ''}`;
        if (l.mismatch) {
            line.className = 'reward banner mismatch';
            line.textContent = `Logged reward disagrees with the re-score: logged ${how} = ${fmt(l.normalised)} on the re-scored scale, but ${rescored}${d.truncated ? ' (generation was cut; a cut rollout may be logged as 0)' : ''}.`;
        } else line.append(` · logged ${how} = ${fmt(l.normalised)} (agrees)`);
    }
    return line;
}

function testGrid(tests: TestVerdict[], omitted: number): HTMLElement {
    const table = el('table', { className: 'tests' });
    table.dataset.testid = 'detail-tests';
    // Acceptance-only labels (no test checks the output): no expected-output column.
    const outputs = tests.some((t) => t.checkOutput);
    const head = table.createTHead().insertRow();
    for (const h of ['#', 'verdict', 'input', 'expected', 'actual', 'expected output', 'actual output', 'rejection reason', 'path']) {
        if (h !== 'expected output' || outputs) head.append(el('th', { textContent: h }));
    }
    const body = table.createTBody();
    for (const t of tests) {
        const tr = body.insertRow();
        tr.className = t.passed ? 'pass' : 'fail';
        tr.title = t.description;
        const cells: (Node | string)[] = [
            String(t.index + 1), t.passed ? '✓ pass' : '✗ fail', tape(t.input), yesNo(t.expectedAccepted), yesNo(t.actualAccepted),
            t.checkOutput ? tape(t.expectedOutput) : el('span', { className: 'muted', textContent: 'not checked' }), tape(t.actualOutput),
            t.rejectionReason ?? '', String(t.pathLength),
        ];
        cells.forEach((c, k) => {
            if (k === 5 && !outputs) return;
            const td = tr.insertCell();
            td.append(c);
            if (k === 4 && t.actualAccepted !== t.expectedAccepted) td.className = 'differs';
            if (k === 6 && t.checkOutput && t.actualOutput !== t.expectedOutput) td.className = 'differs';
        });
    }
    if (omitted) body.insertRow().insertCell().append(`… ${omitted} more tests not shown`);
    return table;
}

/** A BouncingSim answer per test timestamp: ground truth, the model's prediction, distance, verdict against the tolerance. */
function assertGrid(runs: PredictionRow[]): HTMLElement {
    const table = el('table', { className: 'tests' });
    table.dataset.testid = 'detail-asserts';
    const head = table.createTHead().insertRow();
    for (const h of ['t (s)', 'verdict', 'ground truth', 'model', 'distance', 'error']) head.append(el('th', { textContent: h }));
    const body = table.createTBody();
    for (const r of runs) {
        const tr = body.insertRow();
        tr.className = r.passed ? 'pass' : 'fail';
        const cells = [
            r.time === null ? '—' : r.time.toFixed(2), verdictText(r), r.expected ? pointsText(r.expected) : '—',
            r.predicted ? pointsText(r.predicted) : '—', r.distance === null ? '—' : r.distance.toFixed(3), r.error ?? '',
        ];
        cells.forEach((c, k) => {
            const td = tr.insertCell();
            // Positions (one ball per line) and numbers stay unbroken; the error text may wrap.
            if (k < 5) td.style.whiteSpace = 'pre';
            td.append(k === 2 || k === 3 ? el('code', { textContent: c }) : c);
        });
    }
    return table;
}

/** The whole pane for one rollout. `label` names it (problem · step · sample). */
export function renderDetail(root: HTMLElement, label: string, d: DetailView): void {
    const failed = d.total - d.passed;
    const title = el('h3', { textContent: label });
    const facts = el('p', { className: 'muted' },
        `${d.source}${d.finishReason ? ` · finish ${d.finishReason}` : ''}${d.truncated ? ' (truncated)' : ''}${d.error ? ` · ${d.error}` : ''}`);
    const parts: HTMLElement[] = [title, facts, rewardLine(d)];
    if (d.reason) parts.push(el('p', { className: 'reason' }, el('code', { textContent: d.reason })));
    if (d.task === 'bouncingsim') {
        parts.push(el('h4', { textContent: `Asserts: ${failed} failing of ${d.total}` }),
            el('p', { className: 'muted', textContent: 'Enter (or a double click) opens the trajectory panel: the model\'s predicted track over the simulated animation.' }));
        if (d.asserts?.length) parts.push(assertGrid(d.asserts));
    } else parts.push(el('h4', { textContent: d.total ? `Tests: ${failed} failing of ${d.total}, failures first` : 'Tests: none ran' }));
    if (d.tests.length) parts.push(testGrid(d.tests, d.testsOmitted));
    const notes = el('p', { className: 'notes' }, extractionText(d));
    notes.dataset.testid = 'detail-notes';
    parts.push(el('h4', { textContent: 'Response' }), notes, responseView(d));
    root.replaceChildren(...parts);
    root.dataset.row = String(d.row);
}

const KIND: Record<string, string> = { fixed: '✓ fixed (fail → pass)', broken: '✗ broken (pass → fail)', acceptance: 'acceptance changed', output: 'output changed' };

/** The per-test verdict changes of a compare, from the marked rollout (`beforeLabel`) to the other. */
export function renderChanges(root: HTMLElement, beforeLabel: string, afterLabel: string, c: VerdictChanges | null): void {
    const title = el('h3', { textContent: `Per-test changes: ${beforeLabel} → ${afterLabel}` });
    if (!c) {
        root.replaceChildren(title, el('p', { className: 'muted', textContent: 'not available for these rollouts' }));
        return;
    }
    const summary = el('p', { textContent: changesSummary(c) });
    summary.dataset.testid = 'changes-summary';
    const table = el('table', { className: 'tests changes' });
    const head = table.createTHead().insertRow();
    for (const h of ['#', 'change', 'input', 'before: actual', 'after: actual', 'before: reason', 'after: reason']) head.append(el('th', { textContent: h }));
    const body = table.createTBody();
    const run = (t: TestVerdict | undefined) => (t ? `${yesNo(t.actualAccepted)}${t.checkOutput ? ` · ${t.actualOutput || 'ε'}` : ''}` : 'did not run');
    for (const ch of c.changes) {
        const tr = body.insertRow();
        tr.className = ch.kind === 'fixed' ? 'pass' : ch.kind === 'broken' ? 'fail' : '';
        const cells: (Node | string)[] = [String(ch.index + 1), KIND[ch.kind], tape(ch.input), run(ch.before), run(ch.after), ch.before?.rejectionReason ?? '', ch.after?.rejectionReason ?? ''];
        for (const cell of cells) tr.insertCell().append(cell);
    }
    root.replaceChildren(title, summary, ...(c.changes.length ? [table] : []));
}
