// Solution files: directives, their bound problem, the test plan, runs and traces.
import { bindProblem, type Binding, type ProblemFileCache } from './problem-binding.js';
import { parseDirectives, type Directives } from './directives.js';
import { planTests, type PlannedTest } from './test-plan.js';

export * from './directives.js';
export * from './problem-binding.js';
export * from './run-solution.js';
export * from './test-plan.js';
export * from './trace.js';

export interface SolutionTests {
    directives: Directives;
    /** Absent when the file has no `# problem:` directive. */
    binding?: Binding;
    tests: PlannedTest[];
}

/** Everything a solution file declares about its tests; `file` is its absolute path. */
export async function solutionTests(text: string, file: string, cache: ProblemFileCache): Promise<SolutionTests> {
    const directives = parseDirectives(text);
    const binding = directives.problem ? await bindProblem(directives.problem, file, cache) : undefined;
    const bound = binding?.ok && directives.problem ? { problem: binding.problem, span: directives.problem.span } : undefined;
    return { directives, ...(binding ? { binding } : {}), tests: planTests(bound, directives.tests) };
}
export * from './failure-text.js';
