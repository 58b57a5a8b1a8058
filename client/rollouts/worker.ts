// The rollout worker: reads a run with the shared readers, re-scores every record with the shared
// scorer, folds the rows with the shared aggregation into an Overview, and keeps the scored rows so
// the editor can open any one of them later. Runs in a worker thread: the extension host only
// sends paths and receives progress and the (compact) overview.
import { parentPort } from 'node:worker_threads';
import { loadProblemFile } from '../../language/dataset/problems/load.js';
import { closePythonRunners } from '../../language/bouncingsim/python/runner.js';
import { buildOverview } from '../../language/rollouts/overview.js';
import { loadProblemIndex } from '../../language/rollouts/pipeline.js';
import type { ProblemIndex } from '../../language/rollouts/problem-index.js';
import type { RolloutIssue, ScoredRollout } from '../../language/rollouts/types.js';
import { KeptRecords } from './kept-records.js';
import { RunProgress } from './run-progress.js';
import type { ReadProgress } from '../../language/rollouts/readers/options.js';
import { BouncingSimStore, changesBetween, detailOf, distinctPrograms, readRun, summarize, UNTRUSTED_PYTHON } from './score-adapter.js';
import type { FromWorker, PythonPolicy, ToWorker } from './worker-protocol.js';

const port = parentPort!;
const post = (m: FromWorker) => port.postMessage(m);
const MAX_ISSUES = 200;
const PROGRESS_MS = 150;

let rows: ScoredRollout[] = [];
/** Row i's record, kept for details and search (rows and kept records stay index-aligned). */
let kept = new KeptRecords();
/** The problems rows were joined with, for re-scoring one with details. */
let index: ProblemIndex | undefined;
/** Row → a BouncingSim answer's replay data (the prompt its scene is rebuilt from, its asserts and runs). */
let bouncing = new BouncingSimStore();
/** Problem key → the problem file that holds it (the first, in the order given). */
const problemFileOf = new Map<string, string>();

async function load(paths: string[], problemFiles: string[], title: string, python: PythonPolicy): Promise<void> {
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
    let heldBack = 0;
    let last = 0;
    const runProgress = new RunProgress(paths);
    const onProgress = (p: ReadProgress) => {
        const at = runProgress.update(p);
        const now = Date.now();
        if (now - last < PROGRESS_MS) return;
        last = now;
        post({ type: 'progress', records: rows.length, bytesRead: at.bytesRead, totalBytes: at.totalBytes, file: p.file });
    };
    const report = (issue: RolloutIssue) => {
        issueCount++;
        if (issues.length < MAX_ISSUES) issues.push(issue);
    };
    try {
        index = (await loadProblemIndex(problemFiles)).index;
        for await (const { record, outcome } of readRun(paths, index, python, onProgress, (message) => report({ where: 'BouncingSim', message }))) {
            if ('issue' in outcome) {
                report(outcome.issue);
                if (outcome.issue.message === UNTRUSTED_PYTHON) heldBack++;
                continue;
            }
            if (outcome.task === 'bouncingsim') bouncing.add(rows.length, outcome, record?.prompt ?? null);
            rows.push(outcome);
            kept.add(record!);
        }
    } finally {
        // The run's answers are scored: let the warm sandboxes go (a replay in the trajectory panel starts its own).
        closePythonRunners();
    }
    const synthetic = paths.some((p) => /synthetic/i.test(p));
    const overview = buildOverview(rows, summarize, { title, synthetic, ks: [1, 4, 8] });
    post({ type: 'done', overview, issues, issueCount, heldBack });
}

port.on('message', (m: ToWorker) => {
    if (m.type === 'load') {
        rows = [];
        kept = new KeptRecords();
        bouncing = new BouncingSimStore();
        load(m.paths, m.problemFiles, m.title, m.python).catch((error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }));
    } else if (m.type === 'group') {
        const members = m.rows.map((i) => rows[i]).filter((r) => r !== undefined);
        post({ type: 'group', id: m.id, distinctPrograms: members.length ? distinctPrograms(members) : null });
    } else if (m.type === 'detail') {
        const r = rows[m.row];
        const record = kept.get(m.row);
        const runs = r?.task === 'bouncingsim' ? bouncing.get(m.row)?.runs : undefined;
        const detail = r && record && index ? detailOf(m.row, record, r, index) : null;
        post({ type: 'detail', id: m.id, detail: detail && runs ? { ...detail, asserts: runs } : detail });
    } else if (m.type === 'changes') {
        const pick = (i: number) => (rows[i] && kept.get(i) ? { scored: rows[i], record: kept.get(i)! } : undefined);
        const [a, b] = [pick(m.before), pick(m.after)];
        post({ type: 'changes', id: m.id, changes: a && b && index ? changesBetween(a, b, index) : null });
    } else if (m.type === 'search') {
        const hits = kept.search(m.text, m.field, (i) => rows[i].program);
        port.postMessage({ type: 'search', id: m.id, rows: hits } satisfies FromWorker, [hits.buffer as ArrayBuffer]);
    } else if (m.type === 'rollout') {
        const r = rows[m.row];
        post({
            type: 'rollout', id: m.id, info: r ? {
                row: m.row, source: r.source, problem: r.id, name: r.name ?? null,
                problemFile: r.id === null ? null : problemFileOf.get(r.id) ?? (r.name ? problemFileOf.get(r.name) ?? null : null),
                step: r.step, sample: r.sample, task: r.task, program: r.program, extraction: r.extraction,
                pass_rate: r.pass_rate, all_pass: r.all_pass, error: r.error,
                ...(r.task === 'bouncingsim' ? { bouncingsim: bouncing.get(m.row) } : {}),
            } : null,
        });
    }
});
