// Grouping of the Problems view (client/problems/problem-tree.ts) and row lookup (row-location.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadProblemFile, parseProblemText } from '../../language/dataset/problems/index.js';
import { countText, fileNode, holdsProblems, issuesLabel, type ProblemNode } from '../../client/problems/problem-tree.js';
import { lineOfArrayElement, lineOfId } from '../../language/dataset/problems/row-location.js';
import { selectProblem } from '../../language/dataset/problems/selector.js';
import { parseDirectives } from '../../language/dataset/solutions/directives.js';
import { bindsProblem, solutionText } from '../../client/problems/solution-file.js';

const SAMPLE = 'test/fixtures/manufactoria/problems_sample.jsonl';

/** `label  description` per node, indented by depth: the view as a reader sees it. */
function outline(node: ProblemNode, depth = 0): string[] {
    const description = 'description' in node && node.description ? `  ${node.description}` : '';
    const line = `${'  '.repeat(depth)}${node.label}${description}`;
    return [line, ...('children' in node ? node.children.flatMap((c) => outline(c, depth + 1)) : [])];
}

describe('fileNode', () => {
    it('groups by family → level → colour mode, with counts, in the benchmark order', async () => {
        const result = await loadProblemFile(SAMPLE, { displayName: 'problems_sample.jsonl' });
        const node = fileNode('/abs/problems_sample.jsonl', 'problems_sample.jsonl', result);
        const lines = outline(node);
        expect(lines[0]).toBe('problems_sample.jsonl  17 problems');
        const ops = lines.indexOf('  numerical_operations  3 problems');
        expect(lines.slice(ops, ops + 7)).toEqual([
            '  numerical_operations  3 problems',
            '    easy  1 problem',
            '      two_color  1 problem',
            '        Numerical Floor Division By 2^2  71a8c9c6-0f6a-b75b-f55b-2e5ca6ed0ac0',
            '    medium  1 problem',
            '      two_color  1 problem',
            '        Numerical Bitwise Or With 16  7e22e1b7-5178-3032-8066-b49bb1d792a0',
        ]);
        const families = node.kind === 'file' ? node.children.map((c) => c.label) : [];
        expect(families).toEqual([...families].sort());
        const ids = new Set<string>();
        const walk = (n: ProblemNode): void => {
            expect(ids.has(n.id)).toBe(false);
            ids.add(n.id);
            if ('children' in n) n.children.forEach(walk);
        };
        walk(node);
    });

    it('leaves carry criteria and test count in the tooltip', async () => {
        const result = await loadProblemFile(SAMPLE, { displayName: 'problems_sample.jsonl' });
        const starts = result.problems.find((p) => p.name === 'Starts with BB')!;
        const node = fileNode('/abs/p.jsonl', 'p.jsonl', { ...result, problems: [starts] });
        const leaves = (n: ProblemNode): ProblemNode[] => ('children' in n ? n.children.flatMap(leaves) : [n]);
        const [problem] = leaves(node);
        expect(problem.kind === 'problem' && problem.tooltip).toBe(`${starts.criteria}\n\n${starts.testCases.length} test cases · starts_with · basic · two_color`);
    });

    it('adds a node for rows that could not be loaded, one child per issue', () => {
        const good = '{"id": "a", "name": "A", "problem_type": "f", "difficulty_level": "basic", "criteria": "Accept all. The input tape carries only red/blue colors.", "test_cases": []}';
        const bad = '{"id": "b", "name": "B", "criteria": "x", "test_cases": []}';
        const result = parseProblemText(`${good}\n${bad}\n`, 'rows.jsonl', 'jsonl');
        expect(holdsProblems(result)).toBe(true);
        const node = fileNode('/abs/rows.jsonl', 'rows.jsonl', result);
        expect(node.kind === 'file' && node.description).toBe('1 problem, 1 row not loaded');
        const issues = (node as { children: ProblemNode[] }).children.at(-1)!;
        expect(issues.label).toBe('1 row could not be loaded');
        expect(issues.kind === 'issues' && issues.children.map((c) => c.label)).toEqual(['rows.jsonl:2: problem_type: missing required field']);
        expect(issuesLabel(3)).toBe('3 rows could not be loaded');
        expect(countText(1)).toBe('1 problem');
    });

    it('Open Solution binds the row it was asked for, whatever its id (ids repeat, can be empty or hold "/")', () => {
        const row = (id: string, name: string, criteria = 'c') => JSON.stringify({ id, name, problem_type: 'f', difficulty_level: 'basic', criteria, test_cases: [] });
        const result = parseProblemText([row('dup', 'A'), row('dup', 'A', 'other'), row('', 'C'), row('a/b', 'D'), row(' e', 'E')].join('\n'), 'rows.jsonl', 'jsonl');
        const leaves = (n: ProblemNode): ProblemNode[] => ('children' in n ? n.children.flatMap(leaves) : [n]);
        const problems = leaves(fileNode('/abs/rows.jsonl', 'rows.jsonl', result)).flatMap((n) => (n.kind === 'problem' ? [n] : []));
        expect(problems.map((n) => n.selector)).toEqual(['0', '1', 'C', 'a/b', 'E']);
        for (const node of problems) {
            const text = solutionText('rows.jsonl', node.selector, node.problem.criteria);
            const directive = parseDirectives(text).problem!;
            expect(directive.path).toBe('./rows.jsonl');
            expect(selectProblem(result.problems, directive.selector)).toMatchObject({ ok: true, problem: { source: { index: node.problem.source.index } } });
            expect(bindsProblem(text, 'rows.jsonl', node.selector)).toBe(true);
        }
    });

    it('does not list JSON files that are not problem files', () => {
        expect(holdsProblems(parseProblemText('{"name": "delta-studio", "version": "0.1.0"}', 'package.json', 'json'))).toBe(false);
        expect(holdsProblems(parseProblemText('not json', 'x.json', 'json'))).toBe(false);
        // A BouncingSim dataset row: chat messages, but not a Manufactoria task.
        const bouncing = '{"id": "A_0_1", "messages": [{"role": "user", "content": "Write predict_position(t) for the ball."}], "ground_truth": "[]"}';
        expect(holdsProblems(parseProblemText(bouncing, 'rows.jsonl', 'jsonl'))).toBe(false);
        // Rollout dumps and evaluation records: a ground_truth, no chat (they were listed as files of broken problems).
        for (const dump of ['open-instruct-rollouts/demo_rollouts_000000.jsonl', 'eval-code/original_dataset.jsonl']) {
            expect(holdsProblems(parseProblemText(readFileSync(`test/fixtures/rollouts/${dump}`, 'utf8'), dump, 'jsonl'))).toBe(false);
        }
        // An HF row whose messages are there but malformed is still a broken problem.
        const broken = '{"id": "a", "name": "A", "messages": "not a list", "ground_truth": [], "problem_family": "f", "difficulty": "basic"}';
        expect(holdsProblems(parseProblemText(broken, 'rows.jsonl', 'jsonl'))).toBe(true);
    });
});

describe('lineOfArrayElement', () => {
    it('finds a row of a JSON array by position: shared ids, escaped ids, strings with brackets and quotes', () => {
        const text = '\ufeff[\n  {"id": "a", "name": "[x], {y}"},\n  {"id": "a",\n   "name": "q\\"]"},\n\n  {"id": "caf\\u00e9"}, [1,\n2], 3\n]\n';
        expect([0, 1, 2, 3, 4, 5].map((i) => lineOfArrayElement(text, i))).toEqual([1, 2, 5, 5, 6, undefined]);
        expect(lineOfId(text, 'café')).toBeUndefined(); // what the id search could not find
        expect(lineOfArrayElement('{"id": "a"}', 0)).toBeUndefined();
        expect(lineOfArrayElement('[]', 0)).toBeUndefined();
    });
});

describe('lineOfId', () => {
    it('finds the row of an id in a JSON document', () => {
        const text = '[\n  {\n    "id": "a",\n    "name": "A"\n  },\n  {\n    "id" : "b.c"\n  }\n]\n';
        expect(lineOfId(text, 'a')).toBe(2);
        expect(lineOfId(text, 'b.c')).toBe(6);
        expect(lineOfId(text, 'bxc')).toBeUndefined();
    });
});
