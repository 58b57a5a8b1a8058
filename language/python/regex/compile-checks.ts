// What sre_compile adds to parsing: the errors it raises, flag scoping, and its single-character test.
import { PythonPatternError } from './errors.js';
import { ParseState } from './parse-state.js';
import { F_TEMPLATE, MAXCODE, TYPE_FLAGS } from './sre-constants.js';
import { type Seq } from './tree.js';

/** The raises of sre_compile that parsing does not catch. */
export function checkCompilable(seq: Seq, flags: number, state: ParseState): void {
    for (const item of seq) {
        switch (item.op) {
            case 'REPEAT':
                if (flags & F_TEMPLATE) throw new PythonPatternError(`internal: unsupported template operator ${item.kind}_REPEAT`);
                checkCompilable(item.body, flags, state);
                break;
            case 'SUBPATTERN':
                checkCompilable(item.body, combineFlags(flags, item.add, item.del), state);
                break;
            case 'ATOMIC':
                checkCompilable(item.body, flags, state);
                break;
            case 'ASSERT':
                if (item.behind) {
                    const [lo, hi] = state.width(item.body);
                    if (lo > MAXCODE) throw new PythonPatternError('looks too much behind');
                    if (lo !== hi) throw new PythonPatternError('look-behind requires fixed-width pattern');
                }
                checkCompilable(item.body, flags, state);
                break;
            case 'BRANCH':
                for (const alt of item.alts) checkCompilable(alt, flags, state);
                break;
            case 'GROUPREF_EXISTS':
                checkCompilable(item.yes, flags, state);
                if (item.no) checkCompilable(item.no, flags, state);
                break;
            default:
                break;
        }
    }
}

export function combineFlags(flags: number, add: number, del: number): number {
    if (add & TYPE_FLAGS) flags &= ~TYPE_FLAGS;
    return (flags | add) & ~del;
}

/** sre_compile's `_simple`: a repeat of one single-character item uses the REPEAT_ONE fast path. */
export function isSingleCharacter(body: Seq): boolean {
    if (body.length !== 1) return false;
    const only = body[0];
    if (only.op === 'SUBPATTERN') return only.group === null && isSingleCharacter(only.body);
    return only.op === 'LITERAL' || only.op === 'NOT_LITERAL' || only.op === 'ANY' || only.op === 'IN';
}
