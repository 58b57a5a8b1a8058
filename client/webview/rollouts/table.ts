// The rollout table: only the rows in view exist in the DOM (fixed row height, a spacer sized for
// all rows), so 100k rows scroll like 100. Arrow keys, Page Up/Down, Home/End move the selection
// (and show its detail); Enter or a double click opens the selected rollout. Column headers are
// buttons: a click (or Enter on the focused header) sorts by that column, again reverses, a third
// time goes back to failing-first.
import { NO_STEP_LABEL, rowSource, SORT_COLUMNS, type Overview, type RowSort, type SortColumn } from '../../../language/rollouts/overview.js';

export const ROW_HEIGHT = 22;
const OVERSCAN = 8;

const COLUMNS = SORT_COLUMNS;

export class RolloutTable {
    private order: number[] = [];
    private selected = 0;
    private readonly viewport: HTMLElement;
    private readonly spacer: HTMLElement;
    private readonly body: HTMLElement;
    private readonly headers = new Map<SortColumn, HTMLButtonElement>();
    private lastSelected: number | undefined;

    constructor(
        private readonly root: HTMLElement,
        private readonly o: Overview,
        private readonly onOpen: (row: number, how: 'enter' | 'click') => void,
        /** Other keys on the selected row (m: mark for compare, c: compare, g: GRPO group). */
        private readonly onKey: (key: string, row: number) => void = () => {},
        /** The selection moved to another rollout. */
        private readonly onSelect: (row: number) => void = () => {},
        /** A column header asked to sort (undefined: back to failing-first). */
        private readonly onSort: (sort: RowSort | undefined) => void = () => {},
    ) {
        root.classList.add('rollout-table');
        const head = document.createElement('div');
        head.className = 'rt-row rt-head';
        head.setAttribute('role', 'row');
        for (const c of COLUMNS) {
            const cell = document.createElement('button');
            cell.type = 'button';
            cell.className = `rt-cell rt-${c}`;
            cell.setAttribute('role', 'columnheader');
            cell.setAttribute('aria-sort', 'none');
            cell.title = `Sort by ${c} (again: reverse; a third time: failing first)`;
            cell.textContent = c;
            cell.addEventListener('click', () => this.onSort(this.nextSort(c)));
            this.headers.set(c, cell);
            head.append(cell);
        }
        this.viewport = document.createElement('div');
        this.viewport.className = 'rt-viewport';
        this.viewport.tabIndex = 0;
        this.viewport.setAttribute('role', 'grid');
        this.viewport.setAttribute('aria-label', 'Rollouts');
        this.spacer = document.createElement('div');
        this.spacer.className = 'rt-spacer';
        this.body = document.createElement('div');
        this.body.className = 'rt-body';
        this.spacer.append(this.body);
        this.viewport.append(this.spacer);
        root.append(head, this.viewport);
        this.viewport.addEventListener('scroll', () => this.render());
        this.viewport.addEventListener('keydown', (e) => this.key(e));
        this.body.addEventListener('click', (e) => {
            const row = (e.target as HTMLElement).closest<HTMLElement>('.rt-row');
            if (!row) return;
            this.selected = Number(row.dataset.pos);
            this.render();
            this.viewport.focus();
        });
        // The problem cell's tooltip (problem id and source) is written when the pointer gets there,
        // not for every row a scroll refills.
        this.body.addEventListener('mouseover', (e) => {
            const cell = (e.target as HTMLElement).closest<HTMLElement>('.rt-problem');
            const row = cell?.closest<HTMLElement>('.rt-row');
            if (!cell || !row) return;
            const i = Number(row.dataset.row);
            cell.title = `${this.o.problems[this.o.rows.problem[i]]?.id ?? ''}\n${rowSource(this.o, i)}`;
        });
        this.body.addEventListener('dblclick', (e) => {
            const row = (e.target as HTMLElement).closest<HTMLElement>('.rt-row');
            if (row) this.onOpen(this.order[Number(row.dataset.pos)], 'click');
        });
        new ResizeObserver(() => this.render()).observe(this.viewport);
        new ResizeObserver(() => this.placeColumns(head)).observe(head);
    }

