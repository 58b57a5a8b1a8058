// "Did you mean": the word a misspelling was meant to be. Quick fixes offer it, and the checks use it
// to tie a broken declaration line to the errors it causes (a `Start start:` line is why the program
// has no START node).
import { closest, distance } from 'fastest-levenshtein';
import { pyStrip } from '../../python/text.js';
import { SPACE } from '../../python/unicode/index.js';
import { isNodeKind, NODE_KINDS, type NodeKind } from './vocabulary.js';

/** The closest name within a few edits (a third of the word, at least two), if any. */
export function nearest(word: string, names: readonly string[]): string | undefined {
    if (names.length === 0) return undefined;
    const best = closest(word, names);
    return best !== word && distance(word, best) <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** Up to Python whitespace (not JavaScript's, which has U+FEFF: a BOM-led `\ufeffSTART` is a word) or a colon. */
const FIRST_WORD = new RegExp(`^[^${SPACE.classBody()}:]+`, 'u');

/** The first word of a declaration line: where its node kind should be. */
export function firstWord(line: string): string | undefined {
    return FIRST_WORD.exec(pyStrip(line))?.[0];
}

/** The node kind a broken declaration line meant: its first word, in upper case, or the kind closest to it. */
export function intendedKind(line: string): NodeKind | undefined {
    const word = firstWord(line);
    if (!word) return undefined;
    const upper = word.toUpperCase();
    const kind = isNodeKind(upper) ? upper : nearest(upper, NODE_KINDS);
    return kind as NodeKind | undefined;
}
