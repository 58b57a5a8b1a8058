// `# problem:` and `# test:` directives. They are comment lines, which the reference drops, so a
// solution file carrying them stays a valid program for the reference verifier.
import { parseProblemRef } from '../problems/selector.js';
import { makeTestCase, type TestCase } from '../testcases/test-case.js';

/** A span on one document line (0-based line, character columns). */
export interface LineSpan {
    line: number;
    start: number;
    end: number;
}

export interface ProblemDirective {
    /** The whole reference as written: `path[#selector]`. */
    ref: string;
    path: string;
    selector?: string;
    /** The directive line and the span of `ref` on it. */
    span: LineSpan;
}

export type Expectation = 'accept' | 'reject' | 'output';

export interface InlineTest {
    input: string;
    expectation: Expectation;
    testCase: TestCase;
    /** The directive's line; the whole directive text. */
    span: LineSpan;
}

export interface DirectiveIssue {
    span: LineSpan;
    message: string;
}

export interface Directives {
    problem?: ProblemDirective;
    tests: InlineTest[];
    issues: DirectiveIssue[];
}

export const TEST_SYNTAX = '`# test: <input> -> accept`, `# test: <input> -> reject` or `# test: <input> => <expected output>` ("" is the empty tape)';

// The one definition of a directive line: the keyword directly after `#`, then `:`. A comment that
// merely mentions "problem" is not a directive.
const HEAD = /^([ \t]*#[ \t]*)(problem|test)[ \t]*:[ \t]*/;
// `[^\n]`, not `.`: a tape may hold U+2028 or U+2029, which `.` does not match.
const DIRECTIVE = new RegExp(`${HEAD.source}([^\\n]*?)[ \\t\\r]*$`);
// What a user may write meaning a directive (`# Test:`, `# PROBLEM:`, `# tests:`): it is a plain
// comment, so the tests it holds would silently never run; it gets an issue instead.
const NEAR_MISS = /^([ \t]*#[ \t]*)((?:problem|test)s?)[ \t]*:/i;

export type DirectiveKeyword = 'problem' | 'test';

/** The keyword of a directive line (or of the text before the cursor on one) and where its value starts. */
export function directiveHead(line: string): { keyword: DirectiveKeyword; valueStart: number } | undefined {
    const match = HEAD.exec(line);
    return match ? { keyword: match[2] as DirectiveKeyword, valueStart: match[0].length } : undefined;
}

/** Whether some line of a text is a `# problem:` directive. */
export function hasProblemDirective(text: string): boolean {
    return text.includes('#') && text.split('\n').some((line) => directiveHead(line)?.keyword === 'problem');
}
const QUOTED = /^"((?:[^"\\]|\\.)*)"/;

/** Reads every directive of a text; malformed ones become issues naming the line. */
export function parseDirectives(text: string): Directives {
    const result: Directives = { tests: [], issues: [] };
    if (!text.includes('#')) return result;
    const lines = text.split('\n');
    for (let line = 0; line < lines.length; line++) {
        const raw = lines[line];
        if (!raw.includes('#')) continue;
        const match = DIRECTIVE.exec(raw);
        if (!match) {
            addNearMiss(result, raw, line);
            continue;
        }
        const [, head, keyword, value] = match;
        const valueStart = raw.indexOf(value, head.length + keyword.length);
        const span: LineSpan = { line, start: valueStart, end: valueStart + value.length };
        const whole: LineSpan = { line, start: head.length - head.trimStart().length, end: valueStart + value.length };
        if (keyword === 'problem') addProblem(result, value, span, whole);
        else addTest(result, value, whole);
    }
    return result;
}

function addNearMiss(result: Directives, raw: string, line: number): void {
    const miss = NEAR_MISS.exec(raw);
    if (!miss) return;
    const [, head, word] = miss;
    const keyword = /^problem/i.test(word) ? 'problem' : 'test';
    const start = head.length - head.trimStart().length;
    result.issues.push({
        span: { line, start, end: head.length + word.length },
        message: `\`${head.trimStart()}${word}:\` is a plain comment, not a directive: write \`# ${keyword}:\` (${[
            ...(word !== word.toLowerCase() ? ['lowercase'] : []), ...(word.length > keyword.length ? ['singular'] : []),
        ].join(', ')})`,
    });
}

