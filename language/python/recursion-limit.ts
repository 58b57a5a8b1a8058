// CPython's recursion limit as the reference verifier meets it. Python raises RecursionError once a
// thread is more than sys.getrecursionlimit() calls deep, and the reference's server already holds some
// of them wherever its code runs, so how deep a request may nest depends on the call site. Both depths
// below were measured with an app of the reference's shape (an async FastAPI endpoint with the same
// request model) under uvicorn, on Debian 12's fastapi 0.92, starlette 0.26, uvicorn 0.17 and Python
// 3.11; other versions of those libraries hold a few frames more or fewer (docs/python-compat.md).

export const RECURSION_LIMIT = 1000;

/**
 * Depth in use where the endpoint calls re.fullmatch: `(` × 479 + `R` + `)` × 479 compiles there, one
 * level more raises (regex/recursion-limit.ts counts sre_parse's frames on top of it).
 */
export const ENDPOINT_STACK = 33;

/**
 * Depth in use where Starlette decodes the request body (json.loads, one level of the C scanner per
 * level of nesting): an array nested 964 deep is decoded (a 422 follows), 965 deep is the 400.
 */
export const BODY_DECODE_STACK = 36;
