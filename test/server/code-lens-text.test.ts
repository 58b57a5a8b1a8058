// The summary lens's title and hover for runs that did not score: the message is cut like every
// other lens title (a parse error quotes the whole offending line, which can be megabytes long),
// with the scores still in view; the hover holds the message (bounded too).
import { describe, expect, test } from 'vitest';
import { summary, summaryTooltip } from '../../server/solution-tests/code-lens-provider.js';
import type { RunTestsResult } from '../../server/protocol.js';

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
