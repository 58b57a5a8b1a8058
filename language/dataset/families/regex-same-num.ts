// regex_same_num (§10.3): "counted" patterns such as R{n}B{n+1}, accepted for some n ≥ 1.
import { COMPLEX, PAD } from './case-builder.js';
import type { AcceptanceFamily, CaseContext } from './types.js';

export const COUNT_VALUES = ['n', 'n+1', 'n+2', 'n+3', '2n'] as const;
export type CountValue = (typeof COUNT_VALUES)[number];

export type SameNumShape = 'RB' | 'BR' | 'symmetric_r' | 'symmetric_b';
export const SAME_NUM_SHAPES: readonly SameNumShape[] = ['RB', 'BR', 'symmetric_r', 'symmetric_b'];

export interface SameNumParam {
    shape: SameNumShape;
    x: CountValue;
    y: CountValue;
}

/** Colour runs of a template, in order. */
export function segments({ shape, x, y }: SameNumParam): Array<[color: string, count: CountValue]> {
    switch (shape) {
        case 'RB': return [['R', x], ['B', y]];
        case 'BR': return [['B', x], ['R', y]];
        case 'symmetric_r': return [['R', y], ['B', x], ['R', y]];
        case 'symmetric_b': return [['B', x], ['R', y], ['B', x]];
    }
}

export function templateText(param: SameNumParam): string {
    return segments(param).map(([c, v]) => `${c}{${v}}`).join('');
}

function explanation({ shape, x, y }: SameNumParam): string {
    switch (shape) {
        case 'RB':
        case 'BR':
            return `A sequence where x=${x} and y=${y} for any positive integer n.`;
        case 'symmetric_r':
            return `A symmetric pattern starting and ending with R, where x=${x} and y=${y} for any positive integer n.`;
        case 'symmetric_b':
            return `A symmetric pattern starting and ending with B, where x=${x} and y=${y} for any positive integer n.`;
    }
}

export function countOf(value: CountValue, n: number): number {
    return value === '2n' ? 2 * n : n + (value === 'n' ? 0 : Number(value.slice(2)));
}

export function expand(param: SameNumParam, n: number): string {
    return segments(param).map(([c, v]) => c.repeat(countOf(v, n))).join('');
}

/** Shapes outermost, then x, then y: 4 × 25 = 100 templates. */
export function sameNumParameters(): SameNumParam[] {
    const out: SameNumParam[] = [];
    for (const shape of SAME_NUM_SHAPES) for (const x of COUNT_VALUES) for (const y of COUNT_VALUES) out.push({ shape, x, y });
    return out;
}

/** Some n in 1..min(50, len+1) expands to the tape; "" never qualifies (§10.2). */
export function sameNumAccepts(param: SameNumParam, tape: string): boolean {
    if (tape === '') return false;
    const limit = Math.min(50, tape.length + 1);
    for (let n = 1; n <= limit; n++) if (expand(param, n) === tape) return true;
    return false;
}

export const regexSameNum: AcceptanceFamily<SameNumParam> = {
    name: 'regex_same_num',
    difficulty: 'hard',
    kind: 'acceptance',
    parameters: () => sameNumParameters(),
    text: (param) => {
        const tpl = templateText(param);
        return {
            name: `Variable Pattern: ${tpl}`,
            criteria: `Accept strings that match the pattern '${tpl}' for any n ≥ 1. ${explanation(param)}`,
            description: '',
        };
    },
    accepts: sameNumAccepts,
    inputs: (param, ctx) => sameNumInputs(param, ctx),
};

/** Expansions for n = 1..4 and the same runs with one count off by one. */
function sameNumInputs(param: SameNumParam, { rng, colors }: CaseContext): string[] {
    const segs = segments(param);
    const skewed = (n: number, which: number, delta: number) =>
        segs.map(([c, v], i) => c.repeat(Math.max(0, countOf(v, n) + (i === which ? delta : 0)))).join('');
    return [
        expand(param, 1), expand(param, 2), expand(param, 3), expand(param, 4),
        skewed(1, segs.length - 1, 1), skewed(2, 0, 1), skewed(2, segs.length - 1, -1),
        [...expand(param, 2)].reverse().join(''),
        rng.string(colors, PAD.short), rng.string(colors, PAD.medium - 1), rng.string(colors, COMPLEX.medium),
    ];
}
