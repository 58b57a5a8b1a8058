// The worker's link to the shared rollout core: read → join → score (language/rollouts/pipeline.ts)
// and the aggregation (language/rollouts/aggregate.ts), nothing of its own.
import { GrpoGroups, summarize } from '../../language/rollouts/aggregate.js';
import { loadProblemIndex, scoreRollouts } from '../../language/rollouts/pipeline.js';
import type { ReadProgress } from '../../language/rollouts/readers/index.js';
import type { ScoreOutcome } from '../../language/rollouts/score.js';
import type { ScoredRollout } from '../../language/rollouts/types.js';

export { summarize };

/** Model-written Python is not run from the editor's rollout worker (it has no sandbox wiring). */
const NO_PYTHON = 'BouncingSim answer not run in the editor: re-score BouncingSim rollouts with `delta rollouts score` (sandboxed)';

export async function* readRun(paths: string[], problemFiles: string[], onProgress: (p: ReadProgress) => void): AsyncGenerator<ScoreOutcome> {
    const { index } = await loadProblemIndex(problemFiles);
    yield* scoreRollouts(paths, { problems: index, onProgress, bouncingsimUnavailable: NO_PYTHON });
}

/** Distinct programs of one GRPO group (the shared definition); null when the rows form several groups. */
export function distinctPrograms(rows: ScoredRollout[]): number | null {
    const groups = new GrpoGroups();
    for (const r of rows) groups.add(r);
    const result = groups.result();
    return result.length === 1 ? result[0].distinct_programs : null;
}
