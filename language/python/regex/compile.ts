// Compilation of a pattern to both back ends, the RegExp that answers like Python, and the cache.
import { checkCompilable } from './compile-checks.js';
import { compileEngine, SUCCESS } from './engine-graph.js';
import { OtherPythonError, PythonPatternError, PythonRegexRuntimeError } from './errors.js';
import { JsEmitter, jsIsExact } from './js-emitter.js';
import { Matcher } from './matcher.js';
import { type ParsedPattern, parsePattern } from './parser.js';
import { MAXCODE } from './sre-constants.js';

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

function compilePattern(pattern: string): PythonPattern | CompileFailure {
    let parsed: ParsedPattern;
    try {
        parsed = parsePattern(pattern);
        checkCompilable(parsed.seq, parsed.state.flags, parsed.state);
    } catch (error) {
        if (error instanceof OtherPythonError) return { ok: false, error: error.message, raises: new PythonRegexRuntimeError(error.pythonMessage, error.pythonType) };
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
    // Built on first use: verdicts call `fullmatch`, and a second RegExp of the same source costs as much again.
    let regex: RegExp | undefined;
    return {
        ok: true, jsSource, jsExact, fullmatch, engineFullmatch,
        get regex(): RegExp {
            return (regex ??= new PythonFullmatchRegExp(jsSource, native && jsExact ? () => 'native' : engineFullmatch));
        },
    };
}

/**
 * A pattern Python does not compile: `error` says why; `raises` is set when Python raises something
 * other than re.error, which escapes the reference's pass rule (errors.ts PythonRegexRuntimeError).
 */
export interface CompileFailure {
    ok: false;
    error: string;
    raises?: PythonRegexRuntimeError;
}

const CACHE_LIMIT = 512;
const cache = new Map<string, PythonPattern | CompileFailure>();

export function compileCached(pattern: string): PythonPattern | CompileFailure {
    let compiled = cache.get(pattern);
    if (!compiled) {
        if (cache.size >= CACHE_LIMIT) cache.clear();
        compiled = compilePattern(pattern);
        cache.set(pattern, compiled);
    }
    return compiled;
}
