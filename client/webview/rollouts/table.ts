// The rollout table: only the rows in view exist in the DOM (fixed row height, a spacer sized for
// all rows), so 100k rows scroll like 100. Arrow keys, Page Up/Down, Home/End move the selection
// (and show its detail); Enter or a double click opens the selected rollout. Column headers are
// buttons: a click (or Enter on the focused header) sorts by that column, again reverses, a third
// time goes back to failing-first. While the view scrolls, the rows are painted on a canvas instead
// (see `setFast`): flinging 100k rows drops no frames.
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
        // While the view scrolls the rows are painted on this canvas instead (see `setFast`).
        this.canvas = document.createElement('canvas');
        this.canvas.className = 'rt-canvas';
        this.canvas.setAttribute('aria-hidden', 'true');
        this.spacer.append(this.body, this.canvas);
        this.viewport.append(this.spacer);
        root.append(head, this.viewport);
        this.viewport.addEventListener('scroll', () => this.render(true));
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
        // A click on the painted rows: the row under the pointer, by its offset.
        const posAt = (e: MouseEvent) => Math.min(this.order.length - 1, this.paintedFirst + Math.floor(e.offsetY / ROW_HEIGHT));
        this.canvas.addEventListener('click', (e) => {
            this.selected = posAt(e);
            this.render();
            this.viewport.focus();
        });
        this.canvas.addEventListener('dblclick', (e) => this.onOpen(this.order[posAt(e)], 'click'));
        new ResizeObserver(() => this.render()).observe(this.viewport);
        new ResizeObserver(() => this.placeColumns(head)).observe(head);
    }

    /** Each column's left edge and width, read from the header row's grid. */
    private columns: { left: string; width: string; x: number; w: number }[] = [];

    /**
     * Body cells sit at fixed offsets taken from the header (which alone lays out the grid): a row
     * whose text changes then needs no grid layout, which halved layout time while flinging.
     */
    private placeColumns(head: HTMLElement): void {
        const origin = head.getBoundingClientRect().left;
        this.columns = [...head.children].map((cell) => {
            const box = cell.getBoundingClientRect();
            return { left: `${box.left - origin}px`, width: `${box.width}px`, x: box.left - origin, w: box.width };
        });
        this.fitted.clear();
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
        this.viewTop = 0;
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

    private settleTimer: ReturnType<typeof setTimeout> | undefined;

    /** Once a scroll stops, the row elements come back (with spare rows) in place of the canvas. */
    private settleSoon(): void {
        clearTimeout(this.settleTimer);
        this.settleTimer = setTimeout(() => this.render(), 100);
    }

    private readonly canvas: HTMLCanvasElement;
    /** The first row painted on the canvas. */
    private paintedFirst = 0;
    /** Rows are painted on the canvas (the view is scrolling) rather than shown as elements. */
    private fast = false;
    /** The painting style of each column in a passed/failed, selected/unselected row (see `cellStyles`). */
    private styles: CellStyle[][] | undefined;
    /** Texts cut to their column's width (with an ellipsis), by column: values repeat across rows. */
    private readonly fitted = new Map<string, string>();

    /**
     * While the view scrolls, the visible rows are painted on a canvas and the row elements are
     * hidden; 100 ms after the last scroll event the elements are brought up to date and shown again
     * (keys, clicks and filters always work on the elements). Why: a cell whose text changes is laid
     * out again, and each layout leaves garbage in Blink's heap, about 190 KB a frame for the 20
     * rows of the bench's fling; its trace showed a major garbage collection every ~180 frames, each
     * pausing the page 8–24 ms: the dropped frames. Painting the same rows costs no layout and no
     * garbage there, and less main-thread time than rewriting even 3 rows a frame (a wheel step).
     */
    private setFast(fast: boolean): void {
        if (fast === this.fast) return;
        this.fast = fast;
        this.root.classList.toggle('rt-fast', fast);
        if (fast) {
            this.styles = this.cellStyles();
            // Cut again in the fonts just read (a theme may have changed them).
            this.fitted.clear();
        }
    }

    /**
     * The text style of each column as the page's CSS gives it, read from a row of probe cells
     * (the same classes as a drawn row) in the four states a row can be in: the style sheet stays
     * the one definition of the table's look, and a theme change is picked up at the next scroll.
     */
    private cellStyles(): CellStyle[][] {
        const probe = document.createElement('div');
        probe.className = 'rt-body rt-probe';
        probe.setAttribute('aria-hidden', 'true');
        const row = document.createElement('div');
        for (const c of COLUMNS) {
            const cell = document.createElement('span');
            cell.className = `rt-cell rt-${c}`;
            row.append(cell);
        }
        probe.append(row);
        this.root.append(probe);
        const states: CellStyle[][] = [];
        for (const className of ['rt-row fail', 'rt-row pass', 'rt-row selected fail', 'rt-row selected pass']) {
            row.className = className;
            const rowStyle = getComputedStyle(row);
            const background = rowStyle.backgroundColor;
            states.push([...row.children].map((cell) => {
                const style = getComputedStyle(cell);
                return {
                    // From the longhands: the `font` shorthand reads empty when a longhand it cannot
                    // express is set (the numeric columns' tabular figures).
                    font: `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`, color: style.color, background,
                    right: style.textAlign === 'right' || style.textAlign === 'end',
                    padLeft: parseFloat(style.paddingLeft) || 0, padRight: parseFloat(style.paddingRight) || 0,
                };
            }));
        }
        probe.remove();
        return states;
    }

    /** Paints rows `first` to `last` (exclusive) of the order on the canvas, as the row elements look. */
    private paintFast(first: number, last: number): void {
        this.paintedFirst = first;
        const styles = this.styles!;
        const width = this.viewport.clientWidth;
        const height = (last - first) * ROW_HEIGHT;
        const dpr = window.devicePixelRatio || 1;
        const canvas = this.canvas;
        if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
            canvas.width = Math.round(width * dpr);
            canvas.height = Math.round(height * dpr);
            canvas.style.width = `${width}px`;
            canvas.style.height = `${height}px`;
        }
        canvas.style.transform = `translateY(${first * ROW_HEIGHT}px)`;
        const ctx = canvas.getContext('2d')!;
        ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
        ctx.clearRect(0, 0, width, height);
        // Baselines where CSS puts them: the font's ascent and descent centred in the 22 px line.
        ctx.textBaseline = 'alphabetic';
        let baseline = ROW_HEIGHT / 2;
        const r = this.o.rows;
        let font = '';
        for (let pos = first; pos < last; pos++) {
            const i = this.order[pos];
            const state = styles[(pos === this.selected ? 2 : 0) + (r.allPass[i] ? 1 : 0)];
            const y = (pos - first) * ROW_HEIGHT;
            if (state[0].background !== 'rgba(0, 0, 0, 0)') {
                ctx.fillStyle = state[0].background;
                ctx.fillRect(0, y, width, ROW_HEIGHT);
            }
            const texts = this.cellTexts(i);
            for (let k = 0; k < this.columns.length && k < state.length; k++) {
                const text = texts[k];
                if (!text) continue;
                const st = state[k];
                const column = this.columns[k];
                if (st.font !== font) {
                    ctx.font = font = st.font;
                    const m = ctx.measureText('');
                    baseline = (ROW_HEIGHT - m.fontBoundingBoxAscent - m.fontBoundingBoxDescent) / 2 + m.fontBoundingBoxAscent;
                }
                const room = column.w - st.padLeft - st.padRight;
                const key = `${k}\u0000${text}`;
                let shown = this.fitted.get(key);
                if (shown === undefined) this.fitted.set(key, shown = fitText(ctx, text, room));
                ctx.fillStyle = st.color;
                ctx.textAlign = st.right ? 'right' : 'left';
                ctx.fillText(shown, st.right ? column.x + column.w - st.padRight : column.x + st.padLeft, y + baseline);
            }
        }
    }

    /** `scrolled`: called for a scroll event (a key or a click that moves the view keeps the row elements). */
    private render(scrolled = false): void {
        const height = this.viewport.clientHeight || 400;
        const top = Math.floor(this.viewport.scrollTop / ROW_HEIGHT);
        // Spare rows above and below cover the next small move (a key); a jump past them fills only
        // the visible rows, and the spare ones once the view stays put.
        const jump = Math.abs(top - this.viewTop) > OVERSCAN;
        // A scroll that moves the rows paints them on the canvas until it stops (see setFast).
        const fast = scrolled && (top !== this.viewTop || this.fast);
        const spare = jump || fast ? 0 : OVERSCAN;
        this.viewTop = top;
        if (jump || fast) this.settleSoon();
        if (this.fast !== fast) {
            this.setFast(fast);
            this.rendered = '';
        }
        const first = Math.max(0, top - spare);
        const last = Math.min(this.order.length, Math.ceil((this.viewport.scrollTop + height) / ROW_HEIGHT) + spare);
        // Scroll events come faster than rows change: rebuild only when the visible slice moved.
        const key = `${first}:${last}:${this.selected}:${this.order.length}:${this.generation}`;
        if (key === this.rendered) return;
        this.rendered = key;
        if (this.fast) {
            // The row elements are hidden: they are brought up to date when the scroll stops.
            this.paintFast(first, last);
            this.selectionMoved();
            return;
        }
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
            const values = this.cellTexts(i);
            const cells = row.children;
            for (let k = 0; k < values.length; k++) {
                const text = cells[k].firstChild as Text;
                if (text.data !== values[k]) text.data = values[k];
            }
        }
        this.selectionMoved();
    }

    /** The text of each column for row index `i` (written into a reused array). */
    private cellTexts(i: number): string[] {
        const r = this.o.rows;
        const p = this.o.problems[r.problem[i]];
        const finish = r.finish[i] >= 0 ? this.o.finishReasons[r.finish[i]] : '';
        const logged = r.logged[i];
        const values = this.texts;
        values[0] = p?.label ?? '';
        values[1] = p?.family ?? '';
        values[2] = p?.level ?? '';
        values[3] = r.step[i] === null ? NO_STEP_LABEL : String(r.step[i]);
        values[4] = r.sample[i] === null ? '' : String(r.sample[i]);
        values[5] = r.passRate[i].toFixed(3);
        values[6] = String(r.allPass[i]);
        values[7] = r.error[i] >= 0 ? this.o.errors[r.error[i]] : '';
        values[8] = logged === null ? '' : `${logged}${r.mismatch[i] ? ' ≠' : ''}`;
        values[9] = `${finish}${r.truncated[i] ? ' (truncated)' : ''}`;
        return values;
    }

    private readonly texts: string[] = new Array<string>(COLUMNS.length).fill('');

    private selectionMoved(): void {
        const chosen = this.order[this.selected];
        if (chosen !== undefined && chosen !== this.lastSelected) {
            this.lastSelected = chosen;
            this.onSelect(chosen);
        }
    }
}

interface CellStyle {
    font: string;
    color: string;
    background: string;
    right: boolean;
    padLeft: number;
    padRight: number;
}

/** `text`, or as much of it as fits in `room` pixels followed by an ellipsis (CSS `text-overflow: ellipsis`). */
function fitText(ctx: CanvasRenderingContext2D, text: string, room: number): string {
    if (ctx.measureText(text).width <= room) return text;
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (ctx.measureText(`${text.slice(0, mid)}…`).width <= room) lo = mid;
        else hi = mid - 1;
    }
    return `${text.slice(0, lo)}…`;
}
