// `delta test`, its command run in-process: per-test lines, both scores, --json, --problem, exit
// codes. (test/language/cli.slow.test.ts runs the built CLI as a process.)
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { test as deltaTest } from '../../cli/commands/test.js';
import { captureOutput } from '../helpers/capture-output.js';
import { fixturePath } from '../helpers/fixtures.js';

const output = captureOutput();

/** `delta test ARGS` in `cwd` (paths in messages are as given, relative ones to `cwd`). */
async function delta(args: string[], cwd = process.cwd()): Promise<{ status: number; stdout: string; stderr: string }> {
    const home = process.cwd();
    process.chdir(cwd);
    output.stdout = output.stderr = '';
    try {
        const status = await deltaTest.main(args.slice(1));
        return { status, stdout: output.stdout, stderr: output.stderr };
    } finally {
        process.chdir(home);
    }
}
const PROGRAM = 'START start:\n    NEXT a\n\nPULLER_RB a:\n    [B] end\n    [R] NONE\n    [EMPTY] NONE\n\nEND end\n';

function workspace(solution: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'delta-test-'));
    copyFileSync(fixturePath('manufactoria/problems_sample.jsonl'), join(dir, 'problems.jsonl'));
    writeFileSync(join(dir, 'sol.manufactoria'), solution);
    return dir;
}

describe('delta test', () => {
    test('the directive binds the problem; failures name expected and actual; exit 1 when not all pass', async () => {
        const dir = workspace(`# problem: problems.jsonl#Starts with BB\n# test: B => B\n${PROGRAM}`);
        const result = await delta(['test', join(dir, 'sol.manufactoria')]);
        expect(result.status).toBe(1);
        const lines = result.stdout.trimEnd().split('\n');
        expect(lines[0]).toBe('Starts with BB (ab0c1681-c8f8-e3d0-d329-0a4cb5d32b16): Accept if the tape starts with BB; reject otherwise. The input tape carries only red/blue colors.');
        expect(lines).toContain('✗ #5 BRB → reject  expected reject, got accepted');
        expect(lines).toContain('✗ line 2: B ⇒ B  expected output B, got ""');
        expect(lines.at(-1)).toBe('13/16 passed · pass_rate 0.8125 · all_pass 0');
    });

    test('--json prints one object with the verifier API results', async () => {
        const dir = workspace(`# problem: problems.jsonl#Starts with BB\n${PROGRAM}`);
        const result = await delta(['test', 'sol.manufactoria', '--json'], dir);
        const body = JSON.parse(result.stdout);
        expect(Object.keys(body)).toEqual(['passed', 'total', 'pass_rate', 'all_pass', 'results']);
        expect([body.passed, body.total, body.pass_rate, body.all_pass]).toEqual([13, 15, 13 / 15, 0]);
        expect(Object.keys(body.results[0])).toEqual(['input', 'expected_output', 'actual_output', 'expected_accepted', 'actual_accepted', 'check_output', 'passed', 'path', 'rejection_reason', 'description']);
        expect(body.results[4]).toMatchObject({ input: 'BRB', passed: false, actual_accepted: true, path: ['start', 'a', 'end'] });
    });

    test('--problem (relative to the working directory) overrides the directive; all passing exits 0', async () => {
        const dir = workspace(`# problem: nowhere.jsonl\n# test: B -> accept\n${PROGRAM}`);
        const result = await delta(['test', 'sol.manufactoria', '--problem', 'problems.jsonl#0', '--json'], dir);
        expect(JSON.parse(result.stdout)).toMatchObject({ passed: 14, total: 16 });
        const onlyInline = workspace(`# test: B -> accept\n# test: "" -> reject\n${PROGRAM}`);
        const ok = await delta(['test', 'sol.manufactoria'], onlyInline);
        expect([ok.status, ok.stdout]).toEqual([0, '✓ line 1: B → accept  (accepted)\n✓ line 2: "" → reject  (rejected (Routed to NONE))\n2/2 passed · pass_rate 1.0 · all_pass 1\n']);
    });

    test('bad bindings, malformed directives, invalid programs and no tests are reported with file and line', async () => {
        const dir = workspace(`# problem: problems.jsonl#nope\n${PROGRAM}`);
        const unbound = await delta(['test', 'sol.manufactoria'], dir);
        expect([unbound.status, unbound.stderr]).toEqual([2, "delta: sol.manufactoria:1: Problem 'problems.jsonl#nope': no problem with id or name 'nope'\n"]);

        const broken = workspace('# test: B -> maybe\n# test: B -> accept\nSTART begin:\n    NEXT end\nEND end\n');
        const invalid = await delta(['test', 'sol.manufactoria', '--json'], broken);
        expect(invalid.stderr).toBe('sol.manufactoria:1: Expected `accept` or `reject` after `->`, got `maybe`\n');
        expect([invalid.status, JSON.parse(invalid.stdout)]).toEqual([1, { passed: 0, total: 1, pass_rate: 0, all_pass: 0, results: [], message: "DSL Parse Error: Line 3: START node must have ID 'start'" }]);

        const none = await delta(['test', 'sol.manufactoria'], workspace(PROGRAM));
        expect(none.status).toBe(2);
        expect(none.stderr).toMatch(/^delta: sol.manufactoria: no tests/);
    });
});
