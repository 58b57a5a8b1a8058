// Editor diagnostics: every reference error with its exact text on the mapped document line, and
// the editor-only warnings with their stable codes.
import { describe, expect, test, vi } from 'vitest';
import { ProgramGraph } from '../../language/manufactoria/model/program-graph.js';
import { checkGraphWarnings } from '../../language/manufactoria/validation/graph-warnings.js';
import { parseProgram } from '../../language/manufactoria/verdict.js';
import { open } from './lsp-helpers.js';

const errorsOf = async (text: string) => ((await open(text)).diagnostics ?? []).filter((d) => d.severity === 1);
const codesOf = async (text: string) => ((await open(text)).diagnostics ?? []).filter((d) => d.severity !== 1).map((d) => d.code);

describe('reference errors in the editor', () => {
    test.each([
        ['START begin:\n    NEXT end\nEND end', "START node must have ID 'start'", 0],
        ['START start:\n    NEXT end\nEND end:', 'END nodes should not have a colon', 2],
        ['START start\n    NEXT end\nEND end', 'START nodes must have a colon', 0],
        ['START start:\n    NEXT a\nPAINTER_RED a:\n    NEXT end\nPAINTER_RED a:\n    NEXT end\nEND end', 'Duplicate node ID: a', 4],
        ['START start:\n    NEXT end\nEND fin', "END node must have ID 'end'", 2],
        ['START start:\n    NEXT end\nEND end\n    NEXT start', 'END nodes cannot have routes', 3],
        ['START start:\n    NEXT p\nPULLER_RB p:\n    NEXT end\nEND end', 'Invalid puller route format: NEXT end', 3],
        ['START start:\n    [R] end\nEND end', 'Invalid NEXT route format: [R] end', 1],
        ['START start:\nEND end', 'START node must have exactly one NEXT route', 0],
        ['START start:\n    NEXT p\nPULLER_RB p:\n    [Y] end\nEND end', "Invalid condition 'Y' for PULLER_RB", 2],
        ['START start:\n    NEXT p\nPAINTER_RED p:\nEND end', 'PAINTER nodes must have exactly one NEXT route', 2],
        ['END end', 'Program must have a START node', 0],
        ['START start:\n    NEXT end', 'Program must have an END node', 0],
        ['START start:\n    NEXT nowhere\nEND end', "Node 'start' references undefined node 'nowhere'", 1], // on the target itself
        ['# only a comment', 'Empty program', 0],
        ['hello world', 'Invalid node declaration: hello world', 0],
    ])('%j → %s', async (text, message, line) => {
        const errors = await errorsOf(text);
        const match = errors.find((d) => d.message === message);
        expect(match, `diagnostics: ${errors.map((e) => e.message).join(' | ')}`).toBeDefined();
        expect(match!.range.start.line).toBe(line);
    });

    test('reference line numbers are mapped back onto the document (leading blank lines, fence)', async () => {
        const text = '\n\n\n```\nSTART begin:\n    NEXT end\nEND end\n```';
        const [error] = await errorsOf(text);
        expect(error.message).toBe("START node must have ID 'start'");
        expect(error.range.start.line).toBe(4);
        expect((error.data as { reference: { line: number } }).reference.line).toBe(1);
    });

    test('CRLF and a lone CR keep the editor position right', async () => {
        const [error] = await errorsOf('START start:\r\n    NEXT end\r\nEND end:');
        expect(error.range.start.line).toBe(2);
    });

    test('a program the reference accepts has no error diagnostic', async () => {
        expect(await errorsOf('START start:\n    NEXT p\nPULLER_RB p:\n    [R] end\n    [B] NONE\n    [EMPTY] NONE\nEND end')).toEqual([]);
    });
});

