// Python's recursion limit as the reference verifier meets it inside re's parser.
//
// sre_parse is recursive: each group, look-around or conditional costs two Python frames (_parse_sub
// and _parse; a conditional's branch one). CPython raises RecursionError once a thread holds more than
// sys.getrecursionlimit() (1000) of them, and the reference's pass rule does not catch it: the request
// is answered `Unexpected error: maximum recursion depth exceeded`. How deep a pattern may nest therefore
// depends on how many frames are already on the stack where the reference calls re.fullmatch: its async
// endpoint under uvicorn, starlette and FastAPI. REFERENCE_STACK was measured there (docs/python-compat.md).
import { otherPythonError } from './errors.js';

export const RECURSION_LIMIT = 1000;
/**
 * Recursion depth already used when the reference's endpoint calls re.fullmatch: the event loop, uvicorn's
 * protocol, starlette's middleware and routing, FastAPI's handler (fastapi 0.92, starlette 0.26,
 * uvicorn 0.17 on Python 3.11: `(` × 479 + `R` + `)` × 479 compiles there, one level more does not).
 */
export const REFERENCE_STACK = 33;
/** re.fullmatch → re._compile → _compiler.compile → _parser.parse, before the first _parse_sub. */
export const ENTRY_FRAMES = 4;
/**
 * What the innermost _parse calls on top of its own frame: source.get → __next, or SubPattern(). Which
 * call overflows decides Python's exact depth (by one level at most) and message (a suffix such as
 * "while calling a Python object"); measured under uvicorn, every innermost item we tried failed at the
 * same depth with the plain message, which is what this models.
 */
const LEAF_FRAMES = 2;

/** Counts the Python frames sre_parse would hold, and raises where Python raises RecursionError. */
export class PythonStack {
    private frames: number;

    constructor(stack = REFERENCE_STACK) {
        this.frames = stack + ENTRY_FRAMES;
    }

    /** A call of _parse_sub or _parse (the caller leaves with `leave`). */
    enter(): void {
        this.frames++;
        if (this.frames + LEAF_FRAMES > RECURSION_LIMIT) throw otherPythonError('RecursionError', 'maximum recursion depth exceeded');
    }

    leave(): void {
        this.frames--;
    }
}
