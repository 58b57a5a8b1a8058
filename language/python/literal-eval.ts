// The part of Python's ast.literal_eval that reads back what repr() / str() print for lists, tuples,
// dicts, strings, numbers, True, False and None. A CSV written by pandas holds a list cell (a
// ground truth of test-case dicts) as that text, e.g. `[{'input': 'RB', 'expected_accepted': True}]`.
// Anything outside that subset (names, calls, nan, sets, bytes) is a PyLiteralError.

export class PyLiteralError extends Error {}

/** Python-only values have no JSON twin: tuples read as arrays, dict keys must be strings. */
export type PyLiteral = null | boolean | number | string | PyLiteral[] | { [key: string]: PyLiteral };

const SIMPLE_ESCAPES: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', n: '\n', r: '\r', t: '\t', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '' };

export function pyLiteralEval(text: string): PyLiteral {
    const p = new LiteralParser(text);
    const value = p.value();
    p.end();
    return value;
}

class LiteralParser {
    private i = 0;
    private depth = 0;
    constructor(private readonly s: string) {}

    end(): void {
        this.ws();
        if (this.i !== this.s.length) this.fail('unexpected text after the value');
    }

    private fail(what: string): never {
        throw new PyLiteralError(`${what} at character ${this.i}`);
    }

    private ws(): void {
        while (this.i < this.s.length && ' \t\n\r\f\v'.includes(this.s[this.i])) this.i++;
    }

    value(): PyLiteral {
        this.ws();
        const c = this.s[this.i];
        if (c === '[' || c === '(') return this.sequence(c === '[' ? ']' : ')');
        if (c === '{') return this.dict();
        if (c === "'" || c === '"') return this.string();
        for (const [word, v] of [['True', true], ['False', false], ['None', null]] as const) {
            if (this.s.startsWith(word, this.i) && !/[\w]/.test(this.s[this.i + word.length] ?? '')) {
                this.i += word.length;
                return v;
            }
        }
        return this.number();
    }

    private nested<T>(read: () => T): T {
        if (++this.depth > 1000) this.fail('too deeply nested');
        try {
            return read();
        } finally {
            this.depth--;
        }
    }

    private sequence(close: string): PyLiteral[] {
        return this.nested(() => {
            this.i++;
            const items: PyLiteral[] = [];
            for (;;) {
                this.ws();
                if (this.s[this.i] === close) break;
                items.push(this.value());
                this.ws();
                if (this.s[this.i] === ',') this.i++;
                else if (this.s[this.i] !== close) this.fail(`expected ',' or '${close}'`);
            }
            this.i++;
            return items;
        });
    }

    private dict(): { [key: string]: PyLiteral } {
        return this.nested(() => {
            this.i++;
            const out: { [key: string]: PyLiteral } = {};
            for (;;) {
                this.ws();
                if (this.s[this.i] === '}') break;
                const key = this.value();
                if (typeof key !== 'string') this.fail('a dict key that is not a string');
                this.ws();
                if (this.s[this.i] !== ':') this.fail("expected ':'");
                this.i++;
                Object.defineProperty(out, key, { value: this.value(), enumerable: true, writable: true, configurable: true });
                this.ws();
                if (this.s[this.i] === ',') this.i++;
                else if (this.s[this.i] !== '}') this.fail("expected ',' or '}'");
            }
            this.i++;
            return out;
        });
    }

    /** One or more adjacent string literals (Python joins them), each '…' or "…" with backslash escapes. */
    private string(): string {
        let out = '';
        do {
            const quote = this.s[this.i++];
            for (;;) {
                if (this.i >= this.s.length) this.fail('unterminated string');
                const c = this.s[this.i++];
                if (c === quote) break;
                if (c === '\n') this.fail('newline in a string');
                if (c !== '\\') {
                    out += c;
                    continue;
                }
                const e = this.s[this.i++];
                if (e !== undefined && e in SIMPLE_ESCAPES) out += SIMPLE_ESCAPES[e];
                else if (e === 'x' || e === 'u' || e === 'U') {
                    const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
                    const hex = this.s.slice(this.i, this.i + n);
                    if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== n) this.fail(`bad \\${e} escape`);
                    const code = parseInt(hex, 16);
                    if (code > 0x10ffff) this.fail(`bad \\${e} escape`);
                    out += String.fromCodePoint(code);
                    this.i += n;
                } else if (e !== undefined && e >= '0' && e <= '7') {
                    let oct = e;
                    while (oct.length < 3 && /[0-7]/.test(this.s[this.i] ?? '')) oct += this.s[this.i++];
                    out += String.fromCodePoint(parseInt(oct, 8));
                } else out += `\\${e ?? ''}`; // Python keeps an unknown escape as written
            }
            this.ws();
        } while (this.s[this.i] === "'" || this.s[this.i] === '"');
        return out;
    }

    private number(): number {
        const m = /^[-+]?(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][-+]?\d+)?/.exec(this.s.slice(this.i));
        if (!m) this.fail('expected a value');
        this.i += m[0].length;
        return Number(m[0].replaceAll('_', ''));
    }
}
