// Replaces Langium's Chevrotain lexer: the reference decides what a line is before it looks at
// tokens (docs/manufactoria.md §2–§3), so tokens are cut out of lines that the layout already classified. Any
// text yields a stream the grammar accepts: a line that fits no pattern becomes one INVALID_LINE.
import { createTokenInstance, type IToken, type TokenType, type TokenTypeDictionary } from 'chevrotain';
import type { LangiumCoreServices } from 'langium';
import type { Lexer, LexerResult } from 'langium';
import { DECLARATION, NEXT_ROUTE, PULLER_ROUTE } from './line-patterns.js';
import { layoutOf, type LayoutLine, type ReferenceLayout } from './reference-layout.js';

export class ManufactoriaLexer implements Lexer {
    readonly definition: TokenTypeDictionary;
    private readonly types: Record<'NODE_KIND' | 'INDENT' | 'COND' | 'ID' | 'INVALID_LINE' | 'COMMENT' | 'FENCE' | 'NEXT' | 'COLON', TokenType>;

    constructor(services: LangiumCoreServices) {
        const vocabulary = services.parser.TokenBuilder.buildTokens(services.Grammar, { caseInsensitive: false });
        const list = Array.isArray(vocabulary) ? vocabulary : Object.values(vocabulary as TokenTypeDictionary);
        this.definition = Object.fromEntries((list as TokenType[]).map((t) => [t.name, t]));
        const type = (name: string) => this.definition[name];
        this.types = {
            NODE_KIND: type('NODE_KIND'), INDENT: type('INDENT'), COND: type('COND'), ID: type('ID'), INVALID_LINE: type('INVALID_LINE'),
            COMMENT: type('COMMENT'), FENCE: type('FENCE'), NEXT: type('NEXT'), COLON: type(':'),
        };
    }

    tokenize(text: string): LexerResult {
        const layout = layoutOf(text);
        const out = new TokenSink(text, layout);
        const { lines } = layout;
        const t = this.types;
        for (let index = 0; index < lines.length; index++) {
            const line = lines[index];
            out.enter(line, index);
            switch (line.kind) {
                case 'fence': out.add(t.FENCE, line.contentStart, line.contentEnd, true); break;
                case 'comment': out.add(t.COMMENT, line.contentStart, line.contentEnd, true); break;
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
        const t = this.types;
        if (!m) {
            out.add(t.INVALID_LINE, line.contentStart, line.contentEnd);
            return;
        }
        const idStart = base + idOffset(content, m[1], m[2]);
        const idEnd = idStart + m[2].length;
        // The groups are the token images (the same text a slice would give), so no string is cut twice.
        out.add(t.NODE_KIND, base, base + m[1].length, false, m[1]);
        out.add(t.ID, idStart, idEnd, false, m[2]);
        if (m[3]) out.add(t.COLON, idEnd, idEnd + m[3].length, false, m[3]);
        if (m[4]) out.add(t.COMMENT, line.contentEnd - m[4].length, line.contentEnd, true, m[4]);
    }

    private route(text: string, line: LayoutLine, out: TokenSink): void {
        const t = this.types;
        out.add(t.INDENT, line.start, line.contentStart);
        const base = line.contentStart;
        const content = text.slice(base, line.contentEnd);
        const m = PULLER_ROUTE_GROUPS.exec(content) ?? NEXT_ROUTE_GROUPS.exec(content);
        if (!m) {
            out.add(t.INVALID_LINE, line.contentStart, line.contentEnd);
            return;
        }
        const idStart = base + idOffset(content, m[1], m[2]);
        out.add(m[1] === 'NEXT' ? t.NEXT : t.COND, base, base + m[1].length, false, m[1]);
        out.add(t.ID, idStart, idStart + m[2].length, false, m[2]);
        if (m[3]) out.add(t.COMMENT, line.contentEnd - m[3].length, line.contentEnd, true, m[3]);
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

/**
 * Collects tokens with the line/column fields Langium needs (LSP line breaks: \n, \r\n, \r). Every
 * token lies inside one layout line. Without a `\r` in the text the layout's lines (split at `\n`) are
 * the LSP lines, so a token takes the line and column of the line it is in; otherwise its offsets are
 * looked up among all line starts.
 */
class TokenSink {
    readonly tokens: IToken[] = [];
    readonly hidden: IToken[] = [];
    /** Offsets where LSP lines start, when the text has a `\r`. */
    private readonly lineStarts: number[] | undefined;
    /** Index into `lineStarts` of the last lookup: tokens arrive in document order, so lookups mostly move forward. */
    private line = 0;
    /** Without `\r`: the LSP line of the first layout line and where it starts (before the text's leading whitespace). */
    private readonly firstLine: number = 0;
    private readonly firstLineStart: number = 0;
    /** The LSP line (0-based) of the layout line being cut into tokens, and its start offset. */
    private current = 0;
    private currentStart = 0;

    constructor(private readonly text: string, layout: ReferenceLayout) {
        if (text.includes('\r')) {
            this.lineStarts = [0];
            for (let i = 0; i < text.length; i++) {
                const c = text.charCodeAt(i);
                if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.lineStarts.push(i + 1);
            }
            return;
        }
        for (let i = text.indexOf('\n'); i !== -1 && i < layout.textStart; i = text.indexOf('\n', i + 1)) {
            this.firstLine++;
            this.firstLineStart = i + 1;
        }
    }

    /** The layout line `index` is next. */
    enter(line: LayoutLine, index: number): void {
        this.current = this.firstLine + index;
        this.currentStart = index === 0 ? this.firstLineStart : line.start;
    }

    /** `image`, when given, is `text.slice(start, end)` already at hand. */
    add(type: TokenType, start: number, end: number, hidden = false, image = this.text.slice(start, end)): void {
        const last = Math.max(start, end - 1);
        let token: IToken;
        if (this.lineStarts) {
            const startLine = this.lineOf(start);
            const endLine = this.lineOf(last);
            token = createTokenInstance(type, image, start, end - 1, startLine + 1, endLine + 1,
                start - this.lineStarts[startLine] + 1, last - this.lineStarts[endLine] + 1);
        } else {
            token = createTokenInstance(type, image, start, end - 1, this.current + 1, this.current + 1,
                start - this.currentStart + 1, last - this.currentStart + 1);
        }
        (hidden ? this.hidden : this.tokens).push(token);
    }

    /** 0-based index of the line holding `offset` (Chevrotain's line and column are 1-based). */
    private lineOf(offset: number): number {
        const starts = this.lineStarts!;
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
