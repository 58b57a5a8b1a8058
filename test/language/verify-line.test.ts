// delta verify reads a request line as the reference server reads a body (Python's json.loads).
import { describe, expect, test } from 'vitest';
import { answerLine } from '../../cli/verify-core.js';

const DSL = 'START start:\n    NEXT end\nEND end';
const ANSWER = '{"valid":true,"all_passed":true,"results":[{"input":"R","expected_output":"R","actual_output":"R","expected_accepted":true,"actual_accepted":true,"check_output":true,"passed":true,"path":["start","end"],"rejection_reason":null,"description":""}]}';
const line = (maxTime: string) => `{"dsl": ${JSON.stringify(DSL)}, "test_cases": [{"input": "R", "expected_output": "R"}], "max_execution_time": ${maxTime}}`;

describe('delta verify request lines', () => {
    test.each(['NaN', 'Infinity', '-Infinity', '1.0'])('max_execution_time %s is a valid float, as in the reference', (maxTime) => {
        expect(answerLine(line(maxTime), 1)).toBe(ANSWER);
    });

    test('NaN where a string belongs is the field error, not invalid JSON', () => {
        expect(answerLine(`{"dsl": NaN, "test_cases": []}`, 3)).toBe('{"error":"3: dsl: Input should be a valid string"}');
    });

    test('text Python refuses too stays invalid JSON', () => {
        expect(answerLine('{"dsl": nan}', 2)).toMatch(/^\{"error":"2: invalid JSON: /);
    });

    test('an integer too large for a double is no float (float_type), though JSON.parse makes it Infinity', () => {
        expect(answerLine(line('9'.repeat(400)), 4)).toBe('{"error":"4: max_execution_time: Input should be a valid number"}');
        expect(answerLine(line('1e400'), 4)).toBe(ANSWER);
    });

    test('an answer that would echo a lone surrogate is the reference\'s 500, reported as an error line', () => {
        const lone = `{"dsl": ${JSON.stringify(DSL)}, "test_cases": [{"input": "R", "expected_output": "R", "description": "\\udc00"}]}`;
        expect(answerLine(lone, 5)).toMatch(/^\{"error":"5: the reference answers 500 Internal Server Error: /);
        const pair = `{"dsl": ${JSON.stringify(DSL)}, "test_cases": [{"input": "R", "expected_output": "R", "description": "\\ud83d\\ude00"}]}`;
        expect(answerLine(pair, 6)).toBe(ANSWER.replace('"description":""', '"description":"\u{1F600}"'));
    });
});
