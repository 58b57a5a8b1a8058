// The canonical layout (spec §11): `TYPE id:`, END without colon, routes indented by four spaces,
// one blank line between nodes. Works line by line so comments and malformed lines survive as they are.
import { DECLARATION, NEXT_ROUTE, PULLER_ROUTE } from '../lexing/line-patterns.js';
import { layoutOf } from '../lexing/reference-layout.js';

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
            case 'declaration': {
                if (nodes++ > 0) body.push('');
                body.push(...comments);
                comments = [];
                const m = DECLARATION.exec(content);
                body.push(m ? `${m[1]} ${m[2]}${m[1] === 'END' ? '' : ':'}${m[4] ? ` ${m[4]}` : ''}` : content);
                break;
            }
            case 'route': {
                body.push(...comments.map((c) => `    ${c}`));
                comments = [];
                const m = PULLER_ROUTE.exec(content) ?? NEXT_ROUTE.exec(content);
                body.push(`    ${m ? `${m[1]} ${m[2]}${m[3] ? ` ${m[3]}` : ''}` : content}`);
                break;
            }
        }
    });
    return `${[...openingFence, ...body, ...comments, ...closingFence].join('\n')}\n`;
}
