// A run's rows in compact form (language/rollouts/compact-rows.ts) give the aggregates, the overview
// (near-misses' programs included) and the GRPO groups that the full rows give.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GROUP_KEYS, GrpoGroups, summarize } from '../../language/rollouts/aggregate.js';
import { CompactRows } from '../../language/rollouts/compact-rows.js';
import { buildOverview } from '../../language/rollouts/overview.js';
import { scoreRollouts } from '../../language/rollouts/pipeline.js';
import type { ScoredRollout } from '../../language/rollouts/types.js';
// @ts-expect-error: a plain .mjs script shared with the bench
import { generateRollouts } from '../../scripts/bench/gen-rollouts.mjs';

async function scoredRun(): Promise<ScoredRollout[]> {
    const dir = mkdtempSync(join(tmpdir(), 'compact-rows-'));
    const file = join(dir, 'step_3.jsonl');
    const rows = (generateRollouts(1200, 5) as Record<string, unknown>[]).map((r, i) => ({
        ...r,
        // Logged scores (some wrong), finish reasons, traces-like sources and levels of both types.
        ...(i % 3 === 0 && { score: i % 7 === 0 ? 3 : 0 }),
        ...(i % 50 === 0 && { finish_reason: 'length' }),
        ...(i % 4 === 0 && { difficulty: i % 8 === 0 ? 2 : 'hard' }),
    }));
    writeFileSync(file, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const out: ScoredRollout[] = [];
    for await (const item of scoreRollouts([file])) if (!('issue' in item)) out.push(item);
    rmSync(dir, { recursive: true });
    return out;
}

describe('compact rows', () => {
    it('give the full rows\' aggregates, overview, near-misses and GRPO groups', async () => {
        const rows = await scoredRun();
        expect(rows.length).toBeGreaterThan(1000);
        expect(rows.some((r) => r.logged_mismatch)).toBe(true);
        expect(rows.some((r) => r.finish_reason)).toBe(true);
        const compact = new CompactRows(20);
        rows.forEach((r, i) => expect(compact.add(r)).toBe(i));
        expect(compact.length).toBe(rows.length);
        for (const [i, r] of rows.entries()) {
            const { program: _p, extraction: _e, reason: _r, results: _res, ...kept } = r;
            const { program: _cp, extraction: _ce, program_hash: _h, ...back } = compact.at(i)!;
            expect(back).toEqual(kept);
        }
        expect(compact.at(rows.length)).toBeUndefined();
        for (const by of GROUP_KEYS) expect(summarize(compact, by, [1, 4, 8])).toEqual(summarize(rows, by, [1, 4, 8]));
        const options = { title: 't', ks: [1, 8], nearMisses: 20 };
        const overview = buildOverview(compact, summarize, options);
        expect(overview).toEqual(buildOverview(rows, summarize, options));
        expect(overview.nearMisses).toHaveLength(20);
        expect(overview.nearMisses.every((m) => m.program !== '')).toBe(true);
        for (const mode of ['all_pass', 'pass_rate'] as const) {
            const full = new GrpoGroups(mode);
            const small = new GrpoGroups(mode);
            rows.forEach((r) => full.add(r));
            for (const r of compact) small.add(r);
            expect(small.result()).toEqual(full.result());
        }
    });

    it('keep no program but the near-misses\' (a slice of the response would keep the whole response)', async () => {
        const rows = await scoredRun();
        const compact = new CompactRows(2);
        rows.forEach((r) => compact.add(r));
        const withProgram = [...compact].filter((r) => r.program !== '');
        expect(withProgram).toHaveLength(2);
        expect(new CompactRows().add(rows[0])).toBe(0);
        // --near-misses larger than the run's near-misses: every one kept, as the full rows give them.
        const all = new CompactRows(100_000);
        rows.forEach((r) => all.add(r));
        const options = { title: 't', nearMisses: 100_000 };
        const overview = buildOverview(all, summarize, options);
        expect(overview.nearMisses.length).toBeGreaterThan(20);
        expect(overview).toEqual(buildOverview(rows, summarize, options));
    });
});
