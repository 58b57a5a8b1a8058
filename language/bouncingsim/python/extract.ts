// Code extraction as the training-side client does it (docs/bouncingsim.md §10): the last ``` fence (optionally
// tagged `python`), its text stripped with Python's `str.strip()`, or the whole output, unchanged,
// when there is none. Other tags (```py) are kept as part of the code, exactly like the reference
// regex, so such answers fail there and here alike.
// Manufactoria programs use a different rule: dataset/scoring/extract.ts (extractDslProgram).
import { stripBounds } from '../../python/text.js';
import { feedbackBlockCount, fencedBlocks } from '../../dataset/scoring/fences.js';

const FENCE = /```(?:python)?([\s\S]*?)```/g;

export function extractPythonProgram(output: string): string {
    let last: string | undefined;
    for (const m of output.matchAll(FENCE)) last = m[1];
    if (last === undefined) return output;
    const [start, end] = stripBounds(last);
    return last.slice(start, end);
}

/** extractPythonProgram with notes (fields as Manufactoria's Extraction; `span` is the stripped code's). */
export function extractPythonProgramWithNotes(output: string) {
    const blocks = fencedBlocks(output, FENCE);
    const feedbackBlocks = feedbackBlockCount(output);
    if (blocks.length === 0) return { program: output, blocks: 0, used: null, tag: '', wholeResponse: true, feedbackBlocks, span: [0, output.length] as [number, number] };
    const b = blocks[blocks.length - 1];
    const span = stripBounds(output, b.contentStart, b.contentEnd);
    return { program: output.slice(span[0], span[1]), blocks: blocks.length, used: blocks.length - 1, tag: b.tag, wholeResponse: false, feedbackBlocks, span };
}
