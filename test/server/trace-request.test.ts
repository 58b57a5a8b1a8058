// The trace request (manufactoria/trace) in-process: the trace of a test whose pass check did not
// finish in the worker's time limit says so, instead of a bare ✗ with no reason.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI } from 'langium';
import { parseDocument } from 'langium/test';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { Manufactoria } from './lsp-helpers.js';

const PROGRAM = '# test: RR => (R*)*B\n# test: R => RR\nSTART start:\n    NEXT p\nPAINTER_RED p:\n    NEXT end\nEND end\n';

describe('trace of an inline test', () => {
    afterEach(() => vi.restoreAllMocks());

    const open = async () => {
        const uri = URI.file(join(mkdtempSync(join(tmpdir(), 'trace-')), 's.manufactoria')).toString();
        await parseDocument(Manufactoria, PROGRAM, { documentUri: uri });
        return uri;
    };

    test('passed and failed checks: the verdict and the failure text of the lenses', async () => {
        const uri = await open();
        const failed = await Manufactoria.tests.Solutions.trace(uri, 'l1');
        expect(failed).toMatchObject({ passed: false, finished: true, finalTape: 'RRR', failure: 'expected output (R*)*B, got RRR' });
        expect(failed.steps.map((s) => s.node)).toEqual(['start', 'p', 'end']);
        const passed = await Manufactoria.tests.Solutions.trace(uri, 'l2');
        expect(passed).toMatchObject({ passed: true, finalTape: 'RR' });
        expect(passed.failure).toBeUndefined();
    });

    test('a trace whose tapes are too large to send says so (a 1 MB tape looped over 1,000 steps failed with "Invalid string length")', async () => {
        const uri = URI.file(join(mkdtempSync(join(tmpdir(), 'trace-')), 's.manufactoria')).toString();
        const loop = 'START start:\n    NEXT a\nPULLER_RB a:\n    [R] a\n    [B] end\nEND end\n';
        await parseDocument(Manufactoria, `# test: ${'R'.repeat(5_000)}B -> accept\n# test: ${'R'.repeat(1_000_000)} -> accept\n${loop}`, { documentUri: uri });
        // 5,000 symbols before and after each of 1,000 steps: ~10 M in all, under the limit.
        const small = await Manufactoria.tests.Solutions.trace(uri, 'l1');
        expect(small.error).toBeUndefined();
        expect(small.steps).toHaveLength(1000);
        const big = await Manufactoria.tests.Solutions.trace(uri, 'l2');
        expect(big.error).toMatch(/^the trace is too large to show: its 1000 steps hold 1999\d{6} tape symbols in all \(at most 20000000\)/);
        expect(big.steps).toEqual([]);
    });

    test('a check stopped by the time limit: the trace says it was not checked', async () => {
        const uri = await open();
        const stopped = 'Stopped after 100 ms: the run did not finish';
        vi.spyOn(Manufactoria.tests.Runner, 'run').mockResolvedValue({ state: 'error', message: stopped });
        const trace = await Manufactoria.tests.Solutions.trace(uri, 'l1');
        expect(trace).toMatchObject({ passed: false, finished: true, failure: `not checked: ${stopped}` });
        expect(trace.steps).toHaveLength(3);
    });
});

describe('where a failing run ended', () => {
    test('routed to NONE while a node is named NONE: the node that routed there, not the NONE node (which never runs)', async () => {
        const text = '# test: R -> accept\nSTART start:\n    NEXT p\nPULLER_RB p:\n    [B] end\n    [R] NONE\nPAINTER_RED NONE:\n    NEXT end\nEND end\n';
        const uri = URI.file(join(mkdtempSync(join(tmpdir(), 'none-')), 's.manufactoria')).toString();
        await parseDocument(Manufactoria, text, { documentUri: uri });
        const result = await Manufactoria.tests.Solutions.run(uri);
        expect(result.outcomes[0]).toMatchObject({ passed: false, path: ['start', 'p', 'NONE'], rejection_reason: 'Routed to NONE', endNode: 'p', endRange: { start: { line: 3 } } });
    });
});
