// The services that make a keystroke cheap (language/services) against the Langium defaults they
// replace: same node order, same links, same descriptions, same reference index, same diagnostics.
import {
    AstUtils, CstUtils, DefaultAstNodeDescriptionProvider, DefaultDocumentValidator, DefaultLinker, DefaultReferenceDescriptionProvider, DefaultScopeComputation,
    DefaultValueConverter, DocumentState, EmptyFileSystem, GrammarUtils, isLeafCstNode, MultiMap, URI, type AstNode, type AstNodeDescription, type LangiumDocument,
    type FileSystemProvider, type LocalSymbols, type Reference, type ValidationAcceptor,
} from 'langium';
import { parseDocument } from 'langium/test';
import { describe, expect, test } from 'vitest';
import type { Program } from '../../language/manufactoria/generated/ast.js';
import { createManufactoriaCoreServices } from '../../language/manufactoria/manufactoria-module.js';
import { allAstNodes, forEachReference } from '../../language/manufactoria/services/ast-walk.js';
import { ManufactoriaIndexManager } from '../../language/manufactoria/services/index-manager.js';
import { ManufactoriaReferenceDescriptionProvider } from '../../language/manufactoria/services/ast-descriptions.js';
import { propertyRange } from '../../language/manufactoria/validation/property-range.js';
import { readJsonLines } from '../helpers/fixtures.js';
// @ts-expect-error: plain JavaScript module without declarations
import { chainProgram } from '../../scripts/bench/lsp-latency.mjs';

const { shared, Manufactoria } = createManufactoriaCoreServices(EmptyFileSystem);
const TEXTS = [
    'START start:\n    NEXT a\nPAINTER_RED a:\n    NEXT a\nPULLER_RB p:\n    [R] a\n    [B] nowhere\n    [Y] END\nEND end',
    '# c\nSTART start\n    NEXT x\nbroken line\n    NEXT a\nEND end:\n    NEXT start',
    '',
    chainProgram(60),
    ...readJsonLines<{ dsl: string }>('manufactoria/edge_cases.jsonl').slice(0, 40).map((r) => r.dsl),
];
const open = (text: string) => parseDocument<Program>(Manufactoria, text, { validation: true });

describe('ast walks', () => {
    test('visit the nodes and references of streamAst/streamReferences in the same order', async () => {
        for (const text of TEXTS) {
            const root = (await open(text)).parseResult.value;
            expect(allAstNodes(root)).toEqual(AstUtils.streamAst(root).toArray());
            for (const node of allAstNodes(root)) {
                const mine: unknown[] = [];
                forEachReference(node, (info) => mine.push(info));
                expect(mine).toEqual(AstUtils.streamReferences(node).toArray());
            }
        }
    });
});

describe('linker', () => {
    test('links every reference like the default linker, in the same order', async () => {
        for (const text of TEXTS) {
            const document = await open(text);
            const summary = () => document.references.map((r) => [r.$refText, (r as Reference).ref, r.error?.message]);
            const ours = summary();
            Manufactoria.references.Linker.unlink(document);
            await new DefaultLinker(Manufactoria).link(document);
            expect(ours).toEqual(summary());
        }
    });
});

describe('node descriptions', () => {
    test('are computed lazily but equal the default ones', async () => {
        const document = await open(TEXTS[0]);
        const defaults = new DefaultAstNodeDescriptionProvider(Manufactoria);
        for (const node of document.parseResult.value.nodes) {
            const ours = Manufactoria.workspace.AstNodeDescriptionProvider.createDescription(node, node.name, document);
            const theirs = defaults.createDescription(node, node.name, document);
            for (const key of ['node', 'name', 'type', 'documentUri', 'path', 'nameSegment', 'selectionSegment'] as const) {
                expect(ours[key], key).toEqual(theirs[key]);
            }
        }
        const invalid = document.parseResult.value.nodes.find((n) => n.name === undefined);
        if (invalid) expect(() => Manufactoria.workspace.AstNodeDescriptionProvider.createDescription(invalid, undefined)).toThrow(/has no name/);
    });

    test('local symbols equal the default scope computation', async () => {
        for (const text of TEXTS) {
            const document = await open(text);
            const ours = await Manufactoria.references.ScopeComputation.collectLocalSymbols(document);
            const theirs = await new DefaultScopeComputation(Manufactoria).collectLocalSymbols(document);
            const summary = (symbols: LocalSymbols) => [...(symbols as MultiMap<AstNode, AstNodeDescription>).keys()].map((k) => [k, symbols.getStream(k).map((d) => [d.name, d.node, d.path]).toArray()]);
            expect(summary(ours)).toEqual(summary(theirs));
        }
    });
});

