// The join for rollouts without inline ground truth (and for family/level of those with it): the
// problems of `--problems` files indexed by id, by name, and by criteria (the prompt's task tail,
// which also finds a chat-templated prompt decoded from token ids).
import { criteriaFromPrompt } from '../dataset/problems/criteria.js';
import type { Problem } from '../dataset/problems/problem.js';

export class ProblemIndex {
    private byKey = new Map<string, Problem>();
    private byCriteria = new Map<string, Problem>();
    /** Criteria longest first, for prompts with text after the criteria (a chat template's tail). */
    private criteriaList: string[] | undefined;
    private promptCache = new Map<string, Problem | null>();
    /** Every problem added, in order: an index rebuilt from them is this one (e.g. in a worker thread). */
    readonly problems: Problem[] = [];

    constructor(problems: Iterable<Problem> = []) {
        for (const p of problems) this.add(p);
    }

    get size(): number {
        return this.byCriteria.size;
    }

    /**
     * Adds a problem. The first definition of a key wins, as in a problem file read top to bottom;
     * returns the earlier problem holding this one's id (or else name) when its test cases differ,
     * since rollouts with that key are then joined with the earlier one (identical repeats are fine).
     */
    add(problem: Problem): { key: 'id' | 'name'; earlier: Problem } | undefined {
        this.problems.push(problem);
        const clash = this.clash(problem, 'id') ?? this.clash(problem, 'name');
        if (!this.byKey.has(problem.id)) this.byKey.set(problem.id, problem);
        if (!this.byKey.has(problem.name)) this.byKey.set(problem.name, problem);
        if (!this.byCriteria.has(problem.criteria)) this.byCriteria.set(problem.criteria, problem);
        this.criteriaList = undefined;
        return clash;
    }

    private clash(problem: Problem, key: 'id' | 'name'): { key: 'id' | 'name'; earlier: Problem } | undefined {
        const earlier = this.byKey.get(problem[key]);
        if (!earlier || JSON.stringify(earlier.testCases) === JSON.stringify(problem.testCases)) return undefined;
        return { key, earlier };
    }

    byKeyOrName(key: string): Problem | undefined {
        return this.byKey.get(key);
    }

    byPrompt(prompt: string): Problem | undefined {
        const cached = this.promptCache.get(prompt);
        if (cached !== undefined) return cached ?? undefined;
        const found = this.findByPrompt(prompt);
        if (this.promptCache.size > 100_000) this.promptCache.clear();
        this.promptCache.set(prompt, found ?? null);
        return found;
    }

    private findByPrompt(prompt: string): Problem | undefined {
        const tail = criteriaFromPrompt(prompt);
        if (tail === undefined) return undefined;
        const exact = this.byCriteria.get(tail) ?? this.byCriteria.get(tail.trimEnd());
        if (exact) return exact;
        this.criteriaList ??= [...this.byCriteria.keys()].sort((a, b) => b.length - a.length);
        const hit = this.criteriaList.find((c) => tail.startsWith(c));
        return hit === undefined ? undefined : this.byCriteria.get(hit);
    }

    lookup(key: string | undefined, prompt: string | undefined): Problem | undefined {
        return (key !== undefined ? this.byKeyOrName(key) : undefined) ?? (prompt !== undefined ? this.byPrompt(prompt) : undefined);
    }
}
