// The worker's link to the shared rollout core: read → join → score (language/rollouts/pipeline.ts),
// the aggregation (language/rollouts/aggregate.ts) and one rollout's detail (language/rollouts/
// detail.ts, from a `details` re-score by the same scorer), nothing of its own.
import { GrpoGroups, summarize } from '../../language/rollouts/aggregate.js';
import { bouncingSimChecker } from '../../language/rollouts/bouncingsim-checker.js';
import { rolloutDetail, testVerdicts, verdictChanges, type LabelTests, type RolloutDetail, type VerdictChanges } from '../../language/rollouts/detail.js';
import { labelPlan } from '../../language/dataset/scoring/score.js';
import { scoreRolloutRecords, type ScoredRecord } from '../../language/rollouts/pipeline.js';
import type { ProblemIndex } from '../../language/rollouts/problem-index.js';
import type { ReadProgress } from '../../language/rollouts/readers/index.js';
import { labelOf, scoreManufactoriaRollout, type ScoreContext } from '../../language/rollouts/score.js';
import type { RolloutRecord, ScoredRollout } from '../../language/rollouts/types.js';
import type { AssertRun } from '../../language/bouncingsim/python/runner.js';
import { predictionRow } from '../trajectory/predictions.js';
import type { BouncingSimRollout, PythonPolicy } from './worker-protocol.js';

export { summarize };

/** The issue of each BouncingSim answer of an untrusted workspace: nothing runs there. */
export const UNTRUSTED_PYTHON = 'BouncingSim answer not run: this workspace is not trusted, and model-written Python runs only in trusted workspaces. Trust the workspace, then open the run again.';

/**
 * How BouncingSim answers are scored: in a trusted workspace through the shared checker with the
 * sandbox required unless the user opted out (deltaStudio.python.sandbox); in an untrusted one not
 * at all. `onUnavailable` hears once why the sandbox or python3 cannot run.
 */
export function pythonScoring(policy: PythonPolicy, onUnavailable: (message: string) => void): Pick<ScoreContext, 'bouncingsim' | 'bouncingsimUnavailable' | 'bouncingsimDetails'> {
    if (!policy.trusted) return { bouncingsimUnavailable: UNTRUSTED_PYTHON };
    return {
        bouncingsim: bouncingSimChecker({ python: policy.python, sandbox: policy.sandbox ?? 'require', onUnavailable, notRun: 'BouncingSim answer not run (the sandbox or python3 is unavailable: see the first message)' }),
        bouncingsimDetails: true,
    };
}

/** `index`: the problems of the workspace's problem files (loadProblemIndex), kept by the worker for re-scoring. */
export async function* readRun(paths: string[], index: ProblemIndex, python: PythonPolicy, onProgress: (p: ReadProgress) => void, onUnavailable: (message: string) => void): AsyncGenerator<ScoredRecord> {
    // `locate`: a JSON Lines row's response is read back from its file when asked for, not kept (record-store.ts).
    yield* scoreRolloutRecords(paths, { problems: index, onProgress, locate: true, ...pythonScoring(python, onUnavailable) });
}

/** The record re-scored with per-test details; null when it is not a Manufactoria rollout or cannot be scored. */
export function rescore(record: RolloutRecord, scored: ScoredRollout, index: ProblemIndex): ScoredRollout | null {
    if (scored.task !== 'manufactoria') return null;
    const again = scoreManufactoriaRollout(record, { problems: index, details: true });
    return 'issue' in again ? null : again;
}

export function detailOf(row: number, record: RolloutRecord, scored: ScoredRollout, index: ProblemIndex): RolloutDetail {
    return rolloutDetail(row, record, rescore(record, scored, index) ?? scored);
}

/** The per-test verdict changes from one rollout to another (both re-scored with details). */
export function changesBetween(a: { record: RolloutRecord; scored: ScoredRollout }, b: { record: RolloutRecord; scored: ScoredRollout }, index: ProblemIndex): VerdictChanges | null {
    const before = rescore(a.record, a.scored, index);
    const after = rescore(b.record, b.scored, index);
    if (!before || !after) return null;
    return verdictChanges(testVerdicts(before.results), testVerdicts(after.results), { before: labelTests(a.record, index), after: labelTests(b.record, index) });
}

/** The test cases a record was scored against ([] for an unusable label), so a side that did not run is paired only with its own label. */
function labelTests(record: RolloutRecord, index: ProblemIndex): LabelTests {
    const label = labelOf(record, index.lookup(record.key, record.prompt));
    if (label === undefined) return undefined;
    const plan = labelPlan(label);
    return 'zero' in plan ? [] : plan.cases;
}

/** Distinct programs of one GRPO group (the shared definition); null when the rows form several groups. */
export function distinctPrograms(rows: ScoredRollout[]): number | null {
    const groups = new GrpoGroups();
    for (const r of rows) groups.add(r);
    const result = groups.result();
    return result.length === 1 ? result[0].distinct_programs : null;
}

/** Longest exception text kept per assert (a model's exception message can be anything). */
const MAX_ERROR_CHARS = 2000;

/**
 * Keeps BouncingSim replay data for a whole run in bounded memory: per answer its per-assert runs
 * without what the test printed (the panel's own run shows that), errors cut to 2000 characters,
 * and one copy of each distinct prompt and assert text (the samples of a prompt share them).
 */
export class BouncingSimStore {
    private readonly answers = new Map<number, BouncingSimRollout>();
    private readonly texts = new Map<string, string>();

    private intern(text: string): string {
        const known = this.texts.get(text);
        if (known !== undefined) return known;
        this.texts.set(text, text);
        return text;
    }

    /** Takes the answer's runs out of `row.results` (so the row stays small) and keeps them with the prompt. */
    add(index: number, row: ScoredRollout, prompt: string | null): void {
        const runs = (row.results ?? []) as AssertRun[];
        delete row.results;
        this.answers.set(index, {
            prompt: prompt === null ? null : this.intern(prompt),
            asserts: runs.map((r) => this.intern(r.assert)),
            runs: runs.map((r) => {
                const { stdout: _out, stderr: _err, ...kept } = predictionRow(r);
                if (kept.error && kept.error.length > MAX_ERROR_CHARS) kept.error = `${kept.error.slice(0, MAX_ERROR_CHARS)}…`;
                return kept;
            }),
        });
    }

    get(index: number): BouncingSimRollout | undefined {
        return this.answers.get(index);
    }
}
