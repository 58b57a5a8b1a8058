// Dumps as the trainers' own writers lay them out (field names, types and the versions they went
// through; docs/rollouts.md, "Formats"), written here in small temporary folders and read, joined and
// scored: what a researcher's real run directory holds, not only our fixtures' shape.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { issueText, loadProblemIndex, scoreRollouts } from '../../language/rollouts/pipeline.js';
import type { ScoredRollout } from '../../language/rollouts/types.js';
import { fixturePath } from '../helpers/fixtures.js';
import { runsIn } from '../../client/rollouts/run-folders.js';

const problemsFile = fixturePath('rollouts/problems.jsonl');
const problems = readFileSync(problemsFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; ground_truth: unknown[]; messages: { content: string }[] });
const [BB, RYY] = problems;
const BB_GOOD = 'START start:\n    NEXT a\nPULLER_RB a:\n    [B] b\nPULLER_RB b:\n    [B] end\nEND end';
const ACCEPT_ALL = 'START start:\n    NEXT end\nEND end';
const fence = (program: string) => `Let me think.\n\n\`\`\`manufactoria\n${program}\n\`\`\`\n`;
/** Two samples of BB (one passes), one of RYY (fails). */
const ROLLOUTS = [{ p: BB, response: fence(BB_GOOD), pass: 1 }, { p: BB, response: fence(ACCEPT_ALL), pass: 0 }, { p: RYY, response: fence(ACCEPT_ALL), pass: 0 }];
const user = (p: { messages: { content: string }[] }) => p.messages[0].content;

function folder(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'trainer-writers-'));
    for (const [name, text] of Object.entries(files)) {
        mkdirSync(join(dir, name, '..'), { recursive: true });
        writeFileSync(join(dir, name), text);
    }
    return dir;
}

async function run(paths: string[], extra: Record<string, unknown> = {}) {
    const { index } = await loadProblemIndex([problemsFile]);
    const rows: ScoredRollout[] = [];
    const issues: string[] = [];
    for await (const item of scoreRollouts(paths, { problems: index, ...extra })) {
        if ('issue' in item) issues.push(issueText(item.issue));
        else rows.push(item);
    }
    return { rows, issues };
}

const brief = (r: ScoredRollout) => ({ id: r.id, step: r.step, sample: r.sample, prompt_index: r.prompt_index, all_pass: r.all_pass, logged_score: r.logged_score, logged_mismatch: r.logged_mismatch });

