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
from itertools import compress, repeat
from operator import itemgetter, methodcaller, ne
# Every code point as one string, and each property as one C-level pass over it (map of a builtin):
# a bytes mask of 0/1 per code point, whose runs of 1 are the ranges.
N = 0x110000
ALL = ''.join(map(chr, range(N)))
def ranges(flags):
    return [[m.start(), m.end() - 1] for m in re.finditer(rb'\x01+', bytes(map(bool, flags)))]
# A one-character class matches each code point alone, so its maximal runs over ALL are its ranges.
def matched(cls):
    return [[m.start(), m.end() - 1] for m in re.finditer(cls + '+', ALL)]
lower = list(map(_sre.unicode_tolower, range(N)))
upper = list(map(ord, map(itemgetter(0), map(str.upper, ALL))))
json.dump({
    'python': '%d.%d' % sys.version_info[:2],
    'unicode': unicodedata.unidata_version,
    'word': matched(r'\w'),
    'alnum': ranges(map(str.isalnum, ALL)),
    'alpha': ranges(map(str.isalpha, ALL)),
    'decimal': matched(r'\d'),
    'space': ranges(map(str.isspace, ALL)),
    'sre_space': matched(r'\s'),
    'id_start': ranges(map(str.isidentifier, ALL)),
    'id_continue': ranges(map(str.isidentifier, map('a'.__add__, ALL))),
    'cjk': ranges(map(methodcaller('startswith', 'CJK UNIFIED IDEOGRAPH-'), map(unicodedata.name, ALL, repeat('')))),
    'cased': ranges(map(_sre.unicode_iscased, range(N))),
    'lower': [[c, lower[c]] for c in compress(range(N), map(ne, lower, range(N)))],
    'upper': [[c, upper[c]] for c in compress(range(N), map(ne, upper, range(N)))],
    'decimal_value': [[c, unicodedata.decimal(chr(c))] for c in compress(range(N), map(str.isdecimal, ALL))],
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
