// Safe evaluator for the string expressions scenes may contain (docs/bouncingsim.md §2). The reference uses
// Python `eval` with restricted names; we accept only arithmetic on numbers, named constants and
// calls to whitelisted functions, parsed by a small recursive-descent parser (no eval/Function).
//
// Two name sets exist in the reference:
//  - 'box'  (box rotation_speed, prompt-side gravity/angular velocities): Python eval without builtins.
//  - 'ball' (ball velocity components and angular_velocity): a stricter AST walker, no `tau`,
//            only + - * / ** and unary +/-.

import { pyRound } from '../python/number-format.js';

export type ExpressionKind = 'box' | 'ball';

export class ExpressionError extends Error {
    constructor(message: string, readonly offset: number) {
        super(message);
        this.name = 'ExpressionError';
    }
}

type Fn = (...args: number[]) => number;
interface NameSet { constants: Record<string, number>; functions: Record<string, { fn: Fn; arity: [number, number] }>; operators: Set<string> }

function requireFinite(name: string, value: number): number {
    if (Number.isNaN(value)) throw new Error(`math domain error in ${name}()`);
    if (!Number.isFinite(value)) throw new Error(`overflow in ${name}()`);
    return value;
}

function power(a: number, b: number): number {
    if (a === 0 && b < 0) throw new Error('0.0 cannot be raised to a negative power');
    if (a < 0 && !Number.isInteger(b)) throw new Error('negative number raised to a fractional power is complex');
    return a ** b;
}

const one: [number, number] = [1, 1];
const FUNCTIONS: Record<string, { fn: Fn; arity: [number, number] }> = {
    sin: { fn: Math.sin, arity: one }, cos: { fn: Math.cos, arity: one }, tan: { fn: Math.tan, arity: one },
    asin: { fn: Math.asin, arity: one }, acos: { fn: Math.acos, arity: one }, atan: { fn: Math.atan, arity: one },
    sinh: { fn: Math.sinh, arity: one }, cosh: { fn: Math.cosh, arity: one }, tanh: { fn: Math.tanh, arity: one },
    sqrt: { fn: Math.sqrt, arity: one }, exp: { fn: Math.exp, arity: one }, abs: { fn: Math.abs, arity: one },
    log: { fn: (x, base) => (base === undefined ? Math.log(x) : Math.log(x) / Math.log(base)), arity: [1, 2] },
    log10: { fn: Math.log10, arity: one },
    pow: { fn: power, arity: [2, 2] },
    round: { fn: (x, digits) => pyRound(x, digits ?? 0), arity: [1, 2] },
};

function pick(names: string[]): NameSet['functions'] {
    return Object.fromEntries(names.map((n) => [n, FUNCTIONS[n]]));
}

