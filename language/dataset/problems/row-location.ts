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

/**
 * 0-based line where element `index` of a JSON array document starts, or undefined when the text
 * is not an array or has fewer elements. Finds a row by position, so rows that share an id, or
 * whose id the file writes with escapes (`"caf\u00e9"`), are found too.
 */
export function lineOfArrayElement(text: string, index: number): number | undefined {
    let line = 0;
    let depth = 0;
    let inString = false;
    let element = -1;
    let expectValue = false;
    for (let i = 0; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        if (ch === 0x0a) line++;
        if (inString) {
            if (ch === 0x5c) i++; // a backslash escapes the next character (never a newline in JSON)
            else if (ch === 0x22) inString = false;
            continue;
        }
        if (ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d || ch === 0xfeff) continue;
        if (depth === 0) {
            if (ch !== 0x5b) return undefined; // not an array
            depth = 1;
            expectValue = true;
            continue;
        }
        if (depth === 1 && expectValue) {
            if (ch === 0x5d) return undefined; // the array ended first
            if (++element === index) return line;
            expectValue = false;
        }
        if (ch === 0x22) inString = true;
        else if (ch === 0x5b || ch === 0x7b) depth++;
        else if (ch === 0x5d || ch === 0x7d) {
            if (--depth === 0) return undefined;
        } else if (ch === 0x2c && depth === 1) expectValue = true;
    }
    return undefined;
}
