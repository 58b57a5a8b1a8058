// Replaces Langium's Chevrotain lexer: the reference decides what a line is before it looks at
// tokens (spec §2–§3), so tokens are cut out of lines that the layout already classified. Any
// text yields a stream the grammar accepts: a line that fits no pattern becomes one INVALID_LINE.
import { createTokenInstance, type IToken, type TokenType, type TokenTypeDictionary } from 'chevrotain';
import type { LangiumCoreServices } from 'langium';
import type { Lexer, LexerResult } from 'langium';
import { DECLARATION, NEXT_ROUTE, PULLER_ROUTE } from './line-patterns.js';
import { layoutOf, type LayoutLine } from './reference-layout.js';

type TokenName = 'NODE_KIND' | 'INDENT' | 'COND' | 'ID' | 'INVALID_LINE' | 'COMMENT' | 'FENCE' | 'NEXT' | ':' | string;

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
        const base = line.contentStart;
        const content = text.slice(base, line.contentEnd);
        const m = DECLARATION_GROUPS.exec(content);
        if (!m) {
            out.add('INVALID_LINE', line.contentStart, line.contentEnd);
            return;
        }
        const idStart = base + idOffset(content, m[1], m[2]);
        const idEnd = idStart + m[2].length;
        // The groups are the token images (the same text a slice would give), so no string is cut twice.
        out.add('NODE_KIND', base, base + m[1].length, false, m[1]);
        out.add('ID', idStart, idEnd, false, m[2]);
        if (m[3]) out.add(':', idEnd, idEnd + m[3].length, false, m[3]);
        if (m[4]) out.add('COMMENT', line.contentEnd - m[4].length, line.contentEnd, true, m[4]);
    }

    private route(text: string, line: LayoutLine, out: TokenSink): void {
        out.add('INDENT', line.start, line.contentStart);
        const base = line.contentStart;
        const content = text.slice(base, line.contentEnd);
        const m = PULLER_ROUTE_GROUPS.exec(content) ?? NEXT_ROUTE_GROUPS.exec(content);
        if (!m) {
            out.add('INVALID_LINE', line.contentStart, line.contentEnd);
            return;
        }
        const idStart = base + idOffset(content, m[1], m[2]);
        out.add(m[1] === 'NEXT' ? 'NEXT' : 'COND', base, base + m[1].length, false, m[1]);
        out.add('ID', idStart, idStart + m[2].length, false, m[2]);
        if (m[3]) out.add('COMMENT', line.contentEnd - m[3].length, line.contentEnd, true, m[3]);
    }
}

// The line patterns without match indices (`d`), which cost an array per group on every line. The
// offsets follow from the groups: the patterns are anchored, so group 1 opens the line; only
// whitespace (never a word character) separates it from the id; the colon follows the id; and a
// trailing comment runs to the end of the (stripped) line.
const withoutIndices = (pattern: RegExp) => new RegExp(pattern.source, pattern.flags.replace('d', ''));
const DECLARATION_GROUPS = withoutIndices(DECLARATION);
const PULLER_ROUTE_GROUPS = withoutIndices(PULLER_ROUTE);
const NEXT_ROUTE_GROUPS = withoutIndices(NEXT_ROUTE);

/** Offset of the id group in a matched line: its first occurrence after the leading group. */
function idOffset(content: string, lead: string, id: string): number {
    return content.indexOf(id, lead.length);
}

/** Collects tokens with the line/column fields Langium needs (LSP line breaks: \n, \r\n, \r). */
class TokenSink {
    readonly tokens: IToken[] = [];
    readonly hidden: IToken[] = [];
    private readonly lineStarts: number[] = [0];
    /** Index into `lineStarts` of the last lookup: tokens arrive in document order, so lookups mostly move forward. */
    private line = 0;

    constructor(private readonly text: string, private readonly types: TokenTypeDictionary) {
        for (let i = 0; i < text.length; i++) {
            const c = text.charCodeAt(i);
            if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.lineStarts.push(i + 1);
        }
    }

    /** `image`, when given, is `text.slice(start, end)` already at hand. */
    add(name: TokenName, start: number, end: number, hidden = false, image = this.text.slice(start, end)): void {
        const type = this.types[name];
        const last = Math.max(start, end - 1);
        const startLine = this.lineOf(start);
        const startColumn = start - this.lineStarts[startLine] + 1;
        const endLine = this.lineOf(last);
        const endColumn = last - this.lineStarts[endLine] + 1;
        const token = createTokenInstance(type, image, start, end - 1, startLine + 1, endLine + 1, startColumn, endColumn);
        (hidden ? this.hidden : this.tokens).push(token);
    }

    /** 0-based index of the line holding `offset` (Chevrotain's line and column are 1-based). */
    private lineOf(offset: number): number {
        const starts = this.lineStarts;
        let line = this.line;
        if (starts[line] <= offset) {
            while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
        } else {
            let low = 0;
            let high = line;
            while (low < high) {
                const mid = (low + high + 1) >> 1;
                if (starts[mid] <= offset) low = mid; else high = mid - 1;
            }
            line = low;
        }
        this.line = line;
        return line;
    }
}
