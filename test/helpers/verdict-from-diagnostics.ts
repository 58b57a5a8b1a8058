// Test helper (the product never needs it). Recovers the reference verdict from published diagnostics: the error whose `data.reference.order`
// is smallest is the one the reference reports (see reference-errors.ts).
import { compareOrder, formatReferenceError } from '../../language/manufactoria/validation/reference-errors.js';
import type { ReferenceDiagnosticData } from '../../language/manufactoria/validation/reference-validator.js';

interface DiagnosticLike { message: string | { value: string }; data?: unknown }

export function verdictFromDiagnostics(diagnostics: readonly DiagnosticLike[]): { ok: true } | { ok: false; error: string; line: number | null } {
    let first: { message: string; reference: ReferenceDiagnosticData['reference'] } | undefined;
    for (const diagnostic of diagnostics) {
        const reference = (diagnostic.data as Partial<ReferenceDiagnosticData> | undefined)?.reference;
        if (!reference) continue;
        if (!first || compareOrder(reference.order, first.reference.order) < 0) {
            first = { message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value, reference };
        }
    }
    if (!first) return { ok: true };
    return { ok: false, error: formatReferenceError({ message: first.message, line: first.reference.line }), line: first.reference.line };
}
