// Python 3.11 `re.fullmatch` for the verifier's regex pass rule (spec §6.2, §6.3, §12).
//
// One parser follows sre_parse (Python 3.11, str patterns) and decides what Python rejects, including
// the errors raised while compiling (variable-width look-behind, TEMPLATE). Two back ends share its tree:
//  * a JS RegExp with the `u` flag and every Python flag spelled out (case folding as explicit classes,
//    `.`/`^`/`$`/`\b` as classes and lookarounds, atomic groups and possessive loops as `(?=(X))\k`);
//  * a small backtracking engine that replays sre's rules (capture marks and when they are restored,
//    repeat contexts, zero-width protection, atomic commits) for what JS cannot express.
// The RegExp is exact unless the pattern reads captures (backreferences, conditional groups), has a
// greedy loop that can match empty inside an atomic or possessive part, or a possessive loop that
// captures. Both use Python 3.11's character classes and case tables (Unicode 14.0, ../unicode), never the
// JS engine's `\p{…}` or toLowerCase, so neither depends on Node's Unicode version.
// `pythonFullmatch` picks whichever back end is exact; the RegExp returned by `compilePythonPattern`
// does the same in its `exec`, so `regex.test(text)` always answers like Python.
//
// Known gaps (all reported as compile errors):
//  * `\N{name}` resolves only the names embedded below (ASCII, Latin-1, common aliases) and the
//    algorithmic CJK/Hangul names; any other name is reported as unresolvable although Python may know it.
//  * Python raises OverflowError (`a{4294967295}`) and ValueError (`(?a)(?u)`), not re.error, for a few
//    patterns; the message starts with the Python exception name.
//  * Nesting deep enough to raise RecursionError inside Python's parser is not detected.

import {
    DECIMAL,
    SPACE,
    WORD,
    decimalValue,
    extraCaseMap,
    isAlphaText,
    isCased,
    isCjkUnifiedIdeograph,
    isDecimal,
    isIdentifier,
    isSpace,
    isWord,
    lowerChanged,
    toLower,
    toUpper,
    upperChanged,
} from './unicode/index.js';

/** Compiles a Python `re` pattern to an equivalent JS RegExp anchored for fullmatch, or reports that Python would reject it. */
export function compilePythonPattern(pattern: string): { ok: true; regex: RegExp } | { ok: false; error: string } {
    const compiled = compileCached(pattern);
    return compiled.ok ? { ok: true, regex: compiled.regex } : { ok: false, error: compiled.error };
}

/**
 * Python's `re.fullmatch(pattern, text)` as a boolean, or 'compile-error' where compiling raises.
 * Throws PythonRegexRuntimeError where Python itself raises while matching (see there).
 */
export function pythonFullmatch(pattern: string, text: string): boolean | 'compile-error' {
    const compiled = compileCached(pattern);
    return compiled.ok ? compiled.fullmatch(text) : 'compile-error';
}

/** Details for tests and tools: both back ends, and whether the RegExp alone is exact for this pattern. */
export interface PythonPattern {
    ok: true;
    regex: RegExp;
    /** The JS translation (anchored, `u` flag). */
    jsSource: string;
    /** True when the plain RegExp built from `jsSource` answers exactly, for every text. */
    jsExact: boolean;
    fullmatch(text: string): boolean;
    engineFullmatch(text: string): boolean;
}

export function inspectPythonPattern(pattern: string): PythonPattern | { ok: false; error: string } {
    return compileCached(pattern);
}

// ---------------------------------------------------------------------------------------------
// Errors

/**
 * Python 3.11 raises SystemError("The span of capturing group is wrong, ...") when a successful match
 * leaves a group whose start mark lies after its end mark: a CPython bug reachable through a possessive
 * repeat whose body captures and backtracks (`((B)Y|\w){2}+` on "BYx"). The reference verifier then fails
 * the whole request with "Unexpected error: <message>"; callers that mirror it should do the same.
 */
export class PythonRegexRuntimeError extends Error {
    readonly pythonType = 'SystemError';
}

/** `re.error` in Python. */
class PythonPatternError extends Error {}

/** Python raises something other than `re.error` (OverflowError, ValueError). */
function otherPythonError(kind: string, message: string): PythonPatternError {
    return new PythonPatternError(`${kind} (not re.error): ${message}`);
}

// ---------------------------------------------------------------------------------------------
// Constants of sre (Python 3.11, 64-bit build)

const F_TEMPLATE = 1;
const F_IGNORECASE = 2;
const F_LOCALE = 4;
const F_MULTILINE = 8;
const F_DOTALL = 16;
const F_UNICODE = 32;
const F_VERBOSE = 64;
const F_ASCII = 256;
const TYPE_FLAGS = F_ASCII | F_LOCALE | F_UNICODE;
const GLOBAL_FLAGS = F_TEMPLATE;
const FLAG_LETTERS: Readonly<Record<string, number>> = { i: F_IGNORECASE, L: F_LOCALE, m: F_MULTILINE, s: F_DOTALL, x: F_VERBOSE, a: F_ASCII, t: F_TEMPLATE, u: F_UNICODE };

const MAXREPEAT = 4294967295;
const MAXGROUPS = 1073741823;
const MAXCODE = 4294967295;
const MAXWIDTH = 2 ** 64;

// ---------------------------------------------------------------------------------------------
// Character classes of ASCII patterns (the Unicode ones are Python 3.11's, from ../unicode)

type Ranges = ReadonlyArray<readonly [number, number]>;

const isWordAscii = (cp: number): boolean => (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || cp === 0x5f;
const isDigitAscii = (cp: number): boolean => cp >= 0x30 && cp <= 0x39;
const isSpaceAscii = (cp: number): boolean => (cp >= 9 && cp <= 13) || cp === 32;
const asciiLower = (cp: number): number => (cp >= 0x41 && cp <= 0x5a ? cp + 32 : cp);
const asciiIsCased = (cp: number): boolean => (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);

function inRanges(ranges: Ranges, cp: number): boolean {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (cp < ranges[mid][0]) hi = mid - 1;
        else if (cp > ranges[mid][1]) lo = mid + 1;
        else return true;
    }
    return false;
}

