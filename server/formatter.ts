import type { LangiumDocument } from 'langium';
import type { Formatter } from 'langium/lsp';
import type { TextEdit } from 'vscode-languageserver';
import { canonicalLayout } from '../language/manufactoria/format/canonical-layout.js';

/** Whole-document formatting to the canonical layout; one edit, or none when already canonical. */
export class ManufactoriaFormatter implements Formatter {
    formatDocument(document: LangiumDocument): TextEdit[] {
        const text = document.textDocument.getText();
        const formatted = canonicalLayout(text);
        if (formatted === text) return [];
        return [{ range: { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) }, newText: formatted }];
    }

    formatDocumentRange(document: LangiumDocument): TextEdit[] {
        return this.formatDocument(document);
    }

    formatDocumentOnType(): TextEdit[] {
        return [];
    }

    get formatOnTypeOptions() {
        return undefined;
    }
}
