// Reproduces the reference pre-processing (docs/manufactoria.md §2) as offsets into the original text, so one pass
// serves both the reference's line numbers and the editor's positions.
import { stripEnd, stripStart } from '../../python/text.js';

export type LineKind = 'declaration' | 'route' | 'comment' | 'fence' | 'blank';

export interface LayoutLine {
    kind: LineKind;
    /** Reference line number: 1-based index after the whole-text strip and the opening-fence drop. 0 for a dropped opening fence. */
    number: number;
    /** Offsets of the line as the reference sees it (after the whole-text strip), without the `\n`. */
    start: number;
    end: number;
    /** Offsets of the line after Python `strip()`. */
    contentStart: number;
    contentEnd: number;
}

export interface ReferenceLayout {
    lines: LayoutLine[];
    /** Offset where the stripped text begins: leading whitespace before it is invisible to the reference. */
    textStart: number;
    openingFence: boolean;
}

const FENCE = '```';

/**
 * Classifies every line the way the reference parser walks them: a processed line is a route when
 * its raw text starts with four spaces or a tab and a declaration came before it; otherwise it is a
 * declaration. Blank and `#` lines are kept (as `blank`/`comment`) so the editor can colour them.
 */
// The lexer and the validators each need the layout of the same text on every keystroke.
let lastText: string | undefined;
let lastLayout: ReferenceLayout | undefined;

export function layoutOf(text: string): ReferenceLayout {
    if (text !== lastText || !lastLayout) {
        lastLayout = computeLayout(text);
        lastText = text;
    }
    return lastLayout;
}

function computeLayout(text: string): ReferenceLayout {
    // Runs on every keystroke over every line, so it is one pass over offsets (no per-line tuples).
    const textStart = stripStart(text, 0, text.length);
    const textEnd = stripEnd(text, textStart, text.length);
    const isFence = (contentStart: number, contentEnd: number) => contentEnd - contentStart === 3 && text.startsWith(FENCE, contentStart);
    const lines: LayoutLine[] = [];
    let openingFence = false;
    let declarationSeen = false;
    for (let start = textStart, index = 0; ; index++) {
        const newline = text.indexOf('\n', start);
        const last = newline < 0 || newline >= textEnd;
        const end = last ? textEnd : newline;
        const contentStart = stripStart(text, start, end);
        const contentEnd = stripEnd(text, contentStart, end);
        if (index === 0) openingFence = isFence(contentStart, contentEnd);
        let kind: LineKind;
        if (index === 0 && openingFence) {
            kind = 'fence';
        } else if (contentStart === contentEnd) {
            kind = 'blank';
        } else if (text[contentStart] === '#') {
            kind = 'comment';
        } else if (declarationSeen && (text.startsWith('    ', start) || text[start] === '\t')) {
            kind = 'route';
        } else {
            kind = 'declaration';
            declarationSeen = true;
        }
        lines.push({ kind, number: index + (openingFence ? 0 : 1), start, end, contentStart, contentEnd });
        if (last) break;
        start = newline + 1;
    }
    // A closing fence is the last line (not also the opening one); nothing after it depends on its kind.
    const final = lines[lines.length - 1];
    if (lines.length > (openingFence ? 1 : 0) && isFence(final.contentStart, final.contentEnd)) final.kind = 'fence';
    return { lines, textStart, openingFence };
}

/**
 * Where the line after an opening fence starts, when the text begins with one (the first line, which
 * the reference drops: docs/manufactoria.md §2). Lines added at the top of a program must go there:
 * before it, the fence is no longer the first line and fails as an invalid declaration.
 */
export function openingFenceEnd(text: string): number | undefined {
    const layout = layoutOf(text);
    return layout.openingFence && layout.lines.length > 1 ? layout.lines[1].start : undefined;
}

/**
 * Where the closing fence line starts, when the text ends with one (the last line, which the
 * reference drops: docs/manufactoria.md §2). Lines added after a program must go before it: after
 * it, the fence is no longer the last line and fails as an invalid declaration.
 */
export function closingFenceStart(text: string): number | undefined {
    const { lines } = layoutOf(text);
    const last = lines[lines.length - 1];
    return lines.length > 1 && last.kind === 'fence' ? last.start : undefined;
}
