// The built `delta` CLI (npm test builds it first): exit codes, line-numbered errors, exact bodies.
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { readJson } from '../helpers/fixtures.js';

const delta = (args: string[], input = '') => spawnSync(process.execPath, ['out/cli.cjs', ...args], { input, encoding: 'utf8' });
interface ApiCase { label: string; path: string; request: unknown; status: number; response: unknown }

describe('delta verify', () => {
    test('prints the reference body for every 200 fixture request, one line each', () => {
        const cases = readJson<ApiCase[]>('manufactoria/api_cases.json').filter((c) => c.path === '/test_solution' && c.status === 200);
        const result = delta(['verify', '-'], cases.map((c) => JSON.stringify(c.request)).join('\n') + '\n');
        expect(result.status).toBe(0);
        expect(result.stdout).toBe(cases.map((c) => `${JSON.stringify(c.response)}\n`).join(''));
    });
    test('a malformed line names its line and what is wrong; the others are answered', () => {
        const good = JSON.stringify({ dsl: 'START start:\n    NEXT end\nEND end', test_cases: [{ input: '' }] });
        const result = delta(['verify'], `${good}\n{not json\n{"dsl": "x"}\n${good}\n`);
        const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
        expect(result.status).toBe(1);
        expect(lines).toHaveLength(4);
        expect(lines[0].valid).toBe(true);
        expect(lines[1].error).toMatch(/^2: invalid JSON/);
        expect(lines[2]).toEqual({ error: '3: test_cases: Field required' });
        expect(lines[3].valid).toBe(true);
    });
});

describe('delta check / run', () => {
    test('check prints OK or the first reference error', () => {
        expect(delta(['check', '-'], 'START start:\n    NEXT end\nEND end')).toMatchObject({ status: 0, stdout: 'OK\n' });
        expect(delta(['check', '-'], '\n\nSTART begin:\n    NEXT end\nEND end')).toMatchObject({ status: 1, stdout: "Line 1: START node must have ID 'start'\n" });
    });
    test('run prints outcome, final tape and path', () => {
        const result = delta(['run', '-', '--input', 'RB'], 'START start:\n    NEXT a\nPAINTER_RED a:\n    NEXT end\nEND end');
        expect(result.status).toBe(0);
        expect(result.stdout).toBe('accepted\nfinal tape: "RBR"\npath (3): start -> a -> end\n');
        const json = delta(['run', '-', '--input', '', '--json'], 'START start:\n    NEXT NONE\nEND end');
        expect(json.status).toBe(1);
        expect(JSON.parse(json.stdout)).toEqual({ finished: false, final_tape: '', path: ['start', 'NONE'], rejection_reason: 'Routed to NONE' });
    });
    test('usage errors exit 2', () => {
        expect(delta(['run', '-']).status).toBe(2);
        expect(delta(['nope']).status).toBe(2);
        expect(delta(['check', 'missing-file.manufactoria']).status).toBe(2);
    });
});
