// Python `str` behaviour the reference relies on: `strip()` removes Python's whitespace set (not JS
// `trim()`'s), and node ids are `\w+` in Python's sense. The classes come from ./unicode (Python 3.11,
// Unicode 14.0); see docs/python-compat.md.
import { isSpace, isWordText } from './unicode/index.js';

/** True when the text is a non-empty run of Python word characters (a valid node id). */
export const isPyWord = isWordText;

/** Start offset of `text.slice(from, to)` after Python `lstrip()`. */
export function stripStart(text: string, from: number, to: number): number {
    // Every Python whitespace character is in the BMP, so stepping by UTF-16 unit is safe.
    while (from < to && isSpace(text.charCodeAt(from))) from++;
    return from;
}

/** End offset of `text.slice(from, to)` after Python `rstrip()`. */
export function stripEnd(text: string, from: number, to: number): number {
    while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
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