describe('open-instruct rollout shards', () => {
    test('token ids whose model (named by <run>_metadata.jsonl) is not in the local cache: one issue saying what to give --tokenizer', async () => {
        const shard = { step: 1, sample_idx: 0, prompt_idx: 0, prompt_tokens: [80], response_tokens: [80, 81], reward: 0.0, advantage: 0.0, finish_reason: 'stop', dataset: 'manufactoria', ground_truth: BB.ground_truth, request_info: null, logprobs: null };
        const dir = folder({
            'run_metadata.jsonl': `${JSON.stringify({ run_name: 'run', git_commit: 'abc', model_name: 'nobody/no-such-model', timestamp: '2026-02-01T00:00:00+00:00' })}\n`,
            'run_rollouts_000000.jsonl': `${JSON.stringify(shard)}\n`,
        });
        const empty = mkdtempSync(join(tmpdir(), 'hf-cache-'));
        const saved = process.env.HF_HUB_CACHE;
        process.env.HF_HUB_CACHE = empty;
        try {
            const { issues } = await run([dir]);
            expect(issues).toHaveLength(1);
            expect(issues[0]).toMatch(/^.*run_rollouts_000000\.jsonl: response_tokens: cannot decode token ids: tokenizer 'nobody\/no-such-model' is neither a file nor a model in the local Hugging Face cache \(looked in .*\); give --tokenizer the model's tokenizer\.json or a folder holding one; the rest of this file is skipped$/);
        } finally {
            if (saved === undefined) delete process.env.HF_HUB_CACHE;
            else process.env.HF_HUB_CACHE = saved;
        }
    });
});

describe('open-instruct traces_<run>.jsonl', () => {
    test('a line of the later writer (asdict of the batch: raw_queries, decoded_responses, indices None) needs no tokenizer', async () => {
        // Token ids the run's tokenizer would decode; no tokenizer is given, the text columns are read.
        const ids = (t: string) => [...Buffer.from(t, 'utf8')];
        const line = {
            scores: ROLLOUTS.map((r) => 10 * r.pass), finish_reasons: ROLLOUTS.map(() => 'stop'), responses: ROLLOUTS.map((r) => ids(r.response)), training_step: 9,
            queries: ROLLOUTS.map((r) => ids(`<|im_start|>user\n${user(r.p)}<|im_end|>\n`)), ground_truths: ROLLOUTS.map((r) => r.p.ground_truth), datasets: ROLLOUTS.map(() => 'manufactoria'),
            raw_queries: ROLLOUTS.map((r) => `user: ${user(r.p)}`), decoded_responses: ROLLOUTS.map((r) => r.response), indices: null, 'objective/verifiable_reward': 3.3,
        };
        const dir = folder({ 'traces_run.jsonl': `${JSON.stringify(line)}\n` });
        const { rows, issues } = await run([dir]);
        expect(issues).toEqual([]);
        expect(rows.map(brief)).toEqual([
            { id: BB.id, step: 9, sample: 0, prompt_index: 0, all_pass: 1, logged_score: 1, logged_mismatch: false },
            { id: BB.id, step: 9, sample: 1, prompt_index: 0, all_pass: 0, logged_score: 0, logged_mismatch: false },
            { id: RYY.id, step: 9, sample: 2, prompt_index: 1, all_pass: 0, logged_score: 0, logged_mismatch: false },
        ]);
    });
});

describe('W&B table files', () => {
    test('a NaN cell (Python json.dump of a float nan score) is read as Python reads it: that row has no logged score, the table is not lost', async () => {
        // open-instruct's sample_completions table; its artifact form wraps the table with _type, ncols, nrows, column_types.
        const data = ROLLOUTS.map((r, i) => [`<|im_start|>user\n${user(r.p)}<|im_end|>\n`, r.response, i === 0 ? 'NaN' : 10 * r.pass, r.p.ground_truth, 'manufactoria']);
        const table = (extra: string) => `{${extra}"columns": ["prompt", "response", "scores", "ground_truth", "dataset"], "data": ${JSON.stringify(data).replace('"NaN"', 'NaN')}}`;
        const dir = folder({
            'media/table/sample_completions_40_3f2a.table.json': table(''),
            'artifact/sample_completions.table.json': table('"_type": "table", "ncols": 5, "nrows": 3, "log_mode": "IMMUTABLE", "column_types": {"params": {"type_map": {}}, "wb_type": "typedDict"}, '),
        });
        const { rows, issues } = await run([dir]);
        expect(issues).toEqual([]);
        const want = [[BB.id, 1, undefined], [BB.id, 0, 0], [RYY.id, 0, 0]];
        expect(rows.map((r) => [r.id, r.all_pass, r.logged_score])).toEqual([...want, ...want]);
    });
    test('the run\'s wandb-summary.json given by name, which only refers to the table file, says which file to read', async () => {
        const ref = { _type: 'table-file', path: 'media/table/sample_completions_40_3f2a.table.json', sha256: 'ab', size: 120, ncols: 5, nrows: 3, log_mode: 'IMMUTABLE' };
        const dir = folder({ 'files/wandb-summary.json': JSON.stringify({ _runtime: 12.5, _step: 40, sample_completions: ref, 'objective/scores': 3.3 }) });
        const { rows, issues } = await run([join(dir, 'files/wandb-summary.json')]);
        expect(rows).toEqual([]);
        expect(issues).toEqual([`${join(dir, 'files/wandb-summary.json')}: a W&B reference to a table, not the table: read the table file it names (media/table/sample_completions_40_3f2a.table.json) under the run's files folder`]);
    });
});

describe('verl <step>.jsonl', () => {
    test('the transfer-queue trainer\'s uid (<prompt uid>_<session>_<output>) gives the sample number', async () => {
        const line = (r: (typeof ROLLOUTS)[number], uid: string) => JSON.stringify({ input: `user\n${user(r.p)}\nassistant\n`, output: r.response, gts: r.p.ground_truth, score: r.pass, step: 5, uid });
        const dir = folder({ '5.jsonl': [line(ROLLOUTS[0], '9f1c_0_0'), line(ROLLOUTS[1], '9f1c_1_0'), line(ROLLOUTS[2], 'b2e7_3_0')].join('\n') + '\n' });
        const { rows, issues } = await run([dir]);
        expect(issues).toEqual([]);
        expect(rows.map((r) => [r.id, r.step, r.sample, r.all_pass, r.logged_mismatch])).toEqual([[BB.id, 5, 0, 1, false], [BB.id, 5, 1, 0, false], [RYY.id, 5, 3, 0, false]]);
    });
});

describe('TRL completion logs', () => {
    // Its W&B table has the columns of its completions_<step>.parquet (the parquet layout is the trl fixture).
    const table = (rewards: Record<string, (i: number) => number | string>, extras: Record<string, (i: number) => unknown> = {}) => {
        const columns = ['step', 'prompt', 'completion', ...Object.keys(rewards), ...Object.keys(extras), 'advantage'];
        const data = ROLLOUTS.map((r, i) => [40, `user\n${user(r.p)}\nassistant\n`, r.response, ...Object.values(rewards).map((f) => f(i)), ...Object.values(extras).map((f) => f(i)), 0.5]);
        return JSON.stringify({ columns, data }).replaceAll('"NaN"', 'NaN');
    };
    test('the one reward function\'s column is the logged score (NaN: none); with several, their weighted sum is not in the file: none', async () => {
        const dir = folder({
            'a/completions_40_1.table.json': table({ manufactoria_reward: (i) => (i === 2 ? 'NaN' : ROLLOUTS[i].pass) }, { program_lines: (i) => `${i}` }),
            'b/completions_40_2.table.json': table({ manufactoria_reward: (i) => ROLLOUTS[i].pass, format_reward: () => 1 }),
        });
        const { rows, issues } = await run([dir]);
        expect(issues).toEqual([]);
        expect(rows.map((r) => [r.id, r.step, r.all_pass, r.logged_score, r.logged_mismatch])).toEqual([
            [BB.id, 40, 1, 1, false], [BB.id, 40, 0, 0, false], [RYY.id, 40, 0, undefined, undefined],
            [BB.id, 40, 1, undefined, undefined], [BB.id, 40, 0, undefined, undefined], [RYY.id, 40, 0, undefined, undefined],
        ]);
    });
});

describe('CSV written by pandas', () => {
    test('a ground-truth cell holding the repr of the test-case list (grpo_fast_code eval_results/eval_step_<n>_<name>.csv) is that list, not an invalid label', async () => {
        // to_csv of a list cell writes str(list): single quotes, True/False; a label that is JSON text stays text.
        const repr = (v: unknown): string => {
            if (typeof v === 'boolean') return v ? 'True' : 'False';
            if (typeof v === 'string') return v.includes("'") && !v.includes('"') ? `"${v}"` : `'${v.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
            if (Array.isArray(v)) return `[${v.map(repr).join(', ')}]`;
            if (v && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${repr(k)}: ${repr(x)}`).join(', ')}}`;
            return String(v);
        };
        const cell = (s: string) => `"${s.replaceAll('"', '""')}"`;
        const lines = ['prompt,response,scores,ground_truth,dataset'];
        for (const r of ROLLOUTS) lines.push([cell(user(r.p)), cell(r.response), `${10 * r.pass}.0`, cell(repr(r.p.ground_truth)), 'manufactoria'].join(','));
        lines.push([cell(user(BB)), cell(fence(BB_GOOD)), '10.0', cell(JSON.stringify(BB.ground_truth)), 'manufactoria'].join(','));
        const dir = folder({ 'eval_results/eval_step_100_manufactoria.csv': `${lines.join('\n')}\n` });
        const { rows, issues } = await run([dir]);
        expect(issues).toEqual([]);
        expect(rows.map((r) => [r.id, r.step, r.error, r.all_pass, r.logged_score, r.logged_mismatch])).toEqual([
            [BB.id, 100, null, 1, 1, false], [BB.id, 100, 'wrong_accept', 0, 0, false], [RYY.id, 100, 'wrong_output', 0, 0, false], [BB.id, 100, null, 1, 1, false],
        ]);
    });
});

