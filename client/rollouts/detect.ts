// Whether a JSONL text looks like Manufactoria rollouts (model responses holding a program), from
// its first lines only: such a file gets an "Open as rollouts" lens. No `vscode` import.
const RESPONSE_KEYS = ['response', 'output', 'completion'];
const MANUFACTORIA_START = /^\s*START\s+\w+\s*:/m;
const SCAN_LINES = 20;
const MAX_LINE_CHARS = 1 << 20;

export function looksLikeManufactoriaRollouts(text: string): boolean {
    let seen = 0;
    let start = 0;
    while (seen < SCAN_LINES && start < text.length) {
        let end = text.indexOf('\n', start);
        if (end < 0) end = text.length;
        const line = text.slice(start, Math.min(end, start + MAX_LINE_CHARS)).trim();
        start = end + 1;
        if (!line) continue;
        seen++;
        let value: unknown;
        try {
            value = JSON.parse(line);
        } catch {
            continue;
        }
        if (typeof value !== 'object' || value === null) continue;
        const row = value as Record<string, unknown>;
        if (RESPONSE_KEYS.some((k) => typeof row[k] === 'string' && MANUFACTORIA_START.test(row[k] as string))) return true;
    }
    return false;
}
