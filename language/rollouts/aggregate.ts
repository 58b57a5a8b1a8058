// Aggregates over scored rollouts (docs/rollouts.md, "Aggregates"): per problem, family, level, step
// or (problem, step): n, c (all-pass count), mean pass_rate, unbiased pass@k, the 95 % upper bound
// when nothing passed, error classes, first solved step, solved-since step and regressions; and GRPO group statistics
// (the samples of one prompt at one step). Folding is incremental: rows are not kept.
import type { ErrorClass, GroupKey, GroupSummary, ScoredRollout } from './types.js';

export const GROUP_KEYS: readonly GroupKey[] = ['problem', 'family', 'level', 'step', 'problem,step'];

/** Unbiased pass@k from n samples with c correct: 1 − C(n−c, k) / C(n, k); null when k > n. */
export function passAtK(n: number, c: number, k: number): number | null {
    if (k > n || k <= 0) return null;
    if (n - c < k) return 1;
    // C(n−c,k)/C(n,k) = Π_{i=n−c+1}^{n} (1 − k/i), a product of terms in (0, 1]: no overflow.
    let ratio = 1;
    for (let i = n - c + 1; i <= n; i++) ratio *= 1 - k / i;
    return 1 - ratio;
}

/** pass@k for each k that n samples can estimate (k ≤ n); larger k are left out. */
export function passAtTable(n: number, c: number, ks: readonly number[]): Record<string, number> {
    const out: Record<string, number> = {};
    for (const k of ks) {
        const v = passAtK(n, c, k);
        if (v !== null) out[String(k)] = v;
    }
    return out;
}

/** With c = 0 of n: the exact one-sided 95 % upper bound on the per-sample success rate, 1 − 0.05^(1/n). */
export function upperBound95(n: number): number {
    return n > 0 ? 1 - Math.pow(0.05, 1 / n) : 1;
}

type Value = string | number | null;

interface Acc {
    group: Record<string, Value>;
    n: number;
    c: number;
    passRate: number;
    errors: Map<ErrorClass, number>;
}

function problemOf(row: ScoredRollout): string | null {
    return row.id;
}

type GroupField = 'problem' | 'family' | 'level' | 'step';

/** The fields each grouping is made of, in the order its groups name them. */
const GROUP_FIELDS: Record<GroupKey, readonly [GroupField] | readonly [GroupField, GroupField]> = {
    problem: ['problem'], family: ['family'], level: ['level'], step: ['step'], 'problem,step': ['problem', 'step'],
};

function fieldValue(row: ScoredRollout, field: GroupField): Value {
    switch (field) {
        case 'problem': return problemOf(row);
        case 'family': return row.family ?? null;
        case 'level': return row.level ?? null;
        case 'step': return row.step;
    }
}

/** Folds rows into per-group summaries, in first-seen order (steps ascending for step groupings). */
export class Summarizer {
    private groups = new Map<string, Acc>();
    /** problem → step → [n, c], for first_solved_step and regressions. */
    private byProblemStep = new Map<string | null, Map<number, [number, number]>>();
    /**
     * The last row's group, by the (one or two) values of its GROUP_FIELDS: rows of one group mostly
     * come together (a step's rows, a problem's samples), and then the group's key is not rebuilt.
     */
    private last: { a: Value; b: Value; acc: Acc } | undefined;

    constructor(readonly by: GroupKey, readonly ks: readonly number[]) {}

    add(row: ScoredRollout): void {
        const fields = GROUP_FIELDS[this.by];
        const a = fieldValue(row, fields[0]);
        const second = fields[1];
        const b = second === undefined ? null : fieldValue(row, second);
        let acc = this.last !== undefined && this.last.a === a && this.last.b === b ? this.last.acc : undefined;
        if (!acc) {
            // The group's values in GROUP_FIELDS order, as read above.
            const group: Record<string, Value> = { [fields[0]]: a };
            if (second !== undefined) group[second] = b;
            const key = JSON.stringify(group);
            acc = this.groups.get(key);
            if (!acc) {
                acc = { group, n: 0, c: 0, passRate: 0, errors: new Map() };
                this.groups.set(key, acc);
            }
            this.last = { a, b, acc };
        }
        acc.n++;
        acc.c += row.all_pass;
        acc.passRate += row.pass_rate;
        if (row.error) acc.errors.set(row.error, (acc.errors.get(row.error) ?? 0) + 1);
        if (this.by === 'problem' && row.step !== null) {
            let steps = this.byProblemStep.get(problemOf(row));
            if (!steps) this.byProblemStep.set(problemOf(row), (steps = new Map()));
            const nc = steps.get(row.step) ?? [0, 0];
            nc[0]++;
            nc[1] += row.all_pass;
            steps.set(row.step, nc);
        }
    }

    result(): GroupSummary[] {
        const out: GroupSummary[] = [];
        for (const acc of this.groups.values()) {
            const summary: GroupSummary = {
                group: acc.group,
                n: acc.n,
                c: acc.c,
                mean_pass_rate: acc.n ? acc.passRate / acc.n : 0,
                pass_at: passAtTable(acc.n, acc.c, this.ks),
                errors: Object.fromEntries([...acc.errors].sort((a, b) => b[1] - a[1])),
            };
            if (acc.c === 0) summary.upper_bound_95 = upperBound95(acc.n);
            if (this.by === 'problem') Object.assign(summary, this.solvedHistory(acc.group.problem as string | null));
            out.push(summary);
        }
        if (this.by === 'step' || this.by === 'problem,step') out.sort((a, b) => stepOrder(a.group.step, b.group.step));
        return out;
    }

