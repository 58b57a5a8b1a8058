// regex_pattern (§10.2): tapes must fully match a concatenation of `(base)op` parts.
import { COMPLEX, PAD } from './case-builder.js';
import { pythonFullmatch } from '../../python/regex/index.js';
import { flipAt } from './sequence-params.js';
import { productOf, sequences } from './sequences.js';
import { COLORS, type AcceptanceFamily, type CaseContext } from './types.js';

export type RegexOp = '+' | '?' | '*';
export const REGEX_OPS: readonly RegexOp[] = ['+', '?', '*'];

export interface RegexPart {
    base: string;
    op: RegexOp;
}

export interface RegexOptions {
    baseMin: number;
    baseMax: number;
    parts: number;
}

/** Defaults of §10.2: bases of length 1–3, two parts (e.g. `(RBR)+(B)?`). */
export const DEFAULT_REGEX_OPTIONS: RegexOptions = { baseMin: 1, baseMax: 3, parts: 2 };

export function regexText(parts: readonly RegexPart[]): string {
    return parts.map((p) => `(${p.base})${p.op}`).join('');
}

/** Every part choice is base-major then op; patterns are itertools.product over the parts. */
export function regexParameters(colors: readonly string[], options = DEFAULT_REGEX_OPTIONS): RegexPart[][] {
    const choices: RegexPart[] = [];
    for (const base of sequences(colors, options.baseMin, options.baseMax)) for (const op of REGEX_OPS) choices.push({ base, op });
    return [...productOf(Array.from({ length: options.parts }, () => choices))];
}

export const regexPattern: AcceptanceFamily<RegexPart[]> = {
    name: 'regex_pattern',
    difficulty: 'hard',
    kind: 'acceptance',
    // The per-level settings are unknown (§10.4), so every level uses the defaults.
    parameters: (_level, mode) => regexParameters(COLORS[mode]),
    text: (parts) => {
        const re = regexText(parts);
        return {
            name: `Regex Pattern: ${re}`,
            criteria: `Accept if the tape matches the regex pattern '${re}' exactly; reject otherwise. '+' means one or more repetitions, '?' means zero or one occurrence, '*' means zero or more repetitions.`,
            description: '',
        };
    },
    // Generated patterns always compile, so only `true` means the tape matches.
    accepts: (parts, t) => pythonFullmatch(regexText(parts), t) === true,
    inputs: (parts, ctx) => regexInputs(parts, ctx),
};

/** Members with small repetition counts for every part, random members, then near misses. */
function regexInputs(parts: readonly RegexPart[], ctx: CaseContext): string[] {
    const { rng, colors } = ctx;
    const counts = (op: RegexOp) => (op === '?' ? [0, 1] : op === '+' ? [1, 2, 3] : [0, 1, 2]);
    const build = (tuple: number[]) => parts.map((p, i) => p.base.repeat(tuple[i])).join('');
    // Small counts first so that even a one-letter language like (R)+(R)+ yields 3 distinct members.
    const small = [...new Set([...productOf(parts.map((p) => counts(p.op)))].map(build))].slice(0, 8);
    const random = Array.from({ length: 3 }, () => build(parts.map((p) => rng.pick(counts(p.op)) + (p.op === '?' ? 0 : rng.int(0, 2)))));
    const members = [...small, ...random];
    const misses = members.filter((m) => m.length > 0).flatMap((m) => [m.slice(0, -1), m + rng.pick(colors), flipAt(m, rng.int(0, m.length - 1), colors)]);
    return [...members, ...misses.slice(0, 8), rng.string(colors, PAD.long), rng.string(colors, COMPLEX.medium)];
}
