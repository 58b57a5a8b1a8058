// A new solution file for a problem: its name and its starting text. Pure.
import { directiveHead, formatTape, parseDirectives } from '../../language/dataset/solutions/directives.js';
import type { TestCase } from '../../language/dataset/testcases/test-case.js';

const COMMENT_WIDTH = 100;
const NAME_LENGTH = 80;

/** A program to edit that rejects every tape: a starter that accepted everything would pass every reject case. */
export const SOLUTION_SKELETON = 'START start:\n    NEXT read\n\nPULLER_RB read:\n    [R] NONE\n    [B] NONE\n    [EMPTY] NONE\n\nEND end\n';

/** How many of the problem's cases the starter copies as `# test:` lines (accepting and rejecting ones). */
const SAMPLE_TESTS = 2;

/** `Contains 'BBR'` → `contains-bbr`: lower case, dashes, safe on every file system. */
export function solutionBaseName(name: string, id: string): string {
    const base = name
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, NAME_LENGTH)
        .replace(/-+$/, '');
    return base || `problem-${idSuffix(id)}`;
}

/** File names to try, in order: the plain one, then one made unique by the id (names can repeat). */
export function solutionFileNames(name: string, id: string): string[] {
    const base = solutionBaseName(name, id);
    return [`${base}.manufactoria`, `${base}-${idSuffix(id)}.manufactoria`];
}

function idSuffix(id: string): string {
    return id.replace(/[^A-Za-z0-9]+/g, '').slice(0, 8).toLowerCase() || 'row';
}

/** `# ` lines of at most ~100 characters; words longer than a line are kept whole. */
export function commentLines(text: string, width = COMMENT_WIDTH): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split(/\r?\n/)) {
        let line = '#';
        for (const word of paragraph.split(/\s+/).filter(Boolean)) {
            if (line.length > 1 && line.length + 1 + word.length > width) {
                lines.push(line);
                line = '#';
            }
            line += ` ${word}`;
        }
        lines.push(line);
    }
    // A criteria line starting with "problem:" or "test:" would read as a directive.
    return lines.map((l) => (directiveHead(l) ? `# | ${l.slice(1).trimStart()}` : l));
}

/**
 * The starter: the binding (`problemPath` relative to the solution, `selector` naming the row: its
 * id unless that does not select it, see ProblemLookup.selectorOf), the criteria as comments, a few
 * of the problem's cases as `# test:` lines to edit and step through, and a program that rejects all.
 */
export function solutionText(problemPath: string, selector: string, criteria: string, cases: readonly TestCase[] = []): string {
    const tests = sampleTests(cases);
    const path = problemPath.startsWith('.') ? problemPath : `./${problemPath}`;
    return [`# problem: ${path}#${selector}`, ...commentLines(criteria), ...(tests.length ? ['#', '# Sample tests of the problem (all its tests run too):', ...tests] : []), '', SOLUTION_SKELETON].join('\n');
}

/** Up to SAMPLE_TESTS accepting and SAMPLE_TESTS rejecting cases as `# test:` directives. */
export function sampleTests(cases: readonly TestCase[]): string[] {
    const pick = (accepted: boolean) => cases.filter((c) => c.expected_accepted === accepted && (!c.check_output || accepted)).slice(0, SAMPLE_TESTS);
    return [...pick(true), ...pick(false)].map((c) =>
        c.check_output ? `# test: ${formatTape(c.input)} => ${formatTape(c.expected_output)}` : `# test: ${formatTape(c.input)} -> ${c.expected_accepted ? 'accept' : 'reject'}`);
}

/** Whether an existing solution text binds this problem file and row selector (then it is opened, not replaced). */
export function bindsProblem(text: string, problemPath: string, selector: string): boolean {
    const problem = parseDirectives(text).problem;
    if (!problem || problem.selector !== selector) return false;
    return problem.path.replace(/^\.\//, '') === problemPath.replace(/^\.\//, '');
}
