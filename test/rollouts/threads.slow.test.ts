// `delta rollouts` on worker threads (cli/rollouts/pool.ts) gives what one thread gives, byte for
// byte: the same stdout (score lines in input order, summaries, GRPO groups), the same issues on
// stderr in the same places, the same exit code; with and without the verdict memo. Small blocks
// (--chunk-bytes) put many block edges, bad lines and over-long lines between threads.
// The threaded runs are the built CLI (its worker bundle); each one-thread reference is the same
// command run in this process (--jobs 1 never starts a worker), once per distinct command.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { rollouts } from '../../cli/commands/rollouts.js';
import { scoreOnThreads } from '../../cli/rollouts/pool.js';
import { runCaptured } from '../helpers/capture-output.js';
import { beforeAll, describe, expect, test } from 'vitest';
// @ts-expect-error: a plain .mjs script shared with the bench
import { generateRollouts } from '../../scripts/bench/gen-rollouts.mjs';

const dir = mkdtempSync(join(tmpdir(), 'rollouts-threads-'));
const generated = join(dir, 'rollouts.jsonl');
const FIXTURES = 'test/fixtures/rollouts';
const FIXTURE_ARGS = ['--problems', `${FIXTURES}/problems.jsonl`, '--tokenizer', `${FIXTURES}/tokenizer/tokenizer.json`];
/**
 * Rows generated; the block sizes below are in proportion (about 5 KB a row, blocks of 7.5–25 KB), so
 * that each run has 90–300 blocks. Every verdict is computed by every run, so rows cost CPU in each of the
 * file's ~20 runs (1,000 rows made it ~16 CPU-s); block edges and bad lines are what the runs compare.
 */
const ROWS = 400;

interface Result { status: number | null; stdout: string; stderr: string }

