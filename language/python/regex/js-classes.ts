// Character classes for the JS RegExp back end (flag `u`): Python's categories spelled out as ranges,
// case-insensitive classes and literals as explicit folded ranges.
import { classChar, DECIMAL, rangesClassBody, SPACE, toUpper, upperChanged, WORD } from '../unicode/index.js';
import { type CaseRules, caseRules, foldedLiteral } from './case-folding.js';
import { type Charset } from './char-tests.js';
import { inRanges, normalizeRanges, type RangeList, withoutPoints } from './ranges.js';
import { F_UNICODE } from './sre-constants.js';
import { type Category } from './tree.js';

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

function literalJs(cp: number): string {
    const c = String.fromCodePoint(cp);
    if (/^[A-Za-z0-9 _!"#%&',\-/:;<=>@`~]$/.test(c)) return c;
    if ('^$\\.*+?()[]{}|'.includes(c)) return `\\${c}`;
    return `\\u{${cp.toString(16)}}`;
}

export const WORD_BODY = { unicode: WORD.classBody(), ascii: 'A-Za-z0-9_' };
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
    let inner = rangesClassBody(ranges);
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

export function charsetJs(charset: Charset): string {
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

/** Folded literals by code point, negation and case rules: each one scans every cased code point. */
const foldedLiterals = new Map<number, string>();
const FOLDED_LITERALS_LIMIT = 4096;

export function literalOpJs(cp: number, negate: boolean, flags: number): string {
    const rules = caseRules(flags);
    const folded = foldedLiteral(cp, rules);
    if (!folded || !rules) return negate ? `[^${classChar(cp)}]` : literalJs(cp);
    const unicode = !!(flags & F_UNICODE);
    const key = cp * 4 + (negate ? 2 : 0) + (unicode ? 1 : 0);
    let js = foldedLiterals.get(key);
    if (js === undefined) {
        if (foldedLiterals.size >= FOLDED_LITERALS_LIMIT) foldedLiterals.clear();
        js = classJs(lowerPreimage(normalizeRanges(folded.map((c) => [c, c])), rules), [], negate, unicode);
        foldedLiterals.set(key, js);
    }
    return js;
}