describe('eval_code.py run folders', () => {
    const dataset = `${JSON.stringify({ index: '0', dataset_source: 'manufactoria/basic_mix', criteria: 'c', ground_truth: BB.ground_truth, dataset: 'manufactoria', id: BB.id })}\n`;
    const program = 'START start:\n    NEXT a\\b\nEND end';
    const response = `A backslash \\ and "quotes".\n\n\`\`\`manufactoria\n${program}\n\`\`\`\n`;
    test('the later writer (every field quoted, csv escapechar \\, so each backslash written twice) gives the text back with single backslashes', async () => {
        const q = (s: string) => `"${s.replaceAll('\\', '\\\\').replaceAll('"', '""')}"`;
        const csv = `${['prompt', 'response', 'ground_truth', 'score', 'finish_reason'].map(q).join(',')}\n${[user(BB), response, 'x', '0.0', 'stop'].map(q).join(',')}\n`;
        const { rows, issues } = await run([folder({ 'original_dataset.jsonl': dataset, 'run_0_detailed.csv': csv })]);
        expect(issues).toEqual([]);
        expect(rows.map((r) => [r.id, r.program])).toEqual([[BB.id, program]]);
    });
    test('a run CSV whose prompts are not those of original_dataset.jsonl (eval_code keeps the first dataset file it wrote) is an issue per row, not scored against the wrong label', async () => {
        const criteria = (p: { messages: { content: string }[] }) => user(p).split('following functionality:\n\n')[1].trim();
        const ds = [BB, RYY].map((p, i) => JSON.stringify({ index: `${i}`, criteria: criteria(p), ground_truth: p.ground_truth, id: p.id })).join('\n');
        const q = (s: string) => `"${s.replaceAll('"', '""')}"`;
        const first = [user(RYY), fence(BB_GOOD), '0.0'].map(q).join(',');
        const csv = `prompt,response,score\n${first}\n${[user(RYY), fence(ACCEPT_ALL), '0.0'].map(q).join(',')}\n`;
        const secondLine = 2 + first.split('\n').length;
        const dir = folder({ 'original_dataset.jsonl': `${ds}\n`, 'run_0_detailed.csv': csv });
        const { rows, issues } = await run([dir]);
        expect(rows.map((r) => [r.source, r.id])).toEqual([[`${join(dir, 'run_0_detailed.csv')}:${secondLine}`, RYY.id]]);
        expect(issues).toEqual([`${join(dir, 'run_0_detailed.csv')}:2: prompt: is not the prompt of ${join(dir, 'original_dataset.jsonl')}:1 (its criteria are not in it); rows pair by position, so that file is not this run's dataset`]);
    });
    test('the earlier writer (plain to_csv) escaped nothing: its backslashes are the text\'s', async () => {
        const q = (s: string) => `"${s.replaceAll('"', '""')}"`;
        const csv = `prompt,response,ground_truth,score\n${[user(BB), response, 'x', '0.0'].map(q).join(',')}\n`;
        const { rows } = await run([folder({ 'original_dataset.jsonl': dataset, 'run_0_detailed.csv': csv })]);
        expect(rows.map((r) => [r.id, r.program])).toEqual([[BB.id, program]]);
    });
});

