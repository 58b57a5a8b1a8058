// Text read from problem files (criteria, names, families, ids, paths) shown in hovers and
// completion documentation: rendered as the text it is, never as Markdown. A crafted file's
// `![](https://…)` would otherwise load a remote image when hovered, and its `[…](…)` make a link.

/** Characters that start Markdown syntax (links, images, emphasis, code, headings, HTML, tables). */
const SYNTAX = /[\\`*_{}[\]()#!<>|~]/g;

/** The text, with every Markdown syntax character escaped. */
export function markdownText(text: string): string {
    return text.replace(SYNTAX, (c) => `\\${c}`);
}

/** The text as an inline code span, fenced by more backticks than any run inside it. */
export function markdownCode(text: string): string {
    let longest = 0;
    for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
    const fence = '`'.repeat(longest + 1);
    const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${text}${pad}${fence}`;
}
