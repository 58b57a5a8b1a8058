// `#<id | name | row index>` selection, for a `# problem: path#sel` reference.
import type { Problem } from './problem.js';

export interface ProblemRef {
    path: string;
    /** Undefined when the reference names the file only. */
    selector?: string;
}

/** Splits "path#sel" at the first "#" after the last path separator (folders may contain "#"). */
export function parseProblemRef(ref: string): ProblemRef {
    const lastSep = Math.max(ref.lastIndexOf('/'), ref.lastIndexOf('\\'));
    const hash = ref.indexOf('#', lastSep + 1);
    return hash < 0 ? { path: ref } : { path: ref.slice(0, hash), selector: ref.slice(hash + 1) };
}

export type Selection =
    | { ok: true; problem: Problem; by: 'id' | 'name' | 'index' }
    | { ok: false; message: string; candidates?: Problem[] };

/**
 * Tries, in order: exact id, exact name, then a decimal row index (0-based position in the file,
 * as in `source.index`). A name shared by several rows is ambiguous and reported, not guessed.
 * With no selector a single-row file selects its row.
 */
export function selectProblem(problems: readonly Problem[], selector?: string): Selection {
    const sel = selector?.trim() ?? '';
    if (sel === '') {
        if (problems.length === 1) return { ok: true, problem: problems[0], by: 'index' };
        return { ok: false, message: `the file holds ${problems.length} problems; add #<id|name|row index>` };
    }
    const byId = problems.find((p) => p.id === sel);
    if (byId) return { ok: true, problem: byId, by: 'id' };
    const byName = problems.filter((p) => p.name === sel);
    if (byName.length === 1) return { ok: true, problem: byName[0], by: 'name' };
    if (byName.length > 1) {
        const where = byName.map((p) => `${p.source.index} (${p.id})`).join(', ');
        return { ok: false, message: `${byName.length} problems are named '${sel}' (row indices ${where}); select by id or row index`, candidates: byName };
    }
    if (/^\d+$/.test(sel)) {
        const index = Number(sel);
        const byIndex = problems.find((p) => p.source.index === index);
        if (byIndex) return { ok: true, problem: byIndex, by: 'index' };
        // A loop, not Math.max(...): a file of over ~100k problems overflowed the call stack here.
        const last = problems.reduce((max, p) => Math.max(max, p.source.index), -1);
        return { ok: false, message: last < 0 ? `no row ${index}: no problem loaded` : `no loadable row ${index} (rows run 0–${last})` };
    }
    return { ok: false, message: `no problem with id or name '${sel}'` };
}
