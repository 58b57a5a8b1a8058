// Family letters: parsing `--family` (kept apart from the samplers so the editor's form can use
// it without loading them).

import { AXIS_LETTERS, PERIODIC } from './ranges.js';

export class FamilyError extends Error {}

/** Letters sorted and upper-cased ("ba" → "AB"); throws FamilyError on letters we cannot generate. */
export function parseFamily(text: string, difficulty: number): string {
    const letters = [...text.toUpperCase()].sort();
    const family = letters.join('');
    if (!/^[A-Z]+$/.test(family)) throw new FamilyError(`--family takes letters such as A, AB or FG (got '${text}')`);
    if (new Set(letters).size !== letters.length) throw new FamilyError(`--family '${text}' repeats a letter`);
    if (family.includes('H')) {
        if (family !== 'H') throw new FamilyError('H (periodic) is generated on its own, not combined with other letters');
        if (difficulty >= PERIODIC.length) throw new FamilyError(`H is defined for difficulties 0–${PERIODIC.length - 1} only (got ${difficulty})`);
        return family;
    }
    const unknown = letters.filter((l) => !(AXIS_LETTERS as string[]).includes(l));
    if (unknown.length) throw new FamilyError(`unknown family letter(s) ${unknown.join(', ')}; use ${AXIS_LETTERS.join(' ')} (and their combinations) or H`);
    return family;
}
