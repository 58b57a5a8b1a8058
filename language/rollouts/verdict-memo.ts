// The verdict memo of re-scoring (docs/rollouts.md, "Speed"): what scoring decides from a rollout is
// a pure function of its extracted program and its test set (scoreProgram), and RL dumps repeat
// that pair a lot (the samples of a GRPO group often write the same program; a solved problem keeps
// getting the same answer step after step). So the verdict of a (program, test set) pair is kept and
// reused: the test runs and the label's validation are skipped, and a label written as a JSON string
// is not parsed again. Only the verdict's summary is kept (pass_rate, all_pass, error, passed, total,
// reason), never per-test results, so `--details` does not use it. Bounded in bytes; when full it is
// emptied and starts again.
import type { ManufactoriaErrorClass } from './types.js';

export interface MemoVerdict {
    pass_rate: number;
    all_pass: 0 | 1;
    error: ManufactoriaErrorClass | null;
    passed: number;
    total: number;
    reason?: string;
}

/** Rough bounds on what the memo pins (texts as UTF-16): verdicts with their programs, test-set texts, one test set. */
export const MEMO_LIMITS = { verdictBytes: 64 * 1024 * 1024, labelsBytes: 16 * 1024 * 1024, labelBytes: 256 * 1024 };

export class VerdictMemo {
    /** Test sets seen, by their text: a JSON-string label as written, a list label as JSON. */
    private labels = new Map<string, number>();
    /** Label objects already keyed (a joined problem's test cases are one object for all its rollouts). */
    private labelObjects = new WeakMap<object, number>();
    /** Per test set: verdicts by program text. */
    private verdicts: Map<string, MemoVerdict>[] = [];
    private verdictBytes = 0;
    private labelsBytes = 0;
    hits = 0;
    misses = 0;

    constructor(readonly enabled = true) {}

    /** The test set's number, or undefined when the label cannot be keyed exactly (then nothing is kept). */
    labelId(label: unknown): number | undefined {
        if (!this.enabled) return undefined;
        if (typeof label === 'string') return label.length <= MEMO_LIMITS.labelBytes ? this.intern(`s${label}`) : undefined;
        if (!Array.isArray(label)) return undefined;
        const known = this.labelObjects.get(label);
        if (known !== undefined) return known;
        const text = plainText(label);
        if (text === undefined || text.length > MEMO_LIMITS.labelBytes) return undefined;
        const id = this.intern(`a${text}`);
        this.labelObjects.set(label, id);
        return id;
    }

    get(labelId: number | undefined, program: string): MemoVerdict | undefined {
        if (labelId === undefined) return undefined;
        const hit = this.verdicts[labelId]?.get(program);
        if (hit) this.hits++;
        else this.misses++;
        return hit;
    }

    set(labelId: number | undefined, program: string, verdict: MemoVerdict): void {
        if (labelId === undefined) return;
        const bytes = 2 * program.length + 2 * (verdict.reason?.length ?? 0) + 96;
        if (this.verdictBytes + bytes > MEMO_LIMITS.verdictBytes) {
            // Emptied at once; test-set ids stay valid.
            for (const table of this.verdicts) table.clear();
            this.verdictBytes = 0;
        }
        this.verdicts[labelId].set(program, verdict);
        this.verdictBytes += bytes;
    }

    private intern(key: string): number {
        let id = this.labels.get(key);
        if (id === undefined) {
            if (this.labelsBytes + 2 * key.length > MEMO_LIMITS.labelsBytes) {
                // Everything goes (no id handed out before is used again: ids live for one rollout).
                this.labels.clear();
                this.labelObjects = new WeakMap();
                this.verdicts = [];
                this.verdictBytes = 0;
                this.labelsBytes = 0;
            }
            id = this.verdicts.length;
            this.labels.set(key, id);
            this.verdicts.push(new Map());
            this.labelsBytes += 2 * key.length + 64;
        }
        return id;
    }
}

/**
 * The JSON text of a list of plain test-case objects whose values are strings, finite numbers
 * (not −0), booleans or null: for such values the text is one-to-one, so equal texts are equal test
 * sets. Anything else (nested values, typed arrays, BigInt, …) gives undefined: not memoised.
 */
function plainText(label: unknown[]): string | undefined {
    for (const item of label) {
        if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
        const proto = Object.getPrototypeOf(item);
        if (proto !== Object.prototype && proto !== null) return undefined;
        for (const key in item) {
            const v = (item as Record<string, unknown>)[key];
            if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
            if (typeof v === 'number' && Number.isFinite(v) && !Object.is(v, -0)) continue;
            return undefined;
        }
    }
    return JSON.stringify(label);
}
