// The verdict memo (language/rollouts/verdict-memo.ts): a rollout whose (test plan, program) pair was
// scored before gets the verdict a fresh run gives, field for field, and per-test results
// (--details) always come from a fresh run.
import { describe, expect, it } from 'vitest';
import { LabelPlans } from '../../language/rollouts/label-plans.js';
import { scoreManufactoriaRollout, type ScoreContext } from '../../language/rollouts/score.js';
import type { RolloutRecord } from '../../language/rollouts/types.js';
import { MEMO_LIMITS, VerdictMemo } from '../../language/rollouts/verdict-memo.js';
// @ts-expect-error: a plain .mjs script shared with the bench
import { generateRollouts } from '../../scripts/bench/gen-rollouts.mjs';

interface Generated { id: string; step: number; sample: number; response: string; ground_truth: unknown; finish_reason: string }

function record(row: Generated, i: number): RolloutRecord {
    return { source: `gen.jsonl:${i + 1}`, format: 'jsonl', response: row.response, groundTruth: row.ground_truth, key: row.id, step: row.step, sample: row.sample, finishReason: row.finish_reason };
}

const score = (r: RolloutRecord, ctx: ScoreContext) => JSON.stringify(scoreManufactoriaRollout(r, ctx));

// Label objects shared between rows, as the readers hand them out (readers/row-parse.ts): a list
// label of one problem is one object, so its test plan is one object.
function shareLabels(rows: Generated[]): Generated[] {
    const seen = new Map<string, unknown>();
    return rows.map((row) => {
        const text = JSON.stringify(row.ground_truth);
        if (!seen.has(text)) seen.set(text, row.ground_truth);
        return { ...row, ground_truth: seen.get(text) };
    });
}

describe('verdict memo', () => {
    const rows = shareLabels(generateRollouts(3000, 11) as Generated[]);

    it('gives every rollout the row a fresh run gives, reusing most verdicts', () => {
        const memo = new VerdictMemo();
        const ctx: ScoreContext = { memo, plans: new LabelPlans() };
        const fresh: ScoreContext = { memo: new VerdictMemo(false), plans: new LabelPlans() };
        rows.forEach((row, i) => expect(score(record(row, i), ctx)).toBe(score(record(row, i), fresh)));
        // The memo was used (this data repeats pairs), and only where a label had a test plan to run.
        expect(memo.hits).toBeGreaterThan(rows.length / 2);
        expect(memo.hits + memo.misses).toBeLessThan(rows.length);
    });

    it('keeps verdicts apart per test plan: one program, two labels, two verdicts', () => {
        const acceptAll = 'START start:\n    NEXT end\nEND end';
        const accepts = [{ input: 'B', expected_output: '', expected_accepted: true, check_output: false, description: 'b' }];
        const rejects = [{ input: 'B', expected_output: '', expected_accepted: false, check_output: false, description: 'b' }];
        const memo = new VerdictMemo();
        const ctx: ScoreContext = { memo, plans: new LabelPlans() };
        const r = (label: unknown) => scoreManufactoriaRollout({ source: 'x:1', format: 'jsonl', response: acceptAll, groundTruth: label, step: null, sample: null }, ctx);
        for (let round = 0; round < 2; round++) {
            expect(r(accepts)).toMatchObject({ pass_rate: 1, all_pass: 1, error: null });
            expect(r(rejects)).toMatchObject({ pass_rate: 0, all_pass: 0, error: 'wrong_accept' });
            // The same label text as a string, and an equal list that is another object.
            expect(r(JSON.stringify(rejects))).toMatchObject({ pass_rate: 0, error: 'wrong_accept' });
            expect(r(structuredClone(accepts))).toMatchObject({ pass_rate: 1, error: null });
        }
        expect(memo.hits).toBe(3);
    });

    it('is not used for --details: per-test results come from a run', () => {
        const memo = new VerdictMemo();
        const ctx: ScoreContext = { memo, plans: new LabelPlans(), details: true };
        rows.slice(0, 200).forEach((row, i) => {
            const out = scoreManufactoriaRollout(record(row, i), ctx);
            const again = scoreManufactoriaRollout(record(row, i), { plans: new LabelPlans(), details: true });
            expect(JSON.stringify(out)).toBe(JSON.stringify(again));
        });
        expect(memo.hits + memo.misses).toBe(0);
    });

    it('empties itself when full and goes on giving the same verdicts', () => {
        const limit = MEMO_LIMITS.verdictBytes;
        MEMO_LIMITS.verdictBytes = 4096;
        try {
            const memo = new VerdictMemo();
            const ctx: ScoreContext = { memo, plans: new LabelPlans() };
            const fresh: ScoreContext = { memo: new VerdictMemo(false), plans: new LabelPlans() };
            rows.slice(0, 500).forEach((row, i) => {
                expect(score(record(row, i), ctx)).toBe(score(record(row, i), fresh));
                expect(memo.bytes).toBeLessThanOrEqual(4096);
            });
            expect(memo.hits).toBeGreaterThan(0);
        } finally {
            MEMO_LIMITS.verdictBytes = limit;
        }
    });
});
