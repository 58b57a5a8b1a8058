// The Rollouts view's texts, kept apart from the view (no vscode) so that they can be tested.
import type { Overview, PassAtRow } from '../../language/rollouts/overview.js';

interface Counts { n: number; c: number; solvedSteps: number; steps: number }

/** n, c over the cells of some problems, and how many (problem, step) cells had an all-pass rollout. */
export function countsOf(o: Overview, problems: (p: number) => boolean): Counts {
    let n = 0, c = 0, solvedSteps = 0, steps = 0;
    for (const cell of o.cells) {
        if (!problems(cell.p)) continue;
        n += cell.n;
        c += cell.c;
        steps++;
        if (cell.c > 0) solvedSteps++;
    }
    return { n, c, solvedSteps, steps };
}

export function describeCounts({ n, c }: Counts): string {
    return `${n ? ((100 * c) / n).toFixed(1) : '0.0'} % solved · ${c}/${n}`;
}

/**
 * When a problem was solved: the first step with an all-pass rollout and, when later than that, the
 * step since which every step had one (the grokking point an early lucky solve hides).
 */
export function describeSolved(row: Pick<PassAtRow, 'firstSolvedStep' | 'solvedSince'> | undefined): string {
    if (!row || row.firstSolvedStep === null) return 'never solved';
    const since = row.solvedSince !== null && row.solvedSince !== row.firstSolvedStep ? `, every step since ${row.solvedSince}` : '';
    return `first solved at step ${row.firstSolvedStep}${since}`;
}
