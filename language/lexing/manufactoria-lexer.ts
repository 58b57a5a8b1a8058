// Replaces Langium's Chevrotain lexer: the reference decides what a line is before it looks at
// tokens (spec §2–§3), so tokens are cut out of lines that the layout already classified. Any
// text yields a stream the grammar accepts: a line that fits no pattern becomes one INVALID_LINE.
import { createTokenInstance, type IToken, type TokenType, type TokenTypeDictionary } from 'chevrotain';
import type { LangiumCoreServices } from 'langium';
import type { Lexer, LexerResult } from 'langium';
import { DECLARATION, NEXT_ROUTE, PULLER_ROUTE } from './line-patterns.js';
import { layoutOf, type LayoutLine } from './reference-layout.js';

type TokenName = 'INDENT' | 'COND' | 'ID' | 'INVALID_LINE' | 'COMMENT' | 'FENCE' | 'NEXT' | ':' | string;

export class ManufactoriaLexer implements Lexer {
    readonly definition: TokenTypeDictionary;

    constructor(services: LangiumCoreServices) {
        const vocabulary = services.parser.TokenBuilder.buildTokens(services.Grammar, { caseInsensitive: false });
        const list = Array.isArray(vocabulary) ? vocabulary : Object.values(vocabulary as TokenTypeDictionary);
        this.definition = Object.fromEntries((list as TokenType[]).map((t) => [t.name, t]));
    }

    tokenize(text: string): LexerResult {
        const out = new TokenSink(text, this.definition);
        for (const line of layoutOf(text).lines) {
            switch (line.kind) {
                case 'fence': out.add('FENCE', line.contentStart, line.contentEnd, true); break;
                case 'comment': out.add('COMMENT', line.contentStart, line.contentEnd, true); break;
                case 'declaration': this.declaration(text, line, out); break;
                case 'route': this.route(text, line, out); break;
                case 'blank': break;
            }
        }
        return { tokens: out.tokens, hidden: out.hidden, errors: [] };
    }

    private declaration(text: string, line: LayoutLine, out: TokenSink): void {
        const m = DECLARATION.exec(text.slice(line.contentStart, line.contentEnd));
        if (!m) {
            out.add('INVALID_LINE', line.contentStart, line.contentEnd);
            return;
        }
        out.addGroup(m, 1, line.contentStart, m[1]);
        out.addGroup(m, 2, line.contentStart, 'ID');
        if (m[3]) out.addGroup(m, 3, line.contentStart, ':');
        if (m[4]) out.addGroup(m, 4, line.contentStart, 'COMMENT', true);
    }

    private route(text: string, line: LayoutLine, out: TokenSink): void {
        out.add('INDENT', line.start, line.contentStart);
        const content = text.slice(line.contentStart, line.contentEnd);
        const m = PULLER_ROUTE.exec(content) ?? NEXT_ROUTE.exec(content);
        if (!m) {
            out.add('INVALID_LINE', line.contentStart, line.contentEnd);
            return;
        }
        out.addGroup(m, 1, line.contentStart, m[1] === 'NEXT' ? 'NEXT' : 'COND');
        out.addGroup(m, 2, line.contentStart, 'ID');
        if (m[3]) out.addGroup(m, 3, line.contentStart, 'COMMENT', true);
    }
}

/** Collects tokens with the line/column fields Langium needs (LSP line breaks: \n, \r\n, \r). */
class TokenSink {
    readonly tokens: IToken[] = [];
    readonly hidden: IToken[] = [];
    private readonly lineStarts: number[] = [0];

    constructor(private readonly text: string, private readonly types: TokenTypeDictionary) {
        for (let i = 0; i < text.length; i++) {
            const c = text.charCodeAt(i);
            if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.lineStarts.push(i + 1);
        }
    }

    add(name: TokenName, start: number, end: number, hidden = false): void {
        const type = this.types[name];
        const [startLine, startColumn] = this.position(start);
        const [endLine, endColumn] = this.position(Math.max(start, end - 1));
        const token = createTokenInstance(type, this.text.slice(start, end), start, end - 1, startLine, endLine, startColumn, endColumn);
        (hidden ? this.hidden : this.tokens).push(token);
    }

    addGroup(match: RegExpExecArray, group: number, base: number, name: TokenName, hidden = false): void {
        const [start, end] = match.indices![group]!;
        this.add(name, base + start, base + end, hidden);
    }

    /** 1-based line and column, as Chevrotain reports them. */
    private position(offset: number): [number, number] {
        let low = 0;
        let high = this.lineStarts.length - 1;
        while (low < high) {
            const mid = (low + high + 1) >> 1;
            if (this.lineStarts[mid] <= offset) low = mid; else high = mid - 1;
        }
        return [low + 1, offset - this.lineStarts[low] + 1];
    }
}
