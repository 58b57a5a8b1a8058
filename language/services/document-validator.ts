import { DefaultDocumentValidator, type LangiumDocument, type ValidationOptions } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';

/**
 * Unresolved targets are judged by the reference rule (`references undefined node`), and the
 * targets `NONE` and `END` are legal without a declaration, so the linker's generic message is dropped.
 */
export class ManufactoriaDocumentValidator extends DefaultDocumentValidator {
    protected override processLinkingErrors(_document: LangiumDocument, _diagnostics: Diagnostic[], _options: ValidationOptions): void {}
}
