// `delta test`: a solution file against its bound problem (or --problem) and inline tests.
import { resolve } from 'node:path';
import { type CommandModule, parseOptions, UsageError, withUsage } from '../command.js';
import { readText } from '../io.js';
import { parseProblemRef } from '../../language/dataset/problems/selector.js';
import {
    bindProblem, failureText, formatRate, outcomeText, parseDirectives, planTests, ProblemFileCache, runSolution, type ProblemDirective,
} from '../../language/dataset/solutions/index.js';

const USAGE = 'delta test SOLUTION [--problem FILE#ID] [--json]';

export const test: CommandModule = {
    main: (args) => withUsage(USAGE, async () => {
        const { positionals, values } = parseOptions(args, { problem: { type: 'string' }, json: { type: 'boolean' } });
        if (positionals.length !== 1) throw new UsageError('expected exactly one SOLUTION file (or - for stdin)');
        const solution = positionals[0];
        const text = await readText(solution);
        const directives = parseDirectives(text);
        for (const issue of directives.issues) process.stderr.write(`${solution}:${issue.span.line + 1}: ${issue.message}\n`);

        // --problem is relative to the working directory; the directive to the solution's folder.
        const directive: ProblemDirective | undefined = values.problem !== undefined
            ? { ref: values.problem, ...parseProblemRef(values.problem), span: { line: 0, start: 0, end: 0 } }
            : directives.problem;
        const base = values.problem !== undefined || solution === '-' ? resolve('stdin') : resolve(solution);
        let bound;
        if (directive) {
            const binding = await bindProblem(directive, base, new ProblemFileCache());
            if (!binding.ok) {
                const where = values.problem !== undefined ? '--problem' : `${solution}:${directive.span.line + 1}`;
                process.stderr.write(`delta: ${where}: ${binding.message}\n`);
                return 2;
            }
            bound = { problem: binding.problem, span: directive.span };
        }
        const tests = planTests(bound, directives.tests);
        if (tests.length === 0) {
            process.stderr.write(`delta: ${solution}: no tests: add '# problem: <file>#<id>' or '# test: <input> -> accept', or pass --problem FILE#ID\n`);
            return 2;
        }

        const run = runSolution(text, tests);
        if (run.state !== 'ran') {
            if (values.json) process.stdout.write(`${JSON.stringify({ passed: 0, total: tests.length, pass_rate: 0, all_pass: 0, results: [], message: run.message })}\n`);
            else process.stdout.write(`${run.message}\n0/${tests.length} passed · pass_rate 0.0 · all_pass 0\n`);
            return 1;
        }
        if (values.json) {
            const body = { passed: run.passed, total: run.total, pass_rate: run.pass_rate, all_pass: run.all_pass, results: run.results.map((r) => r.result) };
            process.stdout.write(`${JSON.stringify(body)}\n`);
        } else {
            const lines = run.results.map(({ result }, i) => {
                const test = tests[i];
                return result.passed ? `✓ ${test.label}  (${outcomeText(result)})` : `✗ ${test.label}  ${failureText(test.testCase, result)}\n    path: ${result.path.join(' → ')}`;
            });
            const title = bound ? `${bound.problem.name} (${bound.problem.id}): ${bound.problem.criteria}\n` : '';
            process.stdout.write(`${title}${lines.join('\n')}\n${run.passed}/${run.total} passed · pass_rate ${formatRate(run.pass_rate)} · all_pass ${run.all_pass}\n`);
        }
        return run.all_pass === 1 ? 0 : 1;
    }),
};
