// Inputs for the numerical families: values around the family's constant, powers of two, runs of
// B, a few mixed patterns, leading-R (leading zero) variants and random tapes.
import { COMPLEX, PAD } from './case-builder.js';
import { valueToTape } from './binary.js';
import type { CaseContext } from './types.js';

const MIXED = ['BRBRBRBR', 'RBRBBRBB', 'BBRRBBRR', 'BRRBBRRB', 'RRBRBBRB'];

export function binaryInputs(anchors: readonly bigint[], { rng, colors }: CaseContext): string[] {
    const out: string[] = [];
    for (const a of anchors) {
        for (const v of [a - 1n, a, a + 1n]) if (v > 0n) out.push(valueToTape(v));
        if (a > 0n) {
            // The same value behind leading zeros, then 2a and 2a + 1 (one more binary digit).
            out.push(colors[0] + valueToTape(a), colors[0] + colors[0] + valueToTape(a));
            out.push(valueToTape(a) + 'R', valueToTape(a) + 'B');
        }
    }
    for (let p = 2; p <= 8; p += 2) out.push(valueToTape(1n << BigInt(p)));
    for (let n = 3; n <= 8; n += 1) out.push('B'.repeat(n));
    out.push(...MIXED);
    out.push(rng.string(colors, PAD.long), rng.string(colors, COMPLEX.medium));
    return out;
}
