// A new solution file for a problem: its name and its starting text. Pure.
import { directiveHead, parseDirectives } from '../../language/dataset/solutions/directives.js';

const COMMENT_WIDTH = 100;
const NAME_LENGTH = 80;

export const SOLUTION_SKELETON = 'START start:\n    NEXT end\n\nEND end\n';

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

export function solutionText(problemFileName: string, id: string, criteria: string): string {
    return [`# problem: ./${problemFileName}#${id}`, ...commentLines(criteria), '', SOLUTION_SKELETON].join('\n');
}

/** Whether an existing solution text binds this problem file and id (then it is opened, not replaced). */
export function bindsProblem(text: string, problemFileName: string, id: string): boolean {
    const problem = parseDirectives(text).problem;
    if (!problem || problem.selector !== id) return false;
    return problem.path.replace(/^\.\//, '') === problemFileName;
}
