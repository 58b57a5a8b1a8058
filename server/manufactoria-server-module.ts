// The language server's DI module: the core Manufactoria module plus one class per LSP service.
import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices,
} from 'langium/lsp';
import { ManufactoriaGeneratedModule, ManufactoriaGeneratedSharedModule } from '../language/manufactoria/generated/module.js';
import { ManufactoriaModule, ManufactoriaSharedModule } from '../language/manufactoria/manufactoria-module.js';
import { registerValidationChecks } from '../language/manufactoria/validation/validator-registry.js';
import { ManufactoriaCodeActionProvider } from './code-actions.js';
import { ManufactoriaCompletionProvider } from './completion-provider.js';
import { ManufactoriaDefinitionProvider } from './definition-provider.js';
import { ManufactoriaDocumentSymbolProvider } from './document-symbols.js';
import { CoalescingDocumentUpdateHandler, EditAwareDocumentBuilder } from './document-updates.js';
import { ManufactoriaFoldingRangeProvider } from './folding.js';
import { registerFactoryGraphRequest } from './factory-graph-request.js';
import { ManufactoriaFormatter } from './formatter.js';
import { ManufactoriaHoverProvider } from './hover-provider.js';
import { ManufactoriaRenameProvider } from './rename-provider.js';
import { ManufactoriaSemanticTokenProvider } from './semantic-tokens.js';
import { ManufactoriaWorkspaceSymbolProvider } from './workspace-symbols.js';
import { ManufactoriaCodeLensProvider } from './solution-tests/code-lens-provider.js';
import { registerDirectiveChecks } from './solution-tests/directive-checks.js';
import { registerProblemFileRequests } from './problem-files.js';
import { registerTestRequests } from './solution-tests/request-handlers.js';
import { SolutionTestService } from './solution-tests/solution-service.js';
import { TestRunner } from './solution-tests/test-runner.js';

/** Services beyond Langium's: running a solution file's tests. */
export interface ManufactoriaAddedServices {
    tests: {
        Solutions: SolutionTestService;
        Runner: TestRunner;
    };
}

export type ManufactoriaLspServices = LangiumServices & ManufactoriaAddedServices;

export interface ServerOptions {
    /** The bundle that runs tests in a worker thread (out/server.cjs); without it tests run in-process, without a time limit. */
    runWorkerFile?: string;
}

export const createTestsModule = (options: ServerOptions): Module<ManufactoriaLspServices, ManufactoriaAddedServices> => ({
    tests: {
        Solutions: (services) => new SolutionTestService(services),
        Runner: () => new TestRunner(options.runWorkerFile),
    },
});

export const ManufactoriaLspModule: Module<ManufactoriaLspServices, PartialLangiumServices> = {
    lsp: {
        HoverProvider: (services) => new ManufactoriaHoverProvider(services.tests.Solutions),
        CompletionProvider: (services) => new ManufactoriaCompletionProvider(services.tests.Solutions),
        CodeLensProvider: (services) => new ManufactoriaCodeLensProvider(services.tests.Solutions),
        DefinitionProvider: (services) => new ManufactoriaDefinitionProvider(services, services.tests.Solutions),
        RenameProvider: (services) => new ManufactoriaRenameProvider(services),
        Formatter: () => new ManufactoriaFormatter(),
        FoldingRangeProvider: () => new ManufactoriaFoldingRangeProvider(),
        CodeActionProvider: () => new ManufactoriaCodeActionProvider(),
        SemanticTokenProvider: (services) => new ManufactoriaSemanticTokenProvider(services),
        DocumentSymbolProvider: (services) => new ManufactoriaDocumentSymbolProvider(services),
    },
};

/**
 * Workspace symbols from every loaded program (ids are local, so the index has none); bursts of
 * edits rebuilt once, at their latest version (server/document-updates.ts).
 */
export const ManufactoriaLspSharedModule: Module<LangiumSharedServices, {
    lsp: { WorkspaceSymbolProvider: ManufactoriaWorkspaceSymbolProvider; DocumentUpdateHandler: CoalescingDocumentUpdateHandler };
    workspace: { DocumentBuilder: EditAwareDocumentBuilder };
}> = {
    lsp: {
        WorkspaceSymbolProvider: (shared) => new ManufactoriaWorkspaceSymbolProvider(shared),
        DocumentUpdateHandler: (shared) => new CoalescingDocumentUpdateHandler(shared),
    },
    workspace: { DocumentBuilder: (shared) => new EditAwareDocumentBuilder(shared) },
};

export function createManufactoriaServices(context: DefaultSharedModuleContext, options: ServerOptions = {}): { shared: LangiumSharedServices; Manufactoria: ManufactoriaLspServices } {
    const shared = inject(createDefaultSharedModule(context), ManufactoriaGeneratedSharedModule, ManufactoriaSharedModule, ManufactoriaLspSharedModule);
    const Manufactoria = inject(createDefaultModule({ shared }), ManufactoriaGeneratedModule, ManufactoriaModule as Module<LangiumServices, PartialLangiumServices>, ManufactoriaLspModule, createTestsModule(options));
    shared.ServiceRegistry.register(Manufactoria);
    registerValidationChecks(Manufactoria);
    registerDirectiveChecks(Manufactoria, Manufactoria.tests.Solutions);
    if (context.connection) {
        registerTestRequests(context.connection, Manufactoria.tests.Solutions);
        registerFactoryGraphRequest(context.connection);
        registerProblemFileRequests(context.connection);
        context.connection.onShutdown(() => Manufactoria.tests.Runner.dispose());
    }
    return { shared, Manufactoria };
}
