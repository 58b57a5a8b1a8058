// sre_parse.parse for str patterns: the tree, or the re.error Python raises.
import { isAlphaText, isIdentifier } from '../unicode/index.js';
import { otherPythonError, PythonPatternError } from './errors.js';
import { lookupCharacterName } from './named-characters.js';
import { ParseState } from './parse-state.js';
import { pythonInt } from './python-int.js';
import { PythonStack } from './recursion-limit.js';
import { F_ASCII, F_LOCALE, F_UNICODE, F_VERBOSE, FLAG_LETTERS, GLOBAL_FLAGS, MAXGROUPS, MAXREPEAT, TYPE_FLAGS } from './sre-constants.js';
import { isAsciiDigit, isAsciiLetter, isHexDigit, isOctDigit, literal, SPECIAL_CHARS, Tokenizer, VERBOSE_SPACE } from './tokenizer.js';
import { type Category, type Op, type RepeatKind, type Seq, type SetItem } from './tree.js';

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

export interface ParsedPattern {
    seq: Seq;
    state: ParseState;
}

/** sre_parse.parse: the tree and the global flags, or a PythonPatternError. */
export function parsePattern(pattern: string): ParsedPattern {
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
    /** sre_parse's recursion, for Python's RecursionError on deep nesting. */
    private readonly stack = new PythonStack();

    constructor(pattern: string) {
        this.src = new Tokenizer(pattern);
    }

    /** `a|b|c`, with sre_parse's factoring of common prefixes and single-character alternatives. */
    parseAlternation(verbose: boolean, nested: number): Seq {
        this.stack.enter();
        const items: Seq[] = [];
        for (;;) {
            items.push(this.parseSequence(verbose, nested + 1, !nested && !items.length));
            if (!this.src.match('|')) break;
            if (!nested) verbose = !!(this.state.flags & F_VERBOSE);
        }
        this.stack.leave();
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
        this.stack.enter();
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
        this.stack.leave();
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
