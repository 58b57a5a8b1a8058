// Shared by the regex tests: an answer of Python's re.fullmatch, including CPython's match-time SystemError.
import { PythonRegexRuntimeError } from '../../language/python/regex/index.js';

export type Answer = boolean | 'compile-error' | 'SystemError';

/** Runs a matcher, turning CPython's match-time SystemError (mirrored by PythonRegexRuntimeError) into a value. */
export function settle(run: () => boolean | 'compile-error'): Answer {
    try {
        return run();
    } catch (error) {
        if (error instanceof PythonRegexRuntimeError) return 'SystemError';
        throw error;
    }
}
