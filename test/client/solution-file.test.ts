// New solution files from the Problems view (client/problems/solution-file.ts).
import { describe, expect, it } from 'vitest';
import { parseDirectives } from '../../language/dataset/solutions/directives.js';
import { bindsProblem, commentLines, sampleTests, SOLUTION_SKELETON, solutionBaseName, solutionFileNames, solutionText } from '../../client/problems/solution-file.js';

describe('solution file names', () => {
    it('are lower-case, dash-separated and safe', () => {
        expect(solutionBaseName("Contains 'BBR'", 'x')).toBe('contains-bbr');
        expect(solutionBaseName('Prepend  after Replace patterns RB with BR', 'x')).toBe('prepend-after-replace-patterns-rb-with-br');
        expect(solutionBaseName('Regex Pattern: (RBR)+(B)?', 'x')).toBe('regex-pattern-rbr-b');
        expect(solutionBaseName('../../etc/passwd', 'x')).toBe('etc-passwd');
        expect(solutionBaseName('Café ✓', 'x')).toBe('cafe');
        expect(solutionBaseName('***', 'ab0c1681-c8f8')).toBe('problem-ab0c1681');
        expect(solutionBaseName('x'.repeat(200), 'i').length).toBe(80);
    });

    it('offer an id-suffixed alternative for names two problems share', () => {
        expect(solutionFileNames('Contains BBR', '586f1721-0785')).toEqual(['contains-bbr.manufactoria', 'contains-bbr-586f1721.manufactoria']);
    });
});

describe('solutionText', () => {
    const criteria = 'Accept if the tape starts with BB; reject otherwise. The input tape carries only red/blue colors. ' +
        'This sentence is here to push the criteria well past one hundred characters so that it wraps.';
    const text = solutionText('problems_sample.jsonl', 'ab0c1681', criteria);

    it('binds the problem, quotes the criteria and ends with a minimal program', () => {
        const lines = text.split('\n');
        expect(lines[0]).toBe('# problem: ./problems_sample.jsonl#ab0c1681');
        expect(lines[1].startsWith('# Accept if the tape starts with BB;')).toBe(true);
        expect(text.endsWith(`\n\n${SOLUTION_SKELETON}`)).toBe(true);
        expect(SOLUTION_SKELETON).toContain('[EMPTY] NONE'); // rejects every tape: no free passes
        for (const line of lines) expect(line.length).toBeLessThanOrEqual(100);
        expect(lines.filter((l) => l.startsWith('# ')).slice(1).map((l) => l.slice(2)).join(' ')).toBe(criteria);
    });

    it('is read back as a binding of exactly that problem', () => {
        const directives = parseDirectives(text);
        expect(directives.problem).toMatchObject({ path: './problems_sample.jsonl', selector: 'ab0c1681' });
        expect(directives.tests).toEqual([]);
        expect(directives.issues).toEqual([]);
        expect(bindsProblem(text, 'problems_sample.jsonl', 'ab0c1681')).toBe(true);
        expect(bindsProblem(text, 'problems_sample.jsonl', 'other')).toBe(false);
        expect(bindsProblem(text, 'other.jsonl', 'ab0c1681')).toBe(false);
    });

    it('never turns criteria into directives', () => {
        const lines = commentLines('test: RB -> accept\nproblem: x.jsonl');
        expect(parseDirectives(lines.join('\n'))).toEqual({ tests: [], issues: [] });
        expect(lines).toEqual(['# | test: RB -> accept', '# | problem: x.jsonl']);
    });
});

describe('sample tests in the starter', () => {
    it('two accepting and two rejecting cases as directives that read back as the same tests', () => {
        const c = (input: string, accepted: boolean, output = '', check = false) => ({ input, expected_output: output, expected_accepted: accepted, check_output: check, description: '' });
        const lines = sampleTests([c('BB', true), c('', false), c('R', false), c('B', true, 'B', true), c('BBR', true), c('RR', false)]);
        expect(lines).toEqual(['# test: BB -> accept', '# test: B => B', '# test: "" -> reject', '# test: R -> reject']);
        const text = solutionText('../problems.jsonl', 'x', 'Accept BB.', [c('BB', true), c('', false)]);
        expect(parseDirectives(text).tests.map((t) => [t.input, t.testCase.expected_accepted])).toEqual([['BB', true], ['', false]]);
        expect(parseDirectives(text).problem).toMatchObject({ path: '../problems.jsonl', selector: 'x' });
    });
});
