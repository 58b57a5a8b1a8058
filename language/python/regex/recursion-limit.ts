// Python's recursion limit inside re's parser, where the reference verifier's endpoint calls it.
//
// sre_parse is recursive: each group, look-around or atomic group costs two Python frames (_parse_sub
// and _parse; a conditional's branch one). Past the limit Python raises RecursionError, which the
// reference's pass rule does not catch: the request is answered `Unexpected error: maximum recursion
// depth exceeded`. How deep a pattern may nest depends on the frames already in use at the endpoint
// (../recursion-limit.ts, measured; docs/python-compat.md).
import { ENDPOINT_STACK, RECURSION_LIMIT } from '../recursion-limit.js';
import { otherPythonError } from './errors.js';

/** re.fullmatch → re._compile → _compiler.compile → _parser.parse, before the first _parse_sub. */
const ENTRY_FRAMES = 4;
/**
 * What the innermost _parse calls on top of its own frame: source.get → __next, or SubPattern(). Which
 * call overflows decides Python's exact depth (by one level at most) and message (a suffix such as
 * "while calling a Python object"); measured under uvicorn, every innermost item we tried failed at the
 * same depth with the plain message, which is what this models.
 */
const LEAF_FRAMES = 2;

/** Counts the Python frames sre_parse would hold, and raises where Python raises RecursionError. */
export class PythonStack {
    private frames = ENDPOINT_STACK + ENTRY_FRAMES;

    /** A call of _parse_sub or _parse (the caller leaves with `leave`). */
    enter(): void {
        this.frames++;
        if (this.frames + LEAF_FRAMES > RECURSION_LIMIT) throw otherPythonError('RecursionError', 'maximum recursion depth exceeded');
    }

    leave(): void {
        this.frames--;
    }
}
