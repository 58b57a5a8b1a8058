// Two problem rows with one id (or name) and different test cases: the join takes the first, and
// says so (a rollout keyed by it would otherwise be scored against a label nobody chose, silently).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProblemIndex } from '../../language/rollouts/pipeline.js';
import { fixturePath } from '../helpers/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'problem-clash-'));
const rows = readFileSync(fixturePath('rollouts/problems.jsonl'), 'utf8').trim().split('\n');

describe('problems that share a key', () => {
    it('a repeated id with other test cases is an issue naming both rows; the first is joined', async () => {
        const first = JSON.parse(rows[0]) as { id: string; ground_truth: unknown[] };
        const other = { ...first, ground_truth: first.ground_truth.slice(1) };
        const file = join(dir, 'clash.jsonl');
        writeFileSync(file, [rows[0], rows[1], JSON.stringify(other)].join('\n') + '\n');
        const { index, issues } = await loadProblemIndex([file]);
        expect(issues).toEqual([{ where: `${file}:3`, field: 'id', message: `'${first.id}' is also the id of ${file}:1, whose test cases differ: rollouts with this key are joined with that one` }]);
        expect(index.byKeyOrName(first.id)?.testCases).toHaveLength(first.ground_truth.length);
    });
    it('an identical repeat (the same file given twice) is no issue', async () => {
        const file = join(dir, 'same.jsonl');
        writeFileSync(file, rows.slice(0, 3).join('\n') + '\n');
        const { issues } = await loadProblemIndex([file, file]);
        expect(issues).toEqual([]);
    });
});
