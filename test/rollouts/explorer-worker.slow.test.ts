// The editor's rollout worker (a thread of out/server.cjs, role 'rollouts') as the extension host
// drives it: its progress is the whole run's, so the notification's one bar fills once over a run of
// many step files (it was each file's own fraction: full after the first of 200 files).
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';
import type { FromWorker, ToWorker } from '../../client/rollouts/worker-protocol.js';
import { workerOptions } from '../../server/worker-role.js';
// @ts-expect-error: a plain .mjs script shared with the bench
import { generateRollouts } from '../../scripts/bench/gen-rollouts.mjs';

describe('the rollout worker', { timeout: 300_000 }, () => {
    test('reports progress over the whole run: bytes of all its files, growing, never past the end', async () => {
        const run = join(mkdtempSync(join(tmpdir(), 'explorer-worker-')), 'run');
        mkdirSync(run);
        const rows = (generateRollouts(1500, 3) as unknown[]).map((r) => JSON.stringify(r));
        const files = [1, 2, 3].map((step) => join(run, `step_${step}.jsonl`));
        files.forEach((file, i) => writeFileSync(file, `${rows.slice(i * 500, (i + 1) * 500).join('\n')}\n`));
        const total = files.reduce((sum, f) => sum + statSync(f).size, 0);
        const worker = new Worker(resolve('out/server.cjs'), workerOptions('rollouts'));
        const progress: Extract<FromWorker, { type: 'progress' }>[] = [];
        const done = await new Promise<Extract<FromWorker, { type: 'done' }>>((resolveDone, reject) => {
            worker.on('error', reject);
            worker.on('message', (m: FromWorker) => {
                if (m.type === 'progress') progress.push(m);
                else if (m.type === 'done') resolveDone(m);
                else if (m.type === 'failed') reject(new Error(m.message));
            });
            worker.postMessage({ type: 'load', paths: [run], problemFiles: [], title: 'run', python: { trusted: false } } satisfies ToWorker);
        });
        await worker.terminate();
        expect(done.overview.total).toBe(1500);
        expect(progress.length).toBeGreaterThan(0);
        for (const [k, p] of progress.entries()) {
            expect(p.totalBytes).toBe(total);
            expect(p.bytesRead).toBeLessThanOrEqual(total);
            if (k > 0) expect(p.bytesRead).toBeGreaterThanOrEqual(progress[k - 1].bytesRead);
            // Files are read in order: a report from the i-th file is past the files before it.
            const i = files.indexOf(p.file);
            expect(i).toBeGreaterThanOrEqual(0);
            expect(p.bytesRead).toBeGreaterThanOrEqual(files.slice(0, i).reduce((sum, f) => sum + statSync(f).size, 0));
        }
    });
});
