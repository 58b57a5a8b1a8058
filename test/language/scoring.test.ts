import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { extractDslProgram, extractDslProgramWithNotes } from '../../language/dataset/scoring/extract.js';
import { feedbackBlockCount, fencedBlocks } from '../../language/dataset/scoring/fences.js';
import { stripBounds } from '../../language/python/text.js';
import { scoreResponse } from '../../language/dataset/scoring/score.js';
import { readJson } from '../helpers/fixtures.js';

const extraction = readJson<Array<{ response: string; extracted: string }>>('manufactoria/extraction.json');

describe('extraction.json (spec §8.1)', () => {
    test('has the 10 cases', () => expect(extraction).toHaveLength(10));
    test.each(extraction.map((c, i) => [i, c] as const))('case %i', (_i, c) => expect(extractDslProgram(c.response)).toBe(c.extracted));
});

/** The extraction rule as the reference writes it, the fence pattern run as a regex: the oracle for extract.ts's string searches. */
function extractionByRegex(response: string) {
    const blocks = fencedBlocks(response, /```(?:manufactoria)?([\s\S]*?)```/g);
    const feedbackBlocks = feedbackBlockCount(response);
    const block = blocks.at(-1);
    if (!block) return { program: response, blocks: 0, used: null, tag: '', wholeResponse: true, feedbackBlocks, span: [0, response.length] };
    const [start, end] = stripBounds(response.slice(block.contentStart, block.contentEnd));
    const span = [block.contentStart + start, block.contentStart + end];
    return { program: response.slice(span[0], span[1]), blocks: blocks.length, used: blocks.length - 1, tag: block.tag, wholeResponse: false, feedbackBlocks, span };
}

describe('the fence matches, found by string searches, are the fence regex\'s', () => {
    const pieces = ['```', '`', '``', '````', 'manufactoria', 'manufactori', 'Manufactoria', 'python', '\n', ' ', 'x', 'START start:\n    NEXT end\nEND end', '--- Test Results ---', '--- End Results ---'];
    test('on responses made of backticks, tags and text', () => {
        fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 16 }), (parts) => {
            const response = parts.join('');
            // An expect only where they differ (5,000 runs; each expect costs ~20 µs of vitest's bookkeeping).
            const ours = extractDslProgramWithNotes(response);
            const theirs = extractionByRegex(response);
            if (!isDeepStrictEqual(ours, theirs)) expect(ours).toEqual(theirs);
        }), { numRuns: 5000, seed: 12 });
    });
});

describe('scoring (spec §8.2–§8.3)', () => {
    const good = '```manufactoria\nSTART start:\n    NEXT p\nPULLER_RB p:\n    [B] end\nEND end\n```';
    const label = [
        { input: 'B', expected_output: '', expected_accepted: true, check_output: false, description: '' },
        { input: 'R', expected_output: '', expected_accepted: false, check_output: false, description: '' },
        { input: '', expected_output: '', expected_accepted: true, check_output: false, description: '' },
    ];
    test('pass_rate and all_pass from the verifier results', () => {
        const score = scoreResponse(good, label);
        expect(score.pass_rate).toBeCloseTo(2 / 3);
        expect(score.all_pass).toBe(0);
    });
    test('a JSON-string label is decoded first', () => expect(scoreResponse(good, JSON.stringify(label.slice(0, 2))).all_pass).toBe(1));
    test('an undecodable, non-list or empty label scores 0 with a reason', () => {
        // The training-side verifier's reasons (companion open-instruct ground_truth_utils.py ManufactoriaVerifier).
        expect(scoreResponse(good, '[{').reason).toBe('Failed to parse label as JSON: [{');
        expect(scoreResponse(good, { a: 1 }).reason).toBe("Label must be a list of test cases, got: <class 'dict'>");
        expect(scoreResponse(good, '{"a": 1}').reason).toBe("Label must be a list of test cases, got: <class 'dict'>");
        expect(scoreResponse(good, '"[]"').reason).toBe("Label must be a list of test cases, got: <class 'str'>");
        expect(scoreResponse(good, '5').reason).toBe("Label must be a list of test cases, got: <class 'int'>");
        expect(scoreResponse(good, '5.0').reason).toBe("Label must be a list of test cases, got: <class 'float'>");
        expect(scoreResponse(good, 'NaN').reason).toBe("Label must be a list of test cases, got: <class 'float'>");
        expect(scoreResponse(good, 'null').reason).toBe("Label must be a list of test cases, got: <class 'NoneType'>");
        expect(scoreResponse(good, true).reason).toBe("Label must be a list of test cases, got: <class 'bool'>");
        expect(scoreResponse(good, []).reason).toBe('No test cases provided');
    });
    test('a parse error scores 0 with the verifier message', () => {
        const score = scoreResponse('```\nSTART begin:\n    NEXT end\nEND end\n```', label);
        expect([score.pass_rate, score.all_pass]).toEqual([0, 0]);
        expect(score.response).toMatchObject({ valid: false, message: "DSL Parse Error: Line 1: START node must have ID 'start'" });
    });
});
