// Character tests for the engine: sre_compile's literal and charset rules.
import { isDecimal, isSpace, isWord, toUpper } from '../unicode/index.js';
import { isDigitAscii, isSpaceAscii, isWordAscii } from './ascii-classes.js';
import { type CaseRules, caseRules, foldedLiteral } from './case-folding.js';
import { combineFlags } from './compile-checks.js';
import { F_DOTALL, F_UNICODE } from './sre-constants.js';
import { type Category, type Op, type SetItem } from './tree.js';

export type CharTest = (cp: number) => boolean;

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
export type Charset =
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

export function buildCharset(items: SetItem[], flags: number): Charset {
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

export function singleCharacterTest(op: Op, flags: number): CharTest {
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
