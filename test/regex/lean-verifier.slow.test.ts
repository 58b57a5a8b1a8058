// The lean Python baseline (scripts/bench/lean_verifier.py) must print exactly what the reference server
// answers: checked against the reference fixtures by running it once per fixture file under python3.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const LEAN = 'scripts/bench/lean_verifier.py';
const fixture = (name: string): string => readFileSync(new URL(`../fixtures/manufactoria/${name}`, import.meta.url), 'utf8');
const jsonLines = <T>(text: string): T[] => text.trim().split('\n').map((line) => JSON.parse(line) as T);

/** One python3 process per call; python3 is required (the baseline is Python). */
function lean(requests: unknown[]): string[] {
    const run = spawnSync('python3', [LEAN], { input: requests.map((r) => JSON.stringify(r)).join('\n') + '\n', encoding: 'utf8', maxBuffer: 1 << 30 });
    if (run.error || run.status !== 0) throw new Error(`python3 ${LEAN} failed: ${run.error?.message ?? run.stderr}`);
    const lines = run.stdout.split('\n');
    expect(lines.pop()).toBe('');
    return lines;
}

interface ApiCase {
    label: string;
    request: unknown;
    status: number;
    response: unknown;
}

interface RunRecord {
    input: string;
    finished: boolean;
    final_tape: string;
    path: string[];
    path_len?: number;
    rejection_reason: string | null;
}

interface ProgramRecord {
    label?: string;
    dsl: string;
    inputs: string[];
    results?: RunRecord[];
    parse_error?: { message: string };
}

interface LeanResult {
    input: string;
    actual_output: string;
    actual_accepted: boolean;
    path: string[];
    rejection_reason: string | null;
}

describe('lean_verifier.py', () => {
    it('prints the reference body, byte for byte, for every 200 case of api_cases.json', () => {
        const cases = (JSON.parse(fixture('api_cases.json')) as ApiCase[]).filter((c) => c.status === 200 && c.request !== null);
        expect(cases.length).toBe(8);
        const out = lean(cases.map((c) => c.request));
        cases.forEach((c, i) => expect(out[i], c.label).toBe(JSON.stringify(c.response)));
    });

    it('answers the 422 cases of api_cases.json with the same detail', () => {
        const cases = (JSON.parse(fixture('api_cases.json')) as ApiCase[]).filter((c) => c.status === 422);
        const out = lean(cases.map((c) => c.request));
        cases.forEach((c, i) => expect(JSON.parse(out[i]), c.label).toEqual(c.response));
    });

    it.each(['edge_cases.jsonl', 'random_programs.jsonl'])('reproduces every parse error and run of %s', (file) => {
        const records = jsonLines<ProgramRecord>(fixture(file));
        const out = lean(records.map((r) => ({ dsl: r.dsl, test_cases: r.inputs.map((input) => ({ input, check_output: false })) })));
        records.forEach((record, i) => {
            const body = JSON.parse(out[i]) as { valid: boolean; message?: string; results: LeanResult[] };
            const label = record.label ?? record.dsl.slice(0, 40);
            if (record.parse_error) {
                expect(body.message, label).toBe(`DSL Parse Error: ${record.parse_error.message}`);
                return;
            }
            record.results!.forEach((want, j) => {
                const got = body.results[j];
                expect([got.input, got.actual_accepted, got.actual_output, got.rejection_reason], label).toEqual([want.input, want.finished, want.final_tape, want.rejection_reason]);
                expectPath(got.path, want, label);
            });
        });
    });

    it('is deterministic on generated requests and answers each line', () => {
        const generate = (): string => execFileSync(process.execPath, ['scripts/bench/gen-requests.mjs', '--count', '200', '--seed', '3'], { encoding: 'utf8' });
        const requests = generate();
        expect(generate()).toBe(requests);
        const out = lean(jsonLines(requests));
        expect(out).toHaveLength(200);
        const bodies = out.map((line) => JSON.parse(line) as { valid: boolean; message?: string });
        expect(bodies.some((b) => b.valid)).toBe(true);
        expect(bodies.some((b) => !b.valid && b.message?.startsWith('DSL Parse Error: '))).toBe(true);
    });
});

/** Fixture paths longer than 9 entries keep only the first and last five around "..." (spec §14.1). */
function expectPath(path: string[], want: RunRecord, label: string): void {
    const ellipsis = want.path.indexOf('...');
    if (ellipsis < 0) {
        expect(path, label).toEqual(want.path);
        return;
    }
    expect(path.length, label).toBe(want.path_len);
    expect(path.slice(0, ellipsis), label).toEqual(want.path.slice(0, ellipsis));
    const tail = want.path.slice(ellipsis + 1);
    expect(path.slice(path.length - tail.length), label).toEqual(tail);
}
