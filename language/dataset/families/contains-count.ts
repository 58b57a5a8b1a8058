// contains_count (§10.2): "at least n of colour c" for 1–3 distinct colours at once.
import { COMPLEX, PAD } from './case-builder.js';
import { combinations, productOf } from './sequences.js';
import { COLORS, type AcceptanceFamily, type CaseContext, type Level } from './types.js';

/** One requirement per colour, in colour order. */
export type CountRequirement = ReadonlyArray<readonly [color: string, count: number]>;

export interface CountTotals {
    min: number;
    max: number;
}

/** Default thresholds 1..11 (§10.2); the easy "has" set used totals 1..6 (§10.4: 194 problems). */
const TOTALS: Partial<Record<Level, CountTotals>> = { easy: { min: 1, max: 6 } };
const DEFAULT_TOTALS: CountTotals = { min: 1, max: 11 };

/**
 * Colour-count outermost, then colour combinations, then the counts in itertools.product order
 * (first colour's count varying slowest), keeping totals inside the thresholds. With totals 1..6
 * this places "Need 3 Rs and 3 Ys" at index 50, as in the sample rows.
 */
export function countRequirements(colors: readonly string[], totals: CountTotals): CountRequirement[] {
    const out: CountRequirement[] = [];
    const counts = Array.from({ length: totals.max }, (_, i) => i + 1);
    for (let k = 1; k <= 3; k++) {
        for (const combo of combinations(colors, k)) {
            for (const tuple of productOf(combo.map(() => counts))) {
                const total = tuple.reduce((a, b) => a + b, 0);
                if (total >= totals.min && total <= totals.max) out.push(combo.map((c, i) => [c, tuple[i]] as const));
            }
        }
    }
    return out;
}

const plural = (n: number) => (n > 1 ? 's' : '');

export const containsCount: AcceptanceFamily<CountRequirement> = {
    name: 'contains_count',
    difficulty: 'medium',
    kind: 'acceptance',
    parameters: (level, mode) => countRequirements(COLORS[mode], TOTALS[level] ?? DEFAULT_TOTALS),
    text: (req) => {
        if (req.length === 1) {
            const [c, n] = req[0];
            return {
                name: `At least ${n} ${c}${plural(n)}`,
                criteria: `Accept if the tape has at least ${n} ${c.toLowerCase()}${plural(n)}; reject otherwise.`,
                description: '',
            };
        }
        return {
            name: `Need ${req.map(([c, n]) => `${n} ${c}${plural(n)}`).join(' and ')}`,
            criteria: `Accept if the tape has ${req.map(([c, n]) => `at least ${n} ${c.toLowerCase()}${plural(n)}`).join(' and ')}; reject otherwise.`,
            description: '',
        };
    },
    accepts: (req, t) => meetsCounts(req, t),
    inputs: (req, ctx) => countInputs(req, ctx),
};

export function meetsCounts(req: CountRequirement, tape: string): boolean {
    return req.every(([c, n]) => [...tape].filter((ch) => ch === c).length >= n);
}

/** Exactly-enough tapes (shuffled, with filler) and tapes one short of each requirement. */
function countInputs(req: CountRequirement, { rng, colors }: CaseContext): string[] {
    const needed = req.flatMap(([c, n]) => Array<string>(n).fill(c));
    const others = colors.filter((c) => !req.some(([r]) => r === c));
    const filler = (len: number) => (others.length ? rng.string(others, len) : '');
    const out = [
        needed.join(''),
        rng.shuffled(needed).join(''),
        rng.shuffled([...needed, ...filler(PAD.short)]).join(''),
        rng.shuffled([...needed, ...rng.string(colors, PAD.medium)]).join(''),
    ];
    for (const [c] of req) {
        const short = needed.slice();
        short.splice(short.indexOf(c), 1);
        out.push(rng.shuffled([...short, ...filler(PAD.short)]).join(''));
    }
    out.push(rng.string(colors, PAD.long), rng.string(colors, COMPLEX.medium), rng.string(colors, COMPLEX.large));
    return out;
}
