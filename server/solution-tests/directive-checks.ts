// Diagnostics for `# problem:` / `# test:` directives: malformed ones, and a problem reference
// that points nowhere. Warnings, not errors: the reference verifier ignores comments entirely.
import { AstUtils, OperationCancelled, type Cancellation, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import type { ManufactoriaAstType, Program } from '../../language/manufactoria/generated/ast.js';
import { propertyRange } from '../../language/manufactoria/validation/property-range.js';
import { isRegexOutput } from '../../language/dataset/testcases/pass-rule.js';
import { compilePythonPattern } from '../../language/python/regex/index.js';
import { spanRange } from './ranges.js';
import type { SolutionTestService } from './solution-service.js';

export function registerDirectiveChecks(services: LangiumServices, solutions: SolutionTestService): void {
    const checks: ValidationChecks<ManufactoriaAstType> = {
        Program: (program: Program, accept: ValidationAcceptor, cancel: Cancellation.CancellationToken) => checkDirectives(program, accept, solutions, cancel),
    };
    services.validation.ValidationRegistry.register(checks);
}

async function checkDirectives(program: Program, accept: ValidationAcceptor, solutions: SolutionTestService, cancel: Cancellation.CancellationToken): Promise<void> {
    const document = AstUtils.getDocument(program);
    if (!document.textDocument.getText().includes('#')) return;
    const { directives, binding } = await solutions.testsOf(document);
    // Binding a problem can wait for its file to load; an edit meanwhile made these results stale.
    if (cancel.isCancellationRequested) throw OperationCancelled;
    for (const issue of directives.issues) {
        accept('warning', issue.message, { node: program, range: spanRange(issue.span), code: 'malformed-directive' });
    }
    for (const test of directives.tests) {
        const note = test.testCase.check_output ? literalOutputNote(test.testCase.expected_output) : undefined;
        if (note) accept('warning', note, { node: program, range: spanRange(test.span), code: 'literal-output' });
    }
    if (directives.problem && binding && !binding.ok) {
        accept('warning', binding.message, { node: program, range: spanRange(directives.problem.span), code: 'problem-not-found' });
    }
    if (directives.problem && binding?.ok && binding.problem.testCases.length === 0) {
        // Test Explorer would show the file with no tests and no reason.
        accept('warning', `The problem '${binding.problem.name}' has no test cases: only this file's # test: lines run (training scores a problem without test cases 0)`,
            { node: program, range: spanRange(directives.problem.span), code: 'problem-without-tests' });
    }
    const allowed = binding?.ok ? binding.problem.availableNodes : undefined;
    if (allowed) {
        for (const node of program.nodes) {
            if (!node.kind || allowed.includes(node.kind)) continue;
            accept('warning', `The problem '${binding!.ok && binding!.problem.name}' does not offer ${node.kind} nodes (available: ${allowed.join(', ')})`,
                { node, property: 'kind', range: propertyRange(node, 'kind'), code: 'unavailable-node-kind' });
        }
    }
}

/**
 * Why an expected output that looks like a pattern is compared as text (docs/manufactoria.md §6): the
 * verifier matches a regex only when one of `. + * ? | ( )` is in it, and a pattern Python cannot
 * compile falls back to an exact comparison.
 */
export function literalOutputNote(expected: string): string | undefined {
    if (!isRegexOutput(expected)) {
        return /[[\]{}^$\\]/.test(expected)
            ? `'${expected}' is compared as text, not as a regex: the verifier matches a pattern only when it holds one of . + * ? | ( )`
            : undefined;
    }
    let compiled: ReturnType<typeof compilePythonPattern>;
    try {
        compiled = compilePythonPattern(expected);
    } catch {
        return undefined; // nesting too deep for the port's parser (Python's own would raise RecursionError)
    }
    // Python raises something other than re.error for a few patterns (`R{4294967295}`): no fallback to text then.
    if (compiled.ok || compiled.error.includes('(not re.error)')) return undefined;
    // Python's error text is left out: the port's positions in it are not always Python's.
    return `'${expected}' is not a valid Python regex: the verifier compares it as text`;
}
