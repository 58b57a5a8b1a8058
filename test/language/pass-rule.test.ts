// The pass rule of docs/manufactoria.md §6 on the cases where reading it as "equal, or else the regex"
// goes wrong. Expected bodies are the reference verifier's, recorded from its /test_solution handler.
import { describe, expect, test } from 'vitest';
import { answerLine } from '../../cli/verify-core.js';

const DSL = 'START start:\n    NEXT end\nEND end';
const request = (pairs: Array<[input: string, expected: string]>) => JSON.stringify({
    dsl: DSL,
    test_cases: pairs.map(([input, expected]) => ({ input, expected_output: expected, expected_accepted: true, check_output: true, description: '' })),
});
const result = (input: string, passed: boolean) =>
    `{"input":${JSON.stringify(input)},"expected_output":${JSON.stringify(input)},"actual_output":${JSON.stringify(input)},"expected_accepted":true,"actual_accepted":true,"check_output":true,"passed":${passed},"path":["start","end"],"rejection_reason":null,"description":""}`;

describe('expected outputs: regex or text', () => {
    test('a pattern decides alone: a tape equal to its text fails unless the pattern matches it; only uncompilable patterns fall back to equality', () => {
        expect(answerLine(request([['R+', 'R+'], ['()', '()'], ['(R', '(R'], ['R{2}', 'R{2}']]), 1)).toBe(
            `{"valid":true,"all_passed":false,"results":[${result('R+', false)},${result('()', false)},${result('(R', true)},${result('R{2}', true)}]}`);
    });

    test('a pattern that raises past re.error fails the whole request, one repeat below the limit does not', () => {
        expect(answerLine(request([['R', 'R{4294967295}|R']]), 1)).toBe(
            '{"valid":false,"all_passed":false,"message":"Unexpected error: the repetition number is too large","results":[]}');
        expect(answerLine(request([['R', 'R{4294967294}|R']]), 1)).toBe(
            '{"valid":true,"all_passed":true,"results":[{"input":"R","expected_output":"R{4294967294}|R","actual_output":"R","expected_accepted":true,"actual_accepted":true,"check_output":true,"passed":true,"path":["start","end"],"rejection_reason":null,"description":""}]}');
    });
});
