// starts_with, ends_with and exact_sequence (§10.2): acceptance families on one colour sequence.
import { COMPLEX, PAD } from './case-builder.js';
import { flipAt, rangeFor, reverse, sequenceParameters } from './sequence-params.js';
import type { AcceptanceFamily, CaseContext } from './types.js';

export const startsWith: AcceptanceFamily<string> = {
    name: 'starts_with',
    difficulty: 'basic',
    kind: 'acceptance',
    parameters: (level, mode) => sequenceParameters(mode, rangeFor(level, {})),
    text: (s) => ({ name: `Starts with ${s}`, criteria: `Accept if the tape starts with ${s}; reject otherwise.`, description: '' }),
    accepts: (s, t) => t.startsWith(s),
    inputs: (s, ctx) => prefixInputs(s, ctx),
};

export const endsWith: AcceptanceFamily<string> = {
    name: 'ends_with',
    difficulty: 'medium',
    kind: 'acceptance',
    parameters: (level, mode) => sequenceParameters(mode, rangeFor(level, {})),
    text: (s) => ({ name: `Ends with ${s}`, criteria: `Accept if the tape ends with ${s}; reject otherwise.`, description: '' }),
    accepts: (s, t) => t.endsWith(s),
    // A suffix problem is the prefix problem read backwards, so mirror the prefix inputs.
    inputs: (s, ctx) => prefixInputs(reverse(s), ctx).map(reverse),
};

export const exactSequence: AcceptanceFamily<string> = {
    name: 'exact_sequence',
    difficulty: 'basic',
    kind: 'acceptance',
    parameters: (level, mode) => sequenceParameters(mode, rangeFor(level, {})),
    text: (s) => ({ name: `Exactly ${s}`, criteria: `Accept if the tape is exactly ${s}; reject otherwise.`, description: '' }),
    accepts: (s, t) => t === s,
    inputs: (s, ctx) => exactInputs(s, ctx),
};

/** Positives with growing random tails; negatives that differ in the first symbol or lack it. */
function prefixInputs(s: string, { rng, colors }: CaseContext): string[] {
    return [
        s,
        s + rng.string(colors, PAD.short),
        s + rng.string(colors, PAD.medium),
        s + rng.string(colors, PAD.long),
        flipAt(s, 0, colors) + rng.string(colors, PAD.short),
        s.slice(1),
        rng.string(colors, PAD.short) + s,
        rng.string(colors, COMPLEX.medium),
    ];
}

/** The sequence itself plus one-symbol edits, repetition and random strings. */
function exactInputs(s: string, { rng, colors }: CaseContext): string[] {
    return [
        s,
        s + colors[0],
        colors[1] + s,
        s.slice(0, -1),
        flipAt(s, -1, colors),
        s + s,
        rng.string(colors, s.length),
        s + rng.string(colors, PAD.long),
        rng.string(colors, PAD.long) + s,
        rng.string(colors, COMPLEX.medium),
    ];
}
