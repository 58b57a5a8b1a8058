// The lexer and the line layout, checked against a plain restatement of their rules: the layout of
// spec §2 with a regex-based Python strip, and tokens cut out with the line patterns' match indices.
import type { IToken } from 'chevrotain';
import fc from 'fast-check';
import { binaryString } from '../helpers/binary-string.js';
import { describe, expect, test } from 'vitest';
import { DECLARATION, NEXT_ROUTE, PULLER_ROUTE } from '../../language/manufactoria/lexing/line-patterns.js';
import { SPACE } from '../../language/python/unicode/index.js';
import { layoutOf, type LayoutLine, type LineKind } from '../../language/manufactoria/lexing/reference-layout.js';
import { createManufactoriaCoreServices } from '../../language/manufactoria/manufactoria-module.js';
import { readJsonLines } from '../helpers/fixtures.js';
// @ts-expect-error: plain JavaScript module without declarations
import { chainProgram } from '../../scripts/bench/lsp-latency.mjs';

const { Manufactoria } = createManufactoriaCoreServices();
const WHITESPACE = new RegExp(`^[${SPACE.classBody()}]$`, 'u');

function strip(text: string, from: number, to: number): [number, number] {
    while (from < to && WHITESPACE.test(text[from])) from++;
    while (to > from && WHITESPACE.test(text[to - 1])) to--;
    return [from, to];
}

function expectedLayout(text: string): LayoutLine[] {
    const [textStart, textEnd] = strip(text, 0, text.length);
    const raw = text.slice(textStart, textEnd).split('\n');
    const bounds: Array<[number, number]> = [];
    let at = textStart;
    for (const line of raw) {
        bounds.push([at, at + line.length]);
        at += line.length + 1;
    }
    const isFence = ([s, e]: [number, number]) => {
        const [cs, ce] = strip(text, s, e);
        return text.slice(cs, ce) === '```';
    };
    const opening = isFence(bounds[0]);
    const closing = bounds.length > (opening ? 1 : 0) && isFence(bounds[bounds.length - 1]);
    let declarationSeen = false;
    return bounds.map(([start, end], index) => {
        const [contentStart, contentEnd] = strip(text, start, end);
        let kind: LineKind;
        if ((index === 0 && opening) || (index === bounds.length - 1 && closing)) kind = 'fence';
        else if (contentStart === contentEnd) kind = 'blank';
        else if (text[contentStart] === '#') kind = 'comment';
        else if (declarationSeen && (text.startsWith('    ', start) || text[start] === '\t')) kind = 'route';
        else { kind = 'declaration'; declarationSeen = true; }
        return { kind, number: index + (opening ? 0 : 1), start, end, contentStart, contentEnd };
    });
}

/** [type, image, startOffset, endOffset, startLine, startColumn, endLine, endColumn, hidden] of every token, in stream order. */
function expectedTokens(text: string): Array<[string, string, number, number, number, number, number, number, boolean]> {
    const lineStarts = [0];
    for (let i = 0; i < text.length; i++) {
        if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) lineStarts.push(i + 1);
    }
    const position = (offset: number) => {
        let line = lineStarts.length - 1;
        while (lineStarts[line] > offset) line--;
        return [line + 1, offset - lineStarts[line] + 1];
    };
    const tokens: Array<[string, string, number, number, number, number, number, number, boolean]> = [];
    const add = (type: string, start: number, end: number, hidden = false) => {
        const [startLine, startColumn] = position(start);
        const [endLine, endColumn] = position(Math.max(start, end - 1));
        tokens.push([type, text.slice(start, end), start, end - 1, startLine, startColumn, endLine, endColumn, hidden]);
    };
    const group = (m: RegExpExecArray, index: number, base: number, type: string, hidden = false) => add(type, base + m.indices![index]![0], base + m.indices![index]![1], hidden);
    for (const line of expectedLayout(text)) {
        const content = text.slice(line.contentStart, line.contentEnd);
        if (line.kind === 'fence') add('FENCE', line.contentStart, line.contentEnd, true);
        else if (line.kind === 'comment') add('COMMENT', line.contentStart, line.contentEnd, true);
        else if (line.kind === 'declaration') {
            const m = DECLARATION.exec(content);
            if (!m) { add('INVALID_LINE', line.contentStart, line.contentEnd); continue; }
            group(m, 1, line.contentStart, 'NODE_KIND');
            group(m, 2, line.contentStart, 'ID');
            if (m[3]) group(m, 3, line.contentStart, ':');
            if (m[4]) group(m, 4, line.contentStart, 'COMMENT', true);
        } else if (line.kind === 'route') {
            add('INDENT', line.start, line.contentStart);
            const m = PULLER_ROUTE.exec(content) ?? NEXT_ROUTE.exec(content);
            if (!m) { add('INVALID_LINE', line.contentStart, line.contentEnd); continue; }
            group(m, 1, line.contentStart, m[1] === 'NEXT' ? 'NEXT' : 'COND');
            group(m, 2, line.contentStart, 'ID');
            if (m[3]) group(m, 3, line.contentStart, 'COMMENT', true);
        }
    }
    return tokens;
}

function expectLexing(text: string): void {
    expect(layoutOf(text).lines).toEqual(expectedLayout(text));
    const result = Manufactoria.parser.Lexer.tokenize(text);
    const describe = (token: IToken, hidden: boolean) => [token.tokenType.name, token.image, token.startOffset, token.endOffset, token.startLine, token.startColumn, token.endLine, token.endColumn, hidden];
    const actual = [...result.tokens.map((t) => describe(t, false)), ...result.hidden.map((t) => describe(t, true))].sort((a, b) => (a[2] as number) - (b[2] as number));
    expect(actual).toEqual(expectedTokens(text));
}

const PIECES = [
    'START', 'END', 'PULLER_RB', 'PULLER_YG', 'PAINTER_RED', 'PAINTER_BLUE', 'NEXT', 'NONE', 'start', 'end', 'a', 'n1', 'café', 'ɐ𝒜',
    '_', '1', '[R]', '[B]', '[Y]', '[G]', '[EMPTY]', '[', ']', ':', '::', '#', '# c:', ' ', '    ', '\t', '\n', '\n    ', '\r\n', '\r',
    '\u00a0', '\u3000', '\u0085', '\u001c', '\u000b', '\ufeff', '\u2028', '```', '😀', 'x',
];
const fragment = fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 }), binaryString({ maxLength: 2 }));
const fixtures = [
    ...readJsonLines<{ dsl: string }>('manufactoria/random_programs.jsonl'),
    ...readJsonLines<{ dsl: string }>('manufactoria/edge_cases.jsonl'),
].map((r) => r.dsl);

describe('lexer and layout', () => {
    test.each([
        ['empty', ''], ['blank', ' \n \n'], ['fenced', '```\nSTART start:\n    NEXT end # x\nEND end\n```'],
        ['comments and colons', 'START start: # a\n\tNEXT b#c\nPAINTER_RED b :\n    NEXT end\nEND end:'],
        ['CR line breaks', 'START start:\r    NEXT end\r\nEND end'], ['ids repeating the keyword', 'PULLER_RB PULLER_RB:\n    [R] R\n    NEXT NEXT'],
    ])('%s', (_name, text) => expectLexing(text));
    test('fixtures and a large program', () => {
        for (const text of fixtures) expectLexing(text);
        expectLexing(chainProgram(300));
    });
    test('random texts', () => {
        fc.assert(fc.property(fc.array(fragment, { maxLength: 80 }).map((p) => p.join('')), (text) => { expectLexing(text); }), { numRuns: 1500, seed: 11 });
    });
});
