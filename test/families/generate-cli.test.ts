// `delta generate` through its CommandModule: output, determinism, --out, usage errors.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generate } from '../../cli/commands/generate.js';
import { runCaptured } from '../helpers/capture-output.js';
import { HF_ROW_KEYS, PROBLEM_ROW_KEYS } from '../../language/dataset/problems/rows.js';

const run = (args: string[]) => runCaptured(generate, args);

const BASE = ['--family', 'contains_count', '--level', 'easy', '--colors', 'four', '--count', '3', '--seed', '9', '--created-at', '2026-01-02T03:04:05.000006'];

describe('delta generate', () => {
    afterEach(() => vi.restoreAllMocks());

    it('writes N problem rows as JSON Lines in §9.1 key order', async () => {
        const { code, stdout } = await run(BASE);
        expect(code).toBe(0);
        const lines = stdout.trimEnd().split('\n');
        expect(lines).toHaveLength(3);
        const rows = lines.map((l) => JSON.parse(l));
        expect(Object.keys(rows[0])).toEqual([...PROBLEM_ROW_KEYS]);
        expect(rows.map((r) => r.name)).toEqual(['At least 1 R', 'At least 2 Rs', 'At least 3 Rs']);
        expect(rows[0].created_at).toBe('2026-01-02T03:04:05.000006');
        expect(lines[0]).toContain('", "'); // Python json.dumps separators
    });

    it('is byte-identical for the same seed and creation time', async () => {
        expect((await run(BASE)).stdout).toBe((await run(BASE)).stdout);
    });

    it('--format hf gives the seven columns; --out writes the file instead of stdout', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'delta-gen-'));
        const file = join(dir, 'rows.jsonl');
        const { code, stdout } = await run([...BASE, '--format', 'hf', '--out', file]);
        expect(code).toBe(0);
        expect(stdout).toBe('');
        const rows = readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
        expect(rows).toHaveLength(3);
        expect(Object.keys(rows[0])).toEqual([...HF_ROW_KEYS]);
        expect(rows[0].messages[0].content.endsWith('following functionality:\n\nAccept if the tape has at least 1 r; reject otherwise.')).toBe(true);
    });

    it('unknown family → exit 2 with the valid families listed', async () => {
        const { code, stderr } = await run(['--family', 'nope', '--level', 'easy', '--colors', 'two', '--count', '1', '--seed', '1']);
        expect(code).toBe(2);
        expect(stderr).toContain("unknown family 'nope'");
        expect(stderr).toContain('starts_with, ends_with, exact_sequence');
        expect(stderr).toContain('regex_same_num');
    });

    it('unknown level, colours, count or missing options → exit 2', async () => {
        const bad = [
            ['--family', 'ends_with', '--level', 'expert', '--colors', 'two', '--count', '1', '--seed', '1'],
            ['--family', 'ends_with', '--level', 'easy', '--colors', 'three', '--count', '1', '--seed', '1'],
            ['--family', 'ends_with', '--level', 'easy', '--colors', 'two', '--count', '0', '--seed', '1'],
            ['--family', 'ends_with', '--level', 'easy', '--colors', 'two', '--count', '1'],
            ['--family', 'ends_with', '--bogus'],
        ];
        for (const args of bad) expect((await run(args)).code, args.join(' ')).toBe(2);
        expect((await run(bad[0])).stderr).toContain('valid levels: basic, easy, medium, hard');
    });

    it('caps the count at the family size with a note', async () => {
        const { code, stdout, stderr } = await run(['--family', 'numerical_operations', '--level', 'easy', '--colors', 'two', '--count', '50', '--seed', '1']);
        expect(code).toBe(0);
        expect(stdout.trimEnd().split('\n')).toHaveLength(7);
        expect(stderr).toContain('writing 7');
    });
});
