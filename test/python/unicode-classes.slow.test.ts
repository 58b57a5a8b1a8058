// Python's character classes (language/python/unicode) against a live python3 3.11, over every code
// point 0..0x10FFFF. The oracle below asks Python's own str methods and sre, independently of the
// generator that wrote the tables. Slow kind: spawns python3 once.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DECLARATION, NEXT_ROUTE } from '../../language/manufactoria/lexing/line-patterns.js';
import { isPyWord, pyStrip } from '../../language/python/text.js';
import {
    ALPHA,
    DECIMAL,
    SPACE,
    UNICODE_VERSION,
    WORD,
    decimalValue,
    extraCaseMap,
    isAlphaText,
    isCased,
    isCjkUnifiedIdeograph,
    isIdentifier,
    lowerChanged,
    toLower,
    toUpper,
    upperChanged,
    type CodePointSet,
} from '../../language/python/unicode/index.js';

const ORACLE = String.raw`
import json, re, sys, unicodedata, _sre, re._casefix
def ranges(pred):
    out, start = [], None
    for cp in range(0x110000):
        if pred(cp):
            if start is None: start = cp
        elif start is not None:
            out.append([start, cp - 1]); start = None
    if start is not None: out.append([start, 0x10FFFF])
    return out
word = re.compile(r'\w')
json.dump({
    'python': '%d.%d' % sys.version_info[:2],
    'unicode': unicodedata.unidata_version,
    'word': ranges(lambda c: word.fullmatch(chr(c)) is not None),
    'alnum': ranges(lambda c: chr(c).isalnum()),
    'alpha': ranges(lambda c: chr(c).isalpha()),
    'decimal': ranges(lambda c: re.fullmatch(r'\d', chr(c)) is not None),
    'space': ranges(lambda c: chr(c).isspace()),
    'sre_space': ranges(lambda c: re.fullmatch(r'\s', chr(c)) is not None),
    'id_start': ranges(lambda c: chr(c).isidentifier()),
    'id_continue': ranges(lambda c: ('a' + chr(c)).isidentifier()),
    'cjk': ranges(lambda c: unicodedata.name(chr(c), '').startswith('CJK UNIFIED IDEOGRAPH-')),
    'cased': ranges(_sre.unicode_iscased),
    'lower': [[c, _sre.unicode_tolower(c)] for c in range(0x110000) if _sre.unicode_tolower(c) != c],
    'upper': [[c, ord(chr(c).upper()[0])] for c in range(0x110000) if ord(chr(c).upper()[0]) != c],
    'decimal_value': [[c, unicodedata.decimal(chr(c))] for c in range(0x110000) if chr(c).isdecimal()],
    'extra': {str(k): list(v) for k, v in re._casefix._EXTRA_CASES.items()},
}, sys.stdout)
`;

type Ranges = [number, number][];
interface Oracle {
    python: string;
    unicode: string;
    word: Ranges;
    alnum: Ranges;
    alpha: Ranges;
    decimal: Ranges;
    space: Ranges;
    sre_space: Ranges;
    id_start: Ranges;
    id_continue: Ranges;
    cjk: Ranges;
    cased: Ranges;
    lower: [number, number][];
    upper: [number, number][];
    decimal_value: [number, number][];
    extra: Record<string, number[]>;
}

const LAST = 0x10ffff;

function bitmap(ranges: Ranges): Uint8Array {
    const bits = new Uint8Array(LAST + 1);
    for (const [lo, hi] of ranges) bits.fill(1, lo, hi + 1);
    return bits;
}

/** The first code points (hex) where `got` disagrees with Python's set. */
function disagreements(expected: Ranges, got: (cp: number) => boolean): string[] {
    const bits = bitmap(expected);
    const wrong: string[] = [];
    for (let cp = 0; cp <= LAST && wrong.length < 10; cp++) {
        if (got(cp) !== (bits[cp] === 1)) wrong.push(cp.toString(16));
    }
    return wrong;
}

const char = (cp: number): string => String.fromCodePoint(cp);

