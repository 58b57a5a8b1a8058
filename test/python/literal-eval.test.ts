// pyLiteralEval reads back what Python's repr() prints (the values below are Python 3 reprs, checked
// against ast.literal_eval); anything else is refused.
import { describe, expect, it } from 'vitest';
import { PyLiteralError, pyLiteralEval } from '../../language/python/literal-eval.js';

describe('pyLiteralEval', () => {
    it('reads the reprs of strings, numbers, constants, lists, tuples and dicts', () => {
        expect(pyLiteralEval(String.raw`'a\\b'`)).toBe('a\\b');
        expect(pyLiteralEval(String.raw`'é\x01\u2028'`)).toBe('é\x01\u2028');
        expect(pyLiteralEval(`"it's"`)).toBe("it's");
        expect(pyLiteralEval(String.raw`'q"uo\'te'`)).toBe('q"uo\'te');
        expect(pyLiteralEval(String.raw`'\U0001f600\101\z'`)).toBe('😀A\\z');
        expect(pyLiteralEval('(1, 2)')).toEqual([1, 2]);
        expect(pyLiteralEval("{'k': None, '__proto__': 1}")).toEqual(JSON.parse('{"k": null, "__proto__": 1}'));
        expect(pyLiteralEval('[-1.5e-07, 1e+16, True, False, None, [], ()]')).toEqual([-1.5e-7, 1e16, true, false, null, [], []]);
        expect(pyLiteralEval("[{'input': 'BB', 'expected_accepted': True, 'description': \"it's 'BB'\"}]")).toEqual([{ input: 'BB', expected_accepted: true, description: "it's 'BB'" }]);
    });
    it('refuses what literal_eval refuses, or what it reads as something else', () => {
        for (const bad of ['nan', "['a'", "{'a' 1}", '[x]', "{1: 'a'}", "'a", "[1] 2", 'true']) {
            expect(() => pyLiteralEval(bad), bad).toThrow(PyLiteralError);
        }
    });
});
