// Differential test: `delta rollouts score`'s re-scoring (in-process, the same pipeline) against the
// lean Python re-scorer (scripts/bench/lean_rescorer.py, on lean_verifier.py) over thousands of
// generated rollouts: mutated correct solutions, fences and no fences, feedback turns, bad labels.
// Every field that both compute must agree, error classes included.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
// @ts-expect-error: a plain .mjs script shared with the bench
import { generateRollouts } from '../../scripts/bench/gen-rollouts.mjs';
import { scoreRollouts } from '../../language/rollouts/pipeline.js';
import type { ScoredRollout } from '../../language/rollouts/types.js';

const COUNT = 4000;
const FIELDS = ['pass_rate', 'all_pass', 'error', 'passed', 'total', 'program', 'truncated'] as const;

describe('delta rollouts score agrees with the lean Python re-scorer', () => {
    test(`${COUNT} generated rollouts, field by field`, async () => {
        const rows = generateRollouts(COUNT, 7) as unknown[];
        const file = join(mkdtempSync(join(tmpdir(), 'rollouts-diff-')), 'rollouts.jsonl');
        writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
        const lean = spawnSync('python3', ['scripts/bench/lean_rescorer.py', file], { encoding: 'utf8', maxBuffer: 1 << 30 });
        expect(lean.status, lean.stderr).toBe(0);
        const theirs = lean.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
        const ours: ScoredRollout[] = [];
        for await (const item of scoreRollouts([file])) {
            if ('issue' in item) throw new Error(`unexpected issue ${JSON.stringify(item.issue)}`);
            ours.push(item);
        }
        expect(ours).toHaveLength(COUNT);
        expect(theirs).toHaveLength(COUNT);
        const differences: string[] = [];
        ours.forEach((row, i) => {
            for (const f of FIELDS) if (row[f] !== theirs[i][f]) differences.push(`${row.source} ${f}: ${JSON.stringify(row[f])} vs ${JSON.stringify(theirs[i][f])}`);
        });
        expect(differences.slice(0, 10)).toEqual([]);
        // The generated set covers every Manufactoria class, so agreement means something.
        const classes = new Set(ours.map((r) => r.error));
        for (const c of [null, 'invalid_label', 'parse_error', 'wrong_accept', 'wrong_output', 'routed_to_none', 'unknown_node', 'max_iterations']) expect(classes, String(c)).toContain(c);
        expect(ours.filter((r) => r.extraction.feedbackBlocks > 0).length).toBeGreaterThan(0);
        expect(ours.filter((r) => r.extraction.wholeResponse).length).toBeGreaterThan(0);
    });
});
