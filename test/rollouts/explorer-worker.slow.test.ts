// The editor's rollout worker (a thread of out/server.cjs, role 'rollouts') as the extension host
// drives it: its progress is the whole run's, so the notification's one bar fills once over a run of
// many step files (it was each file's own fraction: full after the first of 200 files). It keeps no
// response: a rollout's detail, program and search read its line back from the dump, and a dump
// changed since loading is an error the editor shows (not another rollout's text).
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';
import type { FromWorker, ToWorker } from '../../client/rollouts/worker-protocol.js';
import { workerOptions } from '../../server/worker-role.js';
// @ts-expect-error: a plain .mjs script shared with the bench
import { generateRollouts } from '../../scripts/bench/gen-rollouts.mjs';
import { extractedProgram } from '../../language/rollouts/score.js';

/** A worker with a run loaded, and a way to ask it questions. */
async function loaded(paths: string[]): Promise<{ worker: Worker; done: Extract<FromWorker, { type: 'done' }>; ask: (q: Record<string, unknown> & { type: string }) => Promise<FromWorker & Record<string, unknown>> }> {
    const worker = new Worker(resolve('out/server.cjs'), workerOptions('rollouts'));
    const done = await new Promise<Extract<FromWorker, { type: 'done' }>>((resolveDone, reject) => {
        worker.on('error', reject);
        worker.on('exit', (code) => reject(new Error(`worker exited (${code})`)));
        worker.on('message', (m: FromWorker) => {
            if (m.type === 'done') resolveDone(m);
            else if (m.type === 'failed') reject(new Error(m.message));
        });
        worker.postMessage({ type: 'load', paths, problemFiles: [], title: 'run', python: { trusted: false } } satisfies ToWorker);
    });
    let id = 1000;
    // A worker that fails or ends instead of answering fails the question waiting (not a test timeout).
    const waiting = new Set<(error: Error) => void>();
    const fail = (error: Error) => waiting.forEach((f) => f(error));
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the worker exited (${code}) before answering`)));
    const ask = (q: Record<string, unknown>) => new Promise<FromWorker & Record<string, unknown>>((answer, reject) => {
        waiting.add(reject);
        const my = id++;
        const on = (m: FromWorker & { id?: number }) => {
            if (m.id !== my) return;
            worker.off('message', on);
            waiting.delete(reject);
            answer(m as FromWorker & Record<string, unknown>);
        };
        worker.on('message', on);
        worker.postMessage({ ...q, id: my });
    });
    return { worker, done, ask };
}

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

    test('reads a rollout back from its dump for the detail, the program and search; a dump changed since loading is an error', async () => {
        const run = join(mkdtempSync(join(tmpdir(), 'explorer-worker-')), 'run');
        mkdirSync(run);
        const rows = (generateRollouts(400, 9) as { response: string }[]);
        const files = [1, 2].map((step) => join(run, `step_${step}.jsonl`));
        // CRLF line ends and a BOM in the second file: read back as they were read.
        writeFileSync(files[0], `${rows.slice(0, 200).map((r) => JSON.stringify(r)).join('\n')}\n`);
        writeFileSync(files[1], `\ufeff${rows.slice(200).map((r) => JSON.stringify(r)).join('\r\n')}\r\n`);
        // A whole second, so that it can be set again exactly (below).
        const second = 1_700_000_000;
        utimesSync(files[1], second, second);
        const { worker, done, ask } = await loaded([run]);
        try {
            const total = done.overview.total;
            expect(total).toBeGreaterThan(300);
            const sources = Array.from({ length: total }, (_, i) => `${done.overview.sourceFiles[done.overview.rows.sourceFile[i]]}${done.overview.rows.sourceRest[i]}`);
            const responseOf = (i: number) => {
                const [, file, line] = /^(.*):(\d+)$/.exec(sources[i])!;
                return (JSON.parse(readFileSync(file, 'utf8').replace(/^\ufeff/, '').split(/\r?\n/)[Number(line) - 1]) as { response: string }).response;
            };
            for (const i of [0, 1, 199, total - 1]) {
                const info = await ask({ type: 'rollout', row: i });
                expect(info.error).toBeUndefined();
                expect((info.info as { program: string; source: string }).program).toBe(extractedProgram('manufactoria', responseOf(i)).program);
                const detail = await ask({ type: 'detail', row: i });
                expect((detail.detail as { responseLength: number }).responseLength).toBe(responseOf(i).length);
            }
            const word = 'PULLER_RB';
            const expected = sources.map((_, i) => i).filter((i) => responseOf(i).toLowerCase().includes(word.toLowerCase()));
            expect([...((await ask({ type: 'search', text: word.toLowerCase(), field: 'response' })).rows as Int32Array)]).toEqual(expected);
            const group = await ask({ type: 'group', rows: [0, 1] });
            expect(group.distinctPrograms === null || typeof group.distinctPrograms === 'number').toBe(true);

            // The second file rewritten with its size and time kept: the program read back is not the one scored.
            const row = sources.findIndex((s) => s.startsWith(`${files[1]}:`));
            const text = readFileSync(files[1], 'utf8');
            const swapped = text.replace(/NEXT/g, 'NEXX');
            expect(swapped.length).toBe(text.length);
            writeFileSync(files[1], swapped);
            utimesSync(files[1], second, second);
            const changedRows = sources.map((s, i) => (s.startsWith(`${files[1]}:`) && responseOf(i) !== rows[200 + Number(/:(\d+)$/.exec(s)![1]) - 1].response ? i : -1)).filter((i) => i >= 0);
            expect(changedRows.length).toBeGreaterThan(0);
            const stale = await ask({ type: 'rollout', row: changedRows[0] });
            expect(stale.info).toBeNull();
            expect(stale.error).toMatch(/the response read back is not the one that was scored .*open the run again/);
            // The first file is untouched: its rollouts still open, and still do once it grows (a dump still being written).
            expect((await ask({ type: 'rollout', row: 0 })).error).toBeUndefined();
            appendFileSync(files[0], `${JSON.stringify(rows[0])}\n`);
            const grown = await ask({ type: 'rollout', row: 199 });
            expect(grown.error).toBeUndefined();
            expect((grown.info as { program: string }).program).toBe(extractedProgram('manufactoria', responseOf(199)).program);
            // A file cut short (or rewritten with another time) is seen before reading.
            writeFileSync(files[1], swapped.slice(0, -10));
            const detail = await ask({ type: 'detail', row });
            expect(detail.detail).toBeNull();
            expect(detail.error).toContain(`${files[1]} changed on disk`);
            const search = await ask({ type: 'search', text: 'end', field: 'program' });
            expect(search.rows).toHaveLength(0);
            expect(search.error).toContain('changed on disk');
            const changes = await ask({ type: 'changes', before: 0, after: row });
            expect(changes.changes).toBeNull();
            expect(changes.error).toContain('changed on disk');
        } finally {
            await worker.terminate();
        }
    });
});
