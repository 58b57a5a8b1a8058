// Parameters of the sequence-based families: every colour sequence in a length range, with the
// per-level ranges inferred in docs/manufactoria.md §10 (the reference's per-level file is unpublished).
import { sequences } from './sequences.js';
import { COLORS, type ColorMode, type Level } from './types.js';

export interface LengthRange {
    min: number;
    max: number;
}

/** §10.2 default for every sequence family. */
export const DEFAULT_LENGTHS: LengthRange = { min: 1, max: 6 };

export function sequenceParameters(colorMode: ColorMode, range: LengthRange): string[] {
    return [...sequences(COLORS[colorMode], range.min, range.max)];
}

export function rangeFor(level: Level, perLevel: Partial<Record<Level, LengthRange>>): LengthRange {
    return perLevel[level] ?? DEFAULT_LENGTHS;
}

/** `s` with position `i` changed to the next colour, for near-miss inputs. */
export function flipAt(s: string, i: number, colors: readonly string[]): string {
    if (s.length === 0) return s;
    const k = ((i % s.length) + s.length) % s.length;
    const next = colors[(colors.indexOf(s[k]) + 1) % colors.length];
    return s.slice(0, k) + next + s.slice(k + 1);
}

export function reverse(s: string): string {
    return [...s].reverse().join('');
}
