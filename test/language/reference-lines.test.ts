// Line numbers of docs/manufactoria.md §2 step 3. Expected verdicts are the reference parser's, recorded.
import { expect, test } from 'vitest';
import { verdictOf } from '../../language/manufactoria/verdict.js';

const BODY = 'START start\n    NEXT end\nEND end';

test.each([
    ['blank lines after a dropped opening fence count', '```\n\n\n' + BODY, 'Line 3: START nodes must have a colon'],
    ['leading blank lines vanish; a comment and a blank line before the first node count', '\n\n# c\n\n' + BODY, 'Line 3: START nodes must have a colon'],
    ['only the first fence is dropped: the second is line 1', '```\n```\n' + BODY, 'Line 1: Invalid node declaration: ```'],
])('%s', (_name, text, expected) => {
    expect(verdictOf(text)).toMatchObject({ ok: false, error: expected });
});