const NAME_SETS: Record<ExpressionKind, NameSet> = {
    box: {
        constants: { pi: Math.PI, e: Math.E, tau: 2 * Math.PI },
        functions: pick(['sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'sqrt', 'log', 'log10', 'exp', 'abs', 'pow']),
        operators: new Set(['+', '-', '*', '/', '**', '//', '%']),
    },
    ball: {
        constants: { pi: Math.PI, e: Math.E },
        functions: pick(['sqrt', 'sin', 'cos', 'tan', 'exp', 'log', 'log10', 'pow', 'abs', 'round']),
        operators: new Set(['+', '-', '*', '/', '**']),
    },
};

interface Token { kind: 'num' | 'name' | 'op' | 'end'; text: string; offset: number }

const TOKEN = /\s*(?:(\d+(?:_\d+)*(?:\.(?:\d+(?:_\d+)*)?)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([A-Za-z_]\w*)|(\*\*|\/\/|[-+*/%(),]))/y;

/** Python's tokenizer refuses a 201st open bracket (MAXLEVEL). */
const MAX_PAREN_LEVEL = 200;
/** Nested unary() calls: Python's parser takes 2,989 unary operators (2,987 powers), its stack holding 6,000. */
const MAX_OPERATOR_DEPTH = 2990;

function tokenize(src: string): Token[] {
    const tokens: Token[] = [];
    let pos = 0;
    let level = 0;
    while (pos < src.length) {
        if (/^\s*$/.test(src.slice(pos))) break;
        TOKEN.lastIndex = pos;
        const m = TOKEN.exec(src);
        if (!m) {
            const at = pos + (src.slice(pos).length - src.slice(pos).trimStart().length);
            throw new ExpressionError(`unexpected character '${src[at]}'`, at);
        }
        const offset = m.index + m[0].length - (m[1] ?? m[2] ?? m[3]).length;
        if (m[1] !== undefined) tokens.push({ kind: 'num', text: m[1], offset });
        else if (m[2] !== undefined) tokens.push({ kind: 'name', text: m[2], offset });
        else {
            if (m[3] === '(' && level++ >= MAX_PAREN_LEVEL) throw new ExpressionError('too many nested parentheses', offset);
            if (m[3] === ')') level--;
            tokens.push({ kind: 'op', text: m[3], offset });
        }
        pos = TOKEN.lastIndex;
    }
    tokens.push({ kind: 'end', text: '', offset: src.length });
    return tokens;
}

class Parser {
    private i = 0;
    private depth = 0;
    constructor(private readonly tokens: Token[], private readonly names: NameSet) {}

    private peek(): Token { return this.tokens[this.i]; }
    private isOp(text: string): boolean { const t = this.peek(); return t.kind === 'op' && t.text === text; }
    private expectOp(text: string): void {
        const t = this.peek();
        if (!this.isOp(text)) throw new ExpressionError(`expected '${text}' but found ${describe(t)}`, t.offset);
        this.i++;
    }
    private takeOp(allowed: string[]): Token | undefined {
        const t = this.peek();
        if (t.kind !== 'op' || !allowed.includes(t.text)) return undefined;
        if (!this.names.operators.has(t.text)) throw new ExpressionError(`operator '${t.text}' is not allowed here`, t.offset);
        this.i++;
        return t;
    }

    parseAll(): number {
        const value = this.additive();
        const t = this.peek();
        if (t.kind !== 'end') throw new ExpressionError(`unexpected ${describe(t)}`, t.offset);
        return value;
    }

    private additive(): number {
        let value = this.term();
        for (let op = this.takeOp(['+', '-']); op; op = this.takeOp(['+', '-'])) {
            const rhs = this.term();
            value = op.text === '+' ? value + rhs : value - rhs;
        }
        return value;
    }

    private term(): number {
        let value = this.unary();
        for (let op = this.takeOp(['*', '/', '//', '%']); op; op = this.takeOp(['*', '/', '//', '%'])) {
            const rhs = this.unary();
            if (op.text === '*') { value *= rhs; continue; }
            if (rhs === 0) throw new ExpressionError('division by zero', op.offset);
            if (op.text === '/') value /= rhs;
            else if (op.text === '//') value = Math.floor(value / rhs);
            else value = value - rhs * Math.floor(value / rhs); // Python's % takes the divisor's sign
        }
        return value;
    }

    // Python: unary binds looser than ** on its left (-2**2 == -4) but ** accepts a unary operand.
    private unary(): number {
        // Every nesting (unary operators, exponents, parentheses) passes here: a bound, not a stack overflow.
        if (++this.depth > MAX_OPERATOR_DEPTH) throw new ExpressionError('expression nested too deeply (Python\'s parser stops near 3,000 levels)', this.peek().offset);
        try {
            const op = this.takeOp(['+', '-']);
            if (!op) return this.power();
            const value = this.unary();
            return op.text === '-' ? -value : value;
        } finally {
            this.depth--;
        }
    }

    private power(): number {
        const base = this.primary();
        const op = this.takeOp(['**']);
        if (!op) return base;
        const exponent = this.unary();
        try {
            return power(base, exponent);
        } catch (error) {
            throw new ExpressionError((error as Error).message, op.offset);
        }
    }

    private primary(): number {
        const t = this.peek();
        if (t.kind === 'num') {
            this.i++;
            return Number(t.text.replace(/_/g, ''));
        }
        if (this.isOp('(')) {
            this.i++;
            const value = this.additive();
            this.expectOp(')');
            return value;
        }
        if (t.kind === 'name') {
            this.i++;
            if (this.isOp('(')) return this.call(t);
            const constant = this.names.constants[t.text];
            if (constant === undefined) {
                const hint = this.names.functions[t.text] ? ' (it is a function)' : '';
                throw new ExpressionError(`name '${t.text}' is not allowed${hint}`, t.offset);
            }
            return constant;
        }
        throw new ExpressionError(`unexpected ${describe(t)}`, t.offset);
    }

    private call(name: Token): number {
        const entry = this.names.functions[name.text];
        if (!entry) throw new ExpressionError(`function '${name.text}' is not allowed`, name.offset);
        this.expectOp('(');
        const args: number[] = [];
        if (!this.isOp(')')) {
            args.push(this.additive());
            while (this.isOp(',')) { this.i++; args.push(this.additive()); }
        }
        this.expectOp(')');
        const [min, max] = entry.arity;
        if (args.length < min || args.length > max) {
            const want = min === max ? `${min}` : `${min} or ${max}`;
            throw new ExpressionError(`${name.text}() takes ${want} argument${max > 1 ? 's' : ''} (${args.length} given)`, name.offset);
        }
        try {
            return requireFinite(name.text, entry.fn(...args));
        } catch (error) {
            throw new ExpressionError((error as Error).message, name.offset);
        }
    }
}

function describe(t: Token): string {
    return t.kind === 'end' ? 'end of expression' : `'${t.text}'`;
}

/** Evaluates an arithmetic expression with the given name set; throws ExpressionError. */
export function evaluateExpression(src: string, kind: ExpressionKind): number {
    let value: number;
    try {
        value = new Parser(tokenize(src), NAME_SETS[kind]).parseAll();
    } catch (error) {
        // A thread with a small stack can overflow below the depth bound: the same answer, not an engine error.
        if (error instanceof RangeError) throw new ExpressionError('expression nested too deeply (Python\'s parser stops near 3,000 levels)', 0);
        throw error;
    }
    if (!Number.isFinite(value)) throw new ExpressionError('result is not a finite number', 0);
    return value;
}
