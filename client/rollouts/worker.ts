// The rollout worker: reads a run with the shared readers, re-scores every record with the shared
// scorer, folds the rows with the shared aggregation into an Overview, and keeps the scored rows in
// compact form (compact-rows.ts: scores, classes, ids, step, program hash; no text) with where each
// record is (record-store.ts), so the editor can open any one later: its response is read back from
// the dump then, checked against the program hash it was scored with. Runs in a worker thread: the
// extension host only sends paths and receives progress and the (compact) overview.
import { parentPort } from 'node:worker_threads';
import { loadProblemFile } from '../../language/dataset/problems/load.js';
import { closePythonRunners } from '../../language/bouncingsim/python/runner.js';
import { buildOverview } from '../../language/rollouts/overview.js';
import { loadProblemIndex } from '../../language/rollouts/pipeline.js';
import type { ProblemIndex } from '../../language/rollouts/problem-index.js';
import type { RolloutIssue, RolloutRecord, ScoredRollout } from '../../language/rollouts/types.js';
import { CompactRows } from '../../language/rollouts/compact-rows.js';
import { programHash } from '../../language/rollouts/aggregate.js';
import { extractedProgram } from '../../language/rollouts/score.js';
import { RecordChangedError } from '../../language/rollouts/readers/record-at.js';
import { RecordStore } from './record-store.js';
import { RunProgress } from './run-progress.js';
import type { ReadProgress } from '../../language/rollouts/readers/options.js';
import { BouncingSimStore, changesBetween, detailOf, distinctPrograms, readRun, summarize, UNTRUSTED_PYTHON } from './score-adapter.js';
import type { FromWorker, PythonPolicy, SearchField, ToWorker } from './worker-protocol.js';

const port = parentPort!;
const post = (m: FromWorker) => port.postMessage(m);
const MAX_ISSUES = 200;
const PROGRESS_MS = 150;

let rows = new CompactRows();
/** Where row i's record is (read back for details and search), or the record itself for formats that cannot be read back. */
let records = new RecordStore();
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
            records.add(rows.add(outcome), record!);
        }
    } finally {
        // The run's answers are scored: let the warm sandboxes go (a replay in the trajectory panel starts its own).
        closePythonRunners();
    }
    const synthetic = paths.some((p) => /synthetic/i.test(p));
    const overview = buildOverview(rows, summarize, { title, synthetic, ks: [1, 4, 8] });
    post({ type: 'done', overview, issues, issueCount, heldBack });
}

/**
 * Row `row` as scored, with its record read back (or kept) and its program extracted again; undefined
 * past the end. Throws RecordChangedError when the dump changed since loading, or when the program
 * read back is not the one scored (its hash differs).
 */
function readBack(row: number): { record: RolloutRecord; scored: ScoredRollout } | undefined {
    const r = rows.at(row);
    const record = records.get(row);
    if (!r || !record) return undefined;
    const { program, extraction } = extractedProgram(r.task, record.response);
    if (programHash(program) !== r.program_hash) throw new RecordChangedError(`${r.source}: the response read back is not the one that was scored (the file changed since the run was loaded): open the run again`);
    const { program_hash: _hash, ...scored } = r;
    return { record, scored: { ...scored, program, extraction } };
}

/** An answer, or the reason there is none (a dump changed since loading) for the editor to show. */
function answer<T>(compute: () => T, none: T): { value: T; error?: string } {
    try {
        return { value: compute() };
    } catch (error) {
        if (!(error instanceof RecordChangedError)) throw error;
        return { value: none, error: error.message };
    }
}

/** The latest search asked for: an earlier one still reading the run stops (the editor shows only the latest). */
let latestSearch = 0;

async function search(id: number, text: string, field: SearchField): Promise<void> {
    latestSearch = id;
    let hits: Int32Array | null = new Int32Array(0);
    let error: string | undefined;
    try {
        hits = await records.search(text, field, (i, record) => extractedProgram(rows.task(i), record.response).program, () => latestSearch !== id);
    } catch (e) {
        if (!(e instanceof RecordChangedError)) throw e;
        error = e.message;
    }
    // A search overtaken by a newer one answers with no rows: its asker has moved on.
    const found = hits ?? new Int32Array(0);
    port.postMessage({ type: 'search', id, rows: found, ...(error && { error }) } satisfies FromWorker, [found.buffer as ArrayBuffer]);
}

port.on('message', (m: ToWorker) => {
    if (m.type === 'load') {
        rows = new CompactRows();
        records = new RecordStore();
        bouncing = new BouncingSimStore();
        load(m.paths, m.problemFiles, m.title, m.python).catch((error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }));
    } else if (m.type === 'group') {
        const members = m.rows.map((i) => rows.at(i)).filter((r) => r !== undefined);
        post({ type: 'group', id: m.id, distinctPrograms: members.length ? distinctPrograms(members) : null });
    } else if (m.type === 'detail') {
        const { value: detail, error } = answer(() => {
            const back = readBack(m.row);
            if (!back || !index) return null;
            const runs = back.scored.task === 'bouncingsim' ? bouncing.get(m.row)?.runs : undefined;
            const detail = detailOf(m.row, back.record, back.scored, index);
            return runs ? { ...detail, asserts: runs } : detail;
        }, null);
        post({ type: 'detail', id: m.id, detail, ...(error && { error }) });
    } else if (m.type === 'changes') {
        const { value: changes, error } = answer(() => {
            const [a, b] = [readBack(m.before), readBack(m.after)];
            return a && b && index ? changesBetween(a, b, index) : null;
        }, null);
        post({ type: 'changes', id: m.id, changes, ...(error && { error }) });
    } else if (m.type === 'search') {
        void search(m.id, m.text, m.field);
    } else if (m.type === 'rollout') {
        const { value: info, error } = answer(() => {
            const back = readBack(m.row);
            if (!back) return null;
            const r = back.scored;
            return {
                row: m.row, source: r.source, problem: r.id, name: r.name ?? null,
                problemFile: r.id === null ? null : problemFileOf.get(r.id) ?? (r.name ? problemFileOf.get(r.name) ?? null : null),
                step: r.step, sample: r.sample, task: r.task, program: r.program, extraction: r.extraction,
                pass_rate: r.pass_rate, all_pass: r.all_pass, error: r.error,
                ...(r.task === 'bouncingsim' ? { bouncingsim: bouncing.get(m.row) } : {}),
            };
        }, null);
        post({ type: 'rollout', id: m.id, info, ...(error && { error }) });
    }
});
