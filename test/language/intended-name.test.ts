// The id a broken declaration meant to declare uses Python 3.11's `\w` and strip (docs/python-compat.md).
import { expect, it } from 'vitest';
import { intendedName } from '../../language/manufactoria/validation/reference-validator.js';

it('reads the intended id with Python 3.11 classes', () => {
    expect(intendedName('PULER_RB read:')).toBe('read');
    expect(intendedName('\u001cPAINTER_PINK café٣:')).toBe('café٣');
    // U+1C89 is a letter only since Unicode 16: not `\w` in Python 3.11.
    expect(intendedName('PULER_RB \u1C89x:')).toBeUndefined();
});