    private solvedHistory(problem: string | null): { first_solved_step: number | null; solved_since: number | null; regressions: number[] } {
        const steps = [...(this.byProblemStep.get(problem) ?? new Map<number, [number, number]>())].sort((a, b) => a[0] - b[0]);
        let first: number | null = null;
        // The grokking point: a lucky early solve sets first_solved_step, this is where solving stuck.
        let since: number | null = null;
        const regressions: number[] = [];
        for (const [step, [, c]] of steps) {
            if (c > 0) since ??= step;
            else since = null;
            if (c > 0 && first === null) first = step;
            else if (c === 0 && first !== null) regressions.push(step);
        }
        return { first_solved_step: first, solved_since: since, regressions };
    }
}

function stepOrder(a: Value | undefined, b: Value | undefined): number {
    if (a === b) return 0;
    if (a === null || a === undefined) return 1;
    if (b === null || b === undefined) return -1;
    return (a as number) - (b as number);
}

export function summarize(rows: Iterable<ScoredRollout>, by: GroupKey, ks: readonly number[]): GroupSummary[] {
    const s = new Summarizer(by, ks);
    for (const row of rows) s.add(row);
    return s.result();
}

/** One GRPO group: the samples of one prompt at one step. */
export interface GrpoGroup {
    step: number | null;
    /** The prompt index within the step when the dump has it, else the problem key. */
    prompt: string | number | null;
    problem: string | null;
    n: number;
    /** max − min of the reward (pass_rate or all_pass, the trainer's mode). */
    spread: number;
    mean: number;
    /** Every sample got the same reward: GRPO's advantage is zero for the whole group. */
    zero_variance: boolean;
    distinct_programs: number;
}

interface GroupAcc { step: number | null; prompt: string | number | null; problem: string | null; n: number; min: number; max: number; sum: number; programs: Set<number> }

/** GRPO group statistics, folded incrementally; programs are compared by a 53-bit hash of their text. */
export class GrpoGroups {
    private groups = new Map<string, GroupAcc>();
    private last: GroupAcc | undefined;

    constructor(readonly reward: 'pass_rate' | 'all_pass' = 'all_pass') {}

    /** `program_hash`, when the row brings it, is programHash(row.program), computed where the row was scored. */
    add(row: ScoredRollout & { program_hash?: number }): void {
        const prompt = row.prompt_index ?? row.id;
        // A group's samples mostly come together: the last one's group is tried before building the key.
        let g = this.last !== undefined && this.last.step === row.step && this.last.prompt === prompt ? this.last : undefined;
        if (!g) {
            const key = `${row.step}\u0000${typeof prompt}:${prompt}`;
            g = this.groups.get(key);
            if (!g) this.groups.set(key, (g = { step: row.step, prompt, problem: row.id, n: 0, min: Infinity, max: -Infinity, sum: 0, programs: new Set() }));
            this.last = g;
        }
        const r = this.reward === 'pass_rate' ? row.pass_rate : row.all_pass;
        g.n++;
        g.sum += r;
        g.min = Math.min(g.min, r);
        g.max = Math.max(g.max, r);
        g.programs.add(row.program_hash ?? programHash(row.program));
    }

    result(): GrpoGroup[] {
        return [...this.groups.values()].map((g) => ({
            step: g.step, prompt: g.prompt, problem: g.problem, n: g.n,
            spread: g.max - g.min, mean: g.sum / g.n, zero_variance: g.max === g.min, distinct_programs: g.programs.size,
        }));
    }
}

/** Per step: how many GRPO groups, how many with zero variance, mean spread and distinct programs. */
export function grpoByStep(groups: GrpoGroup[]): { step: number | null; groups: number; zero_variance_groups: number; mean_spread: number; mean_distinct_programs: number }[] {
    const by = new Map<number | null, GrpoGroup[]>();
    for (const g of groups) {
        const list = by.get(g.step);
        if (list) list.push(g);
        else by.set(g.step, [g]);
    }
    return [...by].sort((a, b) => stepOrder(a[0], b[0])).map(([step, gs]) => ({
        step,
        groups: gs.length,
        zero_variance_groups: gs.filter((g) => g.zero_variance).length,
        mean_spread: gs.reduce((s, g) => s + g.spread, 0) / gs.length,
        mean_distinct_programs: gs.reduce((s, g) => s + g.distinct_programs, 0) / gs.length,
    }));
}

/** What GRPO groups compare programs by: a hash of the program's text, trimmed. */
export function programHash(program: string): number {
    return hash53(program.trim());
}

/** cyrb53: a fast, well-spread 53-bit string hash (collisions are negligible at these counts). */
function hash53(text: string, seed = 0): number {
    let h1 = 0xdeadbeef ^ seed;
    let h2 = 0x41c6ce57 ^ seed;
    for (let i = 0; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        h1 = Math.imul(h1 ^ ch, 2654435761);
        h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
