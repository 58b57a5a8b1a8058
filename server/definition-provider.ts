// Go to Definition: node targets as Langium resolves them, and on a `# problem:` directive the
// bound problem's row in its file (its line in a JSON Lines file, the file's start otherwise).
import { URI, type LangiumDocument } from 'langium';
import { DefaultDefinitionProvider, type LangiumServices } from 'langium/lsp';
import type { DefinitionParams, LocationLink } from 'vscode-languageserver';
import { spanRange } from './solution-tests/ranges.js';
import type { SolutionTestService } from './solution-tests/solution-service.js';

export class ManufactoriaDefinitionProvider extends DefaultDefinitionProvider {
    constructor(services: LangiumServices, private readonly solutions: SolutionTestService) {
        super(services);
    }

    override async getDefinition(document: LangiumDocument, params: DefinitionParams): Promise<LocationLink[] | undefined> {
        const row = await this.problemRow(document, params);
        return row ?? super.getDefinition(document, params);
    }

    private async problemRow(document: LangiumDocument, params: DefinitionParams): Promise<LocationLink[] | undefined> {
        if (!document.textDocument.getText().includes('#')) return undefined;
        const { directives, binding } = await this.solutions.testsOf(document);
        const directive = directives.problem;
        if (!directive || directive.span.line !== params.position.line || !binding?.ok) return undefined;
        const line = Math.max(0, (binding.problem.source.line ?? 1) - 1);
        const target = { start: { line, character: 0 }, end: { line, character: 0 } };
        return [{ originSelectionRange: spanRange(directive.span), targetUri: URI.file(binding.file).toString(), targetRange: target, targetSelectionRange: target }];
    }
}