    /** Each column's left edge and width, read from the header row's grid. */
    private columns: { left: string; width: string }[] = [];

    /**
     * Body cells sit at fixed offsets taken from the header (which alone lays out the grid): a row
     * whose text changes then needs no grid layout, which halved layout time while flinging.
     */
    private placeColumns(head: HTMLElement): void {
        const origin = head.getBoundingClientRect().left;
        this.columns = [...head.children].map((cell) => {
            const box = cell.getBoundingClientRect();
            return { left: `${box.left - origin}px`, width: `${box.width}px` };
        });
        for (const row of this.body.children) this.placeCells(row);
    }

    private placeCells(row: Element): void {
        const cells = row.children;
        for (let k = 0; k < cells.length && k < this.columns.length; k++) {
            const style = (cells[k] as HTMLElement).style;
            style.left = this.columns[k].left;
            style.width = this.columns[k].width;
        }
    }

    private sort: RowSort | undefined;

    /** The sort after one more click on `column`: ascending, descending, then none. */
    private nextSort(column: SortColumn): RowSort | undefined {
        if (this.sort?.column !== column) return { column, descending: false };
        return this.sort.descending ? undefined : { column, descending: true };
    }

    /** Marks the sorted column's header. */
    setSort(sort: RowSort | undefined): void {
        this.sort = sort;
        for (const [c, h] of this.headers) {
            const on = sort?.column === c;
            h.setAttribute('aria-sort', on ? (sort!.descending ? 'descending' : 'ascending') : 'none');
            h.textContent = on ? `${c} ${sort!.descending ? '▼' : '▲'}` : c;
        }
    }

    /** Shows these row indexes in this order. */
    show(order: number[]): void {
        this.order = order;
        this.rendered = '';
        this.generation++;
        this.selected = 0;
        this.spacer.style.height = `${order.length * ROW_HEIGHT}px`;
        this.viewport.scrollTop = 0;
        this.root.dataset.rows = String(order.length);
        this.render();
    }

    /** The selected rollout's row index, if any. */
    get selectedRow(): number | undefined {
        return this.order[this.selected];
    }

    get count(): number {
        return this.order.length;
    }

    focus(): void {
        this.viewport.focus();
    }

