// The picture of one run that the HTML report and the editor's overview draw: the problem × step
// grid of solve rates, per-family curves by step, error classes by step, the pass@k table, and a
// compact columnar copy of the rows for the rollout table. Pure data: every number comes from the
// shared aggregation (`summarize`, passed in so this module holds no second definition of it).
import type { ErrorClass, GroupKey, GroupSummary, ScoredRollout } from './types.js';

export type Summarize = (rows: Iterable<ScoredRollout>, by: GroupKey, ks: number[]) => GroupSummary[];

/** A run's rows: an array, or a store that gives them one at a time (compact-rows.ts). */
export interface RowList extends Iterable<ScoredRollout> {
    readonly length: number;
    at(i: number): ScoredRollout | undefined;
}

export const NO_FAMILY = '(no family)';
export const NO_STEP_LABEL = '–';

export interface OverviewProblem {
    id: string;
    label: string;
    family: string;
    level: string | null;
}

/** One heatmap cell: problem index × step index. */
export interface OverviewCell {
    p: number;
    s: number;
    n: number;
    c: number;
    mean: number;
}

export interface FamilyCurve {
    family: string;
    /** One point per step index where the family has rollouts. */
    points: { s: number; n: number; c: number; mean: number }[];
}

export interface PassAtRow {
    p: number;
    n: number;
    c: number;
    mean: number;
    passAt: Record<string, number>;
    upperBound95?: number;
    firstSolvedStep: number | null;
    /** The first step from which every step had an all-pass rollout (aggregate.ts solved_since). */
    solvedSince: number | null;
    regressions: number[];
}

/**
 * The rollout table, column by column (a 100k-row run stays a few MB). Indexes point into
 * `problems`, `errors` and `finishReasons`; -1 is "none".
 */
export interface RowColumns {
    problem: number[];
    step: (number | null)[];
    sample: (number | null)[];
    passRate: number[];
    allPass: (0 | 1)[];
    error: number[];
    logged: (number | null)[];
    mismatch: (0 | 1)[];
    finish: number[];
    truncated: (0 | 1)[];
    /** Where each row came from, split so a run's 100k `file:line` sources send each file once: see rowSource. */
    sourceFile: number[];
    sourceRest: (number | string)[];
}

export interface NearMiss {
    row: number;
    program: string;
}

export interface Overview {
    title: string;
    /** True when the data says it is synthetic (shown as a banner). */
    synthetic: boolean;
    total: number;
    steps: (number | null)[];
    problems: OverviewProblem[];
    families: string[];
    cells: OverviewCell[];
    curves: FamilyCurve[];
    errors: ErrorClass[];
    /** errorCounts[s][e]: rollouts of step index s whose class is errors[e]. */
    errorCounts: number[][];
    ks: number[];
    passAt: PassAtRow[];
    finishReasons: string[];
    /** Source prefixes (a file and its `:` or `[`), indexed by rows.sourceFile. */
    sourceFiles: string[];
    rows: RowColumns;
    nearMisses: NearMiss[];
}

export interface OverviewOptions {
    title: string;
    ks?: number[];
    synthetic?: boolean;
    /** How many near-misses keep their program (the report shows them). */
    nearMisses?: number;
}

/**
 * A row's source split where its place in the file starts, the place as a number when it is one
 * written plainly: `file:12` → `file:` and 12; `file:3[7]` → `file:3[` and `7]`; `file[5]` → `file[`
 * and `5]`. A run's sources share few heads, so each is kept once.
 */
export function splitSource(source: string): [head: string, place: string | number] {
    const cut = Math.max(source.lastIndexOf(':'), source.lastIndexOf('[')) + 1;
    const place = source.slice(cut);
    return [source.slice(0, cut), /^[1-9]\d{0,14}$/.test(place) ? Number(place) : place];
}

const stepKey = (step: number | null) => (step === null ? 'null' : String(step));

function* pick(rows: RowList, indexes: readonly number[]): Generator<ScoredRollout> {
    for (const i of indexes) yield rows.at(i)!;
}

