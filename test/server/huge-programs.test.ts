// Programs far beyond what a model writes, which the reference still reads (a puller with 200,000
// routes is 2 MB): nothing spreads one call argument per node, route or diagnostic, which overflows
// the stack past ~120,000 ("Maximum call stack size exceeded"). The models are built directly here:
// parsing 2 MB would take seconds.
import { describe, expect, test, vi } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Program } from '../../language/manufactoria/generated/ast.js';
import { factoryGraph } from '../../language/manufactoria/model/factory-graph.js';
import { ProgramGraph } from '../../language/manufactoria/model/program-graph.js';
import { Manufactoria, open } from './lsp-helpers.js';

const MANY = 200_000;

/** A Program as the parser builds it, as far as the graph reads it. */
function program(nodes: { name: string; kind: string; routes: { condition?: string; target: string }[] }[]): Program {
    const built = { $type: 'Program', nodes: [] as unknown[] };
    for (const n of nodes) {
        const node = { $type: 'Node', $container: built, name: n.name, kind: n.kind, colon: true, routes: [] as unknown[] };
        for (const r of n.routes) node.routes.push({ $type: 'Route', $container: node, condition: r.condition, next: r.condition === undefined, target: { $refText: r.target } });
        built.nodes.push(node);
    }
    return built as unknown as Program;
}

describe('huge programs', () => {
    test('reachability through a puller with 200,000 routes (the warnings died with it, and every diagnostic with them)', () => {
        const routes = Array.from({ length: MANY }, () => ({ condition: 'R', target: 'p' }));
        const graph = new ProgramGraph(program([
            { name: 'start', kind: 'START', routes: [{ target: 'p' }] },
            { name: 'p', kind: 'PULLER_RB', routes: [...routes, { condition: 'B', target: 'end' }] },
            { name: 'end', kind: 'END', routes: [] },
        ]));
        expect([...graph.reachableFromStart()].map((n) => n.name)).toEqual(['start', 'p', 'end']);
    });

    test('200,000 diagnostics are all published: Langium spread them into one push', async () => {
        const document = await open('START start:\n    NEXT end\nEND end');
        const validator = Manufactoria.validation.DocumentValidator;
        const many: Diagnostic[] = Array.from({ length: MANY }, (_, i) => ({ message: `d${i}`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }));
        // The checks' results (DefaultDocumentValidator.validateAst), replaced by 200,000 diagnostics.
        const checks = vi.spyOn(validator as unknown as { validateAst: () => Promise<Diagnostic[]> }, 'validateAst').mockResolvedValue(many);
        try {
            const diagnostics = await validator.validateDocument(document);
            expect(diagnostics.length).toBe(MANY);
            expect(diagnostics.at(-1)?.message).toBe(`d${MANY - 1}`);
        } finally {
            checks.mockRestore();
        }
    });

    test('the factory graph of a puller routing to 140,000 undeclared targets (a sink each)', () => {
        const sinks = 140_000; // ~2 MB of text, the most the graph request takes
        const routes = Array.from({ length: sinks }, (_, i) => ({ condition: 'R', target: `q${i}` }));
        const graph = factoryGraph(program([{ name: 'start', kind: 'START', routes: [{ target: 'p' }] }, { name: 'p', kind: 'PULLER_RB', routes }]));
        expect(graph.nodes.length).toBe(2 + sinks + 1); // and p's NONE sink for [B] and [EMPTY]
    });
});
