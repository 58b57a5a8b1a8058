// sre_parse's tokenizer over a str pattern, and the token tests the parser uses.
import { PythonPatternError } from './errors.js';
import { type Op } from './tree.js';

export const SPECIAL_CHARS = '.\\[{()*+?^$|';
export const VERBOSE_SPACE = ' \t\n\r\v\f';
export const isAsciiDigit = (t: string | null): boolean => t !== null && t.length === 1 && t >= '0' && t <= '9';
export const isOctDigit = (t: string | null): boolean => t !== null && t.length === 1 && t >= '0' && t <= '7';
export const isHexDigit = (t: string | null): boolean => t !== null && /^[0-9a-fA-F]$/.test(t);
export const isAsciiLetter = (t: string): boolean => /^[a-zA-Z]$/.test(t);
export const literal = (token: string): Op => ({ op: 'LITERAL', cp: token.codePointAt(0)! });

/** Python's tokenizer: one code point, or a backslash with the code point after it. */
export class Tokenizer {
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
