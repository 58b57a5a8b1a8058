// Code extraction as the training-side client does it (docs/bouncingsim.md §10): the last ``` fence (optionally
// tagged `python`), or the whole output when there is none. Other tags (```py) are kept as part of
// the code, exactly like the reference regex, so such answers fail there and here alike.
// Manufactoria programs use a different rule: dataset/scoring/extract.ts (extractDslProgram).
import { feedbackBlockCount, fencedBlocks } from '../../dataset/scoring/fences.js';

const FENCE = /```(?:python)?([\s\S]*?)```/g;

export function extractPythonProgram(output: string): string {
    let last: string | undefined;
    for (const m of output.matchAll(FENCE)) last = m[1];
    return last ?? output;
}

/** extractPythonProgram with notes (fields as Manufactoria's Extraction; the code is not stripped). */
export function extractPythonProgramWithNotes(output: string) {
    const blocks = fencedBlocks(output, FENCE);
    const feedbackBlocks = feedbackBlockCount(output);
    if (blocks.length === 0) return { program: output, blocks: 0, used: null, tag: '', wholeResponse: true, feedbackBlocks, span: [0, output.length] as [number, number] };
    const b = blocks[blocks.length - 1];
    return { program: output.slice(b.contentStart, b.contentEnd), blocks: blocks.length, used: blocks.length - 1, tag: b.tag, wholeResponse: false, feedbackBlocks, span: [b.contentStart, b.contentEnd] as [number, number] };
}
