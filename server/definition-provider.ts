// Go to Definition: node targets as Langium resolves them, and on a `# problem:` directive the
// bound problem's row in its file (its line in a JSON Lines file, the line of its "id" in a JSON
// file, the file's start otherwise: Parquet is not text).
import { promises as fs } from 'node:fs';
import { URI, type LangiumDocument } from 'langium';
import { DefaultDefinitionProvider, type LangiumServices } from 'langium/lsp';
import type { DefinitionParams, LocationLink } from 'vscode-languageserver';
import { formatOf } from '../language/dataset/problems/formats.js';
import type { Problem } from '../language/dataset/problems/problem.js';
import { lineOfArrayElement, lineOfId } from '../language/dataset/problems/row-location.js';
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
        const line = await rowLine(binding.problem, binding.file);
        const target = { start: { line, character: 0 }, end: { line, character: 0 } };
        return [{ originSelectionRange: spanRange(directive.span), targetUri: URI.file(binding.file).toString(), targetRange: target, targetSelectionRange: target }];
    }
}

/** 0-based line where the row starts. */
async function rowLine(problem: Problem, file: string): Promise<number> {
    if (problem.source.line !== undefined) return Math.max(0, problem.source.line - 1);
    if (formatOf(file) !== 'json') return 0;
    try {
        const text = await fs.readFile(file, 'utf8');
        return lineOfArrayElement(text, problem.source.index) ?? lineOfId(text, problem.id) ?? 0;
    } catch {
        return 0;
    }
}
