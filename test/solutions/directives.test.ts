import { describe, expect, test } from 'vitest';
import { formatTape, parseDirectives, planTests, tapePreview } from '../../language/dataset/solutions/index.js';
import { verdictOf } from '../../language/manufactoria/verdict.js';

describe('parseDirectives', () => {
    test('reads a problem reference with its selector and the span of the reference', () => {
        const text = '# problem: ../data/rows.jsonl#Starts with BB\nSTART start:\n    NEXT end\nEND end';
        const { problem, issues } = parseDirectives(text);
        expect(issues).toEqual([]);
        expect(problem).toEqual({
            ref: '../data/rows.jsonl#Starts with BB', path: '../data/rows.jsonl', selector: 'Starts with BB',
            span: { line: 0, start: 11, end: 44 },
        });
    });

    test('a folder name with # does not start the selector; no selector when there is no # in the file name', () => {
        expect(parseDirectives('#problem:  a#b/rows.json  ').problem).toMatchObject({ path: 'a#b/rows.json', span: { line: 0, start: 11, end: 24 } });
        expect(parseDirectives('# problem: rows.json#3').problem).toMatchObject({ path: 'rows.json', selector: '3' });
    });

    test('the three test forms become test cases with the verifier defaults and their line as description', () => {
        const text = ['START start:', '    # test: RB -> accept', '# test: "" -> reject', '# test: R => RBR', '# test: "R B" => ""', '#test:RB->accept'].join('\n');
        const { tests, issues } = parseDirectives(text);
        expect(issues).toEqual([]);
        expect(tests.map((t) => [t.expectation, t.testCase])).toEqual([
            ['accept', { input: 'RB', expected_output: '', expected_accepted: true, check_output: false, description: 'line 2' }],
            ['reject', { input: '', expected_output: '', expected_accepted: false, check_output: false, description: 'line 3' }],
            ['output', { input: 'R', expected_output: 'RBR', expected_accepted: true, check_output: true, description: 'line 4' }],
            ['output', { input: 'R B', expected_output: '', expected_accepted: true, check_output: true, description: 'line 5' }],
            ['accept', { input: 'RB', expected_output: '', expected_accepted: true, check_output: false, description: 'line 6' }],
        ]);
        expect(tests[0].span).toEqual({ line: 1, start: 4, end: 24 });
    });

    test('a directive keyword in another case or the plural is a comment, and says so instead of dropping its tests', () => {
        const text = ['# Test: RB -> accept', '  #TEST: R -> reject', '# Problem: rows.jsonl#1', '# tests: B -> accept', '# Tests: B -> accept', '# a Test: not at the start', '# testing: prose'].join('\n');
        const { tests, problem, issues } = parseDirectives(text);
        expect([tests, problem]).toEqual([[], undefined]);
        expect(issues).toEqual([
            { span: { line: 0, start: 0, end: 6 }, message: '`# Test:` is a plain comment, not a directive: write `# test:` (lowercase)' },
            { span: { line: 1, start: 2, end: 7 }, message: '`#TEST:` is a plain comment, not a directive: write `# test:` (lowercase)' },
            { span: { line: 2, start: 0, end: 9 }, message: '`# Problem:` is a plain comment, not a directive: write `# problem:` (lowercase)' },
            { span: { line: 3, start: 0, end: 7 }, message: '`# tests:` is a plain comment, not a directive: write `# test:` (singular)' },
            { span: { line: 4, start: 0, end: 7 }, message: '`# Tests:` is a plain comment, not a directive: write `# test:` (lowercase, singular)' },
        ]);
    });

    test('a tape written back by formatTape (lens labels, new solution files) reads back as itself', () => {
        for (const tape of ['', 'RB', 'R B', 'R\tB', 'R\nB', 'a"b', 'a\\b', 'x -> y', 'R=>B', '\u0001', 'é\u2028']) {
            const { tests, issues } = parseDirectives(`# test: ${formatTape(tape)} => ${formatTape(tape)}`);
            expect(issues).toEqual([]);
            expect([tests[0].input, tests[0].testCase.expected_output]).toEqual([tape, tape]);
        }
        // A backslash before a character JSON does not escape keeps that character.
        expect(parseDirectives('# test: "a\\qb" -> accept').tests[0].input).toBe('aqb');
    });

    test('malformed directives are issues on their line; ordinary comments are not directives', () => {
        const text = ['# a problem: this is prose', '# test: RB', '# test: RB -> maybe', '# test: RB => R B', '# problem:', '# problem: a.json', '# problem: b.json', '# test: -> accept'].join('\n');
        const { issues, tests, problem } = parseDirectives(text);
        expect(tests).toEqual([]);
        expect(problem?.path).toBe('a.json');
        expect(issues.map((i) => [i.span.line, i.message])).toEqual([
            [1, expect.stringMatching(/^Malformed test directive: expected/)],
            [2, 'Expected `accept` or `reject` after `->`, got `maybe`'],
            [3, 'Unexpected `B` after the expected output `R`: a tape with spaces goes in double quotes ("R B")'],
            [4, expect.stringMatching(/^Empty problem directive/)],
            [6, 'Only one problem directive per file; the one on line 6 applies'],
            [7, expect.stringMatching(/^Malformed test directive/)],
        ]);
    });

    test('an output test with text after its expected output names that text; one without an output says it is missing', () => {
        const { issues } = parseDirectives('# test: RB => RB # the tail\n# test: RB =>\n# test: RB => "R B" x');
        expect(issues.map((i) => [i.span.line, i.message])).toEqual([
            [0, 'Unexpected `# the tail` after the expected output `RB`: a tape with spaces goes in double quotes ("R B")'],
            [1, expect.stringMatching(/^Expected the output after `=>`/)],
            [2, 'Unexpected `x` after the expected output `"R B"`: a tape with spaces goes in double quotes ("R B")'],
        ]);
    });

    test('directives are comments: the reference verdict of a program does not change', () => {
        const program = 'START start:\n    NEXT end\nEND end';
        const withDirectives = `# problem: x.jsonl#1\n${program}\n    # test: R -> accept\n# test: "" => ""`;
        expect(verdictOf(withDirectives).ok).toBe(true);
        expect(parseDirectives(withDirectives).tests).toHaveLength(2);
    });
});

