// Errors Python raises while compiling or matching, as the port reports them.

/**
 * An exception other than `re.error` that Python's `re.fullmatch` raises, which the reference
 * verifier's pass rule does not catch: it fails the whole request with "Unexpected error: <message>"
 * (the message is Python's `str(e)`); callers that mirror it should do the same. Two sources:
 *  * matching: Python 3.11 raises SystemError("The span of capturing group is wrong, ...") when a
 *    successful match leaves a group whose start mark lies after its end mark, a CPython bug reachable
 *    through a possessive repeat whose body captures and backtracks (`((B)Y|\w){2}+` on "BYx");
 *  * compiling: OverflowError for a repeat count of 2**32 - 1 or more (`R{4294967295}`), ValueError
 *    for flags Python refuses outside re.error (`(?a)(?u)`), RecursionError for groups nested ~480
 *    deep (recursion-limit.ts).
 */
export class PythonRegexRuntimeError extends Error {
    constructor(message: string, readonly pythonType: 'SystemError' | OtherPythonErrorType = 'SystemError') {
        super(message);
    }
}

/** `re.error` in Python. */
export class PythonPatternError extends Error {}

export type OtherPythonErrorType = 'OverflowError' | 'ValueError' | 'RecursionError';

/** An error of compiling that is not `re.error` in Python (see PythonRegexRuntimeError). */
export class OtherPythonError extends PythonPatternError {
    constructor(readonly pythonType: OtherPythonErrorType, readonly pythonMessage: string) {
        super(`${pythonType} (not re.error): ${pythonMessage}`);
    }
}

/** Python raises something other than `re.error` (OverflowError, ValueError, RecursionError). */
export function otherPythonError(kind: OtherPythonErrorType, message: string): PythonPatternError {
    return new OtherPythonError(kind, message);
}
