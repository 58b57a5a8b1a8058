// A run's scored rows in compact form, for callers that hold a whole run (the editor's rollout
// worker, `delta rollouts report`): per row only what the aggregates, the overview and the GRPO
// groups read (scores, class, problem, step, sample, source, logged score, program hash), about
// 100 bytes a row in typed columns, with repeated strings kept once. The program, its extraction
// notes, the reason and per-test results are not kept: `at(i)` gives a row with an empty program
// and `program_hash` (what GrpoGroups compares), and a caller that needs the program reads the
// response back (readers/record-at.ts). `keepPrograms: n` keeps the programs of the n rows the
// overview lists as near-misses (overview.ts, compareFailingFirst), chosen as rows arrive.
import { programHash } from './aggregate.js';
import { splitSource } from './overview.js';
import type { ErrorClass, ExtractionNotes, RolloutTask, ScoredRollout } from './types.js';

/** A row as CompactRows gives it back: `program` is '' unless kept, `program_hash` is the program's. */
export type CompactRow = ScoredRollout & { program_hash: number };

/** The extraction notes of a row whose program is not kept (read the response back for the real ones). */
const NO_EXTRACTION: ExtractionNotes = Object.freeze({ blocks: 0, used: null, wholeResponse: false, feedbackBlocks: 0 }) as ExtractionNotes;

const NULL = -1;
const TRUNCATED = 1;
const LOGGED = 2;
const MISMATCH = 4;
const MISMATCH_SET = 8;
const BOUNCINGSIM = 16;

/** Strings (and levels, which may be numbers) kept once, by index. */
class Interned<T> {
    readonly values: T[] = [];
    private readonly index = new Map<T, number>();
    code(value: T | null | undefined): number {
        if (value === null || value === undefined) return NULL;
        let i = this.index.get(value);
        if (i === undefined) {
            i = this.values.push(value) - 1;
            this.index.set(value, i);
        }
        return i;
    }
    value(code: number): T | null {
        return code === NULL ? null : this.values[code];
    }
}

export class CompactRows implements Iterable<CompactRow> {
    private n = 0;
    private capacity = 0;
    /** The source split by splitSource: its head interned, its place as the number or -1 - the interned string. */
    private sourceHead = new Int32Array(0);
    private sourceTail = new Float64Array(0);
    private id = new Int32Array(0);
    private name = new Int32Array(0);
    private family = new Int32Array(0);
    private level = new Int32Array(0);
    private step = new Float64Array(0);
    private sample = new Float64Array(0);
    private promptIndex = new Float64Array(0);
    private passRate = new Float64Array(0);
    private passed = new Int32Array(0);
    private total = new Int32Array(0);
    private error = new Int8Array(0);
    private allPass = new Uint8Array(0);
    private flags = new Uint8Array(0);
    private logged = new Float64Array(0);
    private finish = new Int32Array(0);
    private hash = new Float64Array(0);
    private readonly strings = new Interned<string>();
    private readonly levels = new Interned<string | number>();
    private readonly errors = new Interned<ErrorClass>();
    /** Near-miss candidates (pruned to the best `keepPrograms` whenever twice as many gathered), and their programs by row once asked for. */
    private nearMisses: { row: number; passRate: number; program: string }[] = [];
    private nearMissPrograms: Map<number, string> | undefined;

    constructor(private readonly keepPrograms = 0) {}

    get length(): number {
        return this.n;
    }

    add(row: ScoredRollout & { program_hash?: number }): number {
        if (this.n === this.capacity) this.grow();
        const i = this.n++;
        const [head, tail] = splitSource(row.source);
        this.sourceHead[i] = this.strings.code(head);
        this.sourceTail[i] = typeof tail === 'number' ? tail : -1 - this.strings.code(tail);
        this.id[i] = this.strings.code(row.id);
        this.name[i] = this.strings.code(row.name);
        this.family[i] = this.strings.code(row.family);
        this.level[i] = this.levels.code(row.level);
        this.step[i] = row.step ?? NaN;
        this.sample[i] = row.sample ?? NaN;
        this.promptIndex[i] = row.prompt_index ?? NaN;
        this.passRate[i] = row.pass_rate;
        this.allPass[i] = row.all_pass;
        this.passed[i] = row.passed;
        this.total[i] = row.total;
        this.error[i] = this.errors.code(row.error);
        this.logged[i] = row.logged_score ?? 0;
        this.finish[i] = this.strings.code(row.finish_reason);
        this.flags[i] = (row.truncated ? TRUNCATED : 0) | (row.logged_score !== undefined ? LOGGED : 0)
            | (row.logged_mismatch ? MISMATCH : 0) | (row.logged_mismatch !== undefined ? MISMATCH_SET : 0) | (row.task === 'bouncingsim' ? BOUNCINGSIM : 0);
        this.hash[i] = row.program_hash ?? programHash(row.program);
        if (this.keepPrograms > 0 && row.all_pass === 0 && row.pass_rate > 0) this.nearMiss(i, row);
        return i;
    }

