// The Problems view as plain data: file → family → level → colour mode → problem, plus a node for
// rows that did not load. Pure, so the grouping and the texts are unit-tested.
import { formatIssue, ProblemLookup, type LoadIssue, type LoadResult, type Problem } from '../../language/dataset/problems/index.js';
import { COLOR_MODES, LEVELS } from '../../language/dataset/families/types.js';
import { problemKey } from './problem-status.js';

export type ProblemNode =
    | { kind: 'file'; id: string; label: string; description: string; file: string; children: ProblemNode[] }
    | { kind: 'group'; by: 'family' | 'level' | 'colorMode'; id: string; label: string; description: string; children: ProblemNode[] }
    /** `selector`: what a `# problem:` line names this row by (ProblemLookup.selectorOf). */
    | { kind: 'problem'; id: string; label: string; description: string; tooltip: string; file: string; problem: Problem; selector: string }
    | { kind: 'issues'; id: string; label: string; tooltip: string; file: string; children: ProblemNode[] }
    | { kind: 'issue'; id: string; label: string; tooltip: string; file: string; issue: LoadIssue };

/** A file is listed when it holds problems, or rows that are recognisably broken problems. */
export function holdsProblems(result: LoadResult): boolean {
    // A field-level issue means the row looked like a problem; a file-level one (not JSON, no row
    // shape) is just some other JSON file of the workspace.
    // Chat rows whose prompt is not a Manufactoria task (BouncingSim datasets) are other data too,
    // and so are rows with a ground_truth and no chat at all (rollout dumps, evaluation records).
    return result.problems.length > 0 || result.issues.some((i) => i.field !== undefined && !notAProblem(i));
}

function notAProblem(issue: LoadIssue): boolean {
    return /^messages\[\d+\]\.content$/.test(issue.field ?? '') || (issue.field === 'messages' && issue.message === 'missing required field');
}

export function countText(n: number): string {
    return `${n} ${n === 1 ? 'problem' : 'problems'}`;
}

export function issuesLabel(n: number): string {
    return `${n} ${n === 1 ? 'row' : 'rows'} could not be loaded`;
}

export function problemTooltip(problem: Problem): string {
    const tests = problem.testCases.length;
    return `${problem.criteria}\n\n${tests} test ${tests === 1 ? 'case' : 'cases'} · ${problem.family} · ${problem.level} · ${problem.colorMode}`;
}

/**
 * `file` is the absolute path (node ids and commands use it), `label` how the view names the file
 * (its workspace-relative path). Issues are expected to carry that label as their `file`.
 */
export function fileNode(file: string, label: string, result: LoadResult): ProblemNode {
    const children: ProblemNode[] = [];
    const lookup = new ProblemLookup(result.problems);
    const byFamily = groupBy(result.problems, (p) => p.family);
    for (const family of [...byFamily.keys()].sort()) {
        const familyProblems = byFamily.get(family)!;
        const familyId = `${file}|${family}`;
        const byLevel = groupBy(familyProblems, (p) => p.level);
        children.push({
            kind: 'group',
            by: 'family',
            id: familyId,
            label: family,
            description: countText(familyProblems.length),
            children: sortKnownFirst([...byLevel.keys()], LEVELS).map((level) => {
                const levelProblems = byLevel.get(level)!;
                const levelId = `${familyId}|${level}`;
                const byMode = groupBy(levelProblems, (p) => p.colorMode);
                return {
                    kind: 'group',
                    by: 'level',
                    id: levelId,
                    label: level,
                    description: countText(levelProblems.length),
                    children: sortKnownFirst([...byMode.keys()], COLOR_MODES).map((mode) => {
                        const modeProblems = byMode.get(mode)!;
                        return {
                            kind: 'group',
                            by: 'colorMode',
                            id: `${levelId}|${mode}`,
                            label: mode,
                            description: countText(modeProblems.length),
                            children: modeProblems
                                .slice()
                                .sort((a, b) => a.source.index - b.source.index)
                                .map((problem) => problemNode(file, problem, lookup.selectorOf(problem))),
                        };
                    }),
                };
            }),
        });
    }
    if (result.issues.length > 0) {
        children.push({
            kind: 'issues',
            id: `${file}|issues`,
            label: issuesLabel(result.issues.length),
            tooltip: result.issues.slice(0, 20).map(formatIssue).join('\n') + (result.issues.length > 20 ? `\n… and ${result.issues.length - 20} more` : ''),
            file,
            children: result.issues.map((issue, i) => ({ kind: 'issue', id: `${file}|issue|${i}`, label: formatIssue(issue), tooltip: formatIssue(issue), file, issue })),
        });
    }
    const description = countText(result.problems.length) + (result.issues.length ? `, ${issuesLabel(result.issues.length).replace(' could not be loaded', ' not loaded')}` : '');
    return { kind: 'file', id: file, label, description, file, children };
}

function problemNode(file: string, problem: Problem, selector: string): ProblemNode {
    // Ids repeat in hand-made files; the row index keeps node ids unique.
    return { kind: 'problem', id: problemKey(file, problem.source.index), label: problem.name || problem.id, description: problem.id, tooltip: problemTooltip(problem), file, problem, selector };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
    const groups = new Map<string, T[]>();
    for (const item of items) {
        const k = key(item);
        const group = groups.get(k);
        if (group) group.push(item);
        else groups.set(k, [item]);
    }
    return groups;
}

/** The benchmark's order for known values (basic → hard, two → four colours), others after, sorted. */
function sortKnownFirst(values: string[], known: readonly string[]): string[] {
    const rank = (v: string) => {
        const i = known.indexOf(v);
        return i < 0 ? known.length : i;
    };
    return values.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