describe('what a user gets wrong', () => {
    const verlLine = JSON.stringify({ input: user(BB), output: fence(BB_GOOD), gts: JSON.stringify(BB.ground_truth), score: 1.0, step: 3 });
    test('a --format that is not the dump\'s: the issue names the format the row\'s keys are', async () => {
        const dir = folder({ '3.jsonl': `${verlLine}\n` });
        const { rows, issues } = await run([dir], { format: 'open-instruct-traces' });
        expect(rows).toEqual([]);
        expect(issues).toEqual([`${join(dir, '3.jsonl')}:1: responses: a row of verl read as open-instruct-traces (--format verl reads it): expected a list, got nothing (the field is missing)`]);
    });
    test('a response written as None (verl output null) is an issue about that field, not about the row\'s layout', async () => {
        const dir = folder({ '3.jsonl': `${JSON.stringify({ input: user(BB), output: null, gts: null, score: 0.0, step: 3 })}\n` });
        const { issues } = await run([dir]);
        expect(issues).toEqual([`${join(dir, '3.jsonl')}:1: output: expected text, a message list or token ids, got null`]);
    });
    test('a JSON Lines dump read as CSV (--format csv): one issue for its header, not one per line', async () => {
        const dir = folder({ '3.jsonl': `${verlLine}\n${verlLine}\n${verlLine}\n` });
        const { rows, issues } = await run([dir], { format: 'csv' });
        expect(rows).toEqual([]);
        expect(issues).toHaveLength(1);
        expect(issues[0]).toMatch(/3\.jsonl:1: .*; line 1 is the header, so this is not a CSV file \(read as CSV for its name or --format\); the rest of this file is skipped$/);
    });
    test('a file that comes with dumps but holds no rollouts (open-instruct metadata, eval_code\'s dataset), given by name, says where the rollouts are', async () => {
        const dir = folder({ 'run_metadata.jsonl': '{"run_name": "run", "model_name": "m"}\n', 'original_dataset.jsonl': '{"index": "0", "criteria": "c"}\n' });
        const { rows, issues } = await run([join(dir, 'run_metadata.jsonl'), join(dir, 'original_dataset.jsonl')]);
        expect(rows).toEqual([]);
        expect(issues).toEqual([
            `${join(dir, 'run_metadata.jsonl')}: an open-instruct run's metadata (its model), not rollouts: give the run_rollouts_NNNNNN.jsonl shards beside it, or their folder`,
            `${join(dir, 'original_dataset.jsonl')}: eval_code's dataset file, not rollouts: give its folder (the run_<i>_detailed.csv beside it are read with it)`,
        ]);
    });
    test('a gzip-compressed dump, given or in a folder, is one issue saying how to read it, not a line of garbage per line or nothing', async () => {
        const dir = folder({ '3.jsonl': `${verlLine}\n` });
        writeFileSync(join(dir, '4.jsonl.gz'), gzipSync(`${verlLine}\n`));
        const message = 'gzip-compressed: delta reads dumps uncompressed; unpack it (gunzip -k 4.jsonl.gz) or pipe a JSON Lines dump in (zcat 4.jsonl.gz | delta rollouts summary -)';
        const inFolder = await run([dir]);
        expect(inFolder.rows.map((r) => r.source)).toEqual([`${join(dir, '3.jsonl')}:1`]);
        expect(inFolder.issues).toEqual([`${join(dir, '4.jsonl.gz')}: ${message}`]);
        const given = await run([join(dir, '4.jsonl.gz')], { format: 'verl' });
        expect(given).toEqual({ rows: [], issues: [`${join(dir, '4.jsonl.gz')}: ${message}`] });
    });
    test('a UTF-16 dump (Windows PowerShell\'s `>`), with or without its byte-order mark, is one issue saying how to convert it, not invalid JSON per line', async () => {
        const dir = folder({ '3.jsonl': `${verlLine}\n` });
        const bom = Buffer.from([0xff, 0xfe]);
        writeFileSync(join(dir, '4.jsonl'), Buffer.concat([bom, Buffer.from(`${verlLine}\r\n${verlLine}\r\n`, 'utf16le')]));
        writeFileSync(join(dir, '5.jsonl'), Buffer.from(`${verlLine}\n`, 'utf16le'));
        writeFileSync(join(dir, '6.csv'), Buffer.from(`\ufeffresponse,ground_truth\n`, 'utf16le').swap16());
        const inFolder = await run([dir]);
        expect(inFolder.rows.map((r) => r.source)).toEqual([`${join(dir, '3.jsonl')}:1`]);
        const message = (bits: string, name: string, to: string) => `${join(dir, name)}: UTF-16${bits} text: delta reads dumps as UTF-8 (Windows PowerShell's \`>\` writes UTF-16); convert it (iconv -f UTF-16 -t UTF-8 ${name} > ${to})`;
        expect(inFolder.issues).toEqual([message('LE', '4.jsonl', '4.utf8.jsonl'), message('LE', '5.jsonl', '5.utf8.jsonl'), message('BE', '6.csv', '6.utf8.csv')]);
        // UTF-8 with a byte-order mark is UTF-8.
        writeFileSync(join(dir, '7.jsonl'), `\ufeff${verlLine}\n`);
        expect((await run([join(dir, '7.jsonl')])).rows).toHaveLength(1);
    });
    test('a row with an id and a name (the benchmark\'s HF rows) and no problem file holding it is named by its name, not its UUID', async () => {
        const dir = folder({ 'rows.jsonl': `${JSON.stringify({ id: 'f00d-1', name: 'My problem', response: fence(ACCEPT_ALL), ground_truth: BB.ground_truth })}\n` });
        const { rows, issues } = await run([dir]);
        expect(issues).toEqual([]);
        expect(rows.map((r) => [r.id, r.name])).toEqual([['f00d-1', 'My problem']]);
        // A joined problem's own name still comes first.
        const joined = folder({ 'rows.jsonl': `${JSON.stringify({ id: BB.id, name: 'what the dump says', response: fence(ACCEPT_ALL) })}\n` });
        expect((await run([joined])).rows.map((r) => r.name)).toEqual([(BB as unknown as { name: string }).name]);
    });
    test('a text file that starts like a compressed one (a CSV whose first column is BZh) is still read as text', async () => {
        const q = (t: string) => `"${t.replaceAll('"', '""')}"`;
        const dir = folder({ 'r.csv': `BZh,response,ground_truth\n1,${q(fence(BB_GOOD))},${q(JSON.stringify(BB.ground_truth))}\n` });
        const { rows, issues } = await run([dir]);
        expect(issues).toEqual([]);
        expect(rows.map((r) => r.all_pass)).toEqual([1]);
    });
    test('rows of a layout no reader knows (a DPO file): the issue gives the row\'s keys and the formats delta reads', async () => {
        const dir = folder({ 'pairs.jsonl': `${JSON.stringify({ prompt: 'p', chosen: 'a', rejected: 'b' })}\n` });
        const { issues } = await run([dir]);
        expect(issues).toEqual([`${join(dir, 'pairs.jsonl')}:1: no response field (expected one of response, completion, output, decoded_response, messages); its keys are prompt, chosen, rejected; delta reads open-instruct-traces, open-instruct-rollouts, eval-code, verl, trl, wandb-table, jsonl, json, csv, parquet (docs/rollouts.md, "Formats")`]);
    });
});

