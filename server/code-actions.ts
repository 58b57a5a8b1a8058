// Quick fixes for the common reference errors and the END trap, keyed by diagnostic code.
import type { LangiumDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Range } from 'vscode-languageserver';
import type { Program } from '../language/manufactoria/generated/ast.js';
import { DECLARATION } from '../language/manufactoria/lexing/line-patterns.js';
import { closingFenceStart, layoutOf, openingFenceEnd } from '../language/manufactoria/lexing/reference-layout.js';
import { firstWord, intendedKind, nearest } from '../language/manufactoria/model/near-names.js';
import { isPuller } from '../language/manufactoria/model/vocabulary.js';

type Fix = (document: LangiumDocument, diagnostic: Diagnostic) => CodeAction[];

const FIXES: Record<string, Fix> = {
    'missing-colon': (document, d) => {
        const m = declarationAt(document, d.range);
        if (!m) return [];
        const at = document.textDocument.positionAt(m.offset + m.match.indices![2]![1]);
        return [fix('Add the colon', d, document, { start: at, end: at }, ':')];
    },
    'end-colon': (document, d) => {
        const m = declarationAt(document, d.range);
        if (!m || !m.match[3]) return [];
        const [s, e] = m.match.indices![3]!;
        return [fix('Remove the colon', d, document, span(document, m.offset + s, m.offset + e), '')];
    },
    'end-keyword-target': (document, d) => [fix("Route to 'end' (the accepting node)", d, document, d.range, 'end')],
    'undefined-target': (document, d) => {
        const id = document.textDocument.getText(d.range);
        const names = declaredNames(document);
        const near = nearest(id, names);
        const didYouMean = near ? [fix(`Did you mean '${near}'?`, d, document, d.range, near)] : [];
        // `end` and `start` are the ids of END and START (their own fixes add those), not of other kinds.
        if (id === 'end') return [...didYouMean, appendNode(document, d, 'Add the END node', 'END end')];
        if (id === 'start') return didYouMean;
        const create = ['PULLER_RB', 'PAINTER_RED', 'PAINTER_BLUE'].map((kind) =>
            appendNode(document, d, `Create ${kind} node '${id}'`, isPuller(kind) ? `${kind} ${id}:\n    [EMPTY] end` : `${kind} ${id}:\n    NEXT end`));
        return [...didYouMean, ...create];
    },
    'invalid-declaration': (document, d) => {
        // A misspelled node kind (`PULER_RB read:`, `puller_rb read:`): replace the first word.
        const offset = document.textDocument.offsetAt(d.range.start);
        const line = document.textDocument.getText(d.range);
        const word = firstWord(line);
        const kind = intendedKind(line);
        if (!word || !kind || kind === word) return [];
        return [fix(`Did you mean '${kind}'?`, d, document, span(document, offset, offset + word.length), kind)];
    },
    'missing-start': (document, d) => {
        const first = (document.parseResult.value as Program).nodes.find((n) => n.name && n.kind !== 'END')?.name ?? 'end';
        // Where the first declaration's text begins: after an opening fence (dropped only as the first
        // line) and after the indent of a first declaration, which START would otherwise take as its route.
        const text = document.textDocument.getText();
        const declaration = layoutOf(text).lines.find((l) => l.kind === 'declaration');
        const at = document.textDocument.positionAt(declaration?.contentStart ?? openingFenceEnd(text) ?? 0);
        return [fix('Add a START node', d, document, { start: at, end: at }, `START start:\n    NEXT ${first}\n\n`)];
    },
    'missing-end': (document, d) => [appendNode(document, d, 'Add the END node', 'END end')],
};

export class ManufactoriaCodeActionProvider implements CodeActionProvider {
    getCodeActions(document: LangiumDocument, params: CodeActionParams): CodeAction[] {
        return params.context.diagnostics.flatMap((d) => {
            const code = typeof d.code === 'string' ? d.code : (d.data as { code?: string } | undefined)?.code;
            return code && FIXES[code] ? FIXES[code](document, d) : [];
        });
    }
}

function declaredNames(document: LangiumDocument): string[] {
    return [...new Set((document.parseResult.value as Program).nodes.flatMap((n) => (n.name !== undefined && n.kind ? [n.name] : [])))];
}

function fix(title: string, diagnostic: Diagnostic, document: LangiumDocument, range: Range, newText: string): CodeAction {
    return {
        title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true,
        edit: { changes: { [document.textDocument.uri]: [{ range, newText }] } },
    };
}

/** A node added at the end of the program: before a closing fence, which the reference drops only while it is the last line. */
function appendNode(document: LangiumDocument, diagnostic: Diagnostic, title: string, node: string): CodeAction {
    const text = document.textDocument.getText();
    const fence = closingFenceStart(text);
    const at = document.textDocument.positionAt(fence ?? text.trimEnd().length);
    const action = fix(title, diagnostic, document, { start: at, end: at }, fence === undefined ? `\n\n${node}` : `\n${node}\n`);
    action.isPreferred = false;
    return action;
}

function span(document: LangiumDocument, start: number, end: number): Range {
    return { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(end) };
}

function declarationAt(document: LangiumDocument, range: Range): { match: RegExpExecArray; offset: number } | undefined {
    const offset = document.textDocument.offsetAt(range.start);
    const content = document.textDocument.getText(range);
    const match = DECLARATION.exec(content);
    return match ? { match, offset } : undefined;
}
