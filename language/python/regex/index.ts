// Python 3.11 `re.fullmatch` for the verifier's regex pass rule (docs/python-compat.md).
//
// One parser follows sre_parse (Python 3.11, str patterns) and decides what Python rejects, including
// the errors raised while compiling (variable-width look-behind, TEMPLATE). Two back ends share its tree:
//  * a JS RegExp with the `u` flag and every Python flag spelled out (case folding as explicit classes,
//    `.`/`^`/`$`/`\b` as classes and lookarounds, atomic groups and possessive loops as `(?=(X))\k`);
//  * a small backtracking engine that replays sre's rules (capture marks and when they are restored,
//    repeat contexts, zero-width protection, atomic commits) for what JS cannot express.
// The RegExp is exact unless the pattern reads captures (backreferences, conditional groups), has a
// greedy loop that can match empty inside an atomic or possessive part, or a possessive loop that
// captures. Both use Python 3.11's character classes and case tables (Unicode 14.0, ../unicode), never the
// JS engine's `\p{…}` or toLowerCase, so neither depends on Node's Unicode version.
// `pythonFullmatch` picks whichever back end is exact; the RegExp returned by `compilePythonPattern`
// does the same in its `exec`, so `regex.test(text)` always answers like Python. See docs/python-compat.md.
//
// Files: tokenizer, parser, parse-state, tree, recursion-limit (sre_parse); compile-checks (sre_compile's raises);
// char-tests, case-folding, engine-graph, matcher (the engine); js-classes, js-emitter (the RegExp);
// compile (both back ends, the cache); named-characters, python-int, ascii-classes, ranges (helpers).
//
// Known gaps:
// (OverflowError `a{4294967295}`, ValueError `(?a)(?u)` and RecursionError are not re.error: pythonFullmatch throws them
// as PythonRegexRuntimeError, as Python's re.fullmatch raises them past the pass rule.)
//  * `\N{name}` resolves only the names in named-characters.ts (ASCII, Latin-1, common aliases) and the
//    algorithmic CJK/Hangul names; any other name is reported as unresolvable although Python may know it.
//  * Nesting deep enough to raise RecursionError inside Python's parser raises it at the depth measured for
//    the reference's server (recursion-limit.ts); other server stacks differ by a level or two.
import { compileCached, type PythonPattern } from './compile.js';

export type { PythonPattern } from './compile.js';
export { PythonRegexRuntimeError } from './errors.js';

/** Compiles a Python `re` pattern to an equivalent JS RegExp anchored for fullmatch, or reports that Python would reject it. */
export function compilePythonPattern(pattern: string): { ok: true; regex: RegExp } | { ok: false; error: string } {
    const compiled = compileCached(pattern);
    return compiled.ok ? { ok: true, regex: compiled.regex } : { ok: false, error: compiled.error };
}

/**
 * Python's `re.fullmatch(pattern, text)` as a boolean, or 'compile-error' where compiling raises re.error.
 * Throws PythonRegexRuntimeError where Python raises anything else, compiling or matching (see there).
 */
export function pythonFullmatch(pattern: string, text: string): boolean | 'compile-error' {
    const compiled = compileCached(pattern);
    if (compiled.ok) return compiled.fullmatch(text);
    if (compiled.raises) throw compiled.raises;
    return 'compile-error';
}

export function inspectPythonPattern(pattern: string): PythonPattern | { ok: false; error: string } {
    return compileCached(pattern);
}
