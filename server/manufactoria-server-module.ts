// The language server's DI module: the core Manufactoria module plus one class per LSP service.
import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices,
} from 'langium/lsp';
import { ManufactoriaGeneratedModule, ManufactoriaGeneratedSharedModule } from '../language/generated/module.js';
import { ManufactoriaModule } from '../language/manufactoria-module.js';
import { registerValidationChecks } from '../language/validation/validator-registry.js';
import { ManufactoriaCodeActionProvider } from './code-actions.js';
import { ManufactoriaCompletionProvider } from './completion-provider.js';
import { ManufactoriaDocumentSymbolProvider } from './document-symbols.js';
import { ManufactoriaFoldingRangeProvider } from './folding.js';
import { ManufactoriaFormatter } from './formatter.js';
import { ManufactoriaHoverProvider } from './hover-provider.js';
import { ManufactoriaRenameProvider } from './rename-provider.js';
import { ManufactoriaSemanticTokenProvider } from './semantic-tokens.js';

export const ManufactoriaLspModule: Module<LangiumServices, PartialLangiumServices> = {
    lsp: {
        HoverProvider: () => new ManufactoriaHoverProvider(),
        CompletionProvider: () => new ManufactoriaCompletionProvider(),
        RenameProvider: (services) => new ManufactoriaRenameProvider(services),
        Formatter: () => new ManufactoriaFormatter(),
        FoldingRangeProvider: () => new ManufactoriaFoldingRangeProvider(),
        CodeActionProvider: () => new ManufactoriaCodeActionProvider(),
        SemanticTokenProvider: (services) => new ManufactoriaSemanticTokenProvider(services),
        DocumentSymbolProvider: (services) => new ManufactoriaDocumentSymbolProvider(services),
    },
};

export function createManufactoriaServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Manufactoria: LangiumServices } {
    const shared = inject(createDefaultSharedModule(context), ManufactoriaGeneratedSharedModule);
    const Manufactoria = inject(createDefaultModule({ shared }), ManufactoriaGeneratedModule, ManufactoriaModule as Module<LangiumServices, PartialLangiumServices>, ManufactoriaLspModule);
    shared.ServiceRegistry.register(Manufactoria);
    registerValidationChecks(Manufactoria);
    return { shared, Manufactoria };
}