/** Failing-first order with near-misses on top: failures by pass_rate descending, then passes. */
export function compareFailingFirst(a: { passRate: number; allPass: 0 | 1 }, b: { passRate: number; allPass: 0 | 1 }): number {
    if (a.allPass !== b.allPass) return a.allPass - b.allPass;
    return b.passRate - a.passRate;
}

export function buildOverview(rows: RowList, summarize: Summarize, options: OverviewOptions): Overview {
    const ks = options.ks ?? [1, 8];
    // Problems in family order (families sorted by name), then by label, so the heatmap groups them.
    const problemsById = new Map<string, OverviewProblem>();
    for (const r of rows) {
        const id = r.id ?? '(unknown)';
        if (!problemsById.has(id)) {
            problemsById.set(id, {
                id,
                label: r.name ?? id,
                family: r.family ?? NO_FAMILY,
                level: r.level === undefined || r.level === null ? null : String(r.level),
            });
        }
    }
    const problems = [...problemsById.values()].sort((a, b) => a.family.localeCompare(b.family) || a.label.localeCompare(b.label));
    const problemIndex = new Map(problems.map((p, i) => [p.id, i]));
    const families = [...new Set(problems.map((p) => p.family))];

    const stepSet = new Set<number | null>();
    for (const r of rows) stepSet.add(r.step);
    const steps = [...stepSet].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
    const stepIndex = new Map(steps.map((s, i) => [stepKey(s), i]));

    const cells: OverviewCell[] = summarize(rows, 'problem,step', ks).map((g) => ({
        p: problemIndex.get(String(g.group.problem ?? '(unknown)')) ?? -1,
        s: stepIndex.get(stepKey(g.group.step as number | null)) ?? -1,
        n: g.n,
        c: g.c,
        mean: g.mean_pass_rate,
    })).filter((c) => c.p >= 0 && c.s >= 0);

    // Each family's row numbers (not the rows: a store makes each row when it is asked for).
    const byFamily = new Map<string, number[]>();
    let i = 0;
    for (const r of rows) {
        const f = r.family ?? NO_FAMILY;
        let list = byFamily.get(f);
        if (!list) byFamily.set(f, (list = []));
        list.push(i++);
    }
    const curves: FamilyCurve[] = families.map((family) => ({
        family,
        points: summarize(pick(rows, byFamily.get(family) ?? []), 'step', ks)
            .map((g) => ({ s: stepIndex.get(stepKey(g.group.step as number | null)) ?? -1, n: g.n, c: g.c, mean: g.mean_pass_rate }))
            .filter((p) => p.s >= 0)
            .sort((a, b) => a.s - b.s),
    }));

    const byStep = summarize(rows, 'step', ks);
    const errorSet = new Set<ErrorClass>();
    for (const g of byStep) for (const e of Object.keys(g.errors) as ErrorClass[]) if (g.errors[e]) errorSet.add(e);
    const errors = [...errorSet].sort();
    const errorCounts = steps.map(() => errors.map(() => 0));
    for (const g of byStep) {
        const s = stepIndex.get(stepKey(g.group.step as number | null));
        if (s === undefined) continue;
        errors.forEach((e, i) => { errorCounts[s][i] = g.errors[e] ?? 0; });
    }

    const passAt: PassAtRow[] = summarize(rows, 'problem', ks).map((g) => ({
        p: problemIndex.get(String(g.group.problem ?? '(unknown)')) ?? -1,
        n: g.n,
        c: g.c,
        mean: g.mean_pass_rate,
        passAt: g.pass_at,
        upperBound95: g.upper_bound_95,
        firstSolvedStep: g.first_solved_step ?? null,
        solvedSince: g.solved_since ?? null,
        regressions: g.regressions ?? [],
    })).filter((r) => r.p >= 0).sort((a, b) => a.p - b.p);

    const finishReasons: string[] = [];
    const finishIndex = new Map<string, number>();
    const errorIndex = new Map(errors.map((e, i) => [e, i]));
    const columns: RowColumns = {
        problem: [], step: [], sample: [], passRate: [], allPass: [], error: [], logged: [], mismatch: [], finish: [], truncated: [], sourceFile: [], sourceRest: [],
    };
    const sourceFiles: string[] = [];
    const sourceFileIndex = new Map<string, number>();
    for (const r of rows) {
        columns.problem.push(problemIndex.get(r.id ?? '(unknown)') ?? -1);
        columns.step.push(r.step);
        columns.sample.push(r.sample);
        columns.passRate.push(r.pass_rate);
        columns.allPass.push(r.all_pass);
        columns.error.push(r.error === null ? -1 : errorIndex.get(r.error) ?? -1);
        columns.logged.push(r.logged_score ?? null);
        columns.mismatch.push(r.logged_mismatch ? 1 : 0);
        let f = -1;
        if (r.finish_reason !== undefined) {
            f = finishIndex.get(r.finish_reason) ?? -1;
            if (f < 0) {
                f = finishReasons.push(r.finish_reason) - 1;
                finishIndex.set(r.finish_reason, f);
            }
        }
        columns.finish.push(f);
        columns.truncated.push(r.truncated ? 1 : 0);
        const [prefix, rest] = splitSource(r.source);
        let file = sourceFileIndex.get(prefix);
        if (file === undefined) {
            file = sourceFiles.push(prefix) - 1;
            sourceFileIndex.set(prefix, file);
        }
        columns.sourceFile.push(file);
        columns.sourceRest.push(rest);
    }

    const candidates: { row: number; passRate: number; allPass: 0 | 1 }[] = [];
    for (let row = 0; row < columns.passRate.length; row++) {
        if (columns.allPass[row] === 0 && columns.passRate[row] > 0) candidates.push({ row, passRate: columns.passRate[row], allPass: 0 });
    }
    const nearMisses = candidates
        .sort(compareFailingFirst)
        .slice(0, options.nearMisses ?? 0)
        .map((r) => ({ row: r.row, program: rows.at(r.row)!.program }));

    return {
        title: options.title,
        synthetic: options.synthetic ?? false,
        total: rows.length,
        steps,
        problems,
        families,
        cells,
        curves,
        errors,
        errorCounts,
        ks,
        passAt,
        finishReasons,
        sourceFiles,
        rows: columns,
        nearMisses,
    };
}