/** Python `int(text)` for a base-10 string, or undefined where Python raises ValueError. */
function pythonInt(text: string): number | undefined {
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

// `\N{...}`: Python consults its whole name database; these are the names this module can resolve.
const CHARACTER_NAMES =
    '20 SPACE|21 EXCLAMATION MARK|22 QUOTATION MARK|23 NUMBER SIGN|24 DOLLAR SIGN|25 PERCENT SIGN|26 AMPERSAND|' +
    '27 APOSTROPHE|28 LEFT PARENTHESIS|29 RIGHT PARENTHESIS|2a ASTERISK|2b PLUS SIGN|2c COMMA|2d HYPHEN-MINUS|' +
    '2e FULL STOP|2f SOLIDUS|30 DIGIT ZERO|31 DIGIT ONE|32 DIGIT TWO|33 DIGIT THREE|34 DIGIT FOUR|35 DIGIT FIVE|' +
    '36 DIGIT SIX|37 DIGIT SEVEN|38 DIGIT EIGHT|39 DIGIT NINE|3a COLON|3b SEMICOLON|3c LESS-THAN SIGN|' +
    '3d EQUALS SIGN|3e GREATER-THAN SIGN|3f QUESTION MARK|40 COMMERCIAL AT|41 LATIN CAPITAL LETTER A|' +
    '42 LATIN CAPITAL LETTER B|43 LATIN CAPITAL LETTER C|44 LATIN CAPITAL LETTER D|45 LATIN CAPITAL LETTER E|' +
    '46 LATIN CAPITAL LETTER F|47 LATIN CAPITAL LETTER G|48 LATIN CAPITAL LETTER H|49 LATIN CAPITAL LETTER I|' +
    '4a LATIN CAPITAL LETTER J|4b LATIN CAPITAL LETTER K|4c LATIN CAPITAL LETTER L|4d LATIN CAPITAL LETTER M|' +
    '4e LATIN CAPITAL LETTER N|4f LATIN CAPITAL LETTER O|50 LATIN CAPITAL LETTER P|51 LATIN CAPITAL LETTER Q|' +
    '52 LATIN CAPITAL LETTER R|53 LATIN CAPITAL LETTER S|54 LATIN CAPITAL LETTER T|55 LATIN CAPITAL LETTER U|' +
    '56 LATIN CAPITAL LETTER V|57 LATIN CAPITAL LETTER W|58 LATIN CAPITAL LETTER X|59 LATIN CAPITAL LETTER Y|' +
    '5a LATIN CAPITAL LETTER Z|5b LEFT SQUARE BRACKET|5c REVERSE SOLIDUS|5d RIGHT SQUARE BRACKET|' +
    '5e CIRCUMFLEX ACCENT|5f LOW LINE|60 GRAVE ACCENT|61 LATIN SMALL LETTER A|62 LATIN SMALL LETTER B|' +
    '63 LATIN SMALL LETTER C|64 LATIN SMALL LETTER D|65 LATIN SMALL LETTER E|66 LATIN SMALL LETTER F|' +
    '67 LATIN SMALL LETTER G|68 LATIN SMALL LETTER H|69 LATIN SMALL LETTER I|6a LATIN SMALL LETTER J|' +
    '6b LATIN SMALL LETTER K|6c LATIN SMALL LETTER L|6d LATIN SMALL LETTER M|6e LATIN SMALL LETTER N|' +
    '6f LATIN SMALL LETTER O|70 LATIN SMALL LETTER P|71 LATIN SMALL LETTER Q|72 LATIN SMALL LETTER R|' +
    '73 LATIN SMALL LETTER S|74 LATIN SMALL LETTER T|75 LATIN SMALL LETTER U|76 LATIN SMALL LETTER V|' +
    '77 LATIN SMALL LETTER W|78 LATIN SMALL LETTER X|79 LATIN SMALL LETTER Y|7a LATIN SMALL LETTER Z|' +
    '7b LEFT CURLY BRACKET|7c VERTICAL LINE|7d RIGHT CURLY BRACKET|7e TILDE|a0 NO-BREAK SPACE|' +
    'a1 INVERTED EXCLAMATION MARK|a2 CENT SIGN|a3 POUND SIGN|a4 CURRENCY SIGN|a5 YEN SIGN|a6 BROKEN BAR|' +
    'a7 SECTION SIGN|a8 DIAERESIS|a9 COPYRIGHT SIGN|aa FEMININE ORDINAL INDICATOR|' +
    'ab LEFT-POINTING DOUBLE ANGLE QUOTATION MARK|ac NOT SIGN|ad SOFT HYPHEN|ae REGISTERED SIGN|af MACRON|' +
    'b0 DEGREE SIGN|b1 PLUS-MINUS SIGN|b2 SUPERSCRIPT TWO|b3 SUPERSCRIPT THREE|b4 ACUTE ACCENT|b5 MICRO SIGN|' +
    'b6 PILCROW SIGN|b7 MIDDLE DOT|b8 CEDILLA|b9 SUPERSCRIPT ONE|ba MASCULINE ORDINAL INDICATOR|' +
    'bb RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK|bc VULGAR FRACTION ONE QUARTER|bd VULGAR FRACTION ONE HALF|' +
    'be VULGAR FRACTION THREE QUARTERS|bf INVERTED QUESTION MARK|c0 LATIN CAPITAL LETTER A WITH GRAVE|' +
    'c1 LATIN CAPITAL LETTER A WITH ACUTE|c2 LATIN CAPITAL LETTER A WITH CIRCUMFLEX|' +
    'c3 LATIN CAPITAL LETTER A WITH TILDE|c4 LATIN CAPITAL LETTER A WITH DIAERESIS|' +
    'c5 LATIN CAPITAL LETTER A WITH RING ABOVE|c6 LATIN CAPITAL LETTER AE|c7 LATIN CAPITAL LETTER C WITH CEDILLA|' +
    'c8 LATIN CAPITAL LETTER E WITH GRAVE|c9 LATIN CAPITAL LETTER E WITH ACUTE|' +
    'ca LATIN CAPITAL LETTER E WITH CIRCUMFLEX|cb LATIN CAPITAL LETTER E WITH DIAERESIS|' +
    'cc LATIN CAPITAL LETTER I WITH GRAVE|cd LATIN CAPITAL LETTER I WITH ACUTE|' +
    'ce LATIN CAPITAL LETTER I WITH CIRCUMFLEX|cf LATIN CAPITAL LETTER I WITH DIAERESIS|' +
    'd0 LATIN CAPITAL LETTER ETH|d1 LATIN CAPITAL LETTER N WITH TILDE|d2 LATIN CAPITAL LETTER O WITH GRAVE|' +
    'd3 LATIN CAPITAL LETTER O WITH ACUTE|d4 LATIN CAPITAL LETTER O WITH CIRCUMFLEX|' +
    'd5 LATIN CAPITAL LETTER O WITH TILDE|d6 LATIN CAPITAL LETTER O WITH DIAERESIS|d7 MULTIPLICATION SIGN|' +
    'd8 LATIN CAPITAL LETTER O WITH STROKE|d9 LATIN CAPITAL LETTER U WITH GRAVE|' +
    'da LATIN CAPITAL LETTER U WITH ACUTE|db LATIN CAPITAL LETTER U WITH CIRCUMFLEX|' +
    'dc LATIN CAPITAL LETTER U WITH DIAERESIS|dd LATIN CAPITAL LETTER Y WITH ACUTE|de LATIN CAPITAL LETTER THORN|' +
    'df LATIN SMALL LETTER SHARP S|e0 LATIN SMALL LETTER A WITH GRAVE|e1 LATIN SMALL LETTER A WITH ACUTE|' +
    'e2 LATIN SMALL LETTER A WITH CIRCUMFLEX|e3 LATIN SMALL LETTER A WITH TILDE|' +
    'e4 LATIN SMALL LETTER A WITH DIAERESIS|e5 LATIN SMALL LETTER A WITH RING ABOVE|e6 LATIN SMALL LETTER AE|' +
    'e7 LATIN SMALL LETTER C WITH CEDILLA|e8 LATIN SMALL LETTER E WITH GRAVE|e9 LATIN SMALL LETTER E WITH ACUTE|' +
    'ea LATIN SMALL LETTER E WITH CIRCUMFLEX|eb LATIN SMALL LETTER E WITH DIAERESIS|' +
    'ec LATIN SMALL LETTER I WITH GRAVE|ed LATIN SMALL LETTER I WITH ACUTE|ee LATIN SMALL LETTER I WITH CIRCUMFLEX|' +
    'ef LATIN SMALL LETTER I WITH DIAERESIS|f0 LATIN SMALL LETTER ETH|f1 LATIN SMALL LETTER N WITH TILDE|' +
    'f2 LATIN SMALL LETTER O WITH GRAVE|f3 LATIN SMALL LETTER O WITH ACUTE|f4 LATIN SMALL LETTER O WITH CIRCUMFLEX|' +
    'f5 LATIN SMALL LETTER O WITH TILDE|f6 LATIN SMALL LETTER O WITH DIAERESIS|f7 DIVISION SIGN|' +
    'f8 LATIN SMALL LETTER O WITH STROKE|f9 LATIN SMALL LETTER U WITH GRAVE|fa LATIN SMALL LETTER U WITH ACUTE|' +
    'fb LATIN SMALL LETTER U WITH CIRCUMFLEX|fc LATIN SMALL LETTER U WITH DIAERESIS|' +
    'fd LATIN SMALL LETTER Y WITH ACUTE|fe LATIN SMALL LETTER THORN|ff LATIN SMALL LETTER Y WITH DIAERESIS|0 NULL|' +
    '0 NUL|1 START OF HEADING|1 SOH|a LINE FEED|a NEW LINE|a END OF LINE|a LF|a NL|a EOL|9 CHARACTER TABULATION|' +
    '9 HORIZONTAL TABULATION|9 HT|9 TAB|b LINE TABULATION|b VERTICAL TABULATION|b VT|c FORM FEED|c FF|' +
    'd CARRIAGE RETURN|d CR|1b ESCAPE|1b ESC|7f DELETE|7f DEL|20 SP|a0 NBSP|200b ZWSP|200d ZWJ|200c ZWNJ|feff BOM|' +
    'feff BYTE ORDER MARK|200b ZERO WIDTH SPACE|200d ZERO WIDTH JOINER|200c ZERO WIDTH NON-JOINER|' +
    'feff ZERO WIDTH NO-BREAK SPACE|85 NEXT LINE|85 NEL|8 BACKSPACE|8 BS|7 BEL|7 ALERT|ad SHY|2014 EM DASH|' +
    '2013 EN DASH|2026 HORIZONTAL ELLIPSIS|2022 BULLET|2192 RIGHTWARDS ARROW|2190 LEFTWARDS ARROW|' +
    '202f NARROW NO-BREAK SPACE|202f NNBSP|3000 IDEOGRAPHIC SPACE|2028 LINE SEPARATOR|2029 PARAGRAPH SEPARATOR|' +
    '1f INFORMATION SEPARATOR ONE|1e INFORMATION SEPARATOR TWO|1d INFORMATION SEPARATOR THREE|' +
    '1c INFORMATION SEPARATOR FOUR|1c FILE SEPARATOR|1d GROUP SEPARATOR|1e RECORD SEPARATOR|1f UNIT SEPARATOR|' +
    '1f US|1e RS|1d GS|1c FS|2002 EN SPACE|2003 EM SPACE|2009 THIN SPACE|200a HAIR SPACE|' +
    '2018 LEFT SINGLE QUOTATION MARK|2019 RIGHT SINGLE QUOTATION MARK|201c LEFT DOUBLE QUOTATION MARK|' +
    '201d RIGHT DOUBLE QUOTATION MARK|20ac EURO SIGN|2010 HYPHEN|2212 MINUS SIGN|fffd REPLACEMENT CHARACTER|';

let characterNames: Map<string, number> | undefined;

const HANGUL_LEADS = ['G', 'GG', 'N', 'D', 'DD', 'R', 'M', 'B', 'BB', 'S', 'SS', '', 'J', 'JJ', 'C', 'K', 'T', 'P', 'H'];
const HANGUL_VOWELS = ['A', 'AE', 'YA', 'YAE', 'EO', 'E', 'YEO', 'YE', 'O', 'WA', 'WAE', 'OE', 'YO', 'U', 'WEO', 'WE', 'WI', 'YU', 'EU', 'YI', 'I'];
const HANGUL_TAILS = ['', 'G', 'GG', 'GS', 'N', 'NJ', 'NH', 'D', 'L', 'LG', 'LM', 'LB', 'LS', 'LT', 'LP', 'LH', 'M', 'B', 'BS', 'S', 'SS', 'NG', 'J', 'C', 'K', 'T', 'P', 'H'];

/** `unicodedata.lookup` restricted to the names above; undefined when the name is not resolvable here. */
function lookupCharacterName(name: string): number | undefined {
    if (characterNames === undefined) {
        characterNames = new Map();
        for (const entry of CHARACTER_NAMES.split('|')) {
            if (!entry) continue;
            const space = entry.indexOf(' ');
            characterNames.set(entry.slice(space + 1), parseInt(entry.slice(0, space), 16));
        }
    }
    // Python upper-cases ASCII letters of the query before comparing with stored names.
    const stored = characterNames.get(name.replace(/[a-z]+/g, (s) => s.toUpperCase()));
    if (stored !== undefined) return stored;
    return cjkIdeograph(name) ?? hangulSyllable(name);
}

function cjkIdeograph(name: string): number | undefined {
    const match = /^CJK UNIFIED IDEOGRAPH-([0-9A-F]{4,5})$/.exec(name);
    if (!match) return undefined;
    const cp = parseInt(match[1], 16);
    return isCjkUnifiedIdeograph(cp) ? cp : undefined;
}

function hangulSyllable(name: string): number | undefined {
    const prefix = 'HANGUL SYLLABLE ';
    if (!name.startsWith(prefix)) return undefined;
    let pos = prefix.length;
    const parts: number[] = [];
    for (const table of [HANGUL_LEADS, HANGUL_VOWELS, HANGUL_TAILS]) {
        // Python takes the longest jamo name that matches at each step.
        let best = -1;
        for (let i = 0; i < table.length; i++) {
            if (name.startsWith(table[i], pos) && (best < 0 || table[i].length > table[best].length)) best = i;
        }
        parts.push(best);
        pos += table[best].length;
    }
    if (pos !== name.length || pos === prefix.length) return undefined;
    const [lead, vowel, tail] = parts;
    return 0xac00 + (lead * HANGUL_VOWELS.length + vowel) * HANGUL_TAILS.length + tail;
}

// ---------------------------------------------------------------------------------------------
// Parse tree (the shape of sre_parse's output)

type Category = 'DIGIT' | 'NOT_DIGIT' | 'SPACE' | 'NOT_SPACE' | 'WORD' | 'NOT_WORD';
type AtCode = 'BEGINNING' | 'BEGINNING_STRING' | 'END' | 'END_STRING' | 'BOUNDARY' | 'NON_BOUNDARY';
type SetItem = { op: 'NEGATE' } | { op: 'LITERAL'; cp: number } | { op: 'RANGE'; lo: number; hi: number } | { op: 'CATEGORY'; cat: Category };
type RepeatKind = 'MAX' | 'MIN' | 'POSSESSIVE';

type Op =
    | { op: 'LITERAL'; cp: number }
    | { op: 'NOT_LITERAL'; cp: number }
    | { op: 'ANY' }
    | { op: 'IN'; items: SetItem[] }
    | { op: 'AT'; at: AtCode }
    | { op: 'BRANCH'; alts: Seq[] }
    | { op: 'REPEAT'; kind: RepeatKind; min: number; max: number; body: Seq }
    | { op: 'SUBPATTERN'; group: number | null; add: number; del: number; body: Seq }
    | { op: 'ATOMIC'; body: Seq }
    | { op: 'ASSERT'; behind: boolean; negate: boolean; body: Seq }
    | { op: 'GROUPREF'; group: number }
    | { op: 'GROUPREF_EXISTS'; group: number; yes: Seq; no: Seq | null };
type Seq = Op[];
type Width = readonly [number, number];

const CATEGORY_ESCAPES: Readonly<Record<string, Op>> = {
    '\\A': { op: 'AT', at: 'BEGINNING_STRING' },
    '\\b': { op: 'AT', at: 'BOUNDARY' },
    '\\B': { op: 'AT', at: 'NON_BOUNDARY' },
    '\\d': { op: 'IN', items: [{ op: 'CATEGORY', cat: 'DIGIT' }] },
    '\\D': { op: 'IN', items: [{ op: 'CATEGORY', cat: 'NOT_DIGIT' }] },
    '\\s': { op: 'IN', items: [{ op: 'CATEGORY', cat: 'SPACE' }] },
    '\\S': { op: 'IN', items: [{ op: 'CATEGORY', cat: 'NOT_SPACE' }] },
    '\\w': { op: 'IN', items: [{ op: 'CATEGORY', cat: 'WORD' }] },
    '\\W': { op: 'IN', items: [{ op: 'CATEGORY', cat: 'NOT_WORD' }] },
    '\\Z': { op: 'AT', at: 'END_STRING' },
};
const CLASS_CATEGORIES: Readonly<Record<string, Category>> = { '\\d': 'DIGIT', '\\D': 'NOT_DIGIT', '\\s': 'SPACE', '\\S': 'NOT_SPACE', '\\w': 'WORD', '\\W': 'NOT_WORD' };
const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { '\\a': 7, '\\b': 8, '\\f': 12, '\\n': 10, '\\r': 13, '\\t': 9, '\\v': 11, '\\\\': 92 };

const SPECIAL_CHARS = '.\\[{()*+?^$|';
const VERBOSE_SPACE = ' \t\n\r\v\f';
const isAsciiDigit = (t: string | null): boolean => t !== null && t.length === 1 && t >= '0' && t <= '9';
const isOctDigit = (t: string | null): boolean => t !== null && t.length === 1 && t >= '0' && t <= '7';
const isHexDigit = (t: string | null): boolean => t !== null && /^[0-9a-fA-F]$/.test(t);
const isAsciiLetter = (t: string): boolean => /^[a-zA-Z]$/.test(t);
const literal = (token: string): Op => ({ op: 'LITERAL', cp: token.codePointAt(0)! });

/** Python's tokenizer: one code point, or a backslash with the code point after it. */
class Tokenizer {
    private readonly chars: string[];
    private index = 0;
    next: string | null = null;

    constructor(pattern: string) {
        this.chars = Array.from(pattern);
        this.advance();
    }

    private advance(): void {
        let i = this.index;
        if (i >= this.chars.length) {
            this.next = null;
            return;
        }
        let token = this.chars[i];
        if (token === '\\') {
            i++;
            if (i >= this.chars.length) throw new PythonPatternError(`bad escape (end of pattern) at position ${this.chars.length - 1}`);
            token += this.chars[i];
        }
        this.index = i + 1;
        this.next = token;
    }

    match(token: string): boolean {
        if (this.next !== token) return false;
        this.advance();
        return true;
    }

    get(): string | null {
        const token = this.next;
        this.advance();
        return token;
    }

    getWhile(count: number, accept: (token: string | null) => boolean): string {
        let result = '';
        for (let i = 0; i < count && accept(this.next); i++) result += this.get();
        return result;
    }

    getUntil(terminator: string, what: string): string {
        let result = '';
        for (;;) {
            const token = this.get();
            if (token === null) throw this.error(result ? `missing ${terminator}, unterminated name` : `missing ${what}`);
            if (token === terminator) {
                if (!result) throw this.error(`missing ${what}`);
                return result;
            }
            result += token;
        }
    }

    tell(): number {
        return this.index - (this.next === null ? 0 : Array.from(this.next).length);
    }

    seek(index: number): void {
        this.index = index;
        this.advance();
    }

    error(message: string): PythonPatternError {
        return new PythonPatternError(`${message} at position ${this.tell()}`);
    }
}

class ParseState {
    flags = 0;
    readonly groupNames = new Map<string, number>();
    /** Index = group number; null while the group is open. Entry 0 stands for the whole match. */
    readonly groupWidths: (Width | null)[] = [null];
    lookbehindGroups: number | null = null;
    readonly forwardRefs = new Set<number>();
    private readonly widthCache = new WeakMap<Seq, Width>();

    get groups(): number {
        return this.groupWidths.length;
    }

    openGroup(name: string | null): number {
        const gid = this.groups;
        this.groupWidths.push(null);
        if (this.groups > MAXGROUPS) throw new PythonPatternError('too many groups');
        if (name !== null) {
            const previous = this.groupNames.get(name);
            if (previous !== undefined) throw new PythonPatternError(`redefinition of group name '${name}' as group ${gid}; was group ${previous}`);
            this.groupNames.set(name, gid);
        }
        return gid;
    }

    closeGroup(gid: number, body: Seq): void {
        this.groupWidths[gid] = this.width(body);
    }

    isClosed(gid: number): boolean {
        return gid < this.groups && this.groupWidths[gid] !== null;
    }

    /** sre_parse's getwidth: (min, max) characters a sequence can match, capped at MAXWIDTH. */
    width(seq: Seq): Width {
        const cached = this.widthCache.get(seq);
        if (cached) return cached;
        let lo = 0;
        let hi = 0;
        for (const item of seq) {
            const [i, j] = this.itemWidth(item);
            lo += i;
            hi = j === MAXWIDTH ? MAXWIDTH : hi + j;
        }
        const result = [Math.min(lo, MAXWIDTH), Math.min(hi, MAXWIDTH)] as const;
        this.widthCache.set(seq, result);
        return result;
    }

    private itemWidth(item: Op): Width {
        switch (item.op) {
            case 'BRANCH': {
                const widths = item.alts.map((alt) => this.width(alt));
                return [Math.min(...widths.map((w) => w[0])), Math.max(...widths.map((w) => w[1]))];
            }
            case 'ATOMIC':
            case 'SUBPATTERN':
                return this.width(item.body);
            case 'REPEAT': {
                const [i, j] = this.width(item.body);
                return [i * item.min, item.max === MAXREPEAT && j ? MAXWIDTH : j * item.max];
            }
            case 'LITERAL':
            case 'NOT_LITERAL':
            case 'ANY':
            case 'IN':
                return [1, 1];
            case 'GROUPREF':
                return this.groupWidths[item.group] ?? [0, 0];
            case 'GROUPREF_EXISTS': {
                const [i, j] = this.width(item.yes);
                if (item.no === null) return [0, j];
                const [l, h] = this.width(item.no);
                return [Math.min(i, l), Math.max(j, h)];
            }
            case 'AT':
            case 'ASSERT':
                return [0, 0];
        }
    }
}

function sameOp(a: Op, b: Op): boolean {
    // sre_parse compares branch prefixes as tuples; nested subpatterns compare by identity, so only
    // leaf items can ever be equal.
    switch (a.op) {
        case 'LITERAL':
        case 'NOT_LITERAL':
            return b.op === a.op && b.cp === a.cp;
        case 'ANY':
            return b.op === 'ANY';
        case 'AT':
            return b.op === 'AT' && b.at === a.at;
        case 'GROUPREF':
            return b.op === 'GROUPREF' && b.group === a.group;
        case 'IN':
            return b.op === 'IN' && JSON.stringify(b.items) === JSON.stringify(a.items);
        default:
            return a === b;
    }
}

function uniqueItems(items: SetItem[]): SetItem[] {
    const seen = new Set<string>();
    return items.filter((item) => {
        const key = JSON.stringify(item);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
    });
}

interface ParsedPattern {
    seq: Seq;
    state: ParseState;
}

/** sre_parse.parse: the tree and the global flags, or a PythonPatternError. */
function parsePattern(pattern: string): ParsedPattern {
    const parser = new Parser(pattern);
    const seq = parser.parseAlternation(false, 0);
    const state = parser.state;
    if (state.flags & F_LOCALE) throw otherPythonError('ValueError', 'cannot use LOCALE flag with a str pattern');
    if (!(state.flags & F_ASCII)) state.flags |= F_UNICODE;
    else if (state.flags & F_UNICODE) throw otherPythonError('ValueError', 'ASCII and UNICODE flags are incompatible');
    if (parser.src.next !== null) throw parser.src.error('unbalanced parenthesis');
    for (const gid of state.forwardRefs) {
        if (gid >= state.groups) throw new PythonPatternError(`invalid group reference ${gid}`);
    }
    return { seq, state };
}

class Parser {
    readonly src: Tokenizer;
    readonly state = new ParseState();

    constructor(pattern: string) {
        this.src = new Tokenizer(pattern);
    }

    /** `a|b|c`, with sre_parse's factoring of common prefixes and single-character alternatives. */
    parseAlternation(verbose: boolean, nested: number): Seq {
        const items: Seq[] = [];
        for (;;) {
            items.push(this.parseSequence(verbose, nested + 1, !nested && !items.length));
            if (!this.src.match('|')) break;
            if (!nested) verbose = !!(this.state.flags & F_VERBOSE);
        }
        if (items.length === 1) return items[0];
        const result: Seq = [];
        while (items.every((item) => item.length > 0 && sameOp(item[0], items[0][0]))) {
            result.push(items[0][0]);
            for (const item of items) item.shift();
        }
        const asSet = alternativesAsSet(items);
        result.push(asSet ?? { op: 'BRANCH', alts: items });
        return result;
    }

    parseSequence(verbose: boolean, nested: number, first: boolean): Seq {
        const seq: Seq = [];
        const src = this.src;
        for (;;) {
            const token = src.next;
            if (token === null || token === '|' || token === ')') break;
            src.get();
            if (verbose && VERBOSE_SPACE.includes(token)) continue;
            if (verbose && token === '#') {
                for (let c = src.get(); c !== null && c !== '\n'; c = src.get());
                continue;
            }
            if (token.length > 1 && token[0] === '\\') seq.push(this.escape(token));
            else if (!SPECIAL_CHARS.includes(token)) seq.push(literal(token));
            else if (token === '[') seq.push(this.characterClass());
            else if ('*+?{'.includes(token)) this.repeat(token, seq);
            else if (token === '.') seq.push({ op: 'ANY' });
            else if (token === '^') seq.push({ op: 'AT', at: 'BEGINNING' });
            else if (token === '$') seq.push({ op: 'AT', at: 'END' });
            else if (this.group(seq, verbose, nested, first) === 'global-flags') verbose = !!(this.state.flags & F_VERBOSE);
        }
        // Non-capturing groups without flags dissolve into the enclosing sequence.
        for (let i = seq.length - 1; i >= 0; i--) {
            const item = seq[i];
            if (item.op === 'SUBPATTERN' && item.group === null && !item.add && !item.del) seq.splice(i, 1, ...item.body);
        }
        return seq;
    }

    private repeat(token: string, seq: Seq): void {
        const src = this.src;
        const here = src.tell();
        let min = 0;
        let max = MAXREPEAT;
        if (token === '?') max = 1;
        else if (token === '+') min = 1;
        else if (token === '{') {
            if (src.next === '}') {
                seq.push(literal('{'));
                return;
            }
            let lo = '';
            let hi = '';
            while (isAsciiDigit(src.next)) lo += src.get();
            if (src.match(',')) {
                while (isAsciiDigit(src.next)) hi += src.get();
            } else hi = lo;
            if (!src.match('}')) {
                // Not a quantifier: `{` is a literal and parsing resumes right after it.
                seq.push(literal('{'));
                src.seek(here);
                return;
            }
            if (lo) min = repeatCount(lo);
            if (hi) {
                max = repeatCount(hi);
                if (max < min) throw src.error('min repeat greater than max repeat');
            }
        }
        const item = seq[seq.length - 1];
        if (!item || item.op === 'AT') throw src.error('nothing to repeat');
        if (item.op === 'REPEAT') throw src.error('multiple repeat');
        const body = item.op === 'SUBPATTERN' && item.group === null && !item.add && !item.del ? item.body : [item];
        const kind: RepeatKind = src.match('?') ? 'MIN' : src.match('+') ? 'POSSESSIVE' : 'MAX';
        seq[seq.length - 1] = { op: 'REPEAT', kind, min, max, body };
    }

    private escape(token: string): Op {
        const category = CATEGORY_ESCAPES[token];
        if (category) return structuredClone(category);
        if (token in SIMPLE_ESCAPES) return { op: 'LITERAL', cp: SIMPLE_ESCAPES[token] };
        const numeric = this.numericEscape(token);
        if (numeric !== undefined) return { op: 'LITERAL', cp: numeric };
        const c = token.slice(1);
        if (c === '0') return { op: 'LITERAL', cp: parseInt(this.src.getWhile(2, isOctDigit) || '0', 8) };
        if (isAsciiDigit(c)) return this.digitEscape(token);
        if (isAsciiLetter(c)) throw this.badEscape(token);
        return literal(c);
    }

    /** `\xhh`, `\uhhhh`, `\Uhhhhhhhh`, `\N{name}`: the same inside and outside classes. */
    private numericEscape(token: string): number | undefined {
        const src = this.src;
        const c = token.slice(1);
        const hexLength = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : 0;
        if (hexLength) {
            const digits = src.getWhile(hexLength, isHexDigit);
            if (digits.length !== hexLength) throw src.error(`incomplete escape ${token}${digits}`);
            const value = parseInt(digits, 16);
            if (value > 0x10ffff) throw this.badEscape(token + digits);
            return value;
        }
        if (c !== 'N') return undefined;
        if (!src.match('{')) throw src.error('missing {');
        const name = src.getUntil('}', 'character name');
        const cp = lookupCharacterName(name);
        if (cp === undefined) throw src.error(`undefined character name '${name}' (or a name this module cannot resolve)`);
        return cp;
    }

    /** `\1`–`\99` are group references; three octal digits make an octal escape. */
    private digitEscape(token: string): Op {
        const src = this.src;
        let escape = token;
        if (isAsciiDigit(src.next)) {
            escape += src.get();
            if (isOctDigit(escape[1]) && isOctDigit(escape[2]) && isOctDigit(src.next)) {
                escape += src.get();
                const value = parseInt(escape.slice(1), 8);
                if (value > 0o377) throw src.error(`octal escape value ${escape} outside of range 0-0o377`);
                return { op: 'LITERAL', cp: value };
            }
        }
        const group = parseInt(escape.slice(1), 10);
        if (group >= this.state.groups) throw src.error(`invalid group reference ${group}`);
        if (!this.state.isClosed(group)) throw src.error('cannot refer to an open group');
        this.checkLookbehindGroup(group);
        return { op: 'GROUPREF', group };
    }

    private classEscape(token: string): { op: 'LITERAL'; cp: number } | { op: 'CATEGORY'; cat: Category } {
        if (token in SIMPLE_ESCAPES) return { op: 'LITERAL', cp: SIMPLE_ESCAPES[token] };
        const category = CLASS_CATEGORIES[token];
        if (category) return { op: 'CATEGORY', cat: category };
        const numeric = this.numericEscape(token);
        if (numeric !== undefined) return { op: 'LITERAL', cp: numeric };
        const c = token.slice(1);
        if (isOctDigit(c)) {
            const escape = token + this.src.getWhile(2, isOctDigit);
            const value = parseInt(escape.slice(1), 8);
            if (value > 0o377) throw this.src.error(`octal escape value ${escape} outside of range 0-0o377`);
            return { op: 'LITERAL', cp: value };
        }
        if (isAsciiDigit(c) || isAsciiLetter(c)) throw this.badEscape(token);
        return { op: 'LITERAL', cp: c.codePointAt(0)! };
    }

    private badEscape(escape: string): PythonPatternError {
        return this.src.error(`bad escape ${escape}`);
    }

    private characterClass(): Op {
        const src = this.src;
        const items: SetItem[] = [];
        const negate = src.match('^');
        for (;;) {
            const token = src.get();
            if (token === null) throw src.error('unterminated character set');
            // `]` right after `[` or `[^` is a literal.
            if (token === ']' && items.length) break;
            const first = token.length > 1 && token[0] === '\\' ? this.classEscape(token) : { op: 'LITERAL' as const, cp: token.codePointAt(0)! };
            if (!src.match('-')) {
                items.push(first);
                continue;
            }
            const that = src.get();
            if (that === null) throw src.error('unterminated character set');
            if (that === ']') {
                items.push(first, { op: 'LITERAL', cp: 0x2d });
                break;
            }
            const second = that.length > 1 && that[0] === '\\' ? this.classEscape(that) : { op: 'LITERAL' as const, cp: that.codePointAt(0)! };
            if (first.op !== 'LITERAL' || second.op !== 'LITERAL' || second.cp < first.cp) throw src.error(`bad character range ${token}-${that}`);
            items.push({ op: 'RANGE', lo: first.cp, hi: second.cp });
        }
        const unique = uniqueItems(items);
        if (unique.length === 1 && unique[0].op === 'LITERAL') return { op: negate ? 'NOT_LITERAL' : 'LITERAL', cp: unique[0].cp };
        return { op: 'IN', items: negate ? [{ op: 'NEGATE' }, ...unique] : unique };
    }

    /** Everything after `(`. Returns 'global-flags' when a leading `(?flags)` changed the global flags. */
    private group(seq: Seq, verbose: boolean, nested: number, first: boolean): 'global-flags' | void {
        const src = this.src;
        let capture = true;
        let atomic = false;
        let name: string | null = null;
        let add = 0;
        let del = 0;
        if (src.match('?')) {
            const c = src.get();
            if (c === null) throw src.error('unexpected end of pattern');
            if (c === 'P') {
                if (src.match('<')) {
                    name = src.getUntil('>', 'group name');
                    this.checkGroupName(name);
                } else if (src.match('=')) {
                    seq.push(this.namedBackreference());
                    return;
                } else {
                    const next = src.get();
                    if (next === null) throw src.error('unexpected end of pattern');
                    throw src.error(`unknown extension ?P${next}`);
                }
            } else if (c === ':') {
                capture = false;
            } else if (c === '#') {
                for (;;) {
                    if (src.next === null) throw src.error('missing ), unterminated comment');
                    if (src.get() === ')') return;
                }
            } else if (c === '=' || c === '!' || c === '<') {
                seq.push(this.lookaround(c, verbose, nested));
                return;
            } else if (c === '(') {
                seq.push(this.conditional(verbose, nested));
                return;
            } else if (c === '>') {
                capture = false;
                atomic = true;
            } else if (c in FLAG_LETTERS || c === '-') {
                const flags = this.inlineFlags(c);
                if (flags === null) {
                    if (!first || seq.length) throw src.error('global flags not at the start of the expression');
                    return 'global-flags';
                }
                [add, del] = flags;
                capture = false;
            } else {
                throw src.error(`unknown extension ?${c}`);
            }
        }
        const group = capture ? this.openGroup(name) : null;
        const subVerbose = (verbose || !!(add & F_VERBOSE)) && !(del & F_VERBOSE);
        const body = this.parseAlternation(subVerbose, nested + 1);
        if (!src.match(')')) throw src.error('missing ), unterminated subpattern');
        if (group !== null) this.state.closeGroup(group, body);
        seq.push(atomic ? { op: 'ATOMIC', body } : { op: 'SUBPATTERN', group, add, del, body });
    }

    private openGroup(name: string | null): number {
        try {
            return this.state.openGroup(name);
        } catch (error) {
            throw this.src.error((error as Error).message);
        }
    }

    private namedBackreference(): Op {
        const name = this.src.getUntil(')', 'group name');
        this.checkGroupName(name);
        const gid = this.state.groupNames.get(name);
        if (gid === undefined) throw this.src.error(`unknown group name '${name}'`);
        if (!this.state.isClosed(gid)) throw this.src.error('cannot refer to an open group');
        this.checkLookbehindGroup(gid);
        return { op: 'GROUPREF', group: gid };
    }

    private lookaround(c: string, verbose: boolean, nested: number): Op {
        const src = this.src;
        let kind = c;
        let outerLookbehind: number | null = null;
        if (c === '<') {
            const next = src.get();
            if (next === null) throw src.error('unexpected end of pattern');
            if (next !== '=' && next !== '!') throw src.error(`unknown extension ?<${next}`);
            kind = next;
            outerLookbehind = this.state.lookbehindGroups;
            if (outerLookbehind === null) this.state.lookbehindGroups = this.state.groups;
        }
        const body = this.parseAlternation(verbose, nested + 1);
        if (c === '<' && outerLookbehind === null) this.state.lookbehindGroups = null;
        if (!src.match(')')) throw src.error('missing ), unterminated subpattern');
        return { op: 'ASSERT', behind: c === '<', negate: kind === '!', body };
    }

    /** `(?(id/name)yes|no)`. */
    private conditional(verbose: boolean, nested: number): Op {
        const src = this.src;
        const condition = src.getUntil(')', 'group name');
        let group: number;
        if (isIdentifier(condition)) {
            const gid = this.state.groupNames.get(condition);
            if (gid === undefined) throw src.error(`unknown group name '${condition}'`);
            group = gid;
        } else {
            const value = pythonInt(condition);
            if (value === undefined || value < 0) throw src.error(`bad character in group name '${condition}'`);
            if (value === 0) throw src.error('bad group number');
            if (value >= MAXGROUPS) throw src.error(`invalid group reference ${value}`);
            this.state.forwardRefs.add(value);
            group = value;
        }
        this.checkLookbehindGroup(group);
        const yes = this.parseSequence(verbose, nested + 1, false);
        let no: Seq | null = null;
        if (src.match('|')) {
            no = this.parseSequence(verbose, nested + 1, false);
            if (src.next === '|') throw src.error('conditional backref with more than two branches');
        }
        if (!src.match(')')) throw src.error('missing ), unterminated subpattern');
        return { op: 'GROUPREF_EXISTS', group, yes, no };
    }

    /** `(?aiLmsux)` returns null (global flags); `(?flags-flags:` returns [add, del]. */
    private inlineFlags(initial: string): [number, number] | null {
        const src = this.src;
        let c: string | null = initial;
        let add = 0;
        let del = 0;
        if (c !== '-') {
            for (;;) {
                const flag: number = FLAG_LETTERS[c];
                if (c === 'L') throw src.error("bad inline flags: cannot use 'L' flag with a str pattern");
                add |= flag;
                if (flag & TYPE_FLAGS && (add & TYPE_FLAGS) !== flag) throw src.error("bad inline flags: flags 'a', 'u' and 'L' are incompatible");
                c = src.get();
                if (c === null) throw src.error('missing -, : or )');
                if (c === ')' || c === '-' || c === ':') break;
                if (!(c in FLAG_LETTERS)) throw src.error(isAlphaText(c) ? 'unknown flag' : 'missing -, : or )');
            }
        }
        if (c === ')') {
            this.state.flags |= add;
            return null;
        }
        if (add & GLOBAL_FLAGS) throw src.error('bad inline flags: cannot turn on global flag');
        if (c === '-') {
            c = src.get();
            if (c === null) throw src.error('missing flag');
            if (!(c in FLAG_LETTERS)) throw src.error(isAlphaText(c) ? 'unknown flag' : 'missing flag');
            for (;;) {
                const flag: number = FLAG_LETTERS[c];
                if (flag & TYPE_FLAGS) throw src.error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'");
                del |= flag;
                c = src.get();
                if (c === null) throw src.error('missing :');
                if (c === ':') break;
                if (!(c in FLAG_LETTERS)) throw src.error(isAlphaText(c) ? 'unknown flag' : 'missing :');
            }
        }
        if (del & GLOBAL_FLAGS) throw src.error('bad inline flags: cannot turn off global flag');
        if (add & del) throw src.error('bad inline flags: flag turned on and off');
        return [add, del];
    }

    private checkGroupName(name: string): void {
        if (!isIdentifier(name)) throw this.src.error(`bad character in group name '${name}'`);
    }

    private checkLookbehindGroup(gid: number): void {
        const limit = this.state.lookbehindGroups;
        if (limit === null) return;
        if (!this.state.isClosed(gid)) throw this.src.error('cannot refer to an open group');
        if (gid >= limit) throw this.src.error('cannot refer to group defined in the same lookbehind subpattern');
    }
}

function repeatCount(digits: string): number {
    const value = Number(digits);
    if (value >= MAXREPEAT) throw otherPythonError('OverflowError', 'the repetition number is too large');
    return value;
}

/** A branch whose alternatives are all single characters or non-negated classes becomes one class. */
function alternativesAsSet(items: Seq[]): Op | undefined {
    const set: SetItem[] = [];
    for (const item of items) {
        if (item.length !== 1) return undefined;
        const only = item[0];
        if (only.op === 'LITERAL') set.push({ op: 'LITERAL', cp: only.cp });
        else if (only.op === 'IN' && only.items[0]?.op !== 'NEGATE') set.push(...only.items);
        else return undefined;
    }
    return { op: 'IN', items: uniqueItems(set) };
}

/** The raises of sre_compile that parsing does not catch. */
function checkCompilable(seq: Seq, flags: number, state: ParseState): void {
    for (const item of seq) {
        switch (item.op) {
            case 'REPEAT':
                if (flags & F_TEMPLATE) throw new PythonPatternError(`internal: unsupported template operator ${item.kind}_REPEAT`);
                checkCompilable(item.body, flags, state);
                break;
            case 'SUBPATTERN':
                checkCompilable(item.body, combineFlags(flags, item.add, item.del), state);
                break;
            case 'ATOMIC':
                checkCompilable(item.body, flags, state);
                break;
            case 'ASSERT':
                if (item.behind) {
                    const [lo, hi] = state.width(item.body);
                    if (lo > MAXCODE) throw new PythonPatternError('looks too much behind');
                    if (lo !== hi) throw new PythonPatternError('look-behind requires fixed-width pattern');
                }
                checkCompilable(item.body, flags, state);
                break;
            case 'BRANCH':
                for (const alt of item.alts) checkCompilable(alt, flags, state);
                break;
            case 'GROUPREF_EXISTS':
                checkCompilable(item.yes, flags, state);
                if (item.no) checkCompilable(item.no, flags, state);
                break;
            default:
                break;
        }
    }
}

function combineFlags(flags: number, add: number, del: number): number {
    if (add & TYPE_FLAGS) flags &= ~TYPE_FLAGS;
    return (flags | add) & ~del;
}

/** sre_compile's `_simple`: a repeat of one single-character item uses the REPEAT_ONE fast path. */
function isSingleCharacter(body: Seq): boolean {
    if (body.length !== 1) return false;
    const only = body[0];
    if (only.op === 'SUBPATTERN') return only.group === null && isSingleCharacter(only.body);
    return only.op === 'LITERAL' || only.op === 'NOT_LITERAL' || only.op === 'ANY' || only.op === 'IN';
}

// ---------------------------------------------------------------------------------------------
// Character tests: sre_compile's literal and charset rules

type CharTest = (cp: number) => boolean;

interface CaseRules {
    lower: (cp: number) => number;
    isCased: (cp: number) => boolean;
    extra: ReadonlyMap<number, readonly number[]> | null;
    /** Code points whose lowercase differs from themselves. */
    changed: () => readonly number[];
}

const UNICODE_CASE: CaseRules = { lower: toLower, isCased, extra: extraCaseMap(), changed: lowerChanged };
const ASCII_UPPERCASE = Array.from({ length: 26 }, (_, i) => 0x41 + i);
const ASCII_CASE: CaseRules = { lower: asciiLower, isCased: asciiIsCased, extra: null, changed: () => ASCII_UPPERCASE };

function caseRules(flags: number): CaseRules | null {
    if (!(flags & F_IGNORECASE)) return null;
    return flags & F_UNICODE ? UNICODE_CASE : ASCII_CASE;
}

function categoryTest(cat: Category, unicode: boolean): CharTest {
    const word = unicode ? isWord : isWordAscii;
    const digit = unicode ? isDecimal : isDigitAscii;
    const space = unicode ? isSpace : isSpaceAscii;
    switch (cat) {
        case 'WORD': return word;
        case 'NOT_WORD': return (cp) => !word(cp);
        case 'DIGIT': return digit;
        case 'NOT_DIGIT': return (cp) => !digit(cp);
        case 'SPACE': return space;
        case 'NOT_SPACE': return (cp) => !space(cp);
    }
}

/** The values a case-insensitive literal accepts for lower(ch), or null when it compares exactly. */
function foldedLiteral(cp: number, rules: CaseRules | null): number[] | null {
    if (!rules || !rules.isCased(cp)) return null;
    const lower = rules.lower(cp);
    return [lower, ...(rules.extra?.get(lower) ?? [])];
}

function literalTest(cp: number, negate: boolean, flags: number): CharTest {
    const rules = caseRules(flags);
    const folded = foldedLiteral(cp, rules);
    if (!folded || !rules) return negate ? (c) => c !== cp : (c) => c === cp;
    const lower = rules.lower;
    return (c) => folded.includes(lower(c)) !== negate;
}

/**
 * A class as sre_compile leaves it. Without IGNORECASE, or when no member is cased, members are tested on
 * the character itself. Otherwise members were lower-cased into a map (BMP only; sre keeps non-BMP members
 * unfolded and turns non-BMP ranges into RANGE_UNI_IGNORE) and the lower-cased character is tested.
 */
type Charset =
    | { folded: false; negate: boolean; items: SetItem[]; unicode: boolean }
    | {
          folded: true;
          negate: boolean;
          unicode: boolean;
          rules: CaseRules;
          map: Set<number>;
          literals: number[];
          upperRanges: [number, number][];
          categories: Category[];
      };

function buildCharset(items: SetItem[], flags: number): Charset {
    const unicode = !!(flags & F_UNICODE);
    const negate = items.some((item) => item.op === 'NEGATE');
    const members = items.filter((item) => item.op !== 'NEGATE');
    const rules = caseRules(flags);
    if (!rules) return { folded: false, negate, items: members, unicode };
    const map = new Set<number>();
    const literals: number[] = [];
    const upperRanges: [number, number][] = [];
    const categories: Category[] = [];
    let hasCased = false;
    const addFolded = (lower: number): void => {
        map.add(lower);
        for (const other of rules.extra?.get(lower) ?? []) map.add(other);
    };
    for (const item of members) {
        if (item.op === 'LITERAL') {
            const lower = rules.lower(item.cp);
            if (lower < 0x10000) {
                addFolded(lower);
                hasCased ||= rules.isCased(item.cp);
            } else {
                hasCased = true;
                literals.push(item.cp);
            }
        } else if (item.op === 'RANGE') {
            let overflow = false;
            for (let cp = item.lo; cp <= item.hi; cp++) {
                const lower = rules.lower(cp);
                if (lower >= 0x10000) {
                    overflow = true;
                    break;
                }
                addFolded(lower);
            }
            if (overflow) {
                hasCased = true;
                upperRanges.push([item.lo, item.hi]);
            } else if (!hasCased) {
                for (let cp = item.lo; cp <= item.hi && !hasCased; cp++) hasCased = rules.isCased(cp);
            }
        } else if (item.op === 'CATEGORY') {
            categories.push(item.cat);
        }
    }
    if (!hasCased) return { folded: false, negate, items: members, unicode };
    return { folded: true, negate, unicode, rules, map, literals, upperRanges, categories };
}

function charsetTest(charset: Charset): CharTest {
    if (!charset.folded) {
        const tests = charset.items.map((item): CharTest => {
            if (item.op === 'LITERAL') return (c) => c === item.cp;
            if (item.op === 'RANGE') return (c) => item.lo <= c && c <= item.hi;
            if (item.op === 'CATEGORY') return categoryTest(item.cat, charset.unicode);
            return () => false;
        });
        return (c) => tests.some((test) => test(c)) !== charset.negate;
    }
    const { map, literals, upperRanges, negate, rules } = charset;
    const categories = charset.categories.map((cat) => categoryTest(cat, charset.unicode));
    const member = (y: number): boolean =>
        map.has(y) ||
        literals.includes(y) ||
        // RANGE_UNI_IGNORE also tries the uppercase of the lower-cased character (Unicode rules even under `a`).
        upperRanges.some(([lo, hi]) => (lo <= y && y <= hi) || (lo <= toUpper(y) && toUpper(y) <= hi)) ||
        categories.some((test) => test(y));
    return (c) => member(rules.lower(c)) !== negate;
}

function singleCharacterTest(op: Op, flags: number): CharTest {
    switch (op.op) {
        case 'LITERAL':
            return literalTest(op.cp, false, flags);
        case 'NOT_LITERAL':
            return literalTest(op.cp, true, flags);
        case 'ANY':
            return flags & F_DOTALL ? () => true : (c) => c !== 0x0a;
        case 'IN':
            return charsetTest(buildCharset(op.items, flags));
        case 'SUBPATTERN':
            return singleCharacterTest(op.body[0], combineFlags(flags, op.add, op.del));
        default:
            throw new Error(`not a single-character item: ${op.op}`);
    }
}

// ---------------------------------------------------------------------------------------------
// Engine: sre's matching rules over a graph of nodes (each node knows its continuation)

interface UntilNode {
    k: 'until';
    lazy: boolean;
    min: number;
    max: number;
    body: EngineNode;
    next: EngineNode;
}

type EngineNode =
    | { k: 'char'; test: CharTest; next: EngineNode }
    | { k: 'at'; at: AtCode; multiline: boolean; unicode: boolean; next: EngineNode }
    | { k: 'mark'; index: number; next: EngineNode }
    | { k: 'ref'; group: number; fold: ((cp: number) => number) | null; next: EngineNode }
    | { k: 'exists'; group: number; yes: EngineNode; no: EngineNode }
    | { k: 'branch'; alts: EngineNode[] }
    | { k: 'repeatOne'; kind: RepeatKind; min: number; max: number; test: CharTest; next: EngineNode }
    | { k: 'repeat'; until: UntilNode }
    | UntilNode
    | { k: 'possessive'; min: number; max: number; body: EngineNode; next: EngineNode }
    | { k: 'atomic'; body: EngineNode; next: EngineNode }
    | { k: 'assert'; negate: boolean; back: number; body: EngineNode; next: EngineNode }
    | { k: 'success' };

const SUCCESS: EngineNode = { k: 'success' };

function compileEngine(seq: Seq, flags: number, next: EngineNode, state: ParseState): EngineNode {
    let node = next;
    for (let i = seq.length - 1; i >= 0; i--) node = compileEngineOp(seq[i], flags, node, state);
    return node;
}

function compileEngineOp(op: Op, flags: number, next: EngineNode, state: ParseState): EngineNode {
    switch (op.op) {
        case 'LITERAL':
        case 'NOT_LITERAL':
        case 'ANY':
        case 'IN':
            return { k: 'char', test: singleCharacterTest(op, flags), next };
        case 'AT':
            return { k: 'at', at: op.at, multiline: !!(flags & F_MULTILINE), unicode: !!(flags & F_UNICODE), next };
        case 'BRANCH':
            return { k: 'branch', alts: op.alts.map((alt) => compileEngine(alt, flags, next, state)) };
        case 'REPEAT':
            return compileEngineRepeat(op, flags, next, state);
        case 'SUBPATTERN': {
            const inner = combineFlags(flags, op.add, op.del);
            if (op.group === null) return compileEngine(op.body, inner, next, state);
            const base = (op.group - 1) * 2;
            const close: EngineNode = { k: 'mark', index: base + 1, next };
            return { k: 'mark', index: base, next: compileEngine(op.body, inner, close, state) };
        }
        case 'ATOMIC':
            return { k: 'atomic', body: compileEngine(op.body, flags, SUCCESS, state), next };
        case 'ASSERT': {
            const back = op.behind ? state.width(op.body)[0] : 0;
            return { k: 'assert', negate: op.negate, back, body: compileEngine(op.body, flags, SUCCESS, state), next };
        }
        case 'GROUPREF': {
            const rules = caseRules(flags);
            return { k: 'ref', group: op.group, fold: rules ? rules.lower : null, next };
        }
        case 'GROUPREF_EXISTS': {
            const yes = compileEngine(op.yes, flags, next, state);
            const no = op.no ? compileEngine(op.no, flags, next, state) : next;
            return { k: 'exists', group: op.group, yes, no };
        }
    }
}

function compileEngineRepeat(op: Extract<Op, { op: 'REPEAT' }>, flags: number, next: EngineNode, state: ParseState): EngineNode {
    const { kind, min, max, body } = op;
    if (isSingleCharacter(body)) return { k: 'repeatOne', kind, min, max, test: singleCharacterTest(body[0], flags), next };
    if (kind === 'POSSESSIVE') return { k: 'possessive', min, max, body: compileEngine(body, flags, SUCCESS, state), next };
    const until: UntilNode = { k: 'until', lazy: kind === 'MIN', min, max, body: SUCCESS, next };
    until.body = compileEngine(body, flags, until, state);
    return { k: 'repeat', until };
}

interface RepeatContext {
    count: number;
    readonly prev: RepeatContext | null;
    /** Where the latest iteration started (-1: none); an iteration that ends there was empty. */
    lastPtr: number;
}

type RepeatOneNode = Extract<EngineNode, { k: 'repeatOne' }>;
type Resume = { ptr: number; top: boolean };
type MarkState = { saved: number; marks: number[] | null };

/** A pending choice or cleanup, popped when the match fails from here on (sre's context stack). */
type Frame =
    | ({ k: 'branch'; alts: EngineNode[]; index: number } & Resume & MarkState)
    | ({ k: 'greedyOne' | 'lazyOne'; node: RepeatOneNode; count: number } & Resume & MarkState)
    | { k: 'repeatExit' | 'tailExit'; context: RepeatContext }
    | { k: 'countUndo'; context: RepeatContext; count: number }
    | ({ k: 'greedyIteration'; node: UntilNode; context: RepeatContext; count: number; previousStart: number } & Resume & MarkState)
    | ({ k: 'lazyTail'; node: UntilNode; context: RepeatContext; count: number; outer: RepeatContext | null } & Resume & MarkState)
    | { k: 'lazyIteration'; context: RepeatContext; count: number; previousStart: number }
    | Barrier;

/** A sub-match (atomic group, assertion, possessive iteration): its first success commits. */
type Barrier = { k: 'barrier'; node: EngineNode; repeat: RepeatContext | null } & Resume &
    (
        | { kind: 'atomic' | 'assert' }
        | ({ kind: 'assertNot' } & MarkState)
        | ({ kind: 'possessive'; count: number; previous: number; more: boolean } & MarkState)
    );

/**
 * One fullmatch attempt, following sre's rules. Captures live in `marks` (start and end of group g at
 * 2(g-1) and 2(g-1)+1) with `lastmark` the highest valid index; backtracking restores them only where sre
 * does, which decides what backreferences and conditionals see. Choice points live on an explicit stack,
 * so long texts cannot exhaust the JS call stack.
 */
class Matcher {
    private readonly marks: number[] = [];
    private lastmark = -1;
    private repeat: RepeatContext | null = null;
    private readonly stack: Frame[] = [];
    private node: EngineNode = SUCCESS;
    private ptr = 0;
    /** Whether a success here ends the whole match (false inside sub-matches). */
    private top = true;

    constructor(private readonly text: readonly number[]) {}

    fullmatch(start: EngineNode): boolean {
        this.node = start;
        for (;;) {
            if (this.forward()) break;
            if (!this.backtrack()) return false;
        }
        this.checkSpans();
        return true;
    }

    /** What CPython checks while building the match object. */
    private checkSpans(): void {
        for (let j = 0; j + 1 <= this.lastmark; j += 2) {
            const start = this.marks[j] ?? -1;
            const stop = this.marks[j + 1] ?? -1;
            if (start >= 0 && stop >= 0 && start > stop) {
                throw new PythonRegexRuntimeError('The span of capturing group is wrong, please report a bug for the re module.');
            }
        }
    }

    /** Runs forward until the whole match succeeds (true) or something fails (false). */
    private forward(): boolean {
        const text = this.text;
        const end = text.length;
        for (;;) {
            const node = this.node;
            switch (node.k) {
                case 'char':
                    if (this.ptr >= end || !node.test(text[this.ptr])) return false;
                    this.ptr++;
                    this.node = node.next;
                    continue;
                case 'at':
                    if (!this.at(node, this.ptr)) return false;
                    this.node = node.next;
                    continue;
                case 'mark':
                    this.setMark(node.index, this.ptr);
                    this.node = node.next;
                    continue;
                case 'ref': {
                    const after = this.backreference(node.group, node.fold, this.ptr);
                    if (after < 0) return false;
                    this.ptr = after;
                    this.node = node.next;
                    continue;
                }
                case 'exists':
                    this.node = this.groupSpan(node.group) ? node.yes : node.no;
                    continue;
                case 'success':
                    // fullmatch: only the outermost success must reach the end of the text.
                    if (this.top) return this.ptr === end;
                    if (!this.subMatchSucceeded()) return false;
                    continue;
                case 'branch':
                    this.stack.push({ k: 'branch', alts: node.alts, index: 1, ptr: this.ptr, top: this.top, ...this.markState(!!this.repeat) });
                    this.node = node.alts[0];
                    continue;
                case 'repeatOne':
                    if (!this.repeatOne(node)) return false;
                    continue;
                case 'repeat': {
                    const context: RepeatContext = { count: -1, prev: this.repeat, lastPtr: -1 };
                    this.stack.push({ k: 'repeatExit', context });
                    this.repeat = context;
                    this.node = node.until;
                    continue;
                }
                case 'until':
                    if (node.lazy) this.lazyUntil(node);
                    else this.greedyUntil(node);
                    continue;
                case 'possessive':
                    this.possessiveStep({ k: 'barrier', kind: 'possessive', node, ptr: this.ptr, top: this.top, repeat: this.repeat, count: 0, previous: -1, more: false, saved: -1, marks: null });
                    continue;
                case 'atomic':
                    this.enterSubMatch({ k: 'barrier', kind: 'atomic', node, ptr: this.ptr, top: this.top, repeat: this.repeat }, node.body, this.ptr);
                    continue;
                case 'assert':
                    if (this.ptr < node.back) {
                        if (!node.negate) return false;
                        this.node = node.next;
                        continue;
                    }
                    if (node.negate) {
                        this.enterSubMatch({ k: 'barrier', kind: 'assertNot', node, ptr: this.ptr, top: this.top, repeat: this.repeat, ...this.markState(!!this.repeat) }, node.body, this.ptr - node.back);
                    } else {
                        this.enterSubMatch({ k: 'barrier', kind: 'assert', node, ptr: this.ptr, top: this.top, repeat: this.repeat }, node.body, this.ptr - node.back);
                    }
                    continue;
            }
        }
    }

    /** Pops frames until one offers another way forward (true) or none is left (false). */
    private backtrack(): boolean {
        const stack = this.stack;
        while (stack.length) {
            const frame = stack[stack.length - 1];
            switch (frame.k) {
                case 'branch':
                    this.restoreMarks(frame);
                    if (frame.index < frame.alts.length) return this.resume(frame.alts[frame.index++], frame);
                    break;
                case 'greedyOne':
                    this.restoreMarks(frame);
                    frame.count--;
                    frame.ptr--;
                    if (frame.count >= frame.node.min) return this.resume(frame.node.next, frame);
                    break;
                case 'lazyOne': {
                    this.restoreMarks(frame);
                    const { node } = frame;
                    if (frame.ptr >= this.text.length || !node.test(this.text[frame.ptr])) break;
                    frame.ptr++;
                    frame.count++;
                    if (node.max === MAXREPEAT || frame.count <= node.max) return this.resume(node.next, frame);
                    break;
                }
                case 'repeatExit':
                    this.repeat = frame.context.prev;
                    break;
                case 'tailExit':
                    this.repeat = frame.context;
                    break;
                case 'countUndo':
                    frame.context.count = frame.count - 1;
                    break;
                case 'greedyIteration':
                    // No further iteration from here: restore, then try what follows the loop.
                    stack.pop();
                    frame.context.lastPtr = frame.previousStart;
                    this.restoreMarks(frame);
                    frame.context.count = frame.count - 1;
                    this.ptr = frame.ptr;
                    this.top = frame.top;
                    this.enterTail(frame.node, frame.context);
                    return true;
                case 'lazyTail':
                    stack.pop();
                    if (this.lazyIteration(frame)) return true;
                    continue;
                case 'lazyIteration':
                    frame.context.lastPtr = frame.previousStart;
                    frame.context.count = frame.count - 1;
                    break;
                case 'barrier':
                    stack.pop();
                    if (this.subMatchFailed(frame)) return true;
                    continue;
            }
            stack.pop();
        }
        return false;
    }

    private resume(node: EngineNode, at: Resume): true {
        this.node = node;
        this.ptr = at.ptr;
        this.top = at.top;
        return true;
    }

    private markState(withMarks: boolean): MarkState {
        return { saved: this.lastmark, marks: withMarks ? this.snapshot() : null };
    }

    private restoreMarks(state: MarkState): void {
        if (state.marks) for (let i = 0; i < state.marks.length; i++) this.marks[i] = state.marks[i];
        this.lastmark = state.saved;
    }

    private setMark(index: number, ptr: number): void {
        if (index > this.lastmark) {
            for (let j = this.lastmark + 1; j < index; j++) this.marks[j] = -1;
            this.lastmark = index;
        }
        this.marks[index] = ptr;
    }

    private snapshot(): number[] | null {
        return this.lastmark >= 0 ? this.marks.slice(0, this.lastmark + 1) : null;
    }

    /** [start, end) of a group that sre considers set, or null. */
    private groupSpan(group: number): [number, number] | null {
        const index = (group - 1) * 2;
        if (index >= this.lastmark) return null;
        const start = this.marks[index] ?? -1;
        const stop = this.marks[index + 1] ?? -1;
        return start < 0 || stop < 0 || stop < start ? null : [start, stop];
    }

    private backreference(group: number, fold: ((cp: number) => number) | null, ptr: number): number {
        const span = this.groupSpan(group);
        if (!span) return -1;
        const text = this.text;
        for (let p = span[0]; p < span[1]; p++, ptr++) {
            if (ptr >= text.length) return -1;
            const same = fold ? fold(text[ptr]) === fold(text[p]) : text[ptr] === text[p];
            if (!same) return -1;
        }
        return ptr;
    }

    private at(node: Extract<EngineNode, { k: 'at' }>, ptr: number): boolean {
        const text = this.text;
        const end = text.length;
        switch (node.at) {
            case 'BEGINNING':
                return ptr === 0 || (node.multiline && text[ptr - 1] === 0x0a);
            case 'BEGINNING_STRING':
                return ptr === 0;
            case 'END':
                return node.multiline ? ptr === end || text[ptr] === 0x0a : ptr === end || (ptr === end - 1 && text[ptr] === 0x0a);
            case 'END_STRING':
                return ptr === end;
            case 'BOUNDARY':
            case 'NON_BOUNDARY': {
                // sre: neither holds in an empty text.
                if (end === 0) return false;
                const word = node.unicode ? isWord : isWordAscii;
                const before = ptr > 0 && word(text[ptr - 1]);
                const after = ptr < end && word(text[ptr]);
                return (before !== after) === (node.at === 'BOUNDARY');
            }
        }
    }

    private countOne(test: CharTest, ptr: number, max: number): number {
        const limit = max === MAXREPEAT ? this.text.length : Math.min(this.text.length, ptr + max);
        let p = ptr;
        while (p < limit && test(this.text[p])) p++;
        return p - ptr;
    }

    /** A loop over one character: greedy tries the longest run first, lazy the shortest; possessive keeps the longest. */
    private repeatOne(node: RepeatOneNode): boolean {
        const ptr = this.ptr;
        if (node.min > this.text.length - ptr) return false;
        const count = this.countOne(node.test, ptr, node.kind === 'MIN' ? node.min : node.max);
        if (count < node.min) return false;
        this.ptr = ptr + count;
        this.node = node.next;
        if (node.kind !== 'POSSESSIVE') {
            // Inside a repeat, sre also restores the marks themselves when it backtracks here.
            this.stack.push({ k: node.kind === 'MAX' ? 'greedyOne' : 'lazyOne', node, count, ptr: this.ptr, top: this.top, ...this.markState(!!this.repeat) });
        }
        return true;
    }

    /** Reached after each iteration of a greedy loop (and once before the first). */
    private greedyUntil(node: UntilNode): void {
        const context = this.repeat!;
        const count = context.count + 1;
        if (count < node.min) return this.iterate(node, context, count);
        // Another iteration, unless the maximum is reached or the last iteration matched nothing.
        if ((count < node.max || node.max === MAXREPEAT) && this.ptr !== context.lastPtr) {
            context.count = count;
            this.stack.push({ k: 'greedyIteration', node, context, count, previousStart: context.lastPtr, ptr: this.ptr, top: this.top, ...this.markState(true) });
            context.lastPtr = this.ptr;
            this.node = node.body;
            return;
        }
        this.enterTail(node, context);
    }

    /** Reached after each iteration of a lazy loop: the tail first, then (on failure) one more iteration. */
    private lazyUntil(node: UntilNode): void {
        const context = this.repeat!;
        const count = context.count + 1;
        if (count < node.min) return this.iterate(node, context, count);
        this.repeat = context.prev;
        this.stack.push({ k: 'lazyTail', node, context, count, outer: this.repeat, ptr: this.ptr, top: this.top, ...this.markState(!!this.repeat) });
        this.node = node.next;
    }

    private lazyIteration(frame: Extract<Frame, { k: 'lazyTail' }>): boolean {
        const { node, context, count } = frame;
        this.repeat = context;
        if (frame.outer) this.restoreMarks(frame);
        else this.lastmark = frame.saved;
        if ((count >= node.max && node.max !== MAXREPEAT) || frame.ptr === context.lastPtr) return false;
        context.count = count;
        this.stack.push({ k: 'lazyIteration', context, count, previousStart: context.lastPtr });
        context.lastPtr = frame.ptr;
        return this.resume(node.body, frame);
    }

    /** A mandatory iteration (count below the minimum). */
    private iterate(node: UntilNode, context: RepeatContext, count: number): void {
        context.count = count;
        this.stack.push({ k: 'countUndo', context, count });
        this.node = node.body;
    }

    private enterTail(node: UntilNode, context: RepeatContext): void {
        this.stack.push({ k: 'tailExit', context });
        this.repeat = context.prev;
        this.node = node.next;
    }

    private enterSubMatch(barrier: Barrier, body: EngineNode, ptr: number): void {
        this.stack.push(barrier);
        this.node = body;
        this.ptr = ptr;
        this.top = false;
    }

    /** A possessive loop: each iteration is a sub-match that commits, and iterations are never given back. */
    private possessiveStep(frame: Extract<Barrier, { kind: 'possessive' }>): void {
        const node = frame.node as Extract<EngineNode, { k: 'possessive' }>;
        if (frame.count < node.min) {
            frame.more = false;
            return this.enterSubMatch(frame, node.body, frame.ptr);
        }
        if ((frame.count < node.max || node.max === MAXREPEAT) && frame.ptr !== frame.previous) {
            Object.assign(frame, this.markState(true), { previous: frame.ptr, more: true });
            return this.enterSubMatch(frame, node.body, frame.ptr);
        }
        this.resume(node.next, frame);
    }

    /** The body of the innermost sub-match reached its end: drop its choices and continue after it. */
    private subMatchSucceeded(): boolean {
        const end = this.ptr;
        let frame = this.stack.pop()!;
        while (frame.k !== 'barrier') frame = this.stack.pop()!;
        this.repeat = frame.repeat;
        const node = frame.node as Extract<EngineNode, { k: 'atomic' | 'assert' | 'possessive' }>;
        switch (frame.kind) {
            case 'atomic':
                return this.resume(node.next, { ptr: end, top: frame.top });
            case 'assert':
                return this.resume(node.next, frame);
            case 'assertNot':
                return false;
            case 'possessive':
                frame.ptr = end;
                frame.count++;
                this.possessiveStep(frame);
                return true;
        }
    }

    /** The body of a sub-match failed: true when that lets the match go on. */
    private subMatchFailed(frame: Barrier): boolean {
        const node = frame.node as Extract<EngineNode, { k: 'assert' | 'possessive' }>;
        switch (frame.kind) {
            case 'atomic':
            case 'assert':
                return false;
            case 'assertNot':
                this.restoreMarks(frame);
                return this.resume(node.next, frame);
            case 'possessive':
                if (!frame.more) return false;
                this.restoreMarks(frame);
                return this.resume(node.next, { ptr: frame.previous, top: frame.top });
        }
    }
}

// ---------------------------------------------------------------------------------------------
// JS RegExp back end (flag `u`, no `i`/`m`/`s`: every flag of Python is spelled out)

type RangeList = [number, number][];

function normalizeRanges(ranges: RangeList): RangeList {
    const sorted = ranges.filter(([lo, hi]) => lo <= hi).sort((a, b) => a[0] - b[0]);
    const out: RangeList = [];
    for (const [lo, hi] of sorted) {
        const last = out[out.length - 1];
        if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
        else out.push([lo, hi]);
    }
    return out;
}

function withoutPoints(ranges: RangeList, points: number[]): RangeList {
    const out: RangeList = [];
    const sorted = [...points].sort((a, b) => a - b);
    for (const [lo, hi] of ranges) {
        let start = lo;
        for (const p of sorted) {
            if (p < start || p > hi) continue;
            if (p > start) out.push([start, p - 1]);
            start = p + 1;
        }
        if (start <= hi) out.push([start, hi]);
    }
    return out;
}

/** {ch : lower(ch) in accepted}: the characters a folded class or literal matches. */
function lowerPreimage(accepted: RangeList, rules: CaseRules): RangeList {
    const removed: number[] = [];
    const added: RangeList = [];
    for (const cp of rules.changed()) {
        const inside = inRanges(accepted, cp);
        const wanted = inRanges(accepted, rules.lower(cp));
        if (inside && !wanted) removed.push(cp);
        else if (!inside && wanted) added.push([cp, cp]);
    }
    return normalizeRanges([...withoutPoints(accepted, removed), ...added]);
}

/** The lower-cased characters that a RANGE_UNI_IGNORE member accepts: in the range, or uppercase in it. */
function upperFoldedRange(lo: number, hi: number): RangeList {
    const out: RangeList = [[lo, hi]];
    for (const cp of upperChanged()) {
        const upper = toUpper(cp);
        if (lo <= upper && upper <= hi) out.push([cp, cp]);
    }
    return out;
}

function classChar(cp: number): string {
    return /^[A-Za-z0-9]$/.test(String.fromCodePoint(cp)) ? String.fromCodePoint(cp) : `\\u{${cp.toString(16)}}`;
}

function literalJs(cp: number): string {
    const c = String.fromCodePoint(cp);
    if (/^[A-Za-z0-9 _!"#%&',\-/:;<=>@`~]$/.test(c)) return c;
    if ('^$\\.*+?()[]{}|'.includes(c)) return `\\${c}`;
    return `\\u{${cp.toString(16)}}`;
}

function rangesBody(ranges: RangeList): string {
    return ranges.map(([lo, hi]) => (lo === hi ? classChar(lo) : `${classChar(lo)}-${classChar(hi)}`)).join('');
}

const WORD_BODY = { unicode: WORD.classBody(), ascii: 'A-Za-z0-9_' };
const DIGIT_BODY = { unicode: DECIMAL.classBody(), ascii: '0-9' };
const NOT_DIGIT_BODY = DECIMAL.complementClassBody();
const SPACE_BODY = { unicode: SPACE.classBody(), ascii: '\\t-\\r ' };

/** A category as a class body, and whether the class must be complemented. */
function categoryBody(cat: Category, unicode: boolean): { body: string; complement: boolean } {
    const mode = unicode ? 'unicode' : 'ascii';
    switch (cat) {
        case 'WORD': return { body: WORD_BODY[mode], complement: false };
        case 'NOT_WORD': return { body: WORD_BODY[mode], complement: true };
        case 'DIGIT': return { body: DIGIT_BODY[mode], complement: false };
        // The Unicode complement of `\d` is spelled out, so it may sit inside a class; the others may not.
        case 'NOT_DIGIT': return unicode ? { body: NOT_DIGIT_BODY, complement: false } : { body: DIGIT_BODY.ascii, complement: true };
        case 'SPACE': return { body: SPACE_BODY[mode], complement: false };
        case 'NOT_SPACE': return { body: SPACE_BODY[mode], complement: true };
    }
}

function classJs(ranges: RangeList, categories: Category[], negate: boolean, unicode: boolean): string {
    let inner = rangesBody(ranges);
    const complements: string[] = [];
    for (const cat of categories) {
        const { body, complement } = categoryBody(cat, unicode);
        if (complement) complements.push(body);
        else inner += body;
    }
    if (!complements.length) return `[${negate ? '^' : ''}${inner}]`;
    // A union with complemented categories cannot be one `u`-mode class: use an alternation.
    const alts = [...(inner ? [`[${inner}]`] : []), ...complements.map((body) => `[^${body}]`)];
    const union = alts.length === 1 ? alts[0] : `(?:${alts.join('|')})`;
    return negate ? `(?:(?!${union})[^])` : union;
}

function charsetJs(charset: Charset): string {
    if (!charset.folded) {
        const ranges: RangeList = [];
        const categories: Category[] = [];
        for (const item of charset.items) {
            if (item.op === 'LITERAL') ranges.push([item.cp, item.cp]);
            else if (item.op === 'RANGE') ranges.push([item.lo, item.hi]);
            else if (item.op === 'CATEGORY') categories.push(item.cat);
        }
        return classJs(normalizeRanges(ranges), categories, charset.negate, charset.unicode);
    }
    const accepted: RangeList = [...charset.map].map((cp) => [cp, cp]);
    for (const cp of charset.literals) accepted.push([cp, cp]);
    for (const [lo, hi] of charset.upperRanges) accepted.push(...upperFoldedRange(lo, hi));
    // Categories are closed under lower-casing, so they keep their plain form.
    return classJs(lowerPreimage(normalizeRanges(accepted), charset.rules), charset.categories, charset.negate, charset.unicode);
}

function literalOpJs(cp: number, negate: boolean, flags: number): string {
    const rules = caseRules(flags);
    const folded = foldedLiteral(cp, rules);
    if (!folded || !rules) return negate ? `[^${classChar(cp)}]` : literalJs(cp);
    const ranges = lowerPreimage(normalizeRanges(folded.map((c) => [c, c])), rules);
    return classJs(ranges, [], negate, !!(flags & F_UNICODE));
}

function quantifierJs(min: number, max: number): string {
    if (max === MAXREPEAT) return min === 0 ? '*' : min === 1 ? '+' : `{${min},}`;
    if (min === max) return `{${min}}`;
    return min === 0 && max === 1 ? '?' : `{${min},${max}}`;
}

function atJs(at: AtCode, flags: number): string {
    const multiline = !!(flags & F_MULTILINE);
    const w = `[${flags & F_UNICODE ? WORD_BODY.unicode : WORD_BODY.ascii}]`;
    switch (at) {
        case 'BEGINNING': return multiline ? '(?:^|(?<=\\n))' : '^';
        case 'BEGINNING_STRING': return '^';
        // Python's `$` also matches before a newline that ends the text.
        case 'END': return multiline ? '(?=\\n|$)' : '(?=\\n?$)';
        case 'END_STRING': return '$';
        case 'BOUNDARY': return `(?:(?<=${w})(?!${w})|(?<!${w})(?=${w}))`;
        // sre's \B fails in an empty text.
        case 'NON_BOUNDARY': return `(?:(?<=${w})(?=${w})|(?<!${w})(?!${w})(?:(?<=[^])|(?=[^])))`;
    }
}

/** Emits the JS source. Atomic groups become `(?=(X))\k` (lookaheads do not backtrack). */
class JsEmitter {
    private groups = 0;
    private readonly groupNumbers = new Map<number, number>();

    seq(seq: Seq, flags: number, behind: boolean): string {
        return seq.map((op) => this.op(op, flags, behind)).join('');
    }

    private op(op: Op, flags: number, behind: boolean): string {
        switch (op.op) {
            case 'LITERAL':
            case 'NOT_LITERAL':
                return literalOpJs(op.cp, op.op === 'NOT_LITERAL', flags);
            case 'ANY':
                return flags & F_DOTALL ? '[^]' : '[^\\n]';
            case 'IN':
                return charsetJs(buildCharset(op.items, flags));
            case 'AT':
                return atJs(op.at, flags);
            case 'BRANCH':
                return `(?:${op.alts.map((alt) => this.seq(alt, flags, behind)).join('|')})`;
            case 'REPEAT':
                return this.repeat(op, flags, behind);
            case 'SUBPATTERN': {
                const inner = combineFlags(flags, op.add, op.del);
                if (op.group === null) return `(?:${this.seq(op.body, inner, behind)})`;
                this.groupNumbers.set(op.group, ++this.groups);
                return `(${this.seq(op.body, inner, behind)})`;
            }
            case 'ATOMIC':
                // In a (fixed-width) lookbehind every path has the same length, so commitment changes nothing.
                return behind ? `(?:${this.seq(op.body, flags, behind)})` : this.atomic(() => this.seq(op.body, flags, behind));
            case 'ASSERT': {
                const kind = (op.behind ? '<' : '') + (op.negate ? '!' : '=');
                return `(?${kind}${this.seq(op.body, flags, behind || op.behind)})`;
            }
            case 'GROUPREF':
                // Approximation only: patterns with backreferences always run on the engine.
                return `(?:\\${this.groupNumbers.get(op.group) ?? 0})`;
            case 'GROUPREF_EXISTS':
                return `(?:${this.seq(op.yes, flags, behind)}|${op.no ? this.seq(op.no, flags, behind) : ''})`;
        }
    }

    private repeat(op: Extract<Op, { op: 'REPEAT' }>, flags: number, behind: boolean): string {
        const quantifier = quantifierJs(op.min, op.max);
        if (op.kind !== 'POSSESSIVE' || behind) {
            const body = `(?:${this.seq(op.body, flags, behind)})`;
            return body + quantifier + (op.kind === 'MIN' ? '?' : '');
        }
        // Possessive: the whole loop is atomic, and so is each iteration.
        return this.atomic(() => {
            const body = isSingleCharacter(op.body)
                ? `(?:${this.seq(op.body, flags, behind)})`
                : `(?:${this.atomic(() => this.seq(op.body, flags, behind))})`;
            return body + quantifier;
        });
    }

    private atomic(inner: () => string): string {
        const name = `$${++this.groups}`;
        return `(?=(?<${name}>${inner()}))\\k<${name}>`;
    }
}

/**
 * The JS RegExp agrees with sre unless the pattern reads captures (backreferences, conditionals), or a
 * greedy loop that can match empty sits where only the first match counts (atomic or possessive parts):
 * sre lets such an iteration match empty and stop, JS refuses the empty iteration and tries the next path.
 * A possessive loop that captures is left to the engine too, which can report CPython's span error.
 */
function jsIsExact(seq: Seq, state: ParseState, committed: boolean): boolean {
    return seq.every((op) => {
        switch (op.op) {
            case 'GROUPREF':
            case 'GROUPREF_EXISTS':
                return false;
            case 'REPEAT':
                if (committed && op.kind === 'MAX' && !isSingleCharacter(op.body) && state.width(op.body)[0] === 0) return false;
                if (op.kind === 'POSSESSIVE' && captures(op.body)) return false;
                return jsIsExact(op.body, state, committed || op.kind === 'POSSESSIVE');
            case 'ATOMIC':
                return jsIsExact(op.body, state, true);
            case 'ASSERT':
                return jsIsExact(op.body, state, false);
            case 'SUBPATTERN':
                return jsIsExact(op.body, state, committed);
            case 'BRANCH':
                return op.alts.every((alt) => jsIsExact(alt, state, committed));
            default:
                return true;
        }
    });
}

function captures(seq: Seq): boolean {
    return seq.some((op) => {
        switch (op.op) {
            case 'SUBPATTERN':
                return op.group !== null || captures(op.body);
            case 'REPEAT':
            case 'ATOMIC':
            case 'ASSERT':
                return captures(op.body);
            case 'BRANCH':
                return op.alts.some(captures);
            case 'GROUPREF_EXISTS':
                return captures(op.yes) || (op.no !== null && captures(op.no));
            default:
                return false;
        }
    });
}

// ---------------------------------------------------------------------------------------------
// Compilation and the public RegExp

/** A RegExp whose `exec` answers Python's fullmatch exactly (native when that is exact, else the engine). */
class PythonFullmatchRegExp extends RegExp {
    static override get [Symbol.species](): RegExpConstructor {
        return RegExp;
    }

    constructor(
        source: string,
        private readonly answer: (text: string) => boolean | 'native',
    ) {
        super(source, 'u');
    }

    override exec(input: string): RegExpExecArray | null {
        const text = String(input);
        const answer = this.answer(text);
        if (answer === 'native') return super.exec(text);
        if (!answer) return null;
        const match = [text] as unknown as RegExpExecArray;
        match.index = 0;
        match.input = text;
        return match;
    }
}

function toCodePoints(text: string): number[] {
    const out: number[] = [];
    for (const c of text) out.push(c.codePointAt(0)!);
    return out;
}

function compilePattern(pattern: string): PythonPattern | { ok: false; error: string } {
    let parsed: ParsedPattern;
    try {
        parsed = parsePattern(pattern);
        checkCompilable(parsed.seq, parsed.state.flags, parsed.state);
    } catch (error) {
        if (error instanceof PythonPatternError) return { ok: false, error: error.message };
        throw error;
    }
    const { seq, state } = parsed;
    const start = compileEngine(seq, state.flags, SUCCESS, state);
    // sre refuses texts shorter than the pattern's minimum width before matching. That is only a shortcut
    // except when a backreference to a stale capture would match fewer characters than its group's width.
    const minWidth = Math.min(state.width(seq)[0], MAXCODE);
    const engineFullmatch = (text: string): boolean => {
        const codePoints = toCodePoints(text);
        return codePoints.length >= minWidth && new Matcher(codePoints).fullmatch(start);
    };

    let jsSource = `^(?:${new JsEmitter().seq(seq, state.flags, false)})$`;
    let jsExact = jsIsExact(seq, state, false);
    let native: RegExp | null = null;
    try {
        native = new RegExp(jsSource, 'u');
    } catch {
        // Too large or otherwise refused by the JS engine: answer with the engine alone.
        jsSource = '[]';
        jsExact = false;
    }
    const fullmatch = native && jsExact ? (text: string): boolean => native.test(text) : engineFullmatch;
    const regex = new PythonFullmatchRegExp(jsSource, native && jsExact ? () => 'native' : engineFullmatch);
    return { ok: true, regex, jsSource, jsExact, fullmatch, engineFullmatch };
}

const CACHE_LIMIT = 512;
const cache = new Map<string, PythonPattern | { ok: false; error: string }>();

function compileCached(pattern: string): PythonPattern | { ok: false; error: string } {
    let compiled = cache.get(pattern);
    if (!compiled) {
        if (cache.size >= CACHE_LIMIT) cache.clear();
        compiled = compilePattern(pattern);
        cache.set(pattern, compiled);
    }
    return compiled;
}
