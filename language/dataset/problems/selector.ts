// `#<id | name | row index>` selection, for a `# problem: path#sel` reference.
import { formatOf } from './formats.js';
import type { Problem } from './problem.js';

export interface ProblemRef {
    path: string;
    /** Undefined when the reference names the file only. */
    selector?: string;
}

/**
 * Splits "path#sel" at the first "#" that ends a problem file's name (`run#3.jsonl#Starts with B`,
 * `p.jsonl#R/B`: file names and selectors may hold "#", selectors "/"); a reference that is a
 * problem file's name as a whole has no selector. Otherwise (a path still being typed, an unknown
 * extension) at the first "#" after the last path separator (folders may contain "#").
 */
export function parseProblemRef(ref: string): ProblemRef {
    for (let hash = ref.indexOf('#'); hash >= 0; hash = ref.indexOf('#', hash + 1)) {
        if (formatOf(ref.slice(0, hash)) !== undefined) return { path: ref.slice(0, hash), selector: ref.slice(hash + 1) };
    }
    if (formatOf(ref) !== undefined) return { path: ref };
    const lastSep = Math.max(ref.lastIndexOf('/'), ref.lastIndexOf('\\'));
    const hash = ref.indexOf('#', lastSep + 1);
    return hash < 0 ? { path: ref } : { path: ref.slice(0, hash), selector: ref.slice(hash + 1) };
}

export type Selection =
    | { ok: true; problem: Problem; by: 'id' | 'name' | 'index' }
    | { ok: false; message: string; candidates?: Problem[] };

/**
 * The rows of one file, looked up by selector. Tries, in order: exact id, exact name, then a decimal
 * row index (0-based position in the file, as in `source.index`). An id or a name shared by several
 * different rows is ambiguous and reported, not guessed (hand-made and concatenated files repeat
 * ids); rows that repeat the same problem select the first.
 */
export class ProblemLookup {
    private readonly byId = new Map<string, Problem[]>();
    private readonly byName = new Map<string, Problem[]>();
    private readonly byIndex = new Map<number, Problem>();
    private last = -1;

    constructor(private readonly problems: readonly Problem[]) {
        for (const p of problems) {
            push(this.byId, p.id, p);
            push(this.byName, p.name, p);
            if (!this.byIndex.has(p.source.index)) this.byIndex.set(p.source.index, p);
            // A loop, not Math.max(...): a file of over ~100k problems overflowed the call stack.
            if (p.source.index > this.last) this.last = p.source.index;
        }
    }

    /** With no selector a single-row file selects its row. */
    select(selector?: string): Selection {
        const sel = selector?.trim() ?? '';
        if (sel === '') {
            if (this.problems.length === 1) return { ok: true, problem: this.problems[0], by: 'index' };
            return { ok: false, message: `the file holds ${this.problems.length} problems; add #<id|name|row index>` };
        }
        const byId = this.byId.get(sel) ?? [];
        if (byId.length > 0 && byId.every((p) => sameProblem(p, byId[0]))) return { ok: true, problem: byId[0], by: 'id' };
        if (byId.length > 1) return ambiguous(byId, `${byId.length} problems have the id '${sel}'`, 'select by row index');
        const byName = this.byName.get(sel) ?? [];
        if (byName.length > 0 && byName.every((p) => sameProblem(p, byName[0]))) return { ok: true, problem: byName[0], by: 'name' };
        if (byName.length > 1) return ambiguous(byName, `${byName.length} problems are named '${sel}'`, 'select by id or row index');
        if (/^\d+$/.test(sel)) {
            const index = Number(sel);
            const byIndex = this.byIndex.get(index);
            if (byIndex) return { ok: true, problem: byIndex, by: 'index' };
            return { ok: false, message: this.last < 0 ? `no row ${index}: no problem loaded` : `no loadable row ${index} (rows run 0–${this.last})` };
        }
        return { ok: false, message: `no problem with id or name '${sel}'` };
    }

    /**
     * The selector a new `# problem:` line should use for a row of this file: its id (or, with
     * `prefer` 'name', its name) first, then the other, then its row index — the first that selects
     * exactly this row once written on a directive line (an empty, padded, shared or multi-line id
     * or name does not).
     */
    selectorOf(problem: Problem, prefer: 'id' | 'name' = 'id'): string {
        const named = prefer === 'id' ? [problem.id, problem.name] : [problem.name, problem.id];
        const candidates = [...named, String(problem.source.index)];
        return candidates.find((c) => c !== '' && c.trim() === c && !/[\r\n]/.test(c) && this.selects(c, problem)) ?? String(problem.source.index);
    }

    private selects(selector: string, problem: Problem): boolean {
        const selection = this.select(selector);
        return selection.ok && selection.problem === problem;
    }
}

/** One selection in a file's rows (see ProblemLookup). */
export function selectProblem(problems: readonly Problem[], selector?: string): Selection {
    return new ProblemLookup(problems).select(selector);
}

/** Rows that repeat one problem (a dataset that lists a problem twice to weight it) are one choice. */
function sameProblem(a: Problem, b: Problem): boolean {
    return a === b || (a.id === b.id && a.name === b.name && a.criteria === b.criteria && a.family === b.family && a.level === b.level
        && JSON.stringify(a.testCases) === JSON.stringify(b.testCases));
}

function ambiguous(candidates: Problem[], what: string, how: string): Selection {
    const where = candidates.map((p) => `${p.source.index} (${p.id})`).join(', ');
    return { ok: false, message: `${what} (row indices ${where}); ${how}`, candidates };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
}