/** Row i's source as the scorer wrote it (`file:line`, `file[row]`, …). */
export function rowSource(o: Overview, i: number): string {
    return `${o.sourceFiles[o.rows.sourceFile[i]] ?? ''}${o.rows.sourceRest[i] ?? ''}`;
}

/**
 * The table's GRPO group of a row (its problem at its step), by sample: the members, the pass_rate
 * spread (max − min) and whether every all_pass reward is the same (zero variance).
 */
export function groupOf(o: Overview, row: number): { members: number[]; spread: number; zeroVariance: boolean } {
    const r = o.rows;
    const members: number[] = [];
    for (let i = 0; i < o.total; i++) if (r.problem[i] === r.problem[row] && r.step[i] === r.step[row]) members.push(i);
    members.sort((a, b) => (r.sample[a] ?? 0) - (r.sample[b] ?? 0) || a - b);
    // Loops, not Math.max(...rates): a group of over ~100k rows overflowed the call stack.
    let min = Infinity;
    let max = -Infinity;
    for (const i of members) {
        min = Math.min(min, r.passRate[i]);
        max = Math.max(max, r.passRate[i]);
    }
    return { members, spread: max - min, zeroVariance: members.every((i) => r.allPass[i] === r.allPass[members[0]]) };
}

/** A filter the table applies; every field optional. Step bounds are inclusive. */
export interface RowFilter {
    problem?: number;
    family?: string;
    step?: number | null;
    stepMin?: number;
    stepMax?: number;
    error?: number | 'none';
    failingOnly?: boolean;
    /** Text in the problem's label or id, or in the source. */
    text?: string;
    /** Only rows marked 1 here (e.g. a program/response search's hits). */
    mask?: Uint8Array;
}

