// Publishes every reference error as an error diagnostic. `data.reference` keeps the reference's
// line and check order, so the single reference verdict can be recovered from the diagnostics.
import { AstUtils, type ValidationAcceptor } from 'langium';
import type { Program } from '../generated/ast.js';
import { layoutOf } from '../lexing/reference-layout.js';
import { referenceErrors } from './reference-errors.js';

export interface ReferenceDiagnosticData {
    code: string;
    reference: { line: number | null; order: number[] };
}

export function checkReferenceRules(program: Program, accept: ValidationAcceptor): void {
    const document = AstUtils.getDocument(program);
    const text = document.textDocument.getText();
    const toRange = (start: number, end: number) => ({
        start: document.textDocument.positionAt(start),
        end: document.textDocument.positionAt(end),
    });
    for (const error of referenceErrors(program, text, layoutOf(text))) {
        const data: ReferenceDiagnosticData = { code: error.code, reference: { line: error.line, order: error.order } };
        // Errors without a reference line go on the first line (spec §4.2).
        const range = error.line === null ? toRange(0, firstLineEnd(text)) : toRange(error.start, error.end);
        accept('error', error.message, { node: error.node, range, code: error.code, data });
        if (error.target) {
            const target = text.slice(error.target.start, error.target.end);
            accept('error', `Undefined node '${target}'`, {
                node: error.node, range: toRange(error.target.start, error.target.end), code: 'undefined-node',
                data: { code: 'undefined-node' },
            });
        }
    }
}

function firstLineEnd(text: string): number {
    const match = /\r|\n/.exec(text);
    return match ? match.index : text.length;
}
