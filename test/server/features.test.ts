// Hover, completion, definition, references, rename, formatting, code actions, symbols, folding.
import { expectFormatting, expectHover } from 'langium/test';
import { describe, expect, test } from 'vitest';
import type { Position } from 'vscode-languageserver';
import { Manufactoria, open, positionOf } from './lsp-helpers.js';

const PROGRAM = 'START start:\n    NEXT p\nPULLER_RB p:\n    [R] p\n    [B] end\n    [EMPTY] END\nEND end';
const lsp = Manufactoria.lsp;

describe('hover', () => {
    const hover = async (needle: string, delta = 0, nth = 0) => {
        const document = await open(PROGRAM);
        const result = await lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position: positionOf(document, needle, delta, nth) });
        return (result?.contents as { value: string } | undefined)?.value ?? '';
    };
    test('on a node keyword', async () => expect(await hover('PULLER_RB', 2)).toContain('consumes R or B'));
    test('on a node id: kind and routes', async () => expect(await hover('p:', 0)).toContain('[EMPTY] → END'));
    test('on a target: the target node', async () => expect(await hover('NEXT p', 5)).toContain('`PULLER_RB p`'));
    test('on a node id or a target: what the node does with the tape', async () => {
        expect(await hover('NEXT p', 5)).toContain('`PULLER_RB p` — takes R or B off the front of the tape; any other front symbol stays');
        const document = await open('START start:\n    NEXT paint\nPAINTER_YELLOW paint:\n    NEXT end\nEND end');
        const at = async (offset: number) => ((await lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset) }))?.contents as { value: string }).value;
        const text = document.textDocument.getText();
        expect(await at(text.indexOf('NEXT paint') + 5)).toBe('`PAINTER_YELLOW paint` — appends Y to the end of the tape\n\nRoutes: NEXT → end');
        expect(await at(text.indexOf('start:'))).toContain('`START start` — the robot enters here; the tape is unchanged');
    });
    test('on NONE, end and the END trap', async () => {
        expect(await hover('[B] end', 5)).toContain('accepting END node');
        expect(await hover('[EMPTY] END', 9)).toContain('not** the accepting node');
    });
    test('on [EMPTY]: foreign colours are not consumed', async () => expect(await hover('[EMPTY]', 2)).toContain('not** consumed'));
    test('on a repeated condition: the later route is never taken', async () => {
        const document = await open('START start:\n    NEXT p\nPULLER_RB p:\n    [R] end\n    [R] NONE\nEND end');
        const at = async (nth: number) => ((await lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position: positionOf(document, '[R]', 1, nth) }))?.contents as { value: string }).value;
        expect(await at(0)).toContain('taken when the front symbol is R');
        expect(await at(1)).toBe('**[R]** — never taken: the `[R]` route on line 4 comes first, and a puller follows the first route that matches.');
        const node = await lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position: positionOf(document, 'p:') });
        expect((node?.contents as { value: string }).value).toContain('Routes: [R] → end, [R] → NONE (never taken), [B] → NONE (implicit), [EMPTY] → NONE (implicit)');
        // A repeated colour the puller cannot read: the reference error is what the hover says.
        const yy = await open('START start:\n    NEXT p\nPULLER_RB p:\n    [Y] end\n    [Y] NONE\nEND end');
        const second = await lsp.HoverProvider!.getHoverContent(yy, { textDocument: { uri: yy.uri.toString() }, position: positionOf(yy, '[Y]', 1, 1) });
        expect((second?.contents as { value: string }).value).toContain("Invalid condition 'Y' for PULLER_RB");
    });
    test('with the langium/test helper', async () => {
        await expectHover(Manufactoria)({ text: 'START start:\n    NEXT <|>NONE\nEND end', index: 0, hover: /rejecting terminal/ });
    });
});

