// Where a problem's row is in its file's text: the Problems view's "open at the row" and Go to
// Definition on `# problem:` in a `.json` file (JSON Lines rows carry their line already). Pure.

/** 0-based line of the `"id": "<id>"` member in a JSON text, or undefined. */
export function lineOfId(text: string, id: string): number | undefined {
    const escaped = JSON.stringify(id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const match = new RegExp(`"id"\\s*:\\s*${escaped}`).exec(text);
    if (!match) return undefined;
    let line = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < match.index; i = text.indexOf('\n', i + 1)) line++;
    return line;
}
