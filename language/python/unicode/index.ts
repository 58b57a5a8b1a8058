// Python 3.11's character classes and case mappings (Unicode 14.0), the one definition every part of
// the product uses: the DSL lexer, str.strip, and the `re` port. They come from generated tables, not
// from the JS engine's `\p{…}` and toLowerCase, whose Unicode version follows Node's (17.0 on Node 20
// today) and would accept ids the reference rejects. See docs/python-compat.md.
import { CodePointSet, parseMapping, parseMultiMap, parseRanges } from './code-point-set.js';
import * as tables from './tables.generated.js';

export { classChar, CodePointSet, rangesClassBody } from './code-point-set.js';
export { PYTHON_VERSION, UNICODE_VERSION } from './tables.generated.js';

/** `\w` of a str pattern: `str.isalnum()` or `_`. */
export const WORD = new CodePointSet(parseRanges(tables.WORD));
/** `str.isalpha()`. */
export const ALPHA = new CodePointSet(parseRanges(tables.ALPHA));
/** `\d` of a str pattern, `str.isdecimal()`: the digits `int()` accepts. */
export const DECIMAL = new CodePointSet(parseRanges(tables.DECIMAL));
/** `\s` of a str pattern, `str.isspace()`, and what `str.strip()` removes. */
export const SPACE = new CodePointSet(parseRanges(tables.SPACE));
const IDENTIFIER_START = new CodePointSet(parseRanges(tables.IDENTIFIER_START));
const IDENTIFIER_CONTINUE = new CodePointSet(parseRanges(tables.IDENTIFIER_CONTINUE));
const CJK_UNIFIED = new CodePointSet(parseRanges(tables.CJK_UNIFIED));

export const isWord = (cp: number): boolean => WORD.has(cp);
export const isAlpha = (cp: number): boolean => ALPHA.has(cp);
export const isDecimal = (cp: number): boolean => DECIMAL.has(cp);
export const isSpace = (cp: number): boolean => SPACE.has(cp);

/** Code points with a name `CJK UNIFIED IDEOGRAPH-<hex>` in Python's database. */
export const isCjkUnifiedIdeograph = (cp: number): boolean => CJK_UNIFIED.has(cp);

/** The value of a decimal digit (decimal digits come in runs of ten, 0 to 9), or undefined. */
export function decimalValue(cp: number): number | undefined {
    if (!DECIMAL.has(cp)) return undefined;
    const run = DECIMAL.ranges.find(([lo, hi]) => lo <= cp && cp <= hi)!;
    return (cp - run[0]) % 10;
}

/** `text.isidentifier()`. */
export function isIdentifier(text: string): boolean {
    let first = true;
    for (const c of text) {
        const cp = c.codePointAt(0)!;
        if (!(first ? IDENTIFIER_START : IDENTIFIER_CONTINUE).has(cp)) return false;
        first = false;
    }
    return !first;
}

/** True when `text` is non-empty and every code point of it is in `set`. */
function allIn(set: CodePointSet, text: string): boolean {
    let empty = true;
    for (const c of text) {
        if (!set.has(c.codePointAt(0)!)) return false;
        empty = false;
    }
    return !empty;
}

/** `text.isalpha()`. */
export const isAlphaText = (text: string): boolean => allIn(ALPHA, text);

/** True when `text` is a non-empty run of `\w` characters (`re.fullmatch(r'\w+', text)`). */
export const isWordText = (text: string): boolean => allIn(WORD, text);

// Case mappings, decoded on first use (only case-insensitive patterns need them).
let lowerMap: Map<number, number> | undefined;
let upperMap: Map<number, number> | undefined;
let lowerKeys: readonly number[] | undefined;
let upperKeys: readonly number[] | undefined;
let extraCases: ReadonlyMap<number, readonly number[]> | undefined;

/** sre's lower-casing of one code point: the first code point of its full lowercase (`İ` → `i`). */
export function toLower(cp: number): number {
    lowerMap ??= parseMapping(tables.LOWER);
    return lowerMap.get(cp) ?? cp;
}

/** sre's upper-casing of one code point: the first code point of its full uppercase (`ß` → `S`). */
export function toUpper(cp: number): number {
    upperMap ??= parseMapping(tables.UPPER);
    return upperMap.get(cp) ?? cp;
}

/** sre's `iscased`: lower- or upper-casing changes the code point. */
export const isCased = (cp: number): boolean => toLower(cp) !== cp || toUpper(cp) !== cp;

/** Code points whose lowercase differs from themselves, ascending. */
export function lowerChanged(): readonly number[] {
    lowerMap ??= parseMapping(tables.LOWER);
    lowerKeys ??= [...lowerMap.keys()];
    return lowerKeys;
}

/** Code points whose uppercase differs from themselves, ascending. */
export function upperChanged(): readonly number[] {
    upperMap ??= parseMapping(tables.UPPER);
    upperKeys ??= [...upperMap.keys()];
    return upperKeys;
}

/** sre's `_EXTRA_CASES`: a lowercase letter → the other lowercase letters that share its uppercase. */
export function extraCaseMap(): ReadonlyMap<number, readonly number[]> {
    extraCases ??= parseMultiMap(tables.EXTRA_CASES);
    return extraCases;
}
