// Dependency injection for the Manufactoria language: one class per replaced Langium service.
import '../node-compat.cjs';
import {
    createDefaultCoreModule, createDefaultSharedCoreModule, inject, EmptyFileSystem,
    type DefaultSharedCoreModuleContext, type LangiumCoreServices, type LangiumSharedCoreServices, type Module, type PartialLangiumCoreServices,
    type PartialLangiumSharedCoreServices,
} from 'langium';
import { ManufactoriaGeneratedModule, ManufactoriaGeneratedSharedModule } from './generated/module.js';
import { ManufactoriaLexer } from './lexing/manufactoria-lexer.js';
import { createManufactoriaParser } from './services/parser.js';
import { ManufactoriaAstNodeDescriptionProvider, ManufactoriaReferenceDescriptionProvider } from './services/ast-descriptions.js';
import { ManufactoriaDocumentBuilder } from './services/document-builder.js';
import { ManufactoriaDocumentValidator } from './services/document-validator.js';
import { ManufactoriaIndexManager } from './services/index-manager.js';
import { ManufactoriaLinker } from './services/linker.js';
import { ManufactoriaScopeComputation } from './services/scope-computation.js';
import { ManufactoriaScopeProvider } from './services/scope-provider.js';
import { ManufactoriaValueConverter } from './services/value-converter.js';
import { registerValidationChecks } from './validation/validator-registry.js';

export type ManufactoriaServices = LangiumCoreServices;

export const ManufactoriaModule: Module<LangiumCoreServices, PartialLangiumCoreServices> = {
    parser: {
        Lexer: (services) => new ManufactoriaLexer(services),
        LangiumParser: (services) => createManufactoriaParser(services),
        ValueConverter: () => new ManufactoriaValueConverter(),
    },
    references: {
        ScopeComputation: (services) => new ManufactoriaScopeComputation(services),
        ScopeProvider: (services) => new ManufactoriaScopeProvider(services),
        Linker: (services) => new ManufactoriaLinker(services),
    },
    validation: {
        DocumentValidator: (services) => new ManufactoriaDocumentValidator(services),
    },
    workspace: {
        AstNodeDescriptionProvider: (services) => new ManufactoriaAstNodeDescriptionProvider(services),
        ReferenceDescriptionProvider: (services) => new ManufactoriaReferenceDescriptionProvider(services),
    },
};

/** Shared services: ids never cross documents, so no reference index until asked and no relinking of other programs. */
export const ManufactoriaSharedModule: Module<LangiumSharedCoreServices, PartialLangiumSharedCoreServices> = {
    workspace: {
        IndexManager: (services) => new ManufactoriaIndexManager(services),
        DocumentBuilder: (services) => new ManufactoriaDocumentBuilder(services),
    },
};

/** Core services without a language server: for the CLI, the verifier and tests. */
export function createManufactoriaCoreServices(context: DefaultSharedCoreModuleContext = EmptyFileSystem): {
    shared: LangiumSharedCoreServices;
    Manufactoria: ManufactoriaServices;
} {
    const shared = inject(createDefaultSharedCoreModule(context), ManufactoriaGeneratedSharedModule, ManufactoriaSharedModule);
    const Manufactoria = inject(createDefaultCoreModule({ shared }), ManufactoriaGeneratedModule, ManufactoriaModule);
    shared.ServiceRegistry.register(Manufactoria);
    registerValidationChecks(Manufactoria);
    return { shared, Manufactoria };
}
