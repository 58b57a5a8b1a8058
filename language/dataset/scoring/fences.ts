// Fenced blocks of a model response, for the two extraction rules (Manufactoria programs in
// dataset/scoring/extract.ts, BouncingSim Python answers in bouncingsim/python/extract.ts). Each rule
// passes its own fence pattern; this module only records where the blocks are, so editors and
// `delta rollouts` can explain which block a rule used (docs/rollouts.md, "Extraction").

export interface FencedBlock {
    /** Offset of the opening ``` in the response. */
    start: number;
    /** Offset just after the closing ```. */
    end: number;
    /** [contentStart, contentEnd): the captured text, as the rule's pattern captured it. */
    contentStart: number;
    contentEnd: number;
    /** The word written right after the opening fence ('' when none), whether the rule consumed it or not. */
    tag: string;
}

const TAG = /^[^\s`]*/;

/** All non-overlapping matches of `fence` (global, one capture group: the content), left to right. */
export function fencedBlocks(response: string, fence: RegExp): FencedBlock[] {
    const blocks: FencedBlock[] = [];
    for (const m of response.matchAll(fence)) {
        const start = m.index;
        const content = m[1];
        const end = start + m[0].length;
        const contentEnd = end - 3;
        blocks.push({ start, end, contentStart: contentEnd - content.length, contentEnd, tag: fenceTag(response, start) });
    }
    return blocks;
}

/** The word written right after the opening fence at `start` (its first 61 characters at most; '' when none). */
export function fenceTag(response: string, start: number): string {
    return TAG.exec(response.slice(start + 3, start + 64))![0];
}

const FEEDBACK = /--- Test Results ---[\s\S]*?--- End Results ---/g;

/** Feedback blocks (the test-results turn the training loop can append, spec'd in docs/rollouts.md) in a response. */
export function feedbackBlockCount(response: string): number {
    if (!response.includes('--- Test Results ---')) return 0;
    let n = 0;
    for (const _ of response.matchAll(FEEDBACK)) n++;
    return n;
}
