// Python's `int()` on a group number or name, as sre_parse calls it.
import { decimalValue, isSpace } from '../unicode/index.js';

/** Python `int(text)` for a base-10 string, or undefined where Python raises ValueError. */
export function pythonInt(text: string): number | undefined {
    const chars = Array.from(text);
    let start = 0;
    let end = chars.length;
    while (start < end && isSpace(chars[start].codePointAt(0)!)) start++;
    while (end > start && isSpace(chars[end - 1].codePointAt(0)!)) end--;
    let sign = 1;
    if (chars[start] === '+' || chars[start] === '-') {
        if (chars[start] === '-') sign = -1;
        start++;
    }
    if (start >= end) return undefined;
    let value = 0;
    let previousWasDigit = false;
    for (let i = start; i < end; i++) {
        if (chars[i] === '_') {
            // An underscore must sit between two digits.
            if (!previousWasDigit || i + 1 >= end) return undefined;
            previousWasDigit = false;
            continue;
        }
        const digit = decimalValue(chars[i].codePointAt(0)!);
        if (digit === undefined) return undefined;
        value = value * 10 + digit;
        previousWasDigit = true;
    }
    return sign * value;
}