describe('Python 3.11 character classes, every code point, against python3', () => {
    const run = spawnSync('python3', ['-c', ORACLE], { encoding: 'utf8', maxBuffer: 1 << 30 });
    if (run.error || run.status !== 0) throw new Error(`python3 is required: ${run.error?.message ?? run.stderr}`);
    const py = JSON.parse(run.stdout) as Oracle;

    it('runs against the pinned reference: Python 3.11, Unicode 14.0', () => {
        expect([py.python, py.unicode]).toEqual(['3.11', '14.0.0']);
        expect(UNICODE_VERSION).toBe(py.unicode);
    });

    // Each set, and each set spelled as a JS class (what the lexer and the RegExp back end use).
    const sets: Array<[string, CodePointSet, keyof Oracle]> = [
        ['\\w (isalnum or _)', WORD, 'word'],
        ['isalpha', ALPHA, 'alpha'],
        ['\\d (isdecimal)', DECIMAL, 'decimal'],
        ['isspace', SPACE, 'space'],
        ['\\s', SPACE, 'sre_space'],
    ];
    it.each(sets)('%s: the set', (_name, set, key) => {
        expect(disagreements(py[key] as Ranges, (cp) => set.has(cp))).toEqual([]);
    });
    it.each(sets)('%s: the JS class and its complement', (_name, set, key) => {
        const inClass = new RegExp(`^[${set.classBody()}]$`, 'u');
        const inComplement = new RegExp(`^[${set.complementClassBody()}]$`, 'u');
        expect(disagreements(py[key] as Ranges, (cp) => inClass.test(char(cp)))).toEqual([]);
        expect(disagreements(py[key] as Ranges, (cp) => !inComplement.test(char(cp)))).toEqual([]);
    });

    it('\\w is isalnum() or _', () => {
        expect(disagreements(py.alnum, (cp) => WORD.has(cp) && cp !== 0x5f)).toEqual([]);
    });

    it('str.isidentifier (first and later characters) and str.isalpha on one character', () => {
        expect(disagreements(py.id_start, (cp) => isIdentifier(char(cp)))).toEqual([]);
        expect(disagreements(py.id_continue, (cp) => isIdentifier(`a${char(cp)}`))).toEqual([]);
        expect(disagreements(py.alpha, (cp) => isAlphaText(char(cp)))).toEqual([]);
    });

    it('CJK unified ideograph names', () => {
        expect(disagreements(py.cjk, isCjkUnifiedIdeograph)).toEqual([]);
    });

    it("sre's lower, upper, iscased and _EXTRA_CASES", () => {
        const lower = new Map(py.lower);
        const upper = new Map(py.upper);
        const wrong: string[] = [];
        for (let cp = 0; cp <= LAST && wrong.length < 10; cp++) {
            if (toLower(cp) !== (lower.get(cp) ?? cp)) wrong.push(`lower ${cp.toString(16)}`);
            if (toUpper(cp) !== (upper.get(cp) ?? cp)) wrong.push(`upper ${cp.toString(16)}`);
        }
        expect(wrong).toEqual([]);
        expect(disagreements(py.cased, isCased)).toEqual([]);
        expect(lowerChanged()).toEqual(py.lower.map(([cp]) => cp));
        expect(upperChanged()).toEqual(py.upper.map(([cp]) => cp));
        expect(Object.fromEntries([...extraCaseMap()].map(([k, v]) => [String(k), [...v]]))).toEqual(py.extra);
    });

    it('decimal digit values', () => {
        const values = new Map(py.decimal_value);
        const wrong: string[] = [];
        for (let cp = 0; cp <= LAST && wrong.length < 10; cp++) {
            if (decimalValue(cp) !== values.get(cp)) wrong.push(cp.toString(16));
        }
        expect(wrong).toEqual([]);
    });

    it('every whitespace character is in the BMP (str.strip steps by UTF-16 unit)', () => {
        expect(SPACE.ranges.every(([, hi]) => hi < 0x10000)).toBe(true);
    });

    it('node ids, the line patterns and strip use these classes', () => {
        const word = bitmap(py.word);
        const space = bitmap(py.space);
        const wrong: string[] = [];
        for (let cp = 0; cp <= LAST && wrong.length < 10; cp++) {
            const c = char(cp);
            const isWord = word[cp] === 1;
            if (isPyWord(`a${c}`) !== isWord) wrong.push(`isPyWord ${cp.toString(16)}`);
            if ((NEXT_ROUTE.exec(`NEXT a${c}b`)?.[2] === `a${c}b`) !== isWord) wrong.push(`NEXT_ROUTE ${cp.toString(16)}`);
            if ((DECLARATION.exec(`PAINTER_RED ${c}:`)?.[2] === c) !== isWord) wrong.push(`DECLARATION ${cp.toString(16)}`);
            if (cp < 0x10000 && (pyStrip(`${c}x${c}`) === 'x') !== space[cp] > 0) wrong.push(`strip ${cp.toString(16)}`);
        }
        expect(wrong).toEqual([]);
    });
});
