// pyJsonDumps writes what Python 3.11's json.dumps(value, ensure_ascii=False) writes (answer recorded
// from python3 3.11.7).
import { expect, it } from 'vitest';
import { pyJsonDumps } from '../../language/python/json-dumps.js';

it('matches json.dumps(ensure_ascii=False): separators, escapes, non-ASCII, float repr', () => {
    const value = {
        a: [1e-7, 0.1, 1.5e300, 2.5e-5, -0.5, 3, null, true, false],
        é: 'tab\there "q" \\ \u0001\u007f ü 中 \u2028',
        n: { x: [] },
    };
    expect(pyJsonDumps(value)).toBe(
        '{"a": [1e-07, 0.1, 1.5e+300, 2.5e-05, -0.5, 3, null, true, false], "é": "tab\\there \\"q\\" \\\\ \\u0001\u007f ü 中 \u2028", "n": {"x": []}}',
    );
});