describe('planTests', () => {
    test('numbers inline tests by line and labels each case', () => {
        const { tests } = parseDirectives('# test: RB -> accept\n\n# test: "" => R+');
        expect(planTests(undefined, tests).map((t) => [t.id, t.label, t.detail])).toEqual([
            ['l1', 'line 1: RB → accept', 'input RB, expects accepted (acceptance only) — line 1'],
            ['l3', 'line 3: "" ⇒ R+', 'input "", expects output R+, accepted — line 3'],
        ]);
    });
    test('shows a long tape by its ends and length, a long description cut (Test Explorer draws them as they are)', () => {
        const long = 'R'.repeat(31) + 'B' + 'G'.repeat(1_000_000) + 'Y' + 'B'.repeat(31);
        const problem = { span: { line: 0, start: 0, end: 0 }, problem: { testCases: [
            { input: long, expected_output: 'R'.repeat(64), expected_accepted: true, check_output: true, description: 'x'.repeat(199) + '😀' + 'y'.repeat(5000) },
            { input: 'R'.repeat(65), expected_output: '', expected_accepted: false, check_output: false, description: 'short' },
        ] } } as unknown as Parameters<typeof planTests>[0];
        const [a, b] = planTests(problem, []);
        expect(a.label).toBe(`#1 ${'R'.repeat(31)}B…Y${'B'.repeat(31)} (1,000,064 symbols) ⇒ ${'R'.repeat(64)}`);
        expect(a.detail).toBe(`input ${'R'.repeat(31)}B…Y${'B'.repeat(31)} (1,000,064 symbols), expects output ${'R'.repeat(64)}, accepted — ${'x'.repeat(199)}…`);
        expect(b.label).toBe(`#2 ${'R'.repeat(32)}…${'R'.repeat(32)} (65 symbols) → reject`);
        // A cut never splits a surrogate pair.
        expect(tapePreview('R'.repeat(31) + '😀' + 'R'.repeat(100))).toBe(`${'R'.repeat(31)}😀…${'R'.repeat(32)} (133 symbols)`);
        expect(tapePreview('R'.repeat(100) + '😀' + 'R'.repeat(31))).toBe(`${'R'.repeat(32)}…😀${'R'.repeat(31)} (133 symbols)`);
    });
});
