// Per-problem status in the Problems view (solved / failing / none), from the last results of the
// solution files bound to each problem. Pure (no `vscode`): the runner records results here, the
// view reads them; unit tests pin the rules and the texts.
import type { FileVerdict } from '../testing/run-text.js';

/** The Problems view's node id of a problem row; solution bindings name the same row this way. */
export function problemKey(file: string, index: number): string {
    return `${file}|row|${index}`;
}

/** A solution file's last result, and which problem row it was bound to when it ran. */
export interface SolutionRecord {
    /** Solution file URI. */
    solution: string;
    /** Its file name, for the view's texts. */
    fileName: string;
    problem: string;
    verdict: FileVerdict;
    passed: number;
    total: number;
}

export type ProblemStatus = 'solved' | 'failing' | 'none';

export interface StatusView {
    status: ProblemStatus;
    /** Put before the problem id in the row's description; empty for `none`. */
    text: string;
    /** One line per bound solution that has a result. */
    details: string[];
}

function recordText(r: SolutionRecord): string {
    switch (r.verdict) {
        case 'pass':
            return `${r.fileName}: ✓ ${r.passed}/${r.total} passed`;
        case 'fail':
            return `${r.fileName}: ✗ ${r.passed}/${r.total} passed`;
        case 'invalid':
            return `${r.fileName}: ✗ the program does not parse`;
        case 'error':
            return `${r.fileName}: ✗ the run failed`;
        case 'no-tests':
            return `${r.fileName}: no tests`;
    }
}

/**
 * Solved when some bound solution passed all its tests on its last run; failing when bound
 * solutions ran and none did; none when no bound solution has a result (or only "no tests").
 */
export function problemStatus(records: readonly SolutionRecord[]): StatusView {
    const ran = records.filter((r) => r.verdict !== 'no-tests');
    const details = ran.map(recordText);
    const solved = ran.filter((r) => r.verdict === 'pass');
    if (solved.length > 0) return { status: 'solved', text: solved.length === ran.length ? 'solved' : `solved (${solved.length} of ${ran.length} solutions)`, details };
    if (ran.length === 0) return { status: 'none', text: '', details };
    // The best failing attempt says how close it is.
    const best = ran.filter((r) => r.verdict === 'fail').sort((a, b) => b.passed / b.total - a.passed / a.total)[0];
    return { status: 'failing', text: best ? `failing ${best.passed}/${best.total}` : 'failing', details };
}

type Listener = (problems: ReadonlySet<string>) => void;

/** Where the records outlive the window (the workspace's state in VS Code). */
export interface RecordStore {
    load(): unknown;
    save(records: readonly SolutionRecord[]): void;
}

const VERDICTS: readonly FileVerdict[] = ['pass', 'fail', 'invalid', 'error', 'no-tests'];

/** A stored record as this version writes it; anything else (an older shape, junk) is dropped. */
function isRecord(value: unknown): value is SolutionRecord {
    const r = value as Partial<SolutionRecord> | null;
    return typeof r === 'object' && r !== null && typeof r.solution === 'string' && typeof r.fileName === 'string' && typeof r.problem === 'string'
        && VERDICTS.includes(r.verdict as FileVerdict) && Number.isInteger(r.passed) && Number.isInteger(r.total);
}

/**
 * The last result of each solution file run in this workspace, by solution; tells listeners which
 * problems changed. With a store, the statuses are still there after a reload.
 */
export class SolutionResults {
    private readonly records = new Map<string, SolutionRecord>();
    private readonly listeners = new Set<Listener>();

    constructor(private readonly store?: RecordStore) {
        const stored = store?.load();
        if (Array.isArray(stored)) for (const r of stored) if (isRecord(r)) this.records.set(r.solution, r);
    }

    /**
     * A run of some tests only (one test from Test Explorer) cannot show the problem solved; its
     * failures show it is not. A run of every test replaces the solution's record.
     */
    record(record: SolutionRecord, partial: boolean): void {
        if (partial && record.verdict === 'pass') return;
        const previous = this.records.get(record.solution);
        this.records.set(record.solution, record);
        this.changed(previous?.problem, record.problem);
    }

    /** The solution was deleted or bound elsewhere (`problem` is its binding now, if any). */
    rebind(solution: string, problem: string | undefined): void {
        const previous = this.records.get(solution);
        if (!previous || previous.problem === problem) return;
        this.records.delete(solution);
        this.changed(previous.problem);
    }

    statusOf(problem: string): StatusView {
        return problemStatus([...this.records.values()].filter((r) => r.problem === problem));
    }

    onDidChange(listener: Listener): { dispose(): void } {
        this.listeners.add(listener);
        return { dispose: () => this.listeners.delete(listener) };
    }

    private changed(...problems: (string | undefined)[]): void {
        this.store?.save([...this.records.values()]);
        const set = new Set(problems.filter((p): p is string => p !== undefined));
        for (const listener of this.listeners) listener(set);
    }
}
