// Resolves a `# problem:` directive to a loaded problem. Files are cached by size and mtime, so
// editing a solution does not re-read its problem file, while editing the problem file is noticed.
import { promises as fs } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { loadProblemFile, type LoadResult } from '../problems/load.js';
import { formatIssue, type Problem } from '../problems/problem.js';
import { selectProblem } from '../problems/selector.js';
import type { ProblemDirective } from './directives.js';

export type Binding =
    | { ok: true; problem: Problem; file: string }
    | { ok: false; message: string; file?: string };

interface CacheEntry {
    stamp: string;
    result: Promise<LoadResult>;
}

export class ProblemFileCache {
    private readonly entries = new Map<string, CacheEntry>();

    async load(file: string): Promise<LoadResult> {
        const stat = await fs.stat(file);
        if (!stat.isFile()) throw new Error('not a file');
        const stamp = `${stat.size}:${stat.mtimeMs}`;
        const cached = this.entries.get(file);
        if (cached && cached.stamp === stamp) return cached.result;
        const result = loadProblemFile(file);
        this.entries.set(file, { stamp, result });
        result.catch(() => this.entries.delete(file));
        return result;
    }

    forget(file?: string): void {
        if (file === undefined) this.entries.clear();
        else this.entries.delete(file);
    }

    /** Files loaded so far; a change to one of them can change some solution's tests. */
    has(file: string): boolean {
        return this.entries.has(file);
    }
}

/** The problem file a directive names: its path is relative to the solution's folder (`solutionFile` is absolute). */
export function problemFileOf(directive: ProblemDirective, solutionFile: string): string {
    return isAbsolute(directive.path) ? directive.path : resolve(dirname(solutionFile), directive.path);
}

/** `solutionFile` is the absolute path of the solution; the directive's path is relative to its folder. */
export async function bindProblem(directive: ProblemDirective, solutionFile: string, cache: ProblemFileCache): Promise<Binding> {
    // An unsaved editor buffer (`untitled:Untitled-1`) has no folder: a relative path would resolve
    // against the language server's working directory.
    if (!isAbsolute(directive.path) && !isAbsolute(solutionFile)) {
        return { ok: false, message: `Problem file '${directive.path}' is relative to the solution file, which is not saved yet: save it first (or give an absolute path)` };
    }
    const file = problemFileOf(directive, solutionFile);
    let loaded: LoadResult;
    try {
        loaded = await cache.load(file);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not a file' : (error as Error).message;
        return { ok: false, file, message: `Problem file '${directive.path}' cannot be read: ${why}` };
    }
    if (loaded.problems.length === 0) {
        const first = loaded.issues[0];
        return { ok: false, file, message: `Problem file '${directive.path}' holds no loadable problem${first ? ` (${formatIssue({ ...first, file: directive.path })})` : ''}` };
    }
    const selection = selectProblem(loaded.problems, directive.selector);
    if (!selection.ok) {
        const why = selection.candidates || !directive.selector ? '' : unloadedRows(loaded, directive);
        return { ok: false, file, message: `Problem '${directive.ref}': ${selection.message}${why}` };
    }
    return { ok: true, problem: selection.problem, file };
}

/**
 * When no loaded row matches, the row meant may be one that failed to load: the issue of the row
 * index selected, or else how many rows failed and the first reason (a row bound by name whose
 * test cases are malformed is not loaded, and "no problem named" alone would send the user looking
 * for a typo).
 */
function unloadedRows(loaded: LoadResult, directive: ProblemDirective): string {
    const issues = loaded.issues.filter((i) => i.index !== undefined);
    if (issues.length === 0) return '';
    const index = /^\d+$/.test(directive.selector!.trim()) ? Number(directive.selector!.trim()) : undefined;
    const own = issues.find((i) => i.index === index);
    if (own) return `: ${formatIssue({ ...own, file: directive.path })}`;
    const first = formatIssue({ ...issues[0], file: directive.path });
    return issues.length === 1 ? ` (a row of the file could not be loaded: ${first})` : ` (${issues.length} rows of the file could not be loaded; the first: ${first})`;
}
