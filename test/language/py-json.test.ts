// Python's json.loads, checked against CPython on random texts (test/fixtures/verifier-http/json_loads.json,
// from scripts/verifier-http/make_fixtures.py): the same value with Python's types, or the same
// JSONDecodeError message and code-point position.
import { describe, expect, test } from 'vitest';
import { PyJsonDecodeError, pyJsonLoads, pyJsonLoadsBytes, type PyValue } from '../../language/python/json-loads.js';
import { PyDumpsError, PyFloat, pyJsonDumpsCompact } from '../../language/python/json-dumps.js';
import { readJson } from '../helpers/fixtures.js';

interface LoadsCase { text: string; value?: string; error?: string; pos?: number; other?: string }
const cases = readJson<LoadsCase[]>('verifier-http/json_loads.json');

/** json.dumps(value, ensure_ascii=True, separators=(',', ':')) of a json-loads value. */
function asciiDumps(value: PyValue): string {
    if (value instanceof PyFloat) {
        if (Number.isNaN(value.value)) return 'NaN';
        if (!Number.isFinite(value.value)) return value.value > 0 ? 'Infinity' : '-Infinity';
        return pyJsonDumpsCompact(value);
    }
    if (typeof value === 'string') return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    if (Array.isArray(value)) return `[${value.map(asciiDumps).join(',')}]`;
    if (value instanceof Map) return `{${[...value].map(([k, v]) => `${asciiDumps(k)}:${asciiDumps(v)}`).join(',')}}`;
    return pyJsonDumpsCompact(value);
}

describe('pyJsonLoads against CPython', () => {
    test.each(cases.map((c, i) => [i, JSON.stringify(c.text).slice(0, 60), c] as const))('%i %s', (_i, _label, c) => {
        let outcome: LoadsCase;
        try {
            outcome = { text: c.text, value: asciiDumps(pyJsonLoads(c.text)) };
        } catch (error) {
            if (!(error instanceof PyJsonDecodeError)) throw error;
            outcome = { text: c.text, error: error.msg, pos: error.pos };
        }
        expect(outcome).toEqual(c);
    });
});

describe('bytes and dumps', () => {
    test('UTF-16 with surrogatepass keeps a lone surrogate; dumps then refuses it as Python does', () => {
        const value = pyJsonLoadsBytes(Buffer.from('"\ud800"', 'utf16le'));
        expect(value).toBe('\ud800');
        expect(() => pyJsonDumpsCompact(value)).toThrow(PyDumpsError);
    });
    test('floats and ints keep their Python spelling', () => {
        expect(pyJsonDumpsCompact(pyJsonLoads('[5.0, 1e16, 1e-7, -0.0, -0, 123456789012345678901234567890, 0.1]'))).toBe('[5.0,1e+16,1e-07,-0.0,0,123456789012345678901234567890,0.1]');
        expect(() => pyJsonDumpsCompact(pyJsonLoads('NaN'))).toThrow(PyDumpsError);
    });
});