describe('a whole run folder', () => {
    test('the files trainers write beside their dumps (checkpoint, tokenizer, trainer state, eval_code and W&B summaries) are passed over, not issues', async () => {
        const verl = JSON.stringify({ input: user(BB), output: fence(BB_GOOD), gts: JSON.stringify(BB.ground_truth), score: 1.0, step: 3 });
        const dir = folder({
            'rollout/3.jsonl': `${verl}\n`,
            'checkpoint-3/config.json': '{"architectures": ["Qwen2ForCausalLM"]}', 'checkpoint-3/generation_config.json': '{"eos_token_id": 1}',
            'checkpoint-3/tokenizer.json': '{"version": "1.0", "model": {}}', 'checkpoint-3/tokenizer_config.json': '{}', 'checkpoint-3/special_tokens_map.json': '{}',
            'checkpoint-3/trainer_state.json': '{"log_history": []}', 'eval/combined_summary.json': '{"num_runs": 2}',
            'eval/x/aggregated_metrics.json': '{}', 'eval/x/run_0_summary.csv': '"dataset","avg_score"\n"OVERALL","0.5"\n',
            'wandb/run-1/files/wandb-summary.json': '{"_step": 3}', 'wandb/run-1/files/wandb-metadata.json': '{"os": "Linux"}',
        });
        const { rows, issues } = await run([dir]);
        expect(issues).toEqual([]);
        expect(rows.map((r) => [r.source, r.all_pass])).toEqual([[join(dir, 'rollout/3.jsonl:1'), 1]]);
    });
    test('the editor opens such a folder as its one run of dumps, not also as a run of checkpoint files', () => {
        const dir = folder({ 'completions/completions_00003.parquet': 'PAR1', 'checkpoint-3/config.json': '{}', 'checkpoint-3/tokenizer.json': '{}', 'checkpoint-3/trainer_state.json': '{}' });
        expect(runsIn(dir)).toEqual([join(dir, 'completions')]);
    });
});

