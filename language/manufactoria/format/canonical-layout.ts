// The canonical layout (docs/editor.md): `TYPE id:` with single spaces, routes indented by four
// spaces, one blank line between nodes. Formatting changes whitespace only: a colon too many or
// too few changes the reference's verdict, so it is left to quick fixes. Works line by line so
// comments and malformed lines survive as they are.
import { DECLARATION, NEXT_ROUTE, PULLER_ROUTE } from '../lexing/line-patterns.js';
import { layoutOf, type LayoutLine } from '../lexing/reference-layout.js';

// The extension loads this module on first use (scripts/esbuild.mjs LAZY), with the layout: rollout
// documents and copies need to know where a program's fences are (client/rollouts/documents.ts).
export { closingFenceStart, openingFenceEnd } from '../lexing/reference-layout.js';

/** One line in canonical form (without the blank lines around it). */
function canonicalLine(kind: LayoutLine['kind'], content: string): string {
    switch (kind) {
        case 'declaration': {
            const m = DECLARATION.exec(content);
            return m ? `${m[1]} ${m[2]}${m[3]}${m[4] ? ` ${m[4]}` : ''}` : content;
        }
        case 'route': {
            const m = PULLER_ROUTE.exec(content) ?? NEXT_ROUTE.exec(content);
            return `    ${m ? `${m[1]} ${m[2]}${m[3] ? ` ${m[3]}` : ''}` : content}`;
        }
        case 'blank': return '';
        default: return content;
    }
}

export function canonicalLayout(text: string): string {
    const lines = layoutOf(text).lines;
    const openingFence: string[] = [];
    const closingFence: string[] = [];
    const body: string[] = [];
    let nodes = 0;
    let comments: string[] = [];
    lines.forEach((line, index) => {
        const content = text.slice(line.contentStart, line.contentEnd);
        switch (line.kind) {
            case 'blank': break;
            case 'fence': (index === 0 ? openingFence : closingFence).push(content); break;
            case 'comment': comments.push(content); break;
            case 'declaration':
                if (nodes++ > 0) body.push('');
                body.push(...comments, canonicalLine('declaration', content));
                comments = [];
                break;
            case 'route':
                body.push(...comments.map((c) => `    ${c}`), canonicalLine('route', content));
                comments = [];
                break;
        }
    });
    return `${[...openingFence, ...body, ...comments, ...closingFence].join('\n')}\n`;
}

export interface LineEdit {
    /** Offsets of the line's text (its line break and a CR before it excluded). */
    start: number;
    end: number;
    newText: string;
}

/**
 * The canonical layout without adding or removing lines: each line re-spaced in place. The
 * reference numbers lines, so this keeps the line of a parse error where it was (used for invalid
 * programs and for range formatting).
 */
export function lineEdits(text: string): LineEdit[] {
    const lines = layoutOf(text).lines;
    const edits: LineEdit[] = [];
    let nextCode: LayoutLine['kind'] | undefined; // kind of the next declaration/route line, for comment indents
    for (let i = lines.length - 1; i >= 0; i--) {
        const line = lines[i];
        const content = text.slice(line.contentStart, line.contentEnd);
        let formatted: string;
        if (line.kind === 'comment') formatted = nextCode === 'route' ? `    ${content}` : content;
        else formatted = canonicalLine(line.kind, content);
        if (line.kind === 'declaration' || line.kind === 'route') nextCode = line.kind;
        const end = text.charCodeAt(line.end - 1) === 13 && line.end > line.start ? line.end - 1 : line.end;
        if (text.slice(line.start, end) !== formatted) edits.push({ start: line.start, end, newText: formatted });
    }
    return edits.reverse();
}