/** Row indexes matching the filter, failing-first with near-misses on top (stable by input order). */
export function filterRows(o: Overview, filter: RowFilter): number[] {
    const r = o.rows;
    const text = filter.text?.trim().toLowerCase();
    const out: number[] = [];
    for (let i = 0; i < o.total; i++) {
        const p = r.problem[i];
        if (filter.problem !== undefined && p !== filter.problem) continue;
        if (filter.family !== undefined && o.problems[p]?.family !== filter.family) continue;
        const step = r.step[i];
        if (filter.step !== undefined && step !== filter.step) continue;
        if (filter.stepMin !== undefined && (step === null || step < filter.stepMin)) continue;
        if (filter.stepMax !== undefined && (step === null || step > filter.stepMax)) continue;
        if (filter.error === 'none' && r.error[i] !== -1) continue;
        if (typeof filter.error === 'number' && r.error[i] !== filter.error) continue;
        if (filter.failingOnly && r.allPass[i] === 1) continue;
        if (filter.mask && filter.mask[i] !== 1) continue;
        if (text) {
            const prob = o.problems[p];
            const hay = `${prob?.label ?? ''} ${prob?.id ?? ''} ${rowSource(o, i)}`.toLowerCase();
            if (!hay.includes(text)) continue;
        }
        out.push(i);
    }
    // compareFailingFirst, inlined: this runs on every keystroke over up to 100k rows.
    const { passRate, allPass } = r;
    return out.sort((a, b) => allPass[a] - allPass[b] || passRate[b] - passRate[a] || a - b);
}

export const SORT_COLUMNS = ['problem', 'family', 'level', 'step', 'sample', 'pass_rate', 'all_pass', 'error', 'logged', 'finish'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export interface RowSort {
    column: SortColumn;
    descending: boolean;
}

/** Rank of each string among the sorted distinct ones (so rows compare as numbers). */
function ranks(values: readonly string[]): Map<string, number> {
    return new Map([...new Set(values)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).map((v, i) => [v, i]));
}

/**
 * `order` sorted by one column; rows that tie keep their order (failing-first when it comes from
 * filterRows). Missing values (no step, no logged score, no error, …) go last either way.
 */
export function sortRows(o: Overview, order: readonly number[], sort: RowSort): number[] {
    const r = o.rows;
    const problemKey = (f: (p: OverviewProblem) => string) => {
        const rank = ranks(o.problems.map(f));
        const byProblem = o.problems.map((p) => rank.get(f(p))!);
        return (i: number) => byProblem[r.problem[i]] ?? NaN;
    };
    const levelRank = ranks(o.problems.map((p) => p.level ?? ''));
    const errorRank = ranks(o.errors);
    const finishRank = ranks(o.finishReasons);
    const key: Record<SortColumn, (i: number) => number> = {
        problem: problemKey((p) => p.label),
        family: problemKey((p) => p.family),
        level: (i) => (o.problems[r.problem[i]]?.level == null ? NaN : levelRank.get(o.problems[r.problem[i]].level!)!),
        step: (i) => r.step[i] ?? NaN,
        sample: (i) => r.sample[i] ?? NaN,
        pass_rate: (i) => r.passRate[i],
        all_pass: (i) => r.allPass[i],
        error: (i) => (r.error[i] < 0 ? NaN : errorRank.get(o.errors[r.error[i]])!),
        logged: (i) => r.logged[i] ?? NaN,
        finish: (i) => (r.finish[i] < 0 ? NaN : finishRank.get(o.finishReasons[r.finish[i]])!),
    };
    const keys = new Float64Array(order.length);
    const f = key[sort.column];
    for (let k = 0; k < order.length; k++) keys[k] = f(order[k]);
    const sign = sort.descending ? -1 : 1;
    const positions = Array.from({ length: order.length }, (_, k) => k);
    positions.sort((a, b) => {
        const x = keys[a], y = keys[b];
        const xMissing = x !== x, yMissing = y !== y;
        if (xMissing || yMissing) return xMissing === yMissing ? a - b : xMissing ? 1 : -1;
        return (x - y) * sign || a - b;
    });
    return positions.map((k) => order[k]);
}
