// Python `str` semantics the reference relies on (spec §12): JS `trim()` and `\s` use a different
// whitespace set, and JS `\w` is ASCII-only, so both are spelled out here once.

/** Characters for which Python's `str.isspace()` is true (also what `re` uses for `\s`). */
export const PY_WHITESPACE_CLASS = '[\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
/** Python's Unicode `\w`: letters, numbers and underscore. */
export const PY_WORD_CLASS = '[\\p{L}\\p{N}_]';

const WHITESPACE = new RegExp(`^${PY_WHITESPACE_CLASS}$`, 'u');
const WORD = new RegExp(`^${PY_WORD_CLASS}+$`, 'u');

export function isPyWhitespace(char: string): boolean {
    return WHITESPACE.test(char);
}

/** True when the text is a non-empty run of Python word characters (a valid node id). */
export function isPyWord(text: string): boolean {
    return WORD.test(text);
}

/** Offsets [start, end) of `text.slice(from, to)` after Python `strip()`. */
export function stripBounds(text: string, from = 0, to = text.length): [number, number] {
    let start = from;
    let end = to;
    // Every Python whitespace character is in the BMP, so stepping by UTF-16 unit is safe.
    while (start < end && isPyWhitespace(text[start])) start++;
    while (end > start && isPyWhitespace(text[end - 1])) end--;
    return [start, end];
}

/** Python `str.strip()` with no arguments. */
export function pyStrip(text: string): string {
    const [start, end] = stripBounds(text);
    return text.slice(start, end);
}
