// contains_substring (consecutive) and contains_ordered (subsequence), §10.2.
import { COMPLEX, PAD } from './case-builder.js';
import { flipAt, rangeFor, reverse, sequenceParameters } from './sequence-params.js';
import type { AcceptanceFamily, CaseContext, Level } from './types.js';
import type { LengthRange } from './sequence-params.js';

/** The "has" dataset (easy, four colours) used lengths 1–4 (§10.4: 340 = 4+16+64+256). */
const HAS_LENGTHS: Partial<Record<Level, LengthRange>> = { easy: { min: 1, max: 4 } };

export const containsSubstring: AcceptanceFamily<string> = {
    name: 'contains_substring',
    difficulty: 'easy',
    kind: 'acceptance',
    parameters: (level, mode) => sequenceParameters(mode, rangeFor(level, HAS_LENGTHS)),
    text: (s) => ({
        name: `Contains '${s}'`,
        criteria: `Accept if the tape contains the substring '${s}' (must be consecutive); reject otherwise.`,
        description: '',
    }),
    accepts: (s, t) => t.includes(s),
    inputs: (s, ctx) => substringInputs(s, ctx),
};

export const containsOrdered: AcceptanceFamily<string> = {
    name: 'contains_ordered',
    difficulty: 'medium',
    kind: 'acceptance',
    parameters: (level, mode) => sequenceParameters(mode, rangeFor(level, HAS_LENGTHS)),
    text: (s) => ({
        name: `Contains ${s}`,
        criteria: `Accept if the tape contains the subsequence ${s} (does not have to be consecutive); reject otherwise.`,
        description: '',
    }),
    accepts: (s, t) => isSubsequence(s, t),
    inputs: (s, ctx) => subsequenceInputs(s, ctx),
};

export function isSubsequence(needle: string, hay: string): boolean {
    let i = 0;
    for (const ch of hay) if (i < needle.length && ch === needle[i]) i++;
    return i === needle.length;
}

function substringInputs(s: string, { rng, colors }: CaseContext): string[] {
    const mid = Math.floor(s.length / 2);
    return [
        s,
        rng.string(colors, PAD.short) + s + rng.string(colors, PAD.short),
        rng.string(colors, PAD.medium) + s,
        s + rng.string(colors, PAD.long),
        s + s,
        // A near miss: the sequence broken by one foreign symbol (a subsequence, not a substring).
        s.length > 1 ? s.slice(0, mid) + flipAt(s, mid, colors)[mid] + s.slice(mid) : flipAt(s, 0, colors),
        reverse(s),
        rng.string(colors, PAD.long),
        rng.string(colors, COMPLEX.medium),
    ];
}

function subsequenceInputs(s: string, { rng, colors }: CaseContext): string[] {
    // The sequence's symbols spread out with random filler between them.
    const spread = (fill: number) => [...s].map((ch) => ch + rng.string(colors, rng.int(0, fill))).join('');
    return [
        s,
        spread(1),
        rng.string(colors, PAD.short) + spread(2),
        spread(3) + rng.string(colors, PAD.short),
        s.slice(0, -1) + rng.string(colors.filter((c) => c !== s[s.length - 1]), PAD.short),
        reverse(s),
        s.slice(1),
        rng.string(colors, PAD.long),
        rng.string(colors, COMPLEX.medium),
        rng.string(colors, COMPLEX.large),
    ];
}
