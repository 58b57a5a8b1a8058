import type { LangiumDocument } from 'langium';
import type { Formatter } from 'langium/lsp';
import type { DocumentRangeFormattingParams, TextEdit } from 'vscode-languageserver';
import { canonicalLayout, lineEdits } from '../language/manufactoria/format/canonical-layout.js';
import { verdictOf } from '../language/manufactoria/verdict.js';

/**
 * Formatting changes whitespace only and never the reference's verdict (docs/editor.md): a valid
 * program gets the canonical layout; an invalid one is re-spaced line by line, so the line its
 * parse error names stays put. As a last guard, an edit that would change the verdict is dropped.
 */
export class ManufactoriaFormatter implements Formatter {
    formatDocument(document: LangiumDocument): TextEdit[] {
        const text = document.textDocument.getText();
        const before = verdictOf(text);
        if (before.ok) {
            const formatted = canonicalLayout(text);
            if (formatted === text || !sameVerdict(text, formatted)) return [];
            return [{ range: { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) }, newText: formatted }];
        }
        return this.lineFormat(document, () => true);
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        const { start, end } = params.range;
        // Lines the range touches; a range ending at column 0 does not take in that line.
        const last = end.character === 0 && end.line > start.line ? end.line - 1 : end.line;
        return this.lineFormat(document, (line) => line >= start.line && line <= last);
    }

    private lineFormat(document: LangiumDocument, wanted: (line: number) => boolean): TextEdit[] {
        const text = document.textDocument.getText();
        const edits = lineEdits(text).filter((e) => wanted(document.textDocument.positionAt(e.start).line));
        if (edits.length === 0) return [];
        let after = '';
        let at = 0;
        for (const e of edits) {
            after += text.slice(at, e.start) + e.newText;
            at = e.end;
        }
        if (!sameVerdict(text, after + text.slice(at))) return [];
        return edits.map((e) => ({ range: { start: document.textDocument.positionAt(e.start), end: document.textDocument.positionAt(e.end) }, newText: e.newText }));
    }

    formatDocumentOnType(): TextEdit[] {
        return [];
    }

    get formatOnTypeOptions() {
        return undefined;
    }
}

function sameVerdict(a: string, b: string): boolean {
    const x = verdictOf(a);
    const y = verdictOf(b);
    if (x.ok !== y.ok) return false;
    // Valid programs: the same nodes and routes, hence the same runs; invalid: the same error text.
    return x.ok ? JSON.stringify(shape(x.ast)) === JSON.stringify(shape(y.ast)) : !y.ok && x.error === y.error;
}

function shape(ast: ReturnType<typeof verdictOf>['ast']) {
    return ast.nodes.map((n) => [n.kind, n.name, n.routes.map((r) => [r.condition, r.target?.$refText])]);
}
