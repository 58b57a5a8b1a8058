// Shared by the regex tests: an answer of Python's re.fullmatch, including CPython's match-time SystemError.
import { PythonRegexRuntimeError } from '../../language/python/regex/index.js';

export type Answer = boolean | 'compile-error' | 'SystemError' | 'OverflowError' | 'ValueError' | 'RecursionError';

/** Runs a matcher, turning the exceptions Python raises other than re.error (mirrored by PythonRegexRuntimeError) into a value. */
export function settle(run: () => boolean | 'compile-error'): Answer {
    try {
        return run();
    } catch (error) {
        if (error instanceof PythonRegexRuntimeError) return error.pythonType;
        throw error;
    }
}
