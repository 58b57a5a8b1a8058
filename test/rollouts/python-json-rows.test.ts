// Rows Python's json.dumps wrote with NaN / Infinity (a float nan or inf score or metric): read as
// Python reads them, not lost as invalid JSON (language/python/json-loads.ts jsonParseAsPython).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonParseAsPython } from '../../language/python/json-loads.js';
import { readRollouts } from '../../language/rollouts/readers/index.js';

describe('jsonParseAsPython', () => {
    it('reads NaN and ±Infinity as Python does, keys as JSON.parse makes them', () => {
        const value = jsonParseAsPython('{"a": NaN, "b": [Infinity, -Infinity, 1.5, 7], "__proto__": {"x": 1}, "a": 2}') as Record<string, unknown>;
        expect(value.a).toBe(2);
        expect(value.b).toEqual([Infinity, -Infinity, 1.5, 7]);
        expect(Object.keys(value)).toEqual(['a', 'b', '__proto__']);
        expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
        expect(jsonParseAsPython('{"s": NaN}')).toEqual({ s: NaN });
    });
    it('gives JSON.parse its own error for anything else', () => {
        expect(() => jsonParseAsPython('{"s": NaNx}')).toThrow(SyntaxError);
        expect(() => jsonParseAsPython('{"s": nan}')).toThrow(SyntaxError);
        expect(() => jsonParseAsPython('{"s": }')).toThrow(SyntaxError);
    });
});

describe('a dump row with a NaN score', () => {
    it('is scored without a logged score instead of being an invalid-JSON issue', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'rollouts-nan-'));
        const file = join(dir, 'nan.jsonl');
        const row = '{"response": "START start:\\n    NEXT end\\nEND end", "ground_truth": [{"input": "R"}], "score": NaN, "advantage": -Infinity}';
        writeFileSync(file, `${row}\n${row.replace('NaN', '1.0')}\n`);
        const items = [];
        for await (const item of readRollouts([file])) items.push(item);
        expect(items.map((i) => ('issue' in i ? i.issue.message : i.source))).toEqual([`${file}:1`, `${file}:2`]);
        expect(items.map((i) => ('issue' in i ? undefined : i.loggedScore))).toEqual([undefined, 1]);
    });
});

describe('open-instruct dumps with a NaN reward', () => {
    // The fixture tokenizer maps each byte to the id of its value (test/fixtures/rollouts/make-fixtures.mjs).
    const tokenizer = join(__dirname, '../fixtures/rollouts/tokenizer/tokenizer.json');
    const ids = (text: string) => [...Buffer.from(text, 'utf8')];
    const program = 'START start:\n    NEXT end\nEND end';
    async function read(file: string) {
        const items = [];
        for await (const item of readRollouts([file], { tokenizer })) items.push(item);
        return items.map((i) => ('issue' in i ? i.issue.message : { source: i.source, logged: i.loggedScore }));
    }
    it('a rollout shard row keeps its rollout, without a logged score', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'rollouts-nan-'));
        const file = join(dir, 'run_rollouts_000000.jsonl');
        const row = (reward: string) => `{"step": 1, "sample_idx": 0, "prompt_idx": 0, "prompt_tokens": [80], "response_tokens": ${JSON.stringify(ids(program))}, "reward": ${reward}, "advantage": NaN, "finish_reason": "stop", "dataset": "manufactoria", "ground_truth": [{"input": "R"}], "logprobs": [-Infinity]}`;
        writeFileSync(file, `${row('NaN')}\n${row('10.0')}\n`);
        expect(await read(file)).toEqual([{ source: `${file}:1`, logged: undefined }, { source: `${file}:2`, logged: 10 }]);
    });
    it('a traces line keeps every rollout, the NaN one without a logged score', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'rollouts-nan-'));
        const file = join(dir, 'traces_run.jsonl');
        writeFileSync(file, `{"scores": [NaN, 10.0], "finish_reasons": ["stop", "stop"], "responses": ${JSON.stringify([ids(program), ids(program)])}, "training_step": 2, "ground_truths": [[{"input": "R"}], [{"input": "R"}]]}\n`);
        expect(await read(file)).toEqual([{ source: `${file}:1[0]`, logged: undefined }, { source: `${file}:1[1]`, logged: 10 }]);
    });
});
