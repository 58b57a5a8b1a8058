// User prompt templates (`--prompt-template FILE` of `delta generate` and `delta bouncingsim
// generate`). Mustache syntax without HTML escaping: {{name}} inserts a value verbatim,
// {{#flag}}…{{/flag}} keeps its text when the flag is true, {{^flag}}…{{/flag}} when it is false.
// A name the generator does not provide is an error (a typo would otherwise vanish silently).

import Mustache from 'mustache';

export class TemplateError extends Error {}

export type TemplateValues = Record<string, string | number | boolean>;

type Token = [string, string, number, number, Token[]?];

function usedNames(tokens: Token[], out: { name: string; at: number; kind: string }[]): void {
    for (const t of tokens) {
        if (t[0] === 'name' || t[0] === '&' || t[0] === '#' || t[0] === '^' || t[0] === '>') out.push({ name: t[1], at: t[2], kind: t[0] });
        if (t[4]) usedNames(t[4], out);
    }
}

function lineOf(text: string, offset: number): number {
    return text.slice(0, offset).split('\n').length;
}

/** Throws TemplateError (naming `file` and the line) for syntax errors, partials and unknown names. */
export function checkTemplate(template: string, names: readonly string[], file: string, required: readonly string[] = []): void {
    let tokens: Token[];
    try {
        tokens = Mustache.parse(template) as unknown as Token[];
    } catch (error) {
        // Mustache ends its syntax errors with the offset ("Unclosed section \"x\" at 38"): say the line instead.
        const message = (error as Error).message;
        const at = / at (\d+)$/.exec(message);
        throw new TemplateError(at ? `${file}:${lineOf(template, Number(at[1]))}: ${message.slice(0, at.index)}` : `${file}: ${message}`);
    }
    const used: { name: string; at: number; kind: string }[] = [];
    usedNames(tokens, used);
    for (const u of used) {
        if (u.kind === '>') throw new TemplateError(`${file}:${lineOf(template, u.at)}: partials ({{>${u.name}}}) are not supported`);
        if (!names.includes(u.name)) throw new TemplateError(`${file}:${lineOf(template, u.at)}: unknown placeholder {{${u.name}}}; available: ${names.join(', ')}`);
    }
    for (const r of required) {
        if (!used.some((u) => u.name === r)) throw new TemplateError(`${file}: the template must contain {{${r}}}`);
    }
}

export function fillTemplate(template: string, values: TemplateValues): string {
    return Mustache.render(template, values, {}, { escape: (s: string) => s });
}
