import {
    Cancellation, DefaultDocumentValidator, DocumentValidator, interruptAndCheck, isAstNode, isOperationCancelled,
    type AstNode, type LangiumDocument, type ValidationAcceptor, type ValidationCategory, type ValidationCheck, type ValidationOptions,
} from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { CHECK_INTERVAL } from './ast-walk.js';

/**
 * Unresolved targets are judged by the reference rule (`references undefined node`), and the
 * targets `NONE` and `END` are legal without a declaration, so the linker's generic message is dropped.
 *
 * The per-node checks run as in Langium, but without a stream per AST node and with one check
 * lookup per node type: the Manufactoria checks are registered on `Program`, so walking the
 * thousands of `Node`s and `Route`s of a large program used to cost more than the checks themselves.
 */
export class ManufactoriaDocumentValidator extends DefaultDocumentValidator {
    protected override processLinkingErrors(_document: LangiumDocument, _diagnostics: Diagnostic[], _options: ValidationOptions): void {}

    /**
     * Langium's, but the checks' diagnostics are added one by one: Langium adds them with
     * `push(...diagnostics)`, one call argument each, and past ~120,000 (a puller with 200,000
     * repeated routes, each one a warning) the RangeError dropped every diagnostic, errors included.
     */
    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken = Cancellation.CancellationToken.None): Promise<Diagnostic[]> {
        const diagnostics: Diagnostic[] = [];
        await interruptAndCheck(cancelToken);
        if (!options.categories || options.categories.includes('built-in')) {
            const stops = (code: string) => diagnostics.some((d) => (d.data as { code?: string } | undefined)?.code === code);
            this.processLexingErrors(document.parseResult, diagnostics, options);
            if (options.stopAfterLexingErrors && stops(DocumentValidator.LexingError)) return diagnostics;
            this.processParsingErrors(document.parseResult, diagnostics, options);
            if (options.stopAfterParsingErrors && stops(DocumentValidator.ParsingError)) return diagnostics;
            this.processLinkingErrors(document, diagnostics, options);
            if (options.stopAfterLinkingErrors && stops(DocumentValidator.LinkingError)) return diagnostics;
        }
        try {
            for (const diagnostic of await this.validateAst(document.parseResult.value, options, cancelToken)) diagnostics.push(diagnostic);
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            console.error('An error occurred during validation:', error);
        }
        await interruptAndCheck(cancelToken);
        return diagnostics;
    }

    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('validating')) return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        const checksByType = new Map<string, ValidationCheck[]>();
        const checksFor = (type: string) => {
            let checks = checksByType.get(type);
            if (!checks) checksByType.set(type, checks = this.validationRegistry.getChecks(type, options.categories as ValidationCategory[] | undefined).toArray());
            return checks;
        };
        // Pre-order, children in property order: the order of Langium's `streamAst`.
        const stack: AstNode[] = [rootNode];
        const children: AstNode[] = [];
        for (let visited = 0; stack.length > 0; visited++) {
            const node = stack.pop()!;
            if (visited % CHECK_INTERVAL === 0) await interruptAndCheck(cancelToken);
            const nodeOptions = this.validateSingleNodeOptions(node, options);
            if (nodeOptions.validateNode) {
                for (const check of checksFor(node.$type)) await check(node, acceptor, cancelToken);
            }
            if (!nodeOptions.validateChildren) continue;
            for (const key in node) { // plain objects: the keys of `Object.keys`, without an array per node
                if (key.charCodeAt(0) === 36 /* $ */) continue;
                const value = (node as unknown as Record<string, unknown>)[key];
                if (Array.isArray(value)) {
                    for (const element of value) if (isAstNode(element)) children.push(element);
                } else if (isAstNode(value)) {
                    children.push(value);
                }
            }
            while (children.length > 0) stack.push(children.pop()!);
        }
    }
}
