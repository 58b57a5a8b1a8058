// A bound on how deep a dump's JSON nests before it is parsed. V8's JSON.parse takes about 75 bytes of
// memory outside the JS heap per level of an unfinished list: a line of 5 million `[` took 400 MB, the
// 256 MiB a line may have would take ~19 GB and end the process. Python's json.loads stops at about
// 1,000 levels (RecursionError), so no Python trainer wrote such a row. Only long texts are looked
// at: a shorter one cannot nest deep enough to matter (1 MiB of `[` is ~75 MB), and rows of a few KB
// pay nothing.

/** Texts at least this long are checked before JSON.parse. */
export const DEPTH_CHECK_CHARS = 1 << 20;
/** Deeper than this is refused (Python's json.loads refuses far less deep). */
export const MAX_JSON_NESTING = 10_000;

/** Throws when `text` (DEPTH_CHECK_CHARS or longer) nests lists and objects more than MAX_JSON_NESTING deep. */
export function checkJsonNesting(text: string): void {
    if (text.length < DEPTH_CHECK_CHARS) return;
    let depth = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 34) {
            // A string: its brackets are text. Skip to its closing quote (an escaped character is skipped with its backslash).
            for (i++; i < text.length; i++) {
                const d = text.charCodeAt(i);
                if (d === 92) i++;
                else if (d === 34) break;
            }
        } else if (c === 91 || c === 123) {
            if (++depth > MAX_JSON_NESTING) throw new SyntaxError(`nested more than ${MAX_JSON_NESTING} levels deep (lists or objects inside each other), not parsed: Python's json.loads refuses it too (RecursionError)`);
        } else if (c === 93 || c === 125) depth--;
    }
}
