// One diagnostic per cause, knock-on errors of a broken declaration, "did you mean" fixes, the
// bound problem's node kinds, and formatting that never changes a verdict.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { parseDocument } from 'langium/test';
import { describe, expect, test } from 'vitest';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import type { Program } from '../../language/manufactoria/generated/ast.js';
import { verdictOf } from '../../language/manufactoria/verdict.js';
import { fixturePath } from '../helpers/fixtures.js';
import { verdictFromDiagnostics } from '../helpers/verdict-from-diagnostics.js';
import { Manufactoria, open } from './lsp-helpers.js';

const lsp = Manufactoria.lsp;
const errorsOf = (document: LangiumDocument) => (document.diagnostics ?? []).filter((d) => d.severity === 1);

async function fixesFor(document: LangiumDocument, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return (await lsp.CodeActionProvider!.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
}
const editOf = (action: CodeAction) => Object.values(action.edit!.changes!)[0][0];

function apply(text: string, document: LangiumDocument, edits: TextEdit[]): string {
    const sorted = [...edits].sort((a, b) => document.textDocument.offsetAt(b.range.start) - document.textDocument.offsetAt(a.range.start));
    for (const e of sorted) text = text.slice(0, document.textDocument.offsetAt(e.range.start)) + e.newText + text.slice(document.textDocument.offsetAt(e.range.end));
    return text;
}

describe('one diagnostic per cause', () => {
    test('an undefined target is one error, on the target, with the reference message', async () => {
        const document = await open('START start:\n    NEXT read\nPULLER_RB read:\n    [R] endd\n    [B] end\nEND end');
        const errors = errorsOf(document);
        expect(errors.map((e) => [e.message, e.range.start.line, e.range.start.character, e.range.end.character])).toEqual([
            ["Node 'read' references undefined node 'endd'", 3, 8, 12],
        ]);
        // The reference's own line (the declaration) stays in the data the verdict is recovered from.
        expect(errors[0].data).toMatchObject({ reference: { line: 3 }, target: 'endd' });
    });

    test("the undefined target's error points at the line the reference names (the declaration): `delta check` says Line N", async () => {
        const text = '\n\n# a comment\nSTART start:\n    NEXT read\nPULLER_RB read:\n    [R] endd\n    [B] end\nEND end';
        const [error] = errorsOf(await open(text));
        expect(error.range.start.line).toBe(6);
        expect(verdictOf(text)).toMatchObject({ ok: false, error: "Line 4: Node 'read' references undefined node 'endd'" });
        expect(error.relatedInformation?.map((r) => [r.location.range.start.line, r.location.range.start.character, r.location.range.end.character, r.message])).toEqual([
            [5, 0, 15, "The reference verifier reports this error at Line 4, the declaration of 'read'"],
        ]);
    });

    test("routes to a node whose declaration is misspelled are the broken line's related information, not errors", async () => {
        const text = 'START start:\n    NEXT read\nPULER_RB read:\n    [R] read\n    [B] end\nEND end';
        const document = await open(text);
        const errors = errorsOf(document);
        expect(errors.map((e) => e.message)).toEqual(['Invalid node declaration: PULER_RB read:']);
        expect(errors[0].relatedInformation?.map((r) => [r.location.range.start.line, r.message])).toEqual([
            [1, "Node 'start' references undefined node 'read' (a consequence of this broken declaration)"],
        ]);
        // The verdict is the reference's, untouched.
        expect(verdictOf(text)).toMatchObject({ ok: false, error: 'Line 3: Invalid node declaration: PULER_RB read:' });
    });
});

describe('a missing START or END whose declaration line is broken', () => {
    test.each([
        ['# a comment\nStart start:\n    NEXT end\nEND end', 'Invalid node declaration: Start start:', 'Program must have a START node', 1],
        ['STRAT start :\n    NEXT end\nEND end', 'Invalid node declaration: STRAT start :', 'Program must have a START node', 0],
        ['\ufeffSTART start:\n    NEXT end\nEND end', 'Invalid node declaration: \ufeffSTART start:', 'Program must have a START node', 0],
        ['START start:\n    NEXT a\nPAINTER_RED a:\n    NEXT NONE\nend end', 'Invalid node declaration: end end', 'Program must have an END node', 4],
    ])('%j: one error, on the broken line; the missing node is its related information', async (text, message, missing, line) => {
        const document = await open(text);
        const errors = errorsOf(document);
        expect(errors.map((e) => [e.message, e.range.start.line])).toEqual([[message, line]]);
        expect(errors[0].relatedInformation?.map((r) => [r.message, r.location.range.start.line])).toEqual([[`${missing} (a consequence of this broken declaration)`, line]]);
        // The verdict, as recovered from the published diagnostics, is the reference's.
        const verdict = verdictOf(text);
        expect(verdictFromDiagnostics(document.diagnostics ?? [])).toEqual({ ok: false, error: verdict.ok ? 'OK' : verdict.error, line: verdict.ok ? null : verdict.line });
    });
    test('a line that names no node kind leaves the missing START an error of its own', async () => {
        expect(errorsOf(await open('hello world\nEND end')).map((e) => e.message)).toEqual(['Invalid node declaration: hello world', 'Program must have a START node']);
    });
    test('a BOM before START: the quick fix replaces the word with the kind (JavaScript whitespace has U+FEFF, so the word was not found)', async () => {
        const text = '\ufeffSTART start:\n    NEXT end\nEND end';
        const document = await open(text);
        const [action] = await fixesFor(document, errorsOf(document)[0]);
        expect(action.title).toBe("Did you mean 'START'?");
        expect(verdictOf(apply(text, document, [editOf(action)])).ok).toBe(true);
    });
});

describe('did you mean', () => {
    test('a misspelled node kind, also in lower case', async () => {
        for (const [line, kind] of [['PULER_RB read:', 'PULLER_RB'], ['puller_rb read:', 'PULLER_RB'], ['PAINTER_REED x:', 'PAINTER_RED']]) {
            const document = await open(`START start:\n    NEXT end\n${line}\n    [R] end\nEND end`);
            const [error] = errorsOf(document);
            const [action] = await fixesFor(document, error);
            expect(action.title).toBe(`Did you mean '${kind}'?`);
            expect(editOf(action)).toMatchObject({ newText: kind, range: { start: { line: 2, character: 0 }, end: { line: 2, character: line.indexOf(' ') } } });
        }
        const unlike = await open('START start:\n    NEXT end\nhello world\nEND end');
        expect(await fixesFor(unlike, errorsOf(unlike)[0])).toEqual([]);
    });

    test('a misspelled target: the nearest declared node first, then creating it', async () => {
        const document = await open('START start:\n    NEXT read\nPULLER_RB read:\n    [R] endd\n    [B] raed\nEND end');
        const [endd, raed] = errorsOf(document);
        const actions = await fixesFor(document, endd);
        expect(actions.map((a) => a.title)).toEqual(["Did you mean 'end'?", "Create PULLER_RB node 'endd'", "Create PAINTER_RED node 'endd'", "Create PAINTER_BLUE node 'endd'"]);
        expect(editOf(actions[0])).toMatchObject({ newText: 'end', range: endd.range });
        expect((await fixesFor(document, raed))[0].title).toBe("Did you mean 'read'?");
        const far = await open('START start:\n    NEXT zzzzzz\nEND end');
        expect((await fixesFor(far, errorsOf(far)[0])).map((a) => a.title)).not.toContain("Did you mean 'end'?");
    });
});

describe('fixes for a missing end', () => {
    test("a route to 'end' without an END node: add END, not a puller or painter named end", async () => {
        const text = 'START start:\n    NEXT a\nPAINTER_RED a:\n    NEXT end';
        const document = await open(text);
        const target = errorsOf(document).find((d) => d.code === 'undefined-target')!;
        const actions = await fixesFor(document, target);
        expect(actions.map((a) => a.title)).toEqual(['Add the END node']);
        expect(verdictOf(apply(text, document, [editOf(actions[0])])).ok).toBe(true);
    });
});

describe('fixes that add a node keep a fenced program fenced', () => {
    // The reference drops a fence only as the first or the last line: a node added before the
    // opening fence or after the closing one would make it an invalid declaration.
    test.each([
        ['```\nPAINTER_RED a:\n    NEXT end\nEND end\n```\n', 'Add a START node'],
        ['```\nSTART start:\n    NEXT end\n```', 'Add the END node'],
        ['```\nSTART start:\n    NEXT x\nEND end\n```  \n\n', "Create PAINTER_RED node 'x'"],
        ['START start:\n    NEXT x\nEND end\n', "Create PAINTER_RED node 'x'"],
        // An indented first declaration (the whole-text strip made it one): START before it would take it as a route.
        ['    PAINTER_RED a:\n        NEXT end\nEND end', 'Add a START node'],
        ['```\n    PAINTER_RED a:\n        NEXT end\nEND end\n```', 'Add a START node'],
    ])('%j: %s', async (text, title) => {
        const document = await open(text);
        const actions = (await Promise.all(errorsOf(document).map((d) => fixesFor(document, d)))).flat();
        const action = actions.find((a) => a.title === title)!;
        expect(verdictOf(apply(text, document, [editOf(action)])).ok).toBe(true);
    });
});

describe('the bound problem\'s node kinds', () => {
    test('a kind outside available_nodes is a warning on the kind', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'delta-kinds-'));
        copyFileSync(fixturePath('manufactoria/problems_sample.jsonl'), join(dir, 'problems.jsonl'));
        const text = '# problem: problems.jsonl#Starts with BB\nSTART start:\n    NEXT p\nPAINTER_RED p:\n    NEXT end\nEND end';
        const document = await parseDocument<Program>(Manufactoria, text, { documentUri: URI.file(join(dir, 'k.manufactoria')).toString(), validation: true });
        const warnings = (document.diagnostics ?? []).filter((d) => d.code === 'unavailable-node-kind');
        expect(warnings.map((w) => [w.message, w.range.start.line, w.range.start.character, w.range.end.character])).toEqual([
            ["The problem 'Starts with BB' does not offer PAINTER_RED nodes (available: START, END, PULLER_RB)", 3, 0, 11],
        ]);
    });
});

