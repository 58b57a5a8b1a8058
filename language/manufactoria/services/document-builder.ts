import { DefaultDocumentBuilder, type LangiumDocument } from 'langium';
import { ManufactoriaScopeProvider } from './scope-provider.js';

/**
 * Langium relinks (and revalidates, and republishes) every other document that has an unresolved
 * reference whenever any document changes, in case the change declared the missing target. A
 * Manufactoria target only ever resolves inside its own program, and `NONE`/`END` targets are
 * unresolved by design, so every open program would be rebuilt on every keystroke elsewhere for
 * nothing. Other languages keep Langium's rule.
 */
export class ManufactoriaDocumentBuilder extends DefaultDocumentBuilder {
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (this.serviceRegistry.getServices(document.uri).references.ScopeProvider instanceof ManufactoriaScopeProvider) return false;
        return super.shouldRelink(document, changedUris);
    }
}
