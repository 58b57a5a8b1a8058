// Manufactoria program extraction from a model response (docs/rollouts.md, "Extraction"): the last
// fenced block wins (only a directly following lowercase `manufactoria` tag is consumed) and is
// stripped; with no complete fence the whole response is used unchanged. BouncingSim answers use a
// different rule: see bouncingsim/python/extract.ts (extractPythonProgram).
import { stripBounds } from '../../python/text.js';
import { feedbackBlockCount, fencedBlocks } from './fences.js';

const FENCE = /```(?:manufactoria)?([\s\S]*?)```/g;

export interface Extraction {
    program: string;
    /** Number of fenced blocks found. */
    blocks: number;
    /** Index of the block used, or null when the whole response was used. */
    used: number | null;
    /** The word after the used block's opening fence ('' when none, or when no block was used). */
    tag: string;
    wholeResponse: boolean;
    feedbackBlocks: number;
    /** [start, end) of `program` in the response. */
    span: [number, number];
}

export function extractDslProgram(response: string): string {
    return extractDslProgramWithNotes(response).program;
}

/** The extraction rule, with notes on what it found and used. */
export function extractDslProgramWithNotes(response: string): Extraction {
    const blocks = fencedBlocks(response, FENCE);
    const feedbackBlocks = feedbackBlockCount(response);
    if (blocks.length === 0) {
        return { program: response, blocks: 0, used: null, tag: '', wholeResponse: true, feedbackBlocks, span: [0, response.length] };
    }
    const block = blocks[blocks.length - 1];
    const content = response.slice(block.contentStart, block.contentEnd);
    const [start, end] = stripBounds(content);
    return {
        program: content.slice(start, end),
        blocks: blocks.length,
        used: blocks.length - 1,
        tag: block.tag,
        wholeResponse: false,
        feedbackBlocks,
        span: [block.contentStart + start, block.contentStart + end],
    };
}
