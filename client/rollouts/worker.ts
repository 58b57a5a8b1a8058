// The rollout worker: reads a run with the shared readers, re-scores every record with the shared
// scorer, folds the rows with the shared aggregation into an Overview, and keeps the scored rows so
// the editor can open any one of them later. Runs in a worker thread: the extension host only
// sends paths and receives progress and the (compact) overview.
import { parentPort } from 'node:worker_threads';
import { loadProblemFile } from '../../language/dataset/problems/load.js';
import { buildOverview } from '../../language/rollouts/overview.js';
import type { RolloutIssue, ScoredRollout } from '../../language/rollouts/types.js';
import { distinctPrograms, readRun, summarize } from './score-adapter.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

const port = parentPort!;
const post = (m: FromWorker) => port.postMessage(m);
const MAX_ISSUES = 200;
const PROGRESS_MS = 150;

let rows: ScoredRollout[] = [];
/** Problem key → the problem file that holds it (the first, in the order given). */
const problemFileOf = new Map<string, string>();

async function load(paths: string[], problemFiles: string[], title: string): Promise<void> {
    for (const file of problemFiles) {
        try {
            const loaded = await loadProblemFile(file);
            for (const p of loaded.problems) {
                if (!problemFileOf.has(p.id)) problemFileOf.set(p.id, file);
                if (!problemFileOf.has(p.name)) problemFileOf.set(p.name, file);
            }
        } catch {
            // Not a problem file after all: only binding (open as solution) needs these.
        }
    }
    const issues: RolloutIssue[] = [];
    let issueCount = 0;
    let last = 0;
    for await (const item of readRun(paths, problemFiles, (p) => {
        const now = Date.now();
        if (now - last < PROGRESS_MS) return;
        last = now;
        post({ type: 'progress', records: rows.length, bytesRead: p.bytesRead, totalBytes: p.totalBytes, file: p.file });
    })) {
        if ('issue' in item) {
            issueCount++;
            if (issues.length < MAX_ISSUES) issues.push(item.issue);
        } else {
            rows.push(item);
        }
    }
    const synthetic = paths.some((p) => /synthetic/i.test(p));
    const overview = buildOverview(rows, summarize, { title, synthetic, ks: [1, 4, 8] });
    post({ type: 'done', overview, issues, issueCount });
}

port.on('message', (m: ToWorker) => {
    if (m.type === 'load') {
        rows = [];
        load(m.paths, m.problemFiles, m.title).catch((error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }));
    } else if (m.type === 'group') {
        const members = m.rows.map((i) => rows[i]).filter((r) => r !== undefined);
        post({ type: 'group', id: m.id, distinctPrograms: members.length ? distinctPrograms(members) : null });
    } else if (m.type === 'rollout') {
        const r = rows[m.row];
        post({
            type: 'rollout', id: m.id, info: r ? {
                row: m.row, source: r.source, problem: r.id, name: r.name ?? null,
                problemFile: r.id === null ? null : problemFileOf.get(r.id) ?? (r.name ? problemFileOf.get(r.name) ?? null : null),
                step: r.step, sample: r.sample, task: r.task, program: r.program, extraction: r.extraction,
                pass_rate: r.pass_rate, all_pass: r.all_pass, error: r.error,
            } : null,
        });
    }
});
