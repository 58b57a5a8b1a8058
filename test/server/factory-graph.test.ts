// The factory graph model (from the server's parse of the text) and its layout.
import { describe, expect, test } from 'vitest';
import { factoryGraph } from '../../language/manufactoria/model/factory-graph.js';
import { parseProgram } from '../../language/manufactoria/verdict.js';
import { layoutGraph, structureKey } from '../../client/webview/factory-graph/layout.js';

const PROGRAM = 'START start:\n    NEXT a\n\nPULLER_RB a:\n    [B] end\n    [R] endd\n\nPAINTER_RED lost:\n    NEXT lost\n\nEND end\n';

describe('factory graph model', () => {
    const graph = factoryGraph(parseProgram(PROGRAM));
    test('declared nodes with kind and lines, sinks for NONE and undefined targets', () => {
        expect(graph.nodes.map((n) => [n.id, n.kind, n.line, n.endLine, n.reachable, n.reachesEnd])).toEqual([
            ['n:start', 'START', 0, 1, true, true],
            ['n:a', 'PULLER_RB', 3, 5, true, true],
            ['n:lost', 'PAINTER_RED', 7, 8, false, false],
            ['n:end', 'END', 10, 10, true, true],
            ['u:endd', 'UNDEFINED', undefined, undefined, true, false],
            ['s:NONE@a', 'NONE', undefined, undefined, true, false],
        ]);
    });
    test('one labelled edge per route, implicit routes to NONE marked', () => {
        expect(graph.edges).toEqual([
            { from: 'n:start', to: 'n:a', label: 'NEXT' },
            { from: 'n:a', to: 'n:end', label: 'B' },
            { from: 'n:a', to: 'u:endd', label: 'R' },
            { from: 'n:lost', to: 'n:lost', label: 'NEXT' },
            { from: 'n:a', to: 's:NONE@a', label: 'EMPTY', implicit: true },
        ]);
    });
    test('a never-taken route is marked, and leads nowhere for reachability', () => {
        const text = 'START start:\n    NEXT p\nPULLER_RB p:\n    [R] NONE\n    [B] NONE\n    [EMPTY] NONE\n    [R] q\nPAINTER_RED q:\n    NEXT end\nEND end';
        const graph = factoryGraph(parseProgram(text));
        expect(graph.edges.filter((e) => e.shadowed)).toEqual([{ from: 'n:p', to: 'n:q', label: 'R', shadowed: true }]);
        expect(graph.nodes.filter((n) => n.id.startsWith('n:')).map((n) => [n.name, n.reachable, n.reachesEnd])).toEqual([
            ['start', true, false], ['p', true, false], ['q', false, true], ['end', false, true],
        ]);
    });
    test("the target END (no node of that id) is a rejecting sink of its own, not an undefined target: the program is valid", () => {
        const text = 'START start:\n    NEXT p\nPULLER_RB p:\n    [R] END\n    [B] end\n    [EMPTY] endd\nEND end';
        const { nodes } = factoryGraph(parseProgram(text));
        expect(nodes.filter((n) => !n.id.startsWith('n:')).map((n) => [n.id, n.kind])).toEqual([['u:END', 'UNKNOWN'], ['u:endd', 'UNDEFINED']]);
        // A node really called END is where such routes go.
        const declared = factoryGraph(parseProgram('START start:\n    NEXT END\nPAINTER_RED END:\n    NEXT end\nEND end'));
        expect(declared.edges[0]).toEqual({ from: 'n:start', to: 'n:END', label: 'NEXT' });
    });
});

describe('layout', () => {
    test('every node and edge placed; an edit that keeps the structure keeps the layout', () => {
        const graph = factoryGraph(parseProgram(PROGRAM));
        const layout = layoutGraph(graph);
        expect(layout.engine).toBe('dagre');
        expect([...layout.nodes.keys()].sort()).toEqual(graph.nodes.map((n) => n.id).sort());
        expect(layout.edges.every((e) => e.points.length >= 2)).toBe(true);
        // start above a above end: the layered layout follows the routes downwards.
        const y = (id: string) => layout.nodes.get(id)!.y;
        expect(y('n:start') < y('n:a') && y('n:a') < y('n:end')).toBe(true);
        const commented = factoryGraph(parseProgram(`# a comment\n${PROGRAM}`));
        expect(layoutGraph(commented, layout)).toBe(layout);
        expect(structureKey(commented)).toBe(structureKey(graph));
    });
    test('a 1,000-node program gets the linear rank layout', () => {
        const lines = ['START start:', '    NEXT p0'];
        for (let i = 0; i < 1000; i++) lines.push(`PULLER_RB p${i}:`, `    [R] p${(i + 1) % 1000}`, `    [B] ${i % 10 === 9 ? 'end' : `p${(i + 2) % 1000}`}`);
        lines.push('END end');
        const graph = factoryGraph(parseProgram(lines.join('\n')));
        const layout = layoutGraph(graph);
        expect(layout.engine).toBe('ranks');
        expect(layout.nodes.size).toBe(graph.nodes.length);
        expect(layout.nodes.get('n:start')!.y).toBeLessThan(layout.nodes.get('n:p5')!.y);
    });
});

describe('workspace symbols', () => {
    test('every declared node of the loaded programs, filtered by the query', async () => {
        const { Manufactoria, open } = await import('./lsp-helpers.js');
        await open('START start:\n    NEXT reader\nPULLER_RB reader:\n    [B] end\nEND end');
        const provider = Manufactoria.shared.lsp.WorkspaceSymbolProvider!;
        const found = await provider.getSymbols({ query: 'read' });
        expect(found.find((s) => s.name === 'reader')).toMatchObject({ containerName: expect.stringMatching(/^PULLER_RB · /), location: { range: { start: { line: 2 } } } });
        expect(found.some((s) => s.name === 'start')).toBe(false);
    });
});