describe('completion', () => {
    const labels = async (text: string) => {
        const cursor = text.indexOf('|');
        const document = await open(text.replace('|', ''));
        const list = await lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(cursor) });
        return list!.items.map((i) => i.label);
    };
    test('node types and snippets at the margin', async () => {
        const items = await labels('START start:\n    NEXT end\n|\nEND end');
        expect(items).toContain('PULLER_YG');
        expect(items).toContain('PAINTER_RED node');
    });
    test('NEXT under a painter', async () => expect(await labels('START start:\n    NEXT a\nPAINTER_RED a:\n    |\nEND end')).toEqual(['NEXT']));
    test('only the conditions a puller can read', async () => expect(await labels('START start:\n    NEXT p\nPULLER_YG p:\n    |\nEND end')).toEqual(['[Y]', '[G]', '[EMPTY]']));
    test('a condition typed after `[` replaces the `]` VS Code closed on its own (it left `[R] ]`)', async () => {
        const complete = async (text: string, label: string) => {
            const cursor = text.indexOf('|');
            const document = await open(text.replace('|', ''));
            const list = await lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(cursor) });
            const item = list!.items.find((i) => i.label === label)!;
            const t = document.textDocument;
            const edit = item.textEdit as { range: { start: Position; end: Position }; newText: string } | undefined;
            if (edit) return t.getText().slice(0, t.offsetAt(edit.range.start)) + edit.newText + t.getText().slice(t.offsetAt(edit.range.end));
            // Without a text edit VS Code replaces the word at the cursor.
            const before = /\w*$/.exec(text.slice(0, cursor))![0].length;
            const after = /^\w*/.exec(text.slice(cursor + 1))![0].length;
            return t.getText().slice(0, cursor - before) + (item.insertText ?? item.label) + t.getText().slice(cursor + after);
        };
        const program = (route: string) => `START start:\n    NEXT p\nPULLER_RB p:\n    ${route}\nEND end`;
        expect(await complete(program('[|]'), '[R]')).toBe(program('[R] '));
        expect(await complete(program('[E|]'), '[EMPTY]')).toBe(program('[EMPTY] '));
        expect(await complete(program('|'), '[B]')).toBe(program('[B] '));
        expect(await complete(program('[|'), '[B]')).toBe(program('[B] '));
        // Changing the condition of a route that has its target already: no second space.
        expect(await complete(program('[|] end'), '[B]')).toBe(program('[B] end'));
    });
    test('a node named NONE is not offered as a node: the target NONE rejects', async () => {
        const cursor = 'START start:\n    NEXT |\nPAINTER_RED NONE:\n    NEXT end\nEND end';
        const document = await open(cursor.replace('|', ''));
        const list = await lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(cursor.indexOf('|')) });
        expect(list!.items.filter((i) => i.label === 'NONE').map((i) => i.detail)).toEqual(['reject the robot']);
    });
    test('end before its END node is written (the first route of a new program)', async () => {
        expect(await labels('START start:\n    NEXT |')).toEqual(['end', 'NONE']);
        expect(await labels('START start:\n    NEXT |\nEND end')).toEqual(['end', 'NONE']);
    });
    test('after a node kind: the ids routes lead to that no node declares yet, with the colon (end only after END, without one)', async () => {
        const text = 'START start:\n    NEXT paint\nPULLER_RB p:\n    [R] paint\n    [B] back\n    [EMPTY] end\n';
        const items = async (line: string) => {
            const document = await open(text + line);
            const list = await lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(text.length + line.length) });
            return list!.items.map((i) => [i.label, i.insertText, i.detail]);
        };
        expect(await items('PAINTER_RED ')).toEqual([['paint', 'paint:', 'routed to on line 2, not declared yet'], ['back', 'back:', 'routed to on line 5, not declared yet']]);
        expect(await items('END ')).toEqual([['end', 'end', 'routed to on line 6, not declared yet']]);
        // START's id is fixed; NONE and END are targets the reference accepts undeclared.
        expect(await items('START ')).toEqual([]);
        expect((await labels('START start:\n    NEXT END\n    NEXT NONE\nPAINTER_RED |'))).toEqual([]);
    });
    test('as a target: an id other routes lead to but no node declares yet, not the one being typed', async () => {
        expect(await labels('START start:\n    NEXT paint\nPULLER_RB p:\n    [R] pa|\nEND end')).toEqual(['p', 'end', 'paint', 'NONE']);
        expect(await labels('START start:\n    NEXT p\nPULLER_RB p:\n    [R] pa|\nEND end')).toEqual(['p', 'end', 'NONE']);
    });
    test('declared ids and NONE as targets', async () => {
        const items = await labels('START start:\n    NEXT |\nPAINTER_RED a:\n    NEXT end\nEND end');
        expect(items).toEqual(expect.arrayContaining(['a', 'end', 'NONE']));
        expect(items).not.toContain('start');
    });
});

