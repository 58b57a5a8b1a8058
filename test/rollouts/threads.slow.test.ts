// `delta rollouts` on worker threads (cli/rollouts/pool.ts) gives what one thread gives, byte for
// byte: the same stdout (score lines in input order, summaries, GRPO groups), the same issues on
// stderr in the same places, the same exit code; with and without the verdict memo. Small blocks
// (--chunk-bytes) put many block edges, bad lines and over-long lines between threads.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { statSync } from 'node:fs';
import { scoreOnThreads } from '../../cli/rollouts/pool.js';
import { beforeAll, describe, expect, test } from 'vitest';
// @ts-expect-error: a plain .mjs script shared with the bench
import { generateRollouts } from '../../scripts/bench/gen-rollouts.mjs';

const dir = mkdtempSync(join(tmpdir(), 'rollouts-threads-'));
const generated = join(dir, 'rollouts.jsonl');
const FIXTURES = 'test/fixtures/rollouts';
const FIXTURE_ARGS = ['--problems', `${FIXTURES}/problems.jsonl`, '--tokenizer', `${FIXTURES}/tokenizer/tokenizer.json`];

function delta(args: string[]) {
    const r = spawnSync(process.execPath, ['out/cli.cjs', 'rollouts', ...args, '-q'], { encoding: 'utf8', maxBuffer: 1 << 30 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
    const rows = (generateRollouts(2000, 5) as unknown[]).map((r) => JSON.stringify(r));
    // Bad lines among the good ones: invalid JSON, a non-object, blank lines, CRLF, an over-long line.
    rows.splice(10, 0, '{"response": ');
    rows.splice(500, 0, '[1, 2]', '', '   ');
    rows[700] = `${rows[700]}\r`;
    rows.splice(1200, 0, JSON.stringify({ response: 'x'.repeat(300_000), ground_truth: [] }));
    rows.splice(1900, 0, JSON.stringify({ response: 'no label at all' }));
    writeFileSync(generated, `\ufeff${rows.join('\n')}`);
}, 120_000);

// Each test starts several CLI runs over a few MB; on a loaded machine that takes minutes.
describe('delta rollouts on worker threads', { timeout: 600_000 }, () => {
    test('score: the same lines, issues and exit code as one thread', () => {
        // The reference: one thread, every verdict computed afresh (no memo).
        const one = delta(['score', generated, '--jobs', '1', '--no-memo', '--max-line-bytes', '200000']);
        expect(one.stdout.split('\n').length).toBeGreaterThan(1900);
        expect(one.stderr).toMatch(/rollouts\.jsonl:11: invalid JSON/);
        expect(one.stderr).toMatch(/line of \d+ bytes is longer than the limit of 200000 bytes/);
        for (const jobs of ['2', '3']) {
            const many = delta(['score', generated, '--jobs', jobs, '--chunk-bytes', '65536', '--max-line-bytes', '200000']);
            expect(many.stdout).toBe(one.stdout);
            expect(many.stderr).toBe(one.stderr);
            expect(many.status).toBe(one.status);
        }
        for (const args of [['--jobs', '2', '--no-memo'], ['--jobs', '1']]) {
            const other = delta(['score', generated, ...args, '--chunk-bytes', '100000', '--max-line-bytes', '200000']);
            expect(other.stdout).toBe(one.stdout);
            expect(other.stderr).toBe(one.stderr);
        }
    });

    test('summary and GRPO groups: the same as one thread', () => {
        for (const by of ['problem', 'step', 'problem,step']) {
            const one = delta(['summary', generated, '--by', by, '--json', '--jobs', '1']);
            const many = delta(['summary', generated, '--by', by, '--json', '--jobs', '2', '--chunk-bytes', '50000']);
            expect(many.stdout).toBe(one.stdout);
            expect(many.stderr).toBe(one.stderr);
        }
        const one = delta(['summary', generated, '--grpo', '--jobs', '1']);
        expect(delta(['summary', generated, '--grpo', '--jobs', '2', '--chunk-bytes', '50000']).stdout).toBe(one.stdout);
    });

    test('every fixture format at once (files scored here between blocks scored by workers): the same as one thread', () => {
        const one = delta(['score', FIXTURES, ...FIXTURE_ARGS, '--jobs', '1']);
        expect(one.stdout.split('\n').length).toBeGreaterThan(30);
        const many = delta(['score', FIXTURES, ...FIXTURE_ARGS, '--jobs', '2', '--chunk-bytes', '1000']);
        expect(many.stdout).toBe(one.stdout);
        expect(many.stderr).toBe(one.stderr);
        expect(many.status).toBe(one.status);
    });

    test('--stats names the threads and the verdict memo', () => {
        const r = spawnSync(process.execPath, ['out/cli.cjs', 'rollouts', 'summary', generated, '--jobs', '2', '--stats', '--memo', '-q'], { encoding: 'utf8' });
        expect(r.stderr).toMatch(/^rollouts: 2001 scored in [\d.]+ s \(\d+\/s\) on 2 threads \(1 worker and the main thread\); verdict memo \d+ hits of \d+ lookups \([\d.]+ %\)$/m);
        const off = spawnSync(process.execPath, ['out/cli.cjs', 'rollouts', 'summary', generated, '--jobs', '1', '--stats', '--no-memo', '-q'], { encoding: 'utf8' });
        expect(off.stderr).toMatch(/^rollouts: 2001 scored in [\d.]+ s \(\d+\/s\) on the main thread; verdict memo off$/m);
        const oneThread = spawnSync(process.execPath, ['out/cli.cjs', 'rollouts', 'summary', generated, '--jobs', '1', '--memo', '--json', '-q'], { encoding: 'utf8' });
        const plain = spawnSync(process.execPath, ['out/cli.cjs', 'rollouts', 'summary', generated, '--jobs', '1', '--json', '-q'], { encoding: 'utf8' });
        expect(oneThread.stdout).toBe(plain.stdout);
    });

    test('progress counts the bytes of every block, though the bytes went to a worker', async () => {
        for (const [threads, scoreHere] of [[2, false], [1, true], [0, true]] as const) {
            const seen: number[] = [];
            const items = scoreOnThreads([generated], { maxLineBytes: 200_000, onProgress: (p) => seen.push(p.bytesRead) },
                { threads, scoreHere, workerFile: resolve('out/rollouts-score-worker.cjs'), output: 'json', memo: false, blockBytes: 65_536 });
            for await (const _ of items) { /* drain */ }
            expect(seen.length).toBeGreaterThan(10);
            expect(seen.every((b, i) => i === 0 || b > seen[i - 1])).toBe(true);
            expect(seen.at(-1)).toBe(statSync(generated).size);
        }
    });

    test('the main thread scores blocks beside the workers, and alone: the same lines as one thread', async () => {
        const one = delta(['score', generated, '--jobs', '1', '--no-memo', '--max-line-bytes', '200000']);
        const lines = async (threads: number, memo: boolean) => {
            let text = '';
            for await (const item of scoreOnThreads([generated], { maxLineBytes: 200_000 },
                { threads, scoreHere: true, workerFile: resolve('out/rollouts-score-worker.cjs'), output: 'json', memo, blockBytes: 30_000 })) {
                if ('text' in item) text += item.text;
            }
            return text;
        };
        expect(await lines(0, false)).toBe(one.stdout);
        expect(await lines(1, true)).toBe(one.stdout);
    });
});
