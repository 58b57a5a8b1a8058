// Output families that add a sequence: append_sequence and prepend_sequence (§10.2, §10.3).
import { COMPLEX, PAD } from './case-builder.js';
import { mutationsFor, type Mutation, type MutationTier } from './mutations.js';
import { rangeFor, sequenceParameters, type LengthRange } from './sequence-params.js';
import type { CaseContext, ColorMode, Level, OutputFamily } from './types.js';

export const appendSequence: OutputFamily<string> = {
    name: 'append_sequence',
    difficulty: 'basic',
    kind: 'output',
    parameters: (level, mode) => sequenceParameters(mode, rangeFor(level, {})),
    text: (s) => ({
        name: `Append ${s}`,
        criteria: `Accept any input and append the sequence '${s}' to the end of the tape.`,
        description: `The machine should read any input sequence and append '${s}' to the end.`,
    }),
    transform: (s, t) => ({ output: t + s, description: `Input '${t}' should output '${t + s}'` }),
    inputs: (_s, ctx) => randomInputs(ctx),
};

export interface PrependParam {
    prefix: string;
    mutation: Mutation;
}

/**
 * Per-level tier and prefix lengths (inferred, §10.4): easy is plain prepends of lengths 1–4 (30),
 * medium the default 19-entry tier, hard the pattern tier (24 × 30 = 720). Hard admits the empty
 * prefix, which the sample shows ("Prepend  after Replace patterns RB with BR").
 */
const PREPEND_LEVELS: Record<Level, { tier: MutationTier; lengths: LengthRange }> = {
    basic: { tier: 'default', lengths: { min: 1, max: 6 } },
    easy: { tier: 'none', lengths: { min: 1, max: 4 } },
    medium: { tier: 'default', lengths: { min: 1, max: 4 } },
    hard: { tier: 'pattern', lengths: { min: 0, max: 4 } },
};

/** Parameter i uses mutation i % M and prefix (i // M) % S (§10.3); M × S parameters in all. */
export function prependParameters(level: Level, mode: ColorMode): PrependParam[] {
    const { tier, lengths } = PREPEND_LEVELS[level];
    const mutations = mutationsFor(tier);
    const prefixes = sequenceParameters(mode, lengths);
    const out: PrependParam[] = [];
    for (let i = 0; i < mutations.length * prefixes.length; i++) {
        out.push({ prefix: prefixes[Math.floor(i / mutations.length) % prefixes.length], mutation: mutations[i % mutations.length] });
    }
    return out;
}

export const prependSequence: OutputFamily<PrependParam> = {
    name: 'prepend_sequence',
    difficulty: 'basic',
    kind: 'output',
    parameters: prependParameters,
    text: ({ prefix: p, mutation: { text: m } }) =>
        m === null
            ? {
                name: `Prepend ${p}`,
                criteria: `Put '${p}' at the beginning of the tape.`,
                description: `The machine should read any input sequence and prepend '${p}' to the beginning.`,
            }
            : {
                name: `Prepend ${p} after ${m}`,
                criteria: `${m}, then put '${p}' at the beginning of the tape.`,
                description: `The machine should read any input sequence, apply the mutation (${m}), then prepend '${p}' to the beginning of the result.`,
            },
    transform: ({ prefix, mutation }, t) => {
        const mid = mutation.apply(t);
        return { output: prefix + mid, description: `Input '${t}' → mutated: '${mid}' → output: '${prefix + mid}'` };
    },
    inputs: (_p, ctx) => prependInputs(ctx),
};

function randomInputs({ rng, colors }: CaseContext): string[] {
    return [PAD.short + 1, PAD.medium + 2, COMPLEX.medium, COMPLEX.long].map((n) => rng.string(colors, n));
}

/**
 * Runs and alternations exercise every mutation (each source pattern occurs), then random tapes:
 * the list of the reference's rows (problems_sample.jsonl: the three prepend rows agree on it).
 */
function prependInputs(ctx: CaseContext): string[] {
    const { rng, colors } = ctx;
    return ['B', 'BBBB', 'BBB', 'RRR', 'BRBR', 'RBRB', rng.string(colors, PAD.medium + 2), rng.string(colors, COMPLEX.medium)];
}