/** The built CLI in a child process (worker threads need the bundles). */
function delta(args: string[]): Result {
    const r = spawnSync(process.execPath, ['out/cli.cjs', 'rollouts', ...args, '-q'], { encoding: 'utf8', maxBuffer: 1 << 30 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const oneThreadRuns = new Map<string, Promise<Result>>();
/** The same command on one thread, in this process; a command asked again is not run again. */
function oneThread(args: string[]): Promise<Result> {
    if (!args.includes('--jobs')) throw new Error('the reference names --jobs 1');
    const key = JSON.stringify(args);
    let run = oneThreadRuns.get(key);
    if (!run) {
        run = runCaptured(rollouts, [...args, '-q']).then((r) => ({ status: r.code, stdout: r.stdout, stderr: r.stderr }));
        oneThreadRuns.set(key, run);
    }
    return run;
}

beforeAll(() => {
    const rows = (generateRollouts(ROWS, 5) as unknown[]).map((r) => JSON.stringify(r));
    // Bad lines among the good ones: invalid JSON, a non-object, blank lines, CRLF, an over-long line.
    rows.splice(10, 0, '{"response": ');
    rows.splice(100, 0, '[1, 2]', '', '   ');
    rows[140] = `${rows[140]}\r`;
    rows.splice(240, 0, JSON.stringify({ response: 'x'.repeat(300_000), ground_truth: [] }));
    rows.splice(380, 0, JSON.stringify({ response: 'no label at all' }));
    writeFileSync(generated, `\ufeff${rows.join('\n')}`);
}, 120_000);

// Each test starts several CLI runs over a few MB; on a loaded machine that takes minutes.
describe('delta rollouts on worker threads', { timeout: 600_000 }, () => {
    test('score: the same lines, issues and exit code as one thread', async () => {
        // The reference: one thread, every verdict computed afresh (no memo).
        const one = await oneThread(['score', generated, '--jobs', '1', '--no-memo', '--max-line-bytes', '200000']);
        expect(one.stdout.split('\n').length).toBeGreaterThan(ROWS - 5);
        expect(one.stderr).toMatch(/rollouts\.jsonl:11: invalid JSON/);
        expect(one.stderr).toMatch(/line of \d+ bytes is longer than the limit of 200000 bytes/);
        // Two and three threads, with and without the memo.
        for (const args of [['--jobs', '2', '--chunk-bytes', '16384'], ['--jobs', '3', '--no-memo', '--chunk-bytes', '25000']]) {
            const many = delta(['score', generated, ...args, '--max-line-bytes', '200000']);
            expect(many.stdout).toBe(one.stdout);
            expect(many.stderr).toBe(one.stderr);
            expect(many.status).toBe(one.status);
        }
        const memoOneThread = await oneThread(['score', generated, '--jobs', '1', '--chunk-bytes', '25000', '--max-line-bytes', '200000']);
        expect(memoOneThread.stdout).toBe(one.stdout);
        expect(memoOneThread.stderr).toBe(one.stderr);
    });

    test('summary and GRPO groups: the same as one thread', async () => {
        // (--by step folds the same way as these: one key field of the two.)
        for (const by of ['problem', 'problem,step']) {
            const one = await oneThread(['summary', generated, '--by', by, '--json', '--jobs', '1']);
            const many = delta(['summary', generated, '--by', by, '--json', '--jobs', '2', '--chunk-bytes', '12500']);
            expect(many.stdout).toBe(one.stdout);
            expect(many.stderr).toBe(one.stderr);
        }
        const one = await oneThread(['summary', generated, '--grpo', '--jobs', '1']);
        expect(delta(['summary', generated, '--grpo', '--jobs', '2', '--chunk-bytes', '12500']).stdout).toBe(one.stdout);
    });

    test('every fixture format at once (files scored here between blocks scored by workers): the same as one thread', async () => {
        const one = await oneThread(['score', FIXTURES, ...FIXTURE_ARGS, '--jobs', '1']);
        expect(one.stdout.split('\n').length).toBeGreaterThan(30);
        const many = delta(['score', FIXTURES, ...FIXTURE_ARGS, '--jobs', '2', '--chunk-bytes', '1000']);
        expect(many.stdout).toBe(one.stdout);
        expect(many.stderr).toBe(one.stderr);
        expect(many.status).toBe(one.status);
    });

    test('ranges that start at, just after and just before a bad line and an over-long line: the same as one thread', async () => {
        // One file, one threaded run: a bad line and an over-long line each start at a range edge (the
        // '\n' before it is the last byte of a range), one byte after one (that '\n' opens a range) and
        // one byte before one (the edge cuts the line after its first byte). Rows before each are padded
        // with trailing blanks (JSON allows them) to put it there.
        const chunk = 40_000;
        const bad = '{"response": ';
        const long = JSON.stringify({ response: 'x'.repeat(300_000), ground_truth: [] });
        const rows = (generateRollouts(240, 7) as unknown[]).map((r) => JSON.stringify(r));
        let text = '';
        const placed: number[] = [];
        for (const [special, shift] of [bad, long].flatMap((line) => [0, 1, -1].map((d) => [line, d] as const))) {
            // The first edge at least two rows ahead, so padding one row reaches it.
            const at = (Math.ceil((Buffer.byteLength(text) + 12_000) / chunk) * chunk) + shift;
            for (;;) {
                const row = rows.shift()!;
                const gap = at - Buffer.byteLength(text) - Buffer.byteLength(row) - 1;
                if (gap < 0) throw new Error('a row overshoots the edge');
                if (gap < 6_000) {
                    text += `${row}${' '.repeat(gap)}\n`;
                    break;
                }
                text += `${row}\n`;
            }
            placed.push(Buffer.byteLength(text));
            text += `${special}\n`;
        }
        text += rows.join('\n');
        const file = join(dir, 'edges.jsonl');
        writeFileSync(file, text);
        expect(placed.map((at) => at % chunk)).toEqual([0, 1, chunk - 1, 0, 1, chunk - 1]);
        const one = await oneThread(['score', file, '--jobs', '1', '--no-memo', '--max-line-bytes', '200000']);
        expect(one.stderr.match(/invalid JSON/g)).toHaveLength(3);
        expect(one.stderr.match(/longer than the limit/g)).toHaveLength(3);
        const many = delta(['score', file, '--jobs', '2', '--no-memo', '--chunk-bytes', String(chunk), '--max-line-bytes', '200000']);
        expect(many.stdout).toBe(one.stdout);
        expect(many.stderr).toBe(one.stderr);
        expect(many.status).toBe(one.status);
    });

    test('thousands of bad lines of three kinds across many ranges (each range lists only its first few of a kind): the same issues printed and counted as one thread', async () => {
        const rows = (generateRollouts(200, 11) as unknown[]).map((r) => JSON.stringify(r));
        const lines: string[] = [];
        for (let i = 0; i < 6000; i++) {
            lines.push(['{}', '{"response": ', '[1]'][i % 3]);
            if (i % 30 === 0) lines.push(rows[(i / 30) % rows.length]);
        }
        const file = join(dir, 'many-bad.jsonl');
        writeFileSync(file, `${lines.join('\n')}\n`);
        const one = await oneThread(['summary', file, '--jobs', '1', '--by', 'step']);
        expect(one.stderr).toMatch(/… and 1990 more issues like the above \(invalid JSON: /);
        const many = delta(['summary', file, '--jobs', '2', '--chunk-bytes', '3000', '--by', 'step']);
        expect(many.stderr).toBe(one.stderr);
        expect(many.stdout).toBe(one.stdout);
        expect(many.status).toBe(one.status);
    });

    test('--stats names the threads and the verdict memo', async () => {
        const r = delta(['summary', generated, '--jobs', '2', '--stats', '--memo']);
        expect(r.stderr).toMatch(/^rollouts: 401 scored in [\d.]+ s \(\d+\/s\) on 2 threads \(1 worker and the main thread\); verdict memo \d+ hits of \d+ lookups \([\d.]+ %\)$/m);
        const off = await oneThread(['summary', generated, '--jobs', '1', '--stats', '--no-memo']);
        expect(off.stderr).toMatch(/^rollouts: 401 scored in [\d.]+ s \(\d+\/s\) on the main thread; verdict memo off$/m);
        // --memo is the default, said out loud.
        const memo = await oneThread(['summary', generated, '--jobs', '1', '--memo', '--json']);
        const plain = await oneThread(['summary', generated, '--jobs', '1', '--json']);
        expect(memo.stdout).toBe(plain.stdout);
    });

    test('progress counts the bytes of every block, though the bytes went to a worker', async () => {
        for (const [threads, scoreHere] of [[2, false], [1, true], [0, true]] as const) {
            const seen: number[] = [];
            const items = scoreOnThreads([generated], { maxLineBytes: 200_000, onProgress: (p) => seen.push(p.bytesRead) },
                { threads, scoreHere, workerFile: resolve('out/rollouts-score-worker.cjs'), output: 'json', memo: false, blockBytes: 16_384 });
            for await (const _ of items) { /* drain */ }
            expect(seen.length).toBeGreaterThan(10);
            expect(seen.every((b, i) => i === 0 || b > seen[i - 1])).toBe(true);
            expect(seen.at(-1)).toBe(statSync(generated).size);
        }
    });

    test('the main thread scores blocks beside the workers, and alone: the same lines as one thread', async () => {
        const one = await oneThread(['score', generated, '--jobs', '1', '--no-memo', '--max-line-bytes', '200000']);
        const lines = async (threads: number, memo: boolean) => {
            let text = '';
            for await (const item of scoreOnThreads([generated], { maxLineBytes: 200_000 },
                { threads, scoreHere: true, workerFile: resolve('out/rollouts-score-worker.cjs'), output: 'json', memo, blockBytes: 7_500 })) {
                if ('text' in item) text += item.text;
            }
            return text;
        };
        expect(await lines(0, false)).toBe(one.stdout);
        expect(await lines(1, true)).toBe(one.stdout);
    });
});
