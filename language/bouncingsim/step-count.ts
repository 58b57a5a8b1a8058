// How many steps the reference takes to reach a timestamp (docs/bouncingsim.md §5). It loops
// `while current_time < t: step(); current_time += dt` in doubles, which overshoots t/dt by one
// for many timestamps (0.3 → 1201), so `Math.round(t / dt)` is not exact.

/** Ground-truth time step. */
export const DT = 1 / 4000;

/**
 * The latest timestamp a simulation may reach: 40 times the benchmark's 1.5 s (each simulated second
 * is 4,000 steps, ~0.07 CPU-s here), so a crafted scene, row or `--times` cannot keep a simulation
 * running for hours.
 */
export const MAX_TIMESTAMP = 60;

/** The 15 periodic timestamps every generated row uses (§7.1). */
export const STANDARD_TIMESTAMPS: readonly number[] = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5];

/**
 * Step counts for each timestamp. The loop variable follows the same sequence whatever t is, so
 * one walk over the sorted times gives every count (same result as a fresh loop per timestamp).
 */
export function stepCounts(times: readonly number[], dt = DT): number[] {
    const order = times.map((t, i) => ({ t, i })).sort((a, b) => a.t - b.t);
    const counts = new Array<number>(times.length);
    let current = 0.0;
    let steps = 0;
    for (const { t, i } of order) {
        if (!Number.isFinite(t)) throw new RangeError(`timestamp ${t} is not a finite number`);
        if (t > MAX_TIMESTAMP) throw new RangeError(`timestamp ${t} is beyond the ${MAX_TIMESTAMP} s a simulation may cover`);
        while (current < t) {
            steps++;
            current += dt;
        }
        counts[i] = steps;
    }
    return counts;
}