function addProblem(result: Directives, value: string, span: LineSpan, whole: LineSpan): void {
    if (value === '') {
        result.issues.push({ span: whole, message: 'Empty problem directive: write `# problem: <relative path>[#<id | name | row index>]`' });
        return;
    }
    if (result.problem) {
        result.issues.push({ span: whole, message: `Only one problem directive per file; the one on line ${result.problem.span.line + 1} applies` });
        return;
    }
    const { path, selector } = parseProblemRef(value);
    result.problem = { ref: value, path: path.trimEnd(), ...(selector !== undefined ? { selector: selector.trim() } : {}), span };
}

function addTest(result: Directives, value: string, span: LineSpan): void {
    const issue = (message: string) => result.issues.push({ span, message });
    const input = readInput(value);
    if (!input) return void issue(`Malformed test directive: expected ${TEST_SYNTAX}`);
    const rest = value.slice(input.length).trimStart();
    if (rest.startsWith('->')) {
        const verdict = rest.slice(2).trim();
        if (verdict !== 'accept' && verdict !== 'reject') {
            return void issue(`Expected \`accept\` or \`reject\` after \`->\`, got ${verdict === '' ? 'nothing' : `\`${verdict}\``}`);
        }
        const testCase = makeTestCase(input.value, { expected_accepted: verdict === 'accept', check_output: false, description: `line ${span.line + 1}` });
        result.tests.push({ input: input.value, expectation: verdict, testCase, span });
    } else if (rest.startsWith('=>')) {
        const written = rest.slice(2).trim();
        const expected = readInput(written);
        if (!expected) return void issue('Expected the output after `=>`: a tape like `RBR`, a pattern like `R+B*`, or "" for the empty tape');
        if (written.length !== expected.length) {
            // `RB => R B` or a trailing comment: say what is left over, not that the output is missing.
            return void issue(`Unexpected \`${written.slice(expected.length).trim()}\` after the expected output \`${written.slice(0, expected.length)}\`: a tape with spaces goes in double quotes ("R B")`);
        }
        const testCase = makeTestCase(input.value, { expected_output: expected.value, expected_accepted: true, check_output: true, description: `line ${span.line + 1}` });
        result.tests.push({ input: input.value, expectation: 'output', testCase, span });
    } else {
        issue(`Malformed test directive: expected ${TEST_SYNTAX}`);
    }
}

/**
 * A bare word (no spaces, not starting an arrow) or a double-quoted string with JSON's escapes, which
 * is how formatTape writes a tape back (`"R\tB"` is R, a tab, B); in a string JSON cannot read, a
 * backslash keeps the character after it (`"a\qb"` is aqb).
 */
function readInput(text: string): { value: string; length: number } | undefined {
    const quoted = QUOTED.exec(text);
    if (quoted) return { value: jsonString(quoted[0]) ?? quoted[1].replace(/\\(.)/g, '$1'), length: quoted[0].length };
    const word = /^[^\s"]+/.exec(text);
    if (!word || word[0].startsWith('->') || word[0].startsWith('=>')) return undefined;
    // `RB->accept` without spaces: stop the word at the arrow.
    const arrow = word[0].search(/[-=]>/);
    const value = arrow > 0 ? word[0].slice(0, arrow) : word[0];
    return { value, length: value.length };
}

function jsonString(quoted: string): string | undefined {
    try {
        return JSON.parse(quoted) as string;
    } catch {
        return undefined;
    }
}

/** How a test's input or expected tape is written back in a directive (readInput reads it back). */
export function formatTape(tape: string): string {
    return tape === '' || /[\s"]|[-=]>/.test(tape) ? JSON.stringify(tape) : tape;
}
