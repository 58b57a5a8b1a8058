// Code lenses for solution files: "Run N tests" above START, the last run's scores beside it,
// the result of each inline test on its line, and failing tests where their run ended.
import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams, Range } from 'vscode-languageserver';
import type { Program } from '../../language/manufactoria/generated/ast.js';
import { failureText, formatRate, outcomeText, roundedRate, type PlannedTest } from '../../language/dataset/solutions/index.js';
import { Commands, type RunTestsResult, type TestOutcome } from '../protocol.js';
import { spanRange } from './ranges.js';
import type { SolutionTestService } from './solution-service.js';

/** Up to this many failures ending on one node line get a lens each; more show as one and a count. */
const FAILURES_PER_LINE = 2;
/** Longest lens title before it is cut (the hover has the whole text). */
const TITLE_CHARS = 90;
/** Failures listed in a count lens's hover. */
const TOOLTIP_LINES = 40;
/** Longest message in a summary lens's hover (a parse error quotes a whole line, which can be megabytes). */
const TOOLTIP_CHARS = 2000;

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

        const last = this.solutions.lastRun(uri, document.textDocument.version, tests);
        if (!last) return lenses;
        const { result } = last;
        const outdated = last.outdated ? ' · outdated, run again' : '';
        lenses.push(lens(anchor, summary(result) + outdated, Commands.runTests, [uri], summaryTooltip(result)));
        if (result.state !== 'ran' || outdated) return lenses;

        const byId = new Map(tests.map((t) => [t.id, t]));
        const failuresAt = new Map<number, { test: PlannedTest; outcome: TestOutcome; range: Range }[]>();
        for (const outcome of result.outcomes) {
            const test = byId.get(outcome.id);
            if (!test) continue;
            if (test.id.startsWith('l')) {
                // Inline tests: the verdict sits on the directive's own line.
                const full = outcome.passed ? `✓ passed (${outcomeText(outcome)})` : `✗ ${failureText(test.testCase, outcome)}`;
                lenses.push(lens(spanRange(test.span), fit(full), Commands.showTrace, [uri, test.id], full));
            }
            if (outcome.passed) continue;
            const range = outcome.endRange ?? spanRange(test.span);
            const list = failuresAt.get(range.start.line) ?? [];
            list.push({ test, outcome, range });
            failuresAt.set(range.start.line, list);
        }
        for (const failures of failuresAt.values()) {
            const shown = failures.length > FAILURES_PER_LINE ? 1 : failures.length;
            for (const { test, outcome, range } of failures.slice(0, shown)) {
                const full = `✗ ${test.label}: ${failureText(test.testCase, outcome)}`;
                lenses.push(lens(range, `${fit(full)} · trace`, Commands.showTrace, [uri, test.id], full));
            }
            if (failures.length > shown) {
                // The rest as a count that always fits; the whole list is the lens's hover.
                const list = failures.map(({ test, outcome }) => `✗ ${test.label}: ${failureText(test.testCase, outcome)}`);
                const tooltip = list.length > TOOLTIP_LINES ? [...list.slice(0, TOOLTIP_LINES), `… and ${list.length - TOOLTIP_LINES} more (Test Explorer lists them all)`] : list;
                lenses.push(lens(failures[0].range, `+${failures.length - shown} more failing here`, 'workbench.view.testing.focus', [], tooltip.join('\n')));
            }
        }
        return lenses;
    }
}

/** `✗ 14/16 passed · pass_rate 0.875 · all_pass 0`: ✓ only when every test passed; the rate rounded. */
export function summary(result: RunTestsResult): string {
    switch (result.state) {
        case 'ran': {
            const mark = result.all_pass === 1 && !result.partial ? '✓' : '✗';
            if (result.partial) return `${mark} ${result.passed}/${result.total} passed · ${result.total} of ${result.partial.of} tests ran`;
            return `${mark} ${result.passed}/${result.total} passed · pass_rate ${roundedRate(result.pass_rate)} · all_pass ${result.all_pass}`;
        }
        // The message can be as long as the program's longest line (`Invalid node declaration: …`):
        // cut like the other titles, the scores kept in view; the hover has it whole.
        case 'invalid': return `✗ ${fit(result.message ?? '')} · pass_rate 0.0 · all_pass 0`;
        case 'no-tests': return fit(result.message ?? 'No tests');
        case 'error': return `⚠ ${fit(result.message ?? '')}`;
    }
}

/** The summary lens's hover: the exact scores, as Python prints them (training logs, JSON output). */
export function summaryTooltip(result: RunTestsResult): string | undefined {
    if (result.state !== 'ran') return result.message !== undefined && result.message.length > TOOLTIP_CHARS ? `${result.message.slice(0, TOOLTIP_CHARS)}…` : result.message;
    const ran = `${result.passed} of ${result.total} tests passed${result.partial ? ` (a run of ${result.total} of the file's ${result.partial.of} tests)` : ''}`;
    return `${ran}\npass_rate ${formatRate(result.pass_rate)}\nall_pass ${result.all_pass}\nClick to run all tests again.`;
}

/** Cuts a lens title that would run off a narrow editor; the full text is the lens's hover. */
function fit(title: string): string {
    return title.length <= TITLE_CHARS ? title : `${title.slice(0, TITLE_CHARS - 1)}…`;
}

function startLine(program: Program): Range {
    const start = program.nodes.find((n) => n.kind === 'START')?.$cstNode?.range.start ?? program.nodes[0]?.$cstNode?.range.start;
    const line = start?.line ?? 0;
    return { start: { line, character: 0 }, end: { line, character: 0 } };
}

function lens(range: Range, title: string, command: string, args: unknown[], tooltip?: string): CodeLens {
    return { range, command: { title, command, arguments: args, ...(tooltip ? { tooltip } : {}) } };
}
