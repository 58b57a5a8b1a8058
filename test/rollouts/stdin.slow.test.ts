// `-` reads the dump from standard input (cli/rollouts/options.ts inputPaths): the same rows and
// scores as the file itself, named /dev/stdin:N.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const FILE = 'test/fixtures/rollouts/verl/12.jsonl';

function delta(args: string[], input?: string) {
    return spawnSync(process.execPath, ['out/cli.cjs', 'rollouts', ...args], { encoding: 'utf8', input });
}

describe('delta rollouts -', () => {
    it('scores standard input as it scores the file', () => {
        const fromFile = delta(['score', FILE, '--step', '12', '-q']);
        const fromStdin = delta(['score', '-', '--step', '12', '-q'], readFileSync(FILE, 'utf8'));
        expect(fromStdin.status).toBe(fromFile.status);
        expect(fromStdin.stdout.trim().split('\n').length).toBeGreaterThan(1);
        expect(fromStdin.stdout).toBe(fromFile.stdout.replaceAll(`"source":"${FILE}:`, '"source":"/dev/stdin:'));
    });
    it('summarises it too', () => {
        const fromFile = delta(['summary', FILE, '--step', '12', '--by', 'problem', '--json', '-q']);
        const fromStdin = delta(['summary', '-', '--step', '12', '--by', 'problem', '--json', '-q'], readFileSync(FILE, 'utf8'));
        expect(fromStdin.stdout).toBe(fromFile.stdout);
        expect(fromStdin.stdout.length).toBeGreaterThan(10);
    });
});
