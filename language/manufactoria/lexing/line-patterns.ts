// The reference's three line patterns (docs/manufactoria.md §3), applied to a stripped line. `d` gives group offsets
// so the lexer can cut tokens; `u` makes the Python character classes work on code points. `\s` and `\w`
// are Python 3.11's (Unicode 14.0), spelled out as ranges: see docs/python-compat.md.
import { SPACE, WORD } from '../../python/unicode/index.js';
import { NODE_KINDS } from '../model/vocabulary.js';

const S = `[${SPACE.classBody()}]`;
const W = `[${WORD.classBody()}]`;

const COMMENT = '(#[^\\n]*)?';

/** Groups: 1 kind, 2 id, 3 colon (possibly empty), 4 trailing comment. */
export const DECLARATION = new RegExp(`^(${NODE_KINDS.join('|')})${S}+(${W}+)(:?)${S}*${COMMENT}$`, 'du');
/** Groups: 1 `[COND]`, 2 target, 3 trailing comment. `NONE` and `END` are words, so `\w+` covers them. */
export const PULLER_ROUTE = new RegExp(`^(\\[(?:[RBYG]|EMPTY)\\])${S}+(${W}+)${S}*${COMMENT}$`, 'du');
/** Groups: 1 `NEXT`, 2 target, 3 trailing comment. */
export const NEXT_ROUTE = new RegExp(`^(NEXT)${S}+(${W}+)${S}*${COMMENT}$`, 'du');
