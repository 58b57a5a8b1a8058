// Shared test-case machinery of §10.1: candidate inputs, corner cases, the 3/3 balance padding and
// the 35-case cap for acceptance families; transform-based cases for output families.
import { makeTestCase, type TestCase } from '../testcases/test-case.js';
import type { CaseContext, Family } from './types.js';

/** Random padding lengths the families use around their sequences. */
export const PAD = { short: 3, medium: 6, long: 9 } as const;
/** Lengths for the "complex" random inputs. */
export const COMPLEX = { medium: 12, long: 15, large: 18 } as const;
export const MAX_CASES = 35;
export const MIN_OUTPUT_CASES = 6;
/** Added after the random corner picks even in four-colour mode (§10.1). */
const FIXED_CORNERS = ['RB', 'BR', 'RBR', 'BRB', 'RRB', 'BBR', ''];
const MIN_PER_LABEL = 3;
const BALANCE_ATTEMPTS = 50;

/**
 * `""`, `c0`, `c0c1`, then the corner cases. The reference collects corners in a Python set, so
 * their order is arbitrary; a seeded shuffle stands in for that order.
 */
export function baseCandidates(ctx: CaseContext): string[] {
    const { colors, rng } = ctx;
    const pool = ['', ...colors];
    for (const a of colors) for (const b of colors) pool.push(a + b);
    const corners: string[] = [];
    for (let i = 0; i < 5; i++) corners.push(rng.pick(pool));
    corners.push(...FIXED_CORNERS);
    return ['', colors[0], colors[0] + colors[1], ...rng.shuffled(unique(corners))];
}

export function unique(items: Iterable<string>): string[] {
    return [...new Set(items)];
}

/**
 * Acceptance family cases: candidates + family inputs, labelled by `accepts`, padded with random
 * strings until each label has 3 cases (50 attempts, lengths growing every 10 attempts, ≤ 12),
 * then capped at 35 without giving up the balance the padding bought.
 */
export function acceptanceCases(ownInputs: Iterable<string>, accepts: (tape: string) => boolean, ctx: CaseContext): TestCase[] {
    const inputs = unique([...baseCandidates(ctx), ...ownInputs]);
    const labelled = inputs.map((input) => ({ input, ok: accepts(input) }));
    const seen = new Set(inputs);
    const count = (ok: boolean) => labelled.filter((c) => c.ok === ok).length;
    const added: typeof labelled = [];
    for (let attempt = 0; attempt < BALANCE_ATTEMPTS; attempt++) {
        const needYes = count(true) + added.filter((c) => c.ok).length < MIN_PER_LABEL;
        const needNo = count(false) + added.filter((c) => !c.ok).length < MIN_PER_LABEL;
        if (!needYes && !needNo) break;
        const maxLen = Math.min(1 + Math.floor(attempt / 10) + 1, 12);
        const s = ctx.rng.string(ctx.colors, ctx.rng.int(1, maxLen));
        if (seen.has(s)) continue;
        const ok = accepts(s);
        if ((ok && needYes) || (!ok && needNo)) {
            seen.add(s);
            added.push({ input: s, ok });
        }
    }
    const kept = capKeepingBalance(labelled, MAX_CASES - added.length);
    return [...kept, ...added].map((c) => makeTestCase(c.input, { expected_output: '', expected_accepted: c.ok, check_output: false, description: '' }));
}

/** Keeps the first `room` cases, but never drops a case whose label would fall below 3. */
function capKeepingBalance<T extends { ok: boolean }>(cases: T[], room: number): T[] {
    if (cases.length <= room) return cases;
    const out = cases.slice(0, room);
    for (const ok of [true, false]) {
        let have = out.filter((c) => c.ok === ok).length;
        for (const c of cases.slice(room)) {
            if (have >= MIN_PER_LABEL) break;
            if (c.ok !== ok) continue;
            // Replace the last case of the majority label so the length stays `room`.
            const victim = findLastIndex(out, (o) => o.ok !== ok);
            if (victim < 3) break; // never displace "", c0, c0c1
            out.splice(victim, 1);
            out.push(c);
            have++;
        }
    }
    return out;
}

function findLastIndex<T>(items: T[], test: (item: T) => boolean): number {
    for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
    return -1;
}

/**
 * Output family cases: every case is accepted with `check_output` true and the transform's output
 * (§10.1). At least 6 cases (random strings fill up) and at most 35.
 */
export function outputCases(
    ownInputs: Iterable<string>,
    transform: (tape: string) => { output: string; description: string },
    ctx: CaseContext,
): TestCase[] {
    const inputs = unique([...baseCandidates(ctx), ...ownInputs]).slice(0, MAX_CASES);
    for (let attempt = 0; inputs.length < MIN_OUTPUT_CASES && attempt < BALANCE_ATTEMPTS; attempt++) {
        const s = ctx.rng.string(ctx.colors, ctx.rng.int(1, PAD.long));
        if (!inputs.includes(s)) inputs.push(s);
    }
    return inputs.map((input) => {
        const { output, description } = transform(input);
        return makeTestCase(input, { expected_output: output, expected_accepted: true, check_output: true, description });
    });
}

/** The cases of one problem: the family's inputs through the acceptance or output machinery. */
export function buildCases<P>(family: Family<P>, param: P, ctx: CaseContext): TestCase[] {
    const own = family.inputs(param, ctx);
    return family.kind === 'acceptance'
        ? acceptanceCases(own, (t) => family.accepts(param, t), ctx)
        : outputCases(own, (t) => family.transform(param, t), ctx);
}
