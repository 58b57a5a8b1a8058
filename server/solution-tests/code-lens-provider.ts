// Code lenses for solution files: "Run N tests" above START, the last run's scores beside it,
// the result of each inline test on its line, and failing tests where their run ended.
import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams, Range } from 'vscode-languageserver';
import type { Program } from '../../language/manufactoria/generated/ast.js';
import { failureText, formatRate, outcomeText, type PlannedTest } from '../../language/dataset/solutions/index.js';
import { Commands, type RunTestsResult, type TestOutcome } from '../protocol.js';
import { spanRange } from './ranges.js';
import type { SolutionTestService } from './solution-service.js';

/** At most this many failure lenses on one node line; the rest are summed up. */
const FAILURES_PER_LINE = 3;

export class ManufactoriaCodeLensProvider implements CodeLensProvider {
    constructor(private readonly solutions: SolutionTestService) {}

    async provideCodeLens(document: LangiumDocument, _params: CodeLensParams): Promise<CodeLens[]> {
        const text = document.textDocument.getText();
        if (!text.includes('#')) return [];
        const { tests } = await this.solutions.testsOf(document);
        if (tests.length === 0) return [];
        const uri = document.uri.toString();
        const anchor = startLine(document.parseResult.value as Program);
        const lenses: CodeLens[] = [lens(anchor, `$(play) Run ${tests.length} test${tests.length === 1 ? '' : 's'}`, Commands.runTests, [uri])];

        const result = this.solutions.lastResult(uri);
        if (!result) return lenses;
        const outdated = result.version !== document.textDocument.version ? ' · outdated, run again' : '';
        lenses.push(lens(anchor, summary(result) + outdated, Commands.runTests, [uri]));
        if (result.state !== 'ran' || outdated) return lenses;

        const byId = new Map(tests.map((t) => [t.id, t]));
        const failuresAt = new Map<number, { test: PlannedTest; outcome: TestOutcome; range: Range }[]>();
        for (const outcome of result.outcomes) {
            const test = byId.get(outcome.id);
            if (!test) continue;
            if (test.id.startsWith('l')) {
                // Inline tests: the verdict sits on the directive's own line.
                const title = outcome.passed ? `✓ passed (${outcomeText(outcome)})` : `✗ ${failureText(test.testCase, outcome)}`;
                lenses.push(lens(spanRange(test.span), title, Commands.showTrace, [uri, test.id]));
            }
            if (outcome.passed) continue;
            const range = outcome.endRange ?? spanRange(test.span);
            const list = failuresAt.get(range.start.line) ?? [];
            list.push({ test, outcome, range });
            failuresAt.set(range.start.line, list);
        }
        for (const failures of failuresAt.values()) {
            for (const { test, outcome, range } of failures.slice(0, FAILURES_PER_LINE)) {
                lenses.push(lens(range, `✗ ${test.label}: ${failureText(test.testCase, outcome)} · trace`, Commands.showTrace, [uri, test.id]));
            }
            if (failures.length > FAILURES_PER_LINE) {
                lenses.push(lens(failures[0].range, `… ${failures.length - FAILURES_PER_LINE} more failing tests end here`, 'workbench.view.testing.focus', []));
            }
        }
        return lenses;
    }
}

/** `✓ 14/16 passed · pass_rate 0.875 · all_pass 0`, or why nothing ran. */
export function summary(result: RunTestsResult): string {
    switch (result.state) {
        case 'ran': return `✓ ${result.passed}/${result.total} passed · pass_rate ${formatRate(result.pass_rate)} · all_pass ${result.all_pass}`;
        case 'invalid': return `✗ ${result.message} · pass_rate 0.0 · all_pass 0`;
        case 'no-tests': return result.message ?? 'No tests';
        case 'error': return `⚠ ${result.message}`;
    }
}

function startLine(program: Program): Range {
    const start = program.nodes.find((n) => n.kind === 'START')?.$cstNode?.range.start ?? program.nodes[0]?.$cstNode?.range.start;
    const line = start?.line ?? 0;
    return { start: { line, character: 0 }, end: { line, character: 0 } };
}

function lens(range: Range, title: string, command: string, args: unknown[]): CodeLens {
    return { range, command: { title, command, arguments: args } };
}