    private key(e: KeyboardEvent): void {
        const page = Math.max(1, Math.floor(this.viewport.clientHeight / ROW_HEIGHT) - 1);
        const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, Home: -Infinity, End: Infinity };
        if (e.key in moves) {
            e.preventDefault();
            this.selected = Math.max(0, Math.min(this.order.length - 1, this.selected + moves[e.key]));
            const top = this.selected * ROW_HEIGHT;
            if (top < this.viewport.scrollTop) this.viewport.scrollTop = top;
            else if (top + ROW_HEIGHT > this.viewport.scrollTop + this.viewport.clientHeight) this.viewport.scrollTop = top + ROW_HEIGHT - this.viewport.clientHeight;
            this.render();
        } else if (e.key === 'Enter' && this.order.length) {
            e.preventDefault();
            this.onOpen(this.order[this.selected], 'enter');
        } else if (this.order.length && !e.ctrlKey && !e.metaKey && !e.altKey && e.key.length === 1 && e.key !== ' ') {
            // Keys are commands here (m, c, g, /): none should type into what they focus.
            e.preventDefault();
            this.onKey(e.key, this.order[this.selected]);
        }
    }

    private rendered = '';
    /** Bumped when the order changes: rows filled for an older order are filled again. */
    private generation = 0;
    private sliceFirst = 0;
    /** The first visible row at the last render. */
    private viewTop = 0;

    private spareTimer: ReturnType<typeof setTimeout> | undefined;

    /** Once a fast scroll stops, the spare rows are filled in. */
    private fillSpareSoon(): void {
        clearTimeout(this.spareTimer);
        this.spareTimer = setTimeout(() => this.render(), 100);
    }

    private render(): void {
        const height = this.viewport.clientHeight || 400;
        const top = Math.floor(this.viewport.scrollTop / ROW_HEIGHT);
        // Spare rows above and below cover the next small scroll; a fling jumps past them anyway,
        // so while the view moves by more than the spare rows only the visible ones are filled.
        const spare = Math.abs(top - this.viewTop) > OVERSCAN ? 0 : OVERSCAN;
        this.viewTop = top;
        if (!spare) this.fillSpareSoon();
        const first = Math.max(0, top - spare);
        const last = Math.min(this.order.length, Math.ceil((this.viewport.scrollTop + height) / ROW_HEIGHT) + spare);
        // Scroll events come faster than rows change: rebuild only when the visible slice moved.
        const key = `${first}:${last}:${this.selected}:${this.order.length}:${this.generation}`;
        if (key === this.rendered) return;
        this.rendered = key;
        // The visible slice is one block moved into place. When it moves by a few rows, the rows that
        // left at one end are moved to the other and refilled; the rest keep their text (a wheel step
        // rewrites 3 rows, not 35), and the DOM order stays the visual order.
        this.body.style.transform = `translateY(${first * ROW_HEIGHT}px)`;
        const count = last - first;
        const shift = first - this.sliceFirst;
        const rows = this.body.children;
        if (shift > 0 && shift < rows.length) for (let k = 0; k < shift; k++) this.body.append(rows[0]);
        else if (shift < 0 && -shift < rows.length) for (let k = 0; k < -shift; k++) this.body.prepend(rows[rows.length - 1]);
        this.sliceFirst = first;
        while (this.body.childElementCount < count) {
            const row = document.createElement('div');
            row.setAttribute('role', 'row');
            for (const c of COLUMNS) {
                const cell = document.createElement('span');
                cell.className = `rt-cell rt-${c}`;
                // One text node per cell, rewritten in place: scrolling changes text, never the tree.
                cell.append(document.createTextNode(''));
                row.append(cell);
            }
            this.placeCells(row);
            this.body.append(row);
        }
        while (this.body.childElementCount > count) this.body.lastElementChild!.remove();
        const r = this.o.rows;
        for (let pos = first; pos < last; pos++) {
            const i = this.order[pos];
            const row = rows[pos - first] as HTMLElement;
            const className = `rt-row${pos === this.selected ? ' selected' : ''}${r.allPass[i] ? ' pass' : ' fail'}`;
            if (row.className !== className) row.className = className;
            if (row.dataset.pos === String(pos) && row.dataset.gen === String(this.generation)) continue;
            row.dataset.pos = String(pos);
            row.dataset.gen = String(this.generation);
            row.dataset.row = String(i);
            row.setAttribute('aria-rowindex', String(pos + 2));
            const p = this.o.problems[r.problem[i]];
            const finish = r.finish[i] >= 0 ? this.o.finishReasons[r.finish[i]] : '';
            const logged = r.logged[i];
            const values = [
                p?.label ?? '', p?.family ?? '', p?.level ?? '', r.step[i] === null ? NO_STEP_LABEL : String(r.step[i]),
                r.sample[i] === null ? '' : String(r.sample[i]), r.passRate[i].toFixed(3), String(r.allPass[i]),
                r.error[i] >= 0 ? this.o.errors[r.error[i]] : '', logged === null ? '' : `${logged}${r.mismatch[i] ? ' ≠' : ''}`,
                `${finish}${r.truncated[i] ? ' (truncated)' : ''}`,
            ];
            const cells = row.children;
            for (let k = 0; k < values.length; k++) {
                const text = cells[k].firstChild as Text;
                if (text.data !== values[k]) text.data = values[k];
            }
        }
        const chosen = this.order[this.selected];
        if (chosen !== undefined && chosen !== this.lastSelected) {
            this.lastSelected = chosen;
            this.onSelect(chosen);
        }
    }
}
