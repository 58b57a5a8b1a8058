// numerical_comparison (acceptance) and numerical_max_min (output), §10.2–10.3.
import { tapeToValue, valueToTape } from './binary.js';
import { binaryInputs } from './binary-inputs.js';
import { pyTitle } from '../../python/string-methods.js';
import type { AcceptanceFamily, Level, OutputFamily } from './types.js';

export const COMPARISONS = {
    '>': 'greater than',
    '>=': 'greater than or equal to',
    '<': 'less than',
    '<=': 'less than or equal to',
    '=': 'equal to',
} as const;
export type Comparison = keyof typeof COMPARISONS;

export interface ComparisonParam {
    op: Comparison;
    k: number;
}

/** 315 = 5 ops × 63 thresholds per level for easy and medium (§10.4, inferred split). */
const THRESHOLDS: Partial<Record<Level, [number, number]>> = { easy: [1, 63], medium: [64, 126] };
const DEFAULT_THRESHOLDS: [number, number] = [1, 256];

export function comparisonParameters(level: Level): ComparisonParam[] {
    const [a, b] = THRESHOLDS[level] ?? DEFAULT_THRESHOLDS;
    const out: ComparisonParam[] = [];
    for (const op of Object.keys(COMPARISONS) as Comparison[]) for (let k = a; k <= b; k++) out.push({ op, k });
    return out;
}

export function compare(op: Comparison, v: bigint, k: bigint): boolean {
    switch (op) {
        case '>': return v > k;
        case '>=': return v >= k;
        case '<': return v < k;
        case '<=': return v <= k;
        case '=': return v === k;
    }
}

export const numericalComparison: AcceptanceFamily<ComparisonParam> = {
    name: 'numerical_comparison',
    difficulty: 'hard',
    kind: 'acceptance',
    parameters: (level) => comparisonParameters(level),
    text: ({ op, k }) => ({
        name: `Binary ${pyTitle(COMPARISONS[op])} ${k}`,
        criteria: `Treat Blue as 1 and Red as 0. Accept if the binary number is ${COMPARISONS[op]} ${k}; reject otherwise.`,
        description: '',
    }),
    accepts: ({ op, k }, t) => compare(op, tapeToValue(t), BigInt(k)),
    inputs: ({ k }, ctx) => binaryInputs([BigInt(k)], ctx),
};

export interface MaxMinParam {
    op: 'max' | 'min';
    k: number;
}

/** {max, min} × [1, 256], op-major: 512 problems at every level (§10.4 "defaults"). */
export function maxMinParameters(): MaxMinParam[] {
    const out: MaxMinParam[] = [];
    for (const op of ['max', 'min'] as const) for (let k = 1; k <= 256; k++) out.push({ op, k });
    return out;
}

export const numericalMaxMin: OutputFamily<MaxMinParam> = {
    name: 'numerical_max_min',
    difficulty: 'easy',
    kind: 'output',
    parameters: () => maxMinParameters(),
    text: ({ op, k }) => {
        const word = op === 'max' ? 'maximum' : 'minimum';
        return {
            name: `Numerical ${op.toUpperCase()}(${k}, input)`,
            criteria: `Treat Blue as 1 and Red as 0. Output the ${word} of ${k} and input.`,
            description: `Convert input to binary number, compute ${word} of ${k} and input, and output the result as binary.`,
        };
    },
    transform: ({ op, k }, t) => {
        const v = tapeToValue(t);
        const kk = BigInt(k);
        const w = op === 'max' ? (v > kk ? v : kk) : (v < kk ? v : kk);
        const out = valueToTape(w);
        return { output: out, description: `Input '${t}' (value ${v}) should output '${out}' (value ${w})` };
    },
    inputs: ({ k }, ctx) => binaryInputs([BigInt(k)], ctx),
};
