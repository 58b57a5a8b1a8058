// The summary lens's title and hover for runs that did not score: the message is cut like every
// other lens title (a parse error quotes the whole offending line, which can be megabytes long),
// with the scores still in view; the hover holds the message (bounded too).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI } from 'langium';
import { parseDocument } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { summary, summaryTooltip } from '../../server/solution-tests/code-lens-provider.js';
import type { RunTestsResult } from '../../server/protocol.js';
import { fixturePath } from '../helpers/fixtures.js';
import { Manufactoria } from './lsp-helpers.js';

const base = { uri: 'file:///x', version: 1, outcomes: [], passed: 0, total: 1, pass_rate: 0, all_pass: 0 as const, durationMs: 1 };

describe('summary lens of a run that did not score', () => {
    test('a parse error quoting a 1 MB line: a short title ending in the scores', () => {
        const message = `DSL Parse Error: Line 2: Invalid node declaration: ${'x'.repeat(1_000_000)}`;
        const result: RunTestsResult = { ...base, state: 'invalid', message };
        const title = summary(result);
        expect(title.length).toBeLessThan(130);
        expect(title).toMatch(/^✗ DSL Parse Error: Line 2: Invalid node declaration: x+… · pass_rate 0\.0 · all_pass 0$/);
        expect(summaryTooltip(result)!.length).toBeLessThanOrEqual(2001);
        expect(summaryTooltip(result)!.startsWith(message.slice(0, 2000))).toBe(true);
    });

    test('short messages are whole; a long error is cut, the hover has it', () => {
        expect(summary({ ...base, state: 'invalid', message: "DSL Parse Error: Line 2: START node must have ID 'start'" })).toBe("✗ DSL Parse Error: Line 2: START node must have ID 'start' · pass_rate 0.0 · all_pass 0");
        const stopped = 'Stopped after 10000 ms: the run did not finish (an expected output that is a pathological regex can backtrack for very long). Raise manufactoria.tests.timeout to wait longer.';
        const error: RunTestsResult = { ...base, state: 'error', message: stopped };
        expect(summary(error)).toBe(`⚠ ${stopped.slice(0, 89)}…`);
        expect(summaryTooltip(error)).toBe(stopped);
    });
});

describe('a run without tests', () => {
    test('bound to a problem whose row lists no test cases: a warning on the directive; the run says so, not "bind a problem"', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'no-cases-'));
        const row = JSON.parse(readFileSync(fixturePath('manufactoria/problems_sample.jsonl'), 'utf8').split('\n')[0]);
        writeFileSync(join(dir, 'p.jsonl'), `${JSON.stringify({ ...row, test_cases: [] })}\n`);
        const uri = URI.file(join(dir, 's.manufactoria')).toString();
        const document = await parseDocument(Manufactoria, '# problem: p.jsonl#0\nSTART start:\n    NEXT end\nEND end\n', { documentUri: uri, validation: true });
        expect((document.diagnostics ?? []).filter((d) => d.code === 'problem-without-tests').map((d) => [d.range.start.line, d.message])).toEqual([
            [0, "The problem 'Starts with BB' has no test cases: only this file's # test: lines run (training scores a problem without test cases 0)"],
        ]);
        const result = await Manufactoria.tests.Solutions.run(uri);
        expect(result).toMatchObject({ state: 'no-tests', total: 0 });
        expect(summary(result)).toBe("No tests: the problem 'Starts with BB' has no test cases (add # test: lines)");
    });
});