describe('reference index', () => {
    test('reference descriptions equal the default ones, async and sync', async () => {
        for (const text of TEXTS) {
            const document = await open(text);
            const provider = Manufactoria.workspace.ReferenceDescriptionProvider as ManufactoriaReferenceDescriptionProvider;
            const theirs = await new DefaultReferenceDescriptionProvider(Manufactoria).createDescriptions(document);
            expect(await provider.createDescriptions(document)).toEqual(theirs);
            expect(provider.createDescriptionsSync(document)).toEqual(theirs);
        }
    });

    test('is built when first read, and follows document changes', async () => {
        const index = shared.workspace.IndexManager as ManufactoriaIndexManager;
        expect(index).toBeInstanceOf(ManufactoriaIndexManager);
        const documents = shared.workspace.LangiumDocuments;
        const uri = URI.parse('file:///index-test.manufactoria');
        const build = async (text: string) => {
            if (documents.hasDocument(uri)) documents.deleteDocument(uri);
            const document = shared.workspace.LangiumDocumentFactory.fromString<Program>(text, uri);
            documents.addDocument(document);
            await shared.workspace.DocumentBuilder.build([document], { validation: false });
            return document;
        };
        const referencesTo = (document: LangiumDocument<Program>, name: string) => {
            const node = document.parseResult.value.nodes.find((n) => n.name === name)!;
            return index.findAllReferences(node, Manufactoria.workspace.AstNodeLocator.getAstNodePath(node)).toArray();
        };
        const offsets = (text: string, needle: string) => [...text.matchAll(new RegExp(needle, 'g'))].map((m) => m.index + needle.length - 1);
        const firstText = 'START start:\n    NEXT a\nPAINTER_RED a:\n    NEXT a\nEND end';
        const first = await build(firstText);
        const indexed = () => (index as unknown as { referenceIndex: Map<string, unknown> }).referenceIndex.has(uri.toString());
        expect(indexed()).toBe(false); // linked, but not described yet
        expect(referencesTo(first, 'a').map((r) => r.segment.offset)).toEqual(offsets(firstText, 'NEXT a'));
        expect(indexed()).toBe(true);
        expect(index.isAffected(first, new Set(['file:///elsewhere.manufactoria']))).toBe(false);
        const secondText = 'START start:\n    NEXT end\nPAINTER_RED a:\n    NEXT a\nEND end';
        const second = await build(secondText);
        expect(referencesTo(second, 'a').map((r) => r.segment.offset)).toEqual(offsets(secondText, 'NEXT a'));
        expect(referencesTo(second, 'end').map((r) => r.segment.offset)).toEqual([secondText.indexOf('NEXT end') + 5]);
        index.remove(uri);
        expect(referencesTo(second, 'a')).toEqual([]);
        documents.deleteDocument(uri);
    });
});

describe('document builder', () => {
    test('a change does not rebuild other programs, even those with unresolved targets', async () => {
        // Files in memory: `update` reads a changed document again.
        const files = new Map<string, string>();
        const read = (uri: URI) => files.get(uri.toString()) ?? '';
        const { shared: workspace } = createManufactoriaCoreServices({ fileSystemProvider: () => ({ readFile: async (uri: URI) => read(uri), readFileSync: read }) as unknown as FileSystemProvider });
        const documents = workspace.workspace.LangiumDocuments;
        const builder = workspace.workspace.DocumentBuilder;
        const add = (name: string, text: string) => {
            const uri = URI.parse(`file:///${name}.manufactoria`);
            files.set(uri.toString(), text);
            const document = workspace.workspace.LangiumDocumentFactory.fromString<Program>(text, uri);
            documents.addDocument(document);
            return document;
        };
        const other = add('other', 'START start:\n    NEXT NONE\nEND end');
        const edited = add('edited', 'START start:\n    NEXT end\nEND end');
        await builder.build([other, edited], { validation: true });
        expect(other.references.some((r) => r.error)).toBe(true); // NONE is never declared
        const validated: string[] = [];
        builder.onDocumentPhase(DocumentState.Validated, (document) => { validated.push(document.uri.path); });
        files.set(edited.uri.toString(), 'START start:\n    NEXT x\nEND end');
        await builder.update([edited.uri], []);
        expect(validated).toEqual(['/edited.manufactoria']);
        expect(other.state).toBe(DocumentState.Validated);
    });
});

describe('document validator', () => {
    test('runs node checks in streamAst order, once per node', async () => {
        const { Manufactoria: services } = createManufactoriaCoreServices(EmptyFileSystem);
        const visited: AstNode[] = [];
        const record = (node: AstNode, _accept: ValidationAcceptor) => { visited.push(node); };
        services.validation.ValidationRegistry.register({ AstNode: record });
        for (const text of TEXTS) {
            visited.length = 0;
            const document = await parseDocument<Program>(services, text, { validation: true });
            expect(visited).toEqual(AstUtils.streamAst(document.parseResult.value).toArray());
        }
    });

    test('diagnostics equal the default validator (linking errors apart)', async () => {
        for (const text of TEXTS) {
            const document = await open(text);
            const defaults = new (class extends DefaultDocumentValidator {
                protected override processLinkingErrors(): void {}
            })(Manufactoria);
            expect(await Manufactoria.validation.DocumentValidator.validateDocument(document)).toEqual(await defaults.validateDocument(document));
        }
    });
});

describe('small replacements', () => {
    test('ID values convert as in the default converter', async () => {
        const document = await open(TEXTS[0]);
        const defaults = new DefaultValueConverter();
        const ids = CstUtils.streamCst(document.parseResult.value.$cstNode!).filter((n) => isLeafCstNode(n) && n.tokenType.name === 'ID').toArray();
        expect(ids.length).toBeGreaterThan(5);
        for (const leaf of ids) {
            for (const text of [leaf.text, 'a', '^a', 'café', '_1']) {
                expect(Manufactoria.parser.ValueConverter.convert(text, leaf)).toEqual(defaults.convert(text, leaf));
            }
        }
    });

    test('propertyRange equals the range Langium derives from { node, property }', async () => {
        for (const text of TEXTS) {
            const document = await open(text);
            for (const node of allAstNodes(document.parseResult.value)) {
                for (const property of ['name', 'target', 'kind', 'colon', 'condition', 'invalid', 'routes', 'nodes', 'missing']) {
                    const cst = GrammarUtils.findNodeForProperty(node.$cstNode, property) ?? node.$cstNode;
                    expect(propertyRange(node, property), `${node.$type}.${property}`).toEqual(cst?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
                }
            }
        }
    });
});
