#!/usr/bin/env python3
"""Writes language/python/unicode/tables.generated.ts: Python 3.11's character classes (Unicode 14.0).

The verifier must answer like the reference, which runs Python 3.11, so `\\w`, `\\s`, `\\d`, str.isalpha,
str.isidentifier and sre's case mappings are taken from this interpreter, never from the JS engine's
Unicode tables (which follow Node's Unicode version). Run with the pinned interpreter:

    python3 scripts/gen-python-unicode.py          # or: npm run unicode:generate

It refuses any other Python/Unicode version, so the tables cannot drift silently. See docs/python-compat.md.
"""
import _sre
import os
import re._casefix
import sys
import unicodedata

PYTHON = (3, 11)
UNICODE = '14.0.0'
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'language', 'python', 'unicode', 'tables.generated.ts')
MAX = 0x110000


def ranges(pred):
    """Sorted inclusive [lo, hi] runs of the code points for which pred holds."""
    out, start = [], None
    for cp in range(MAX):
        if pred(cp):
            if start is None:
                start = cp
        elif start is not None:
            out.append((start, cp - 1))
            start = None
    if start is not None:
        out.append((start, MAX - 1))
    return out


def ts_string(text, width=112):
    """A long space-separated string as a TS expression of concatenated lines of at most `width`."""
    chunks, line = [], ''
    for word in text.split(' '):
        if line and len(line) + len(word) + 1 > width:
            chunks.append(line + ' ')
            line = word
        else:
            line = f'{line} {word}' if line else word
    chunks.append(line)
    return ' +\n    '.join(f"'{c}'" for c in chunks)


def hex_ranges(runs):
    return ' '.join(f'{lo:x}' if lo == hi else f'{lo:x}-{hi:x}' for lo, hi in runs)


def upper(cp):
    # sre's unicode upper (Py_UNICODE_TOUPPER) is the first code point of the full mapping.
    return ord(chr(cp).upper()[0])


def mapping_runs(fn):
    """A one-code-point mapping as runs `lo-hi[/2]:±delta` (hex): every code point (or every second one)
    from lo to hi maps to itself plus delta; code points not listed map to themselves."""
    changed = [(cp, fn(cp) - cp) for cp in range(MAX) if fn(cp) != cp]
    runs, i = [], 0
    while i < len(changed):
        lo, delta = changed[i]
        hi, step, j = lo, 1, i + 1
        if j < len(changed) and changed[j][1] == delta and changed[j][0] - lo in (1, 2):
            step = changed[j][0] - lo
            while j < len(changed) and changed[j][1] == delta and changed[j][0] == hi + step:
                hi = changed[j][0]
                j += 1
        runs.append((lo, hi, step, delta))
        i = j
    parts = []
    for lo, hi, step, delta in runs:
        span = f'{lo:x}' if lo == hi else f'{lo:x}-{hi:x}' + ('/2' if step == 2 else '')
        parts.append(f"{span}:{'+' if delta > 0 else '-'}{abs(delta):x}")
    return ' '.join(parts)


def check_environment():
    if sys.version_info[:2] != PYTHON or unicodedata.unidata_version != UNICODE:
        sys.exit(f'need Python {PYTHON[0]}.{PYTHON[1]} with Unicode {UNICODE}; this is Python '
                 f'{sys.version.split()[0]} with Unicode {unicodedata.unidata_version}')
    # sre's iscased is "lower or upper differs": our upper() must agree with it.
    for cp in range(MAX):
        if _sre.unicode_iscased(cp) != (_sre.unicode_tolower(cp) != cp or upper(cp) != cp):
            sys.exit(f'upper() disagrees with _sre.unicode_iscased at U+{cp:04X}')


def main():
    check_environment()
    tables = {
        'WORD': ('`\\w` for str patterns: str.isalnum() or "_"', ranges(lambda c: chr(c).isalnum() or c == 0x5F)),
        'ALPHA': ('str.isalpha()', ranges(lambda c: chr(c).isalpha())),
        'DECIMAL': ('`\\d` for str patterns and int() digits: str.isdecimal()', ranges(lambda c: chr(c).isdecimal())),
        'SPACE': ('`\\s` for str patterns, str.isspace() and str.strip(): the whitespace set', ranges(lambda c: chr(c).isspace())),
        'IDENTIFIER_START': ('first character of str.isidentifier() (XID_Start or "_")', ranges(lambda c: chr(c).isidentifier())),
        'IDENTIFIER_CONTINUE': ('later characters of str.isidentifier() (XID_Continue)', ranges(lambda c: ('a' + chr(c)).isidentifier())),
        'CJK_UNIFIED': ('code points named "CJK UNIFIED IDEOGRAPH-<hex>" (for \\N{...})',
                        ranges(lambda c: unicodedata.name(chr(c), '').startswith('CJK UNIFIED IDEOGRAPH-'))),
    }
    # Decimal digits come in runs of ten starting at 0: decimalValue relies on it.
    for lo, hi in tables['DECIMAL'][1]:
        for cp in range(lo, hi + 1):
            assert unicodedata.decimal(chr(cp)) == (cp - lo) % 10, hex(cp)
    extra = ' '.join(f'{k:x}:' + ','.join(f'{v:x}' for v in vs) for k, vs in sorted(re._casefix._EXTRA_CASES.items()))

    lines = [
        '// GENERATED FILE, do not edit. Regenerate with `npm run unicode:generate`',
        '// (python3 scripts/gen-python-unicode.py, which refuses any interpreter but Python 3.11 / Unicode 14.0).',
        f'// Source: Python {sys.version.split()[0]}, unicodedata.unidata_version {unicodedata.unidata_version}.',
        '// Classes are space-separated hex ranges `lo-hi` (or a single `cp`); mappings are runs',
        '// `lo-hi[/2]:±delta` (every code point, or every second one, from lo to hi maps to itself + delta).',
        '',
        f"export const UNICODE_VERSION = '{unicodedata.unidata_version}';",
        f"export const PYTHON_VERSION = '{sys.version_info[0]}.{sys.version_info[1]}';",
        '',
    ]
    for name, (doc, runs) in tables.items():
        lines.append(f'/** {doc} */')
        lines.append(f"export const {name} =\n    {ts_string(hex_ranges(runs))};")
    lines.append('/** sre\'s lower-casing (_sre.unicode_tolower: the first code point of the full lowercase). */')
    lines.append(f"export const LOWER =\n    {ts_string(mapping_runs(_sre.unicode_tolower))};")
    lines.append('/** sre\'s upper-casing (the first code point of the full uppercase). */')
    lines.append(f"export const UPPER =\n    {ts_string(mapping_runs(upper))};")
    lines.append('/** sre\'s _EXTRA_CASES: lowercase letters that share an uppercase with other lowercase letters (`key:others`). */')
    lines.append(f"export const EXTRA_CASES =\n    {ts_string(extra)};")
    with open(OUT, 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')
    print(f'wrote {os.path.normpath(OUT)}')


if __name__ == '__main__':
    main()
