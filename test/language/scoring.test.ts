import { describe, expect, test } from 'vitest';
import { extractDslProgram } from '../../language/dataset/scoring/extract.js';
import { scoreResponse } from '../../language/dataset/scoring/score.js';
import { readJson } from '../helpers/fixtures.js';

const extraction = readJson<Array<{ response: string; extracted: string }>>('manufactoria/extraction.json');

describe('extraction.json (spec §8.1)', () => {
    test('has the 10 cases', () => expect(extraction).toHaveLength(10));
    test.each(extraction.map((c, i) => [i, c] as const))('case %i', (_i, c) => expect(extractDslProgram(c.response)).toBe(c.extracted));
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
        expect(scoreResponse(good, '[{').reason).toMatch(/^Label is not valid JSON/);
        expect(scoreResponse(good, { a: 1 }).reason).toMatch(/^Label must be a list of test cases/);
        expect(scoreResponse(good, []).reason).toBe('No test cases provided');
    });
    test('a parse error scores 0 with the verifier message', () => {
        const score = scoreResponse('```\nSTART begin:\n    NEXT end\nEND end\n```', label);
        expect([score.pass_rate, score.all_pass]).toEqual([0, 0]);
        expect(score.response).toMatchObject({ valid: false, message: "DSL Parse Error: Line 1: START node must have ID 'start'" });
    });
});
