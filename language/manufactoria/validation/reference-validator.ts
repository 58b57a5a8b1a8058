// Publishes every reference error as an error diagnostic. `data.reference` keeps the reference's
// line and check order, so the single reference verdict can be recovered from the diagnostics.
// One cause, one diagnostic: an undefined target is one error on the target itself, and routes to a
// node whose declaration line is broken are not errors of their own but related information of it,
// and so is a missing START or END when a broken line meant to declare it (`Start start:`). The
// broken declaration always comes first in the reference's order, so the verdict is unchanged.
import { AstUtils, type ValidationAcceptor } from 'langium';
import type { DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import type { Node, Program } from '../generated/ast.js';
import { layoutOf } from '../lexing/reference-layout.js';
import { pyStrip } from '../../python/text.js';
import { WORD } from '../../python/unicode/index.js';
import { intendedKind } from '../model/near-names.js';
import { referenceErrors, type ReferenceError } from './reference-errors.js';

export interface ReferenceDiagnosticData {
    code: string;
    reference: { line: number | null; order: number[] };
    /** For an undefined target: the target's name (quick fixes offer the nearest declared one). */
    target?: string;
}

/** After the first word, the run of Python `\w` characters (the reference's id class, docs/python-compat.md). */
const INTENDED_NAME = new RegExp(`^\\S+[ \\t]+([${WORD.classBody()}]+)`, 'u');

/** The id a broken declaration line meant to declare: `PULER_RB read:` → `read`. */
export function intendedName(invalidLine: string): string | undefined {
    return INTENDED_NAME.exec(pyStrip(invalidLine))?.[1];
}

export function checkReferenceRules(program: Program, accept: ValidationAcceptor): void {
    const document = AstUtils.getDocument(program);
    const text = document.textDocument.getText();
    const toRange = (start: number, end: number) => ({
        start: document.textDocument.positionAt(start),
        end: document.textDocument.positionAt(end),
    });
    const errors = referenceErrors(program, text, layoutOf(text));
    // Declarations that are broken, by the id they meant to declare.
    const broken = new Map<string, ReferenceError>();
    for (const error of errors) {
        const name = error.code === 'invalid-declaration' ? intendedName(text.slice(error.start, error.end)) : undefined;
        if (name !== undefined && !broken.has(name)) broken.set(name, error);
    }
    const brokenKind = (kind: string) => errors.find((e) => e.code === 'invalid-declaration' && intendedKind(text.slice(e.start, e.end)) === kind);
    const consequences = new Map<ReferenceError, DiagnosticRelatedInformation[]>();
    const suppressed = new Set<ReferenceError>();
    for (const error of errors) {
        const cause = error.code === 'undefined-target' && error.target ? broken.get(text.slice(error.target.start, error.target.end))
            : error.code === 'missing-start' ? brokenKind('START')
                : error.code === 'missing-end' ? brokenKind('END') : undefined;
        if (!cause) continue;
        suppressed.add(error);
        const list = consequences.get(cause) ?? [];
        // A missing node has no place of its own: the related information points at the broken line.
        const where = error.target ? toRange(error.target.start, error.target.end) : toRange(cause.start, cause.end);
        list.push({ location: { uri: document.textDocument.uri, range: where }, message: `${error.message} (a consequence of this broken declaration)` });
        consequences.set(cause, list);
    }

    for (const error of errors) {
        if (suppressed.has(error)) continue;
        const data: ReferenceDiagnosticData = { code: error.code, reference: { line: error.line, order: error.order } };
        // Errors without a reference line go on the first line; an undefined target on the target.
        let range = error.line === null ? toRange(0, firstLineEnd(text)) : toRange(error.start, error.end);
        let related = consequences.get(error);
        if (error.target) {
            range = toRange(error.target.start, error.target.end);
            data.target = text.slice(error.target.start, error.target.end);
            // The reference names the declaring node's line: where that is, for `delta check`'s `Line N`.
            const where = `Line ${error.line}, the declaration of '${(error.node as Node).name}'`;
            related = [{ location: { uri: document.textDocument.uri, range: toRange(error.start, error.end) }, message: `The reference verifier reports this error at ${where}` }];
        }
        accept('error', error.message, { node: error.node, range, code: error.code, data, ...(related ? { relatedInformation: related } : {}) });
    }
}

function firstLineEnd(text: string): number {
    const match = /\r|\n/.exec(text);
    return match ? match.index : text.length;
}
