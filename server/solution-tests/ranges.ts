// Document ranges for solution-test features: directive spans and node declaration lines.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import type { Node, Program } from '../../language/manufactoria/generated/ast.js';
import type { LineSpan } from '../../language/dataset/solutions/directives.js';

export function spanRange(span: LineSpan): Range {
    return { start: { line: span.line, character: span.start }, end: { line: span.line, character: span.end } };
}

/** A node's declaration line, from its first character to the line's end. */
export function declarationRange(node: Node, document: TextDocument): Range | undefined {
    const start = node.$cstNode?.range.start;
    if (!start) return undefined;
    const lineEnd = document.offsetAt({ line: start.line + 1, character: 0 });
    const text = document.getText({ start, end: document.positionAt(lineEnd) }).replace(/\r?\n$/, '');
    return { start, end: { line: start.line, character: start.character + text.length } };
}

/** The declaration line of each node, by its index in `program.nodes`. */
export function declarationRanges(program: Program, document: TextDocument): Map<number, Range> {
    const ranges = new Map<number, Range>();
    program.nodes.forEach((node, index) => {
        const range = declarationRange(node, document);
        if (range) ranges.set(index, range);
    });
    return ranges;
}