describe('editor-only warnings', () => {
    test('END as a target is a trap', async () => {
        expect(await codesOf('START start:\n    NEXT END\nEND end')).toContain('end-keyword-target');
        expect(await codesOf('START start:\n    NEXT END\nPAINTER_RED END:\n    NEXT end\nEND end')).not.toContain('end-keyword-target');
    });
    test('unused and unreachable nodes', async () => {
        const codes = await codesOf('START start:\n    NEXT end\nPAINTER_RED a:\n    NEXT b\nPAINTER_RED b:\n    NEXT end\nEND end');
        expect(codes).toContain('unused-node');
        expect(codes).toContain('unreachable-node');
    });
    test('a puller without a route for a colour or EMPTY', async () => {
        expect(await codesOf('START start:\n    NEXT p\nPULLER_RB p:\n    [R] end\nEND end')).toContain('implicit-none-route');
    });
    test('no path from start to end', async () => {
        expect(await codesOf('START start:\n    NEXT NONE\nEND end')).toContain('no-accepting-path');
    });
    test('a loop of painters never ends', async () => {
        const codes = await codesOf('START start:\n    NEXT a\nPAINTER_RED a:\n    NEXT b\nPAINTER_BLUE b:\n    NEXT a\nEND end');
        expect(codes).toContain('endless-painter-loop');
        // Reached through a tail of painters, and again from a puller: one warning, named from where the loop closes.
        const text = 'START start:\n    NEXT t\nPAINTER_RED t:\n    NEXT a\nPAINTER_RED a:\n    NEXT b\nPAINTER_BLUE b:\n    NEXT c\nPAINTER_RED c:\n    NEXT a\n'
            + 'PULLER_RB p:\n    [R] b\n    [B] end\n    [EMPTY] end\nEND end';
        const loops = ((await open(text)).diagnostics ?? []).filter((d) => d.code === 'endless-painter-loop');
        expect(loops.map((d) => [d.message, d.range.start.line])).toEqual([
            ['Endless loop a → b → c → a: no puller in it, so the tape only grows until the 1000-step limit rejects the robot', 4],
        ]);
    });
    test('a long chain of painters is followed once, not once from each painter (O(n²) steps: 40 s at 4,000 painters)', async () => {
        const n = 300;
        let text = 'START start:\n    NEXT p0\n';
        for (let i = 0; i < n; i++) text += `PAINTER_RED p${i}:\n    NEXT ${i + 1 < n ? `p${i + 1}` : 'end'}\n`;
        const program = parseProgram(`${text}END end`);
        const successors = vi.spyOn(ProgramGraph.prototype, 'successors');
        try {
            checkGraphWarnings(program, () => undefined);
            // The reachability walk asks each node once, the loop search at most once more.
            expect(successors.mock.calls.length).toBeLessThanOrEqual(2 * (n + 2));
        } finally {
            successors.mockRestore();
        }
    });
    test('a route a puller never takes: an earlier route has its condition (the first match wins)', async () => {
        const text = 'START start:\n    NEXT p\nPULLER_RB p:\n    [R] end\n    [B] NONE\n    [R] NONE\n    [EMPTY] end\nEND end';
        const warnings = ((await open(text)).diagnostics ?? []).filter((d) => d.code === 'shadowed-route');
        expect(warnings.map((w) => [w.message, w.range.start.line, w.range.start.character, w.range.end.character])).toEqual([
            ['Never taken: the [R] route on line 4 comes first (a puller follows the first route that matches)', 5, 4, 7],
        ]);
        // A condition the puller cannot read is a reference error, not this warning.
        expect(await codesOf('START start:\n    NEXT p\nPULLER_RB p:\n    [Y] end\n    [Y] NONE\nEND end')).not.toContain('shadowed-route');
    });
    test('a node reached only by a never-taken route is unreachable, and an end reached only so is no accepting path', async () => {
        const text = 'START start:\n    NEXT p\nPULLER_RB p:\n    [R] NONE\n    [B] NONE\n    [EMPTY] NONE\n    [R] q\nPAINTER_RED q:\n    NEXT end\nEND end';
        const warnings = ((await open(text)).diagnostics ?? []).filter((d) => d.severity === 2).map((d) => d.message);
        expect(warnings).toContain("Node 'q' is unreachable from 'start'");
        expect(warnings).toContain("No route leads from 'start' to 'end': every tape is rejected");
    });
    test('a long puller is read once per check, not back from each route (O(n²): 8 s per keystroke at 20,000 routes after 20,000 broken ones)', () => {
        const n = 300;
        const text = `START start:\n    NEXT p\nPULLER_RB p:\n${'    x\n'.repeat(n)}${'    [R] p\n'.repeat(n)}END end`;
        const program = parseProgram(text);
        const puller = program.nodes[1];
        let reads = 0;
        (puller as { routes: unknown }).routes = new Proxy(puller.routes, { get: (target, key, receiver) => { if (typeof key === 'string' && /^\d+$/.test(key)) reads++; return Reflect.get(target, key, receiver); } });
        let warnings = 0;
        checkGraphWarnings(program, (_severity, _message, info) => { if (info.code === 'shadowed-route') warnings++; });
        expect(warnings).toBe(n - 1);
        expect(reads).toBeLessThanOrEqual(10 * 2 * n);
    });
    test('an expected output that looks like a pattern but is compared as text', async () => {
        const text = '# test: RRB => R{2}B\n# test: RB => [RB]+\n# test: RB => (R\n# test: RB => R.\n# test: RB => RB\nSTART start:\n    NEXT end\nEND end';
        const notes = ((await open(text)).diagnostics ?? []).filter((d) => d.code === 'literal-output');
        expect(notes.map((d) => [d.range.start.line, d.message])).toEqual([
            [0, "'R{2}B' is compared as text, not as a regex: the verifier matches a pattern only when it holds one of . + * ? | ( )"],
            [2, "'(R' is not a valid Python regex: the verifier compares it as text"],
        ]);
        // Nesting too deep for the port's parser, and a pattern Python rejects with OverflowError (not
        // re.error, so no fallback to text): no note, and no failed validation.
        const deep = `# test: R => ${'('.repeat(50_000)}R${')'.repeat(50_000)}*\n# test: R => R{4294967295}+\nSTART start:\n    NEXT end\nEND end`;
        expect(((await open(deep)).diagnostics ?? []).map((d) => d.message)).toEqual([]);
    });
    test('a clean program has no warnings', async () => {
        expect(await codesOf('START start:\n    NEXT p\nPULLER_RB p:\n    [R] p\n    [B] end\n    [EMPTY] NONE\nEND end')).toEqual([]);
    });
});
