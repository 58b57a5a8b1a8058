// Hover on directive lines: the bound problem (criteria, test count) or an inline test's last result.
import type { LangiumDocument } from 'langium';
import type { Hover, Position } from 'vscode-languageserver';
import { directiveHead } from '../../language/dataset/solutions/directives.js';
import { failureText, formatTape, outcomeText } from '../../language/dataset/solutions/index.js';
import { markdownCode, markdownText } from '../markdown-text.js';
import { spanRange } from './ranges.js';
import type { SolutionTestService } from './solution-service.js';

export async function directiveHover(document: LangiumDocument, position: Position, solutions: SolutionTestService): Promise<Hover | undefined> {
    const line = document.textDocument.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } });
    const keyword = directiveHead(line)?.keyword;
    if (!keyword) return undefined;
    const { directives, binding, tests } = await solutions.testsOf(document);
    if (keyword === 'problem') {
        const directive = directives.problem;
        if (!directive || directive.span.line !== position.line) return undefined;
        let value: string;
        if (!binding || !binding.ok) {
            value = `**Problem not bound**\n\n${markdownText(binding?.message ?? 'No problem reference')}`;
        } else {
            const p = binding.problem;
            const where = p.source.line !== undefined ? `line ${p.source.line}` : `row ${p.source.index}`;
            value = [
                `**${markdownText(p.name)}** · ${markdownCode(p.family)} · ${markdownText(p.level)} · ${p.colorMode}`,
                markdownText(p.criteria),
                `${p.testCases.length} test case${p.testCases.length === 1 ? '' : 's'} · ${where} of ${markdownCode(directive.path)} · id ${markdownCode(p.id)}`,
            ].join('\n\n');
        }
        return { contents: { kind: 'markdown', value }, range: spanRange(directive.span) };
    }
    const test = tests.find((t) => t.id === `l${position.line + 1}`);
    if (!test) return undefined;
    const last = solutions.lastRun(document.uri.toString(), document.textDocument.version, tests);
    const outcome = last && !last.outdated ? last.result.outcomes.find((o) => o.id === test.id) : undefined;
    const lines = [`**Inline test** ${test.label}`, test.detail];
    if (outcome) {
        lines.push(outcome.passed ? `✓ passed: ${outcomeText(outcome)}` : `✗ ${failureText(test.testCase, outcome)}`);
        lines.push(`Output ${formatTape(outcome.actual_output)} · path ${outcome.path.join(' → ')}`);
    }
    return { contents: { kind: 'markdown', value: lines.join('\n\n') }, range: spanRange(test.span) };
}
