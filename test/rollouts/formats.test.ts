// Every dump format's fixture (test/fixtures/rollouts, made by make-fixtures.mjs from the documented
// fields) is read, joined, scored and classified as its expected file says; bad rows give
// `file:line` issues while the rest loads.
import { mkdirSync, mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { issueText, loadProblemIndex, scoreRollouts } from '../../language/rollouts/pipeline.js';
import type { ScoredRollout } from '../../language/rollouts/types.js';
import { fixturePath, readJson } from '../helpers/fixtures.js';

const root = fixturePath('rollouts/');
const FORMATS: Array<[string, string]> = [
    ['open-instruct-traces', 'open-instruct-traces'],
    ['open-instruct-rollouts', 'open-instruct-rollouts'],
    ['eval-code', 'eval-code'],
    ['verl', 'verl'],
    ['trl', 'trl'],
    ['wandb', 'wandb-table'],
    ['plain', 'jsonl'],
    ['plain-json', 'json'],
    ['plain-csv', 'csv'],
    ['plain-parquet', 'parquet'],
];

interface Expected { records: Array<Partial<ScoredRollout> & { source: string }>; issues: string[] }

async function run(paths: string[], extra: Record<string, unknown> = {}) {
    const { index } = await loadProblemIndex([join(root, 'problems.jsonl')]);
    const rows: ScoredRollout[] = [];
    const issues: string[] = [];
    for await (const item of scoreRollouts(paths, { problems: index, tokenizer: join(root, 'tokenizer/tokenizer.json'), ...extra })) {
        if ('issue' in item) issues.push(issueText(item.issue).replace(root, ''));
        else rows.push({ ...item, source: item.source.replace(root, '') });
    }
    return { rows, issues };
}

describe.each(FORMATS)('%s fixtures', (folder, format) => {
    const expected = readJson<Expected>(`rollouts/expected/${folder}.json`);
    test('are detected, read, scored and classified as expected', async () => {
        const { rows } = await run([join(root, folder)]);
        expect(rows.map((r) => r.source)).toEqual(expected.records.map((r) => r.source));
        rows.forEach((row, i) => {
            const want = expected.records[i];
            const got = Object.fromEntries(Object.keys(want).map((k) => [k, row[k as keyof ScoredRollout]]));
            expect(got, row.source).toEqual(want);
            expect(row.task).toBe('manufactoria');
        });
    });
    test('report each malformed row as file:line and go on', async () => {
        const { issues } = await run([join(root, folder)]);
        expect(issues).toHaveLength(expected.issues.length);
        expected.issues.forEach((prefix, i) => expect(issues[i].startsWith(prefix), `${issues[i]} should start with ${prefix}`).toBe(true));
    });
    test('read the same when the format is forced', async () => {
        const auto = await run([join(root, folder)]);
        const forced = await run([join(root, folder)], { format });
        expect(forced.rows).toEqual(auto.rows);
    });
});

describe('extraction notes and details', () => {
    test('notes say which block was used, its tag and the feedback blocks seen', async () => {
        const { rows } = await run([join(root, 'open-instruct-traces')]);
        const ryy = rows.find((r) => r.source.endsWith(':2[2]'))!;
        expect(ryy.extraction).toMatchObject({ blocks: 1, used: 0, tag: 'manufactoria', wholeResponse: false, feedbackBlocks: 1 });
        const plain = (await run([join(root, 'plain-csv')])).rows[0];
        expect(plain.extraction.blocks).toBe(1);
    });
    test('the span points at the extracted program in the response', async () => {
        const { rows } = await run([join(root, 'plain', 'rollouts.jsonl')]);
        const row = rows[0];
        const response = `Let me think about the tape.\n\n\`\`\`manufactoria\n${row.program}\n\`\`\`\n`;
        expect(response.slice(...row.extraction.span!)).toBe(row.program);
    });
    test('--details adds the verifier results', async () => {
        const { rows } = await run([join(root, 'verl')], { details: true });
        expect(rows[0].results).toHaveLength(rows[0].total);
        expect(rows[0].results![0]).toHaveProperty('rejection_reason');
    });
});

describe('tokenizer from the local Hugging Face cache', () => {
    test('a rollout shard decodes with the model its metadata names', async () => {
        const home = mkdtempSync(join(tmpdir(), 'hf-home-'));
        const snap = join(home, 'hub', 'models--synthetic--tiny-test-model', 'snapshots', 'abc123');
        mkdirSync(snap, { recursive: true });
        mkdirSync(join(home, 'hub', 'models--synthetic--tiny-test-model', 'refs'), { recursive: true });
        writeFileSync(join(home, 'hub', 'models--synthetic--tiny-test-model', 'refs', 'main'), 'abc123');
        copyFileSync(join(root, 'tokenizer/tokenizer.json'), join(snap, 'tokenizer.json'));
        const before = process.env.HF_HOME;
        process.env.HF_HOME = home;
        try {
            const { rows } = await run([join(root, 'open-instruct-rollouts')], { tokenizer: undefined });
            expect(rows).toHaveLength(4);
            expect(rows[1].all_pass).toBe(1);
        } finally {
            if (before === undefined) delete process.env.HF_HOME;
            else process.env.HF_HOME = before;
        }
    });
    test('without a tokenizer, token ids are one clear issue per file', async () => {
        const { rows, issues } = await run([join(root, 'open-instruct-traces')], { tokenizer: undefined });
        expect(rows).toHaveLength(0);
        expect(issues[0]).toMatch(/responses\[0\]: holds token ids; pass --tokenizer/);
        // One for the file, not one per rollout (a shard without a model in its metadata gave one per row).
        expect(issues).toHaveLength(1);
        expect(issues[0]).toMatch(/; the rest of this file is skipped$/);
    });
});
