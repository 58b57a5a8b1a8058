// A leading byte order mark, dropped on every file read (a module of its own: the rollouts CLI reads
// files before it loads anything heavy).

/**
 * The text without a leading U+FEFF: a UTF-8 byte order mark is an encoding mark, not text. Python
 * drops it where the reference reads bytes (json.loads of bytes, utf-8-sig) and VS Code drops it
 * from the documents it opens; every file read here does the same.
 */
export function stripBom(text: string): string {
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
