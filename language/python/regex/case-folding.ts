// Case-insensitive matching as sre_compile does it: lower-case both sides, plus sre's extra cases.
import { extraCaseMap, isCased, lowerChanged, toLower } from '../unicode/index.js';
import { asciiIsCased, asciiLower } from './ascii-classes.js';
import { F_IGNORECASE, F_UNICODE } from './sre-constants.js';

export interface CaseRules {
    lower: (cp: number) => number;
    isCased: (cp: number) => boolean;
    extra: ReadonlyMap<number, readonly number[]> | null;
    /** Code points whose lowercase differs from themselves. */
    changed: () => readonly number[];
}

const UNICODE_CASE: CaseRules = { lower: toLower, isCased, extra: extraCaseMap(), changed: lowerChanged };
const ASCII_UPPERCASE = Array.from({ length: 26 }, (_, i) => 0x41 + i);
const ASCII_CASE: CaseRules = { lower: asciiLower, isCased: asciiIsCased, extra: null, changed: () => ASCII_UPPERCASE };

export function caseRules(flags: number): CaseRules | null {
    if (!(flags & F_IGNORECASE)) return null;
    return flags & F_UNICODE ? UNICODE_CASE : ASCII_CASE;
}

/** The values a case-insensitive literal accepts for lower(ch), or null when it compares exactly. */
export function foldedLiteral(cp: number, rules: CaseRules | null): number[] | null {
    if (!rules || !rules.isCased(cp)) return null;
    const lower = rules.lower(cp);
    return [lower, ...(rules.extra?.get(lower) ?? [])];
}