    /** Row i as a ScoredRollout (program '' unless kept as a near-miss; extraction notes empty). */
    at(i: number): CompactRow | undefined {
        if (!(i >= 0 && i < this.n)) return undefined;
        const tail = this.sourceTail[i];
        const flags = this.flags[i];
        const row: CompactRow = {
            source: `${this.strings.values[this.sourceHead[i]]}${tail >= 0 ? tail : this.strings.values[-1 - tail]}`,
            id: this.strings.value(this.id[i]),
            step: nullable(this.step[i]),
            sample: nullable(this.sample[i]),
            task: this.task(i),
            name: this.strings.value(this.name[i]),
            family: this.strings.value(this.family[i]),
            level: this.levels.value(this.level[i]),
            prompt_index: nullable(this.promptIndex[i]),
            truncated: (flags & TRUNCATED) !== 0,
            pass_rate: this.passRate[i],
            all_pass: this.allPass[i] as 0 | 1,
            error: this.errors.value(this.error[i]),
            passed: this.passed[i],
            total: this.total[i],
            program: this.keepPrograms > 0 ? this.keptPrograms().get(i) ?? '' : '',
            extraction: NO_EXTRACTION,
            program_hash: this.hash[i],
        };
        if (flags & LOGGED) row.logged_score = this.logged[i];
        if (flags & MISMATCH_SET) row.logged_mismatch = (flags & MISMATCH) !== 0;
        const finish = this.strings.value(this.finish[i]);
        if (finish !== null) row.finish_reason = finish;
        return row;
    }

    /** The task of row i. */
    task(i: number): RolloutTask {
        return this.flags[i] & BOUNCINGSIM ? 'bouncingsim' : 'manufactoria';
    }

    /** The program hash of row i (programHash of its program, as scored). */
    programHash(i: number): number {
        return this.hash[i];
    }

    *[Symbol.iterator](): Iterator<CompactRow> {
        for (let i = 0; i < this.n; i++) yield this.at(i)!;
    }

    /** Keeps the program of a failing row with some tests passed while it may be among the best `keepPrograms` (by pass_rate, then first come). */
    private nearMiss(i: number, row: ScoredRollout): void {
        // A copy of its own: a slice would hold the whole response.
        this.nearMisses.push({ row: i, passRate: row.pass_rate, program: Buffer.from(row.program, 'utf16le').toString('utf16le') });
        this.nearMissPrograms = undefined;
        // Sorting only when twice the number kept gathered: O(n log k) however large --near-misses is.
        if (this.nearMisses.length >= 2 * this.keepPrograms) this.pruneNearMisses();
    }

    private pruneNearMisses(): void {
        this.nearMisses.sort((a, b) => b.passRate - a.passRate || a.row - b.row);
        this.nearMisses.length = Math.min(this.nearMisses.length, this.keepPrograms);
    }

    private keptPrograms(): Map<number, string> {
        if (!this.nearMissPrograms) {
            this.pruneNearMisses();
            this.nearMissPrograms = new Map(this.nearMisses.map((m) => [m.row, m.program]));
        }
        return this.nearMissPrograms;
    }

    private grow(): void {
        const size = Math.max(1024, this.capacity * 2);
        const grown = <T extends Column>(a: T): T => grownColumn(a, size);
        this.sourceHead = grown(this.sourceHead);
        this.sourceTail = grown(this.sourceTail);
        this.id = grown(this.id);
        this.name = grown(this.name);
        this.family = grown(this.family);
        this.level = grown(this.level);
        this.step = grown(this.step);
        this.sample = grown(this.sample);
        this.promptIndex = grown(this.promptIndex);
        this.passRate = grown(this.passRate);
        this.passed = grown(this.passed);
        this.total = grown(this.total);
        this.error = grown(this.error);
        this.allPass = grown(this.allPass);
        this.flags = grown(this.flags);
        this.logged = grown(this.logged);
        this.finish = grown(this.finish);
        this.hash = grown(this.hash);
        this.capacity = size;
    }
}

function nullable(x: number): number | null {
    return x === x ? x : null;
}

type Column = Float64Array | Int32Array | Int8Array | Uint8Array;

/** A typed-array column of `size` entries holding `column`'s entries first (for columns grown by doubling). */
export function grownColumn<T extends Column>(column: T, size: number): T {
    const grown = new (column.constructor as new (n: number) => T)(size);
    grown.set(column);
    return grown;
}
