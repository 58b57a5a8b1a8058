// The verifier's safety pre-filter (docs/bouncingsim.md §10): a plain substring test over the whole program
// (comments and strings included). Any hit fails every test without running anything.

export const UNSAFE_SUBSTRINGS: readonly string[] = [
    'threading', 'multiprocess', 'multiprocessing', 'import os', 'from os', 'shutil',
    'import torch', 'from torch', 'import sklearn', 'from sklearn',
];

/** The forbidden substrings the program contains (empty when it may run). */
export function unsafeSubstrings(program: string): string[] {
    return UNSAFE_SUBSTRINGS.filter((s) => program.includes(s));
}

/** Offsets of each hit, for editor diagnostics. */
export function unsafeOccurrences(program: string): { text: string; offset: number }[] {
    const hits: { text: string; offset: number }[] = [];
    for (const text of UNSAFE_SUBSTRINGS) {
        for (let at = program.indexOf(text); at >= 0; at = program.indexOf(text, at + 1)) hits.push({ text, offset: at });
    }
    return hits.sort((a, b) => a.offset - b.offset);
}
