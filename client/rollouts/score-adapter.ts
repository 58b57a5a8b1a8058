// The worker's link to the shared rollout core: read → join → score (language/rollouts/pipeline.ts)
// and the aggregation (language/rollouts/aggregate.ts), nothing of its own.
import { GrpoGroups, summarize } from '../../language/rollouts/aggregate.js';
import { bouncingSimChecker } from '../../language/rollouts/bouncingsim-checker.js';
import { loadProblemIndex, scoreRolloutRecords, type ScoredRecord } from '../../language/rollouts/pipeline.js';
import type { ReadProgress } from '../../language/rollouts/readers/index.js';
import type { ScoreContext } from '../../language/rollouts/score.js';
import type { ScoredRollout } from '../../language/rollouts/types.js';
import type { AssertRun } from '../../language/bouncingsim/python/runner.js';
import { predictionRow } from '../trajectory/predictions.js';
import type { BouncingSimRollout, PythonPolicy } from './worker-protocol.js';

export { summarize };

/** The issue of each BouncingSim answer of an untrusted workspace: nothing runs there. */
export const UNTRUSTED_PYTHON = 'BouncingSim answer not run: this workspace is not trusted, and model-written Python runs only in trusted workspaces. Trust the workspace, then open the run again.';

/**
 * How BouncingSim answers are scored: in a trusted workspace through the shared checker with the
 * sandbox required (a whole run executes unattended, so there is no unsandboxed fallback here); in
 * an untrusted one not at all. `onUnavailable` hears once why the sandbox or python3 cannot run.
 */
export function pythonScoring(policy: PythonPolicy, onUnavailable: (message: string) => void): Pick<ScoreContext, 'bouncingsim' | 'bouncingsimUnavailable' | 'bouncingsimDetails'> {
    if (!policy.trusted) return { bouncingsimUnavailable: UNTRUSTED_PYTHON };
    return {
        bouncingsim: bouncingSimChecker({ python: policy.python, sandbox: 'require', onUnavailable, notRun: 'BouncingSim answer not run (the sandbox or python3 is unavailable: see the first message)' }),
        bouncingsimDetails: true,
    };
}

export async function* readRun(paths: string[], problemFiles: string[], python: PythonPolicy, onProgress: (p: ReadProgress) => void, onUnavailable: (message: string) => void): AsyncGenerator<ScoredRecord> {
    const { index } = await loadProblemIndex(problemFiles);
    yield* scoreRolloutRecords(paths, { problems: index, onProgress, ...pythonScoring(python, onUnavailable) });
}

/** Distinct programs of one GRPO group (the shared definition); null when the rows form several groups. */
export function distinctPrograms(rows: ScoredRollout[]): number | null {
    const groups = new GrpoGroups();
    for (const r of rows) groups.add(r);
    const result = groups.result();
    return result.length === 1 ? result[0].distinct_programs : null;
}

/** What the trajectory panel needs to replay a BouncingSim answer, and its per-assert verdicts as scored. */
export function bouncingSimRollout(row: ScoredRollout, prompt: string | null): BouncingSimRollout {
    const runs = (row.results ?? []) as AssertRun[];
    return { prompt, asserts: runs.map((r) => r.assert), runs: runs.map(predictionRow) };
}
