// Document ranges for solution-test features: directive spans and node declaration lines.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import type { Program } from '../../language/generated/ast.js';
import type { LineSpan } from '../../language/solutions/directives.js';

export function spanRange(span: LineSpan): Range {
    return { start: { line: span.line, character: span.start }, end: { line: span.line, character: span.end } };
}

/** The declaration line of each node (index in `program.nodes`), from its first character to the line's end. */
export function declarationRanges(program: Program, document: TextDocument): Map<number, Range> {
    const ranges = new Map<number, Range>();
    program.nodes.forEach((node, index) => {
        const start = node.$cstNode?.range.start;
        if (!start) return;
        const lineEnd = document.offsetAt({ line: start.line + 1, character: 0 });
        const text = document.getText({ start, end: document.positionAt(lineEnd) }).replace(/\r?\n$/, '');
        ranges.set(index, { start, end: { line: start.line, character: start.character + text.length } });
    });
    return ranges;
}

/** First declaration index per node id (duplicates are reference errors, so runs never see them). */
export function declarationIndex(program: Program): Map<string, number> {
    const byName = new Map<string, number>();
    program.nodes.forEach((node, index) => {
        if (node.name !== undefined && node.kind && !byName.has(node.name)) byName.set(node.name, index);
    });
    return byName;
}