describe('navigation and rename', () => {
    test('go to definition of a target', async () => {
        const document = await open('START start:\n    NEXT a\nPAINTER_RED a:\n    NEXT end\nEND end');
        const links = await lsp.DefinitionProvider!.getDefinition(document, { textDocument: { uri: document.uri.toString() }, position: positionOf(document, 'NEXT a', 5) });
        expect(links?.[0].targetSelectionRange.start).toEqual(positionOf(document, 'a:'));
    });
    test('NEXT NONE does not lead to a node named NONE (the target is the terminal; that node never runs)', async () => {
        const document = await open('START start:\n    NEXT NONE\nPAINTER_RED NONE:\n    NEXT end\nEND end');
        const links = await lsp.DefinitionProvider!.getDefinition(document, { textDocument: { uri: document.uri.toString() }, position: positionOf(document, 'NEXT NONE', 6) });
        expect(links ?? []).toEqual([]);
        const refs = await lsp.ReferencesProvider!.findReferences(document, { textDocument: { uri: document.uri.toString() }, position: positionOf(document, 'NONE:'), context: { includeDeclaration: true } });
        expect(refs.map((r) => r.range.start.line)).toEqual([2]);
    });
    test('find references', async () => {
        const document = await open('START start:\n    NEXT a\nPAINTER_RED a:\n    NEXT a\nEND end');
        const refs = await lsp.ReferencesProvider!.findReferences(document, { textDocument: { uri: document.uri.toString() }, position: positionOf(document, 'a:'), context: { includeDeclaration: true } });
        expect(refs).toHaveLength(3);
    });
    test('rename a node id with its references', async () => {
        const document = await open('START start:\n    NEXT a\nPAINTER_RED a:\n    NEXT a\nEND end');
        const edit = await lsp.RenameProvider!.rename(document, { textDocument: { uri: document.uri.toString() }, position: positionOf(document, 'a:'), newName: 'paint' });
        expect(Object.values(edit!.changes!)[0].map((e) => e.newText)).toEqual(['paint', 'paint', 'paint']);
    });
    test('no rename onto a name in use: a declared id (duplicate) or a target such as END (its routes would change)', async () => {
        const document = await open('START start:\n    NEXT a\nPAINTER_RED a:\n    NEXT b\nPAINTER_BLUE b:\n    NEXT END\nEND end');
        const at = { textDocument: { uri: document.uri.toString() }, position: positionOf(document, 'a:') };
        await expect(lsp.RenameProvider!.rename(document, { ...at, newName: 'b' })).rejects.toThrow(/already a node id or a route target/);
        await expect(lsp.RenameProvider!.rename(document, { ...at, newName: 'END' })).rejects.toThrow(/already a node id or a route target/);
        const edit = await lsp.RenameProvider!.rename(document, { ...at, newName: 'paint' });
        expect(Object.values(edit!.changes!)[0].map((e) => e.newText)).toEqual(['paint', 'paint']);
    });
    test('start and end cannot be renamed, nor to an invalid id', async () => {
        const document = await open('START start:\n    NEXT a\nPAINTER_RED a:\n    NEXT end\nEND end');
        const at = (needle: string, delta = 0) => ({ textDocument: { uri: document.uri.toString() }, position: positionOf(document, needle, delta) });
        expect(() => lsp.RenameProvider!.prepareRename(document, at('start:'))).toThrow(/cannot be renamed/);
        await expect(lsp.RenameProvider!.rename(document, { ...at('a:'), newName: 'two words' })).rejects.toThrow(/not a valid node id/);
    });
});

describe('formatting, code actions, outline, folding', () => {
    test('canonical layout of a valid program: whitespace only, the colons as written', async () => {
        await expectFormatting(Manufactoria)({
            before: 'START   start:\n\tNEXT  p   # go\n\n\n\nPULLER_RB p:\n      [R]   end\n      [B] NONE\nEND end',
            after: 'START start:\n    NEXT p # go\n\nPULLER_RB p:\n    [R] end\n    [B] NONE\n\nEND end\n',
        });
    });
    test('quick fix for a missing colon', async () => {
        const document = await open('START start\n    NEXT end\nEND end');
        const diagnostics = document.diagnostics!.filter((d) => d.code === 'missing-colon');
        const actions = await lsp.CodeActionProvider!.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: diagnostics[0].range, context: { diagnostics } });
        const edit = (actions![0] as { edit: { changes: Record<string, Array<{ newText: string; range: { start: { character: number } } }>> } }).edit;
        expect(Object.values(edit.changes)[0][0]).toMatchObject({ newText: ':', range: { start: { character: 11 } } });
    });
    test('quick fix END → end', async () => {
        const document = await open('START start:\n    NEXT END\nEND end');
        const diagnostics = document.diagnostics!.filter((d) => d.code === 'end-keyword-target');
        const actions = await lsp.CodeActionProvider!.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: diagnostics[0].range, context: { diagnostics } });
        expect((actions![0] as { title: string }).title).toMatch(/'end'/);
    });
    test('outline lists nodes with their kinds', async () => {
        const document = await open(PROGRAM);
        const symbols = await lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } });
        expect(symbols.map((s) => `${s.name}:${s.detail}`)).toEqual(['start:START', 'p:PULLER_RB', 'end:END']);
    });
    test('one folding range per multi-line node', async () => {
        const document = await open(PROGRAM);
        const ranges = await lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument: { uri: document.uri.toString() } });
        expect(ranges.map((r) => [r.startLine, r.endLine])).toEqual(expect.arrayContaining([[0, 1], [2, 5]]));
    });
});
