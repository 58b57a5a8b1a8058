// The verdict memo of re-scoring (docs/rollouts.md, "Speed"): what scoring decides from a rollout is
// a pure function of its extracted program and its label's test plan (dataset/scoring/score.ts
// scorePlan), and RL dumps repeat that pair a lot (the samples of a GRPO group often write the same
// program; a solved problem keeps getting the same answer step after step). So the verdict of a
// (test plan, program) pair is kept and reused: the program's test runs are skipped. Test plans are
// keyed by identity (label-plans.ts hands out one plan per label), so keying a pair costs one lookup
// of the program's text, never the label's. Only the verdict's summary is kept (pass_rate,
// all_pass, error, passed, total, reason), never per-test results, so `--details` does not use it.
// Bounded in bytes; when full it is emptied and starts again.
import type { LabelPlan } from '../dataset/scoring/score.js';
import type { ManufactoriaErrorClass } from './types.js';

export interface MemoVerdict {
    pass_rate: number;
    all_pass: 0 | 1;
    error: ManufactoriaErrorClass | null;
    passed: number;
    total: number;
    reason?: string;
}

/** Rough bound on what the memo pins (texts as UTF-16): verdicts with their programs. */
export const MEMO_LIMITS = { verdictBytes: 64 * 1024 * 1024 };

export class VerdictMemo {
    /** Per test plan: verdicts by program text. */
    private verdicts = new WeakMap<LabelPlan, Map<string, MemoVerdict>>();
    private verdictBytes = 0;
    hits = 0;
    misses = 0;

    constructor(readonly enabled = true) {}

    get(plan: LabelPlan, program: string): MemoVerdict | undefined {
        if (!this.enabled) return undefined;
        const hit = this.verdicts.get(plan)?.get(program);
        if (hit) this.hits++;
        else this.misses++;
        return hit;
    }

    set(plan: LabelPlan, program: string, verdict: MemoVerdict): void {
        if (!this.enabled) return;
        const bytes = 2 * program.length + 2 * (verdict.reason?.length ?? 0) + 96;
        if (this.verdictBytes + bytes > MEMO_LIMITS.verdictBytes) {
            this.verdicts = new WeakMap();
            this.verdictBytes = 0;
        }
        let table = this.verdicts.get(plan);
        if (!table) this.verdicts.set(plan, (table = new Map()));
        table.set(program, verdict);
        this.verdictBytes += bytes;
    }

    /** Pairs kept now (for tests). */
    get bytes(): number {
        return this.verdictBytes;
    }
}