describe('a DataFrame saved with pandas to_json', () => {
    test('JSON Lines under a .json name (Hugging Face datasets\' to_json, pandas to_json(lines=True)) are read line by line', async () => {
        const lines = ROLLOUTS.map((r, i) => JSON.stringify({ prompt: user(r.p), response: r.response, score: i === 0 ? 'NaN' : r.pass }).replace('"NaN"', 'NaN'));
        const dir = folder({ 'rollouts.json': `${lines.join('\n')}\n` });
        const { rows, issues } = await run([dir]);
        expect(issues).toEqual([]);
        expect(rows.map((r) => [r.source, r.id, r.all_pass, r.logged_score])).toEqual([
            [`${join(dir, 'rollouts.json')}:1`, BB.id, 1, undefined], [`${join(dir, 'rollouts.json')}:2`, BB.id, 0, 0], [`${join(dir, 'rollouts.json')}:3`, RYY.id, 0, 0],
        ]);
    });
    test('every orient pandas writes a frame in (columns, its default; index; table; split; records) is read as its rows', async () => {
        const frame = ROLLOUTS.map((r) => ({ prompt: user(r.p), response: r.response, score: r.pass }));
        const columns = Object.fromEntries(['prompt', 'response', 'score'].map((c) => [c, Object.fromEntries(frame.map((row, i) => [String(i), row[c as keyof typeof row]]))]));
        const dir = folder({
            'columns.json': JSON.stringify(columns),
            'index.json': JSON.stringify(Object.fromEntries(frame.map((row, i) => [String(i), row]))),
            'records.json': JSON.stringify(frame),
            'split.json': JSON.stringify({ columns: ['prompt', 'response', 'score'], index: [0, 1, 2], data: frame.map((row) => Object.values(row)) }),
            'table.json': JSON.stringify({ schema: { fields: [{ name: 'index', type: 'integer' }], primaryKey: ['index'], pandas_version: '1.4.0' }, data: frame.map((row, i) => ({ index: i, ...row })) }),
        });
        const { rows, issues } = await run([dir]);
        expect(issues).toEqual([]);
        const want = [[BB.id, 1, 1], [BB.id, 0, 0], [RYY.id, 0, 0]];
        expect(rows.map((r) => [r.id, r.all_pass, r.logged_score])).toEqual([...want, ...want, ...want, ...want, ...want]);
    });
});
