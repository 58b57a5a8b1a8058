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
