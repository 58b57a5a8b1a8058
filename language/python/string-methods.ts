// Python string behaviour the generator templates depend on (§10.2, §10.3, §12).

/**
 * Python `str.title()`: the first cased letter of every run of letters is upper-cased and the
 * rest of the run lower-cased; any non-letter (digit, space, `^`, `'`) ends a run. So
 * "floor division by 2^2" → "Floor Division By 2^2" and "it's" → "It'S", as in Python.
 */
export function pyTitle(text: string): string {
    let out = '';
    let inWord = false;
    for (const ch of text) {
        const cased = ch.toLowerCase() !== ch.toUpperCase();
        if (cased) {
            out += inWord ? ch.toLowerCase() : ch.toUpperCase();
            inWord = true;
        } else {
            out += ch;
            inWord = false;
        }
    }
    return out;
}

/** Python `str.replace(a, b)`: every non-overlapping occurrence, left to right, one pass. */
export function pyReplace(text: string, from: string, to: string): string {
    if (from === '') {
        // Python inserts `to` between every character and at both ends; no family uses it, but be exact.
        return to + Array.from(text).join(to) + (text.length ? to : '');
    }
    return text.split(from).join(to);
}
