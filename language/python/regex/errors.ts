// Errors Python raises while compiling or matching, as the port reports them.

/**
 * Python 3.11 raises SystemError("The span of capturing group is wrong, ...") when a successful match
 * leaves a group whose start mark lies after its end mark: a CPython bug reachable through a possessive
 * repeat whose body captures and backtracks (`((B)Y|\w){2}+` on "BYx"). The reference verifier then fails
 * the whole request with "Unexpected error: <message>"; callers that mirror it should do the same.
 */
export class PythonRegexRuntimeError extends Error {
    readonly pythonType = 'SystemError';
}

/** `re.error` in Python. */
export class PythonPatternError extends Error {}

/** Python raises something other than `re.error` (OverflowError, ValueError). */
export function otherPythonError(kind: string, message: string): PythonPatternError {
    return new PythonPatternError(`${kind} (not re.error): ${message}`);
}
