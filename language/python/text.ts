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

// The answer for each ASCII unit, from the same pattern: stripping looks at a few characters of
// every line on every keystroke, and almost all of them are ASCII.
const ASCII_WHITESPACE = Array.from({ length: 128 }, (_, code) => WHITESPACE.test(String.fromCharCode(code)));

/** `isPyWhitespace` for one UTF-16 unit of `text`. */
function isPyWhitespaceAt(text: string, index: number): boolean {
    const code = text.charCodeAt(index);
    return code < 128 ? ASCII_WHITESPACE[code] : WHITESPACE.test(text[index]);
}

/** True when the text is a non-empty run of Python word characters (a valid node id). */
export function isPyWord(text: string): boolean {
    return WORD.test(text);
}

/** Start offset of `text.slice(from, to)` after Python `lstrip()`. */
export function stripStart(text: string, from: number, to: number): number {
    // Every Python whitespace character is in the BMP, so stepping by UTF-16 unit is safe.
    while (from < to && isPyWhitespaceAt(text, from)) from++;
    return from;
}

/** End offset of `text.slice(from, to)` after Python `rstrip()`. */
export function stripEnd(text: string, from: number, to: number): number {
    while (to > from && isPyWhitespaceAt(text, to - 1)) to--;
    return to;
}

/** Offsets [start, end) of `text.slice(from, to)` after Python `strip()`. */
export function stripBounds(text: string, from = 0, to = text.length): [number, number] {
    const start = stripStart(text, from, to);
    return [start, stripEnd(text, start, to)];
}

/** Python `str.strip()` with no arguments. */
export function pyStrip(text: string): string {
    const [start, end] = stripBounds(text);
    return text.slice(start, end);
}
