// The JS RegExp back end (flag `u`, no `i`/`m`/`s`: every Python flag is spelled out), and when it is exact.
import { buildCharset } from './char-tests.js';
import { combineFlags, isSingleCharacter } from './compile-checks.js';
import { charsetJs, literalOpJs, WORD_BODY } from './js-classes.js';
import { ParseState } from './parse-state.js';
import { F_DOTALL, F_MULTILINE, F_UNICODE, MAXREPEAT } from './sre-constants.js';
import { type AtCode, type Op, type Seq } from './tree.js';

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
export class JsEmitter {
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
export function jsIsExact(seq: Seq, state: ParseState, committed: boolean): boolean {
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