describe('formatting never changes a verdict', () => {
    const format = async (text: string) => {
        const document = await open(text);
        return apply(text, document, await lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true } }));
    };
    test('END end: and a missing colon stay as they are (quick fixes change those); lines keep their numbers', async () => {
        const text = 'START   start:\n\tNEXT  p\n\n\n\nPULLER_RB p\n      [R]   end\nEND end:';
        const formatted = await format(text);
        expect(formatted).toBe('START start:\n    NEXT p\n\n\n\nPULLER_RB p\n    [R] end\nEND end:');
        expect(verdictOf(formatted)).toEqual({ ...verdictOf(text), ast: expect.anything() });
    });
    test('range formatting re-spaces only the lines in the range', async () => {
        const text = 'START   start:\n\tNEXT  p\nPULLER_RB   p:\n      [R]   end\nEND end';
        const document = await open(text);
        const edits = await lsp.Formatter!.formatDocumentRange(document, { textDocument: { uri: document.uri.toString() }, range: { start: { line: 2, character: 0 }, end: { line: 3, character: 3 } }, options: { tabSize: 4, insertSpaces: true } });
        expect(apply(text, document, edits)).toBe('START   start:\n\tNEXT  p\nPULLER_RB p:\n    [R] end\nEND end');
    });
});
