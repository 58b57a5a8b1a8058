// Running model answers like the verifier (spec §10): extraction, safety filter, per-assert python.
import { describe, expect, it } from 'vitest';
import { extractPythonProgram } from '../../language/bouncingsim/python/extract.js';
import { unsafeOccurrences, unsafeSubstrings } from '../../language/bouncingsim/python/safety.js';
import { DEFAULT_TIMEOUT_MS, PythonNotFoundError, runProgramChecks, runResponseChecks } from '../../language/bouncingsim/python/runner.js';

const fn = (t: string, pos: string) => `assert check_distance(predict_position(${t}), ${pos}) <= 50.0`;
const TESTS = [fn('0.10', '[[100.0, 200.0]]'), fn('0.20', '[[110.0, 200.0]]'), fn('0.30', '[[120.0, 200.0]]')];
// Generous limit for the normal cases so a loaded machine cannot turn them into timeouts.
const SLOW_OK = { timeoutMs: 10_000 };

describe('extractPythonProgram', () => {
    it('takes the last fence, python-tagged or bare, stripped, else the whole output unchanged', () => {
        expect(extractPythonProgram('a\n```python\nx = 1\n```\nb\n```\ny = 2\n```')).toBe('y = 2');
        expect(extractPythonProgram('```python\n  z = 3\n```')).toBe('z = 3');
        expect(extractPythonProgram('```python\x1c\x85z = 3\ufeff```')).toBe('z = 3\ufeff'); // Python's whitespace, not JS trim()'s
        expect(extractPythonProgram('  just code\n')).toBe('  just code\n');
        expect(extractPythonProgram('```py\nq = 1\n```')).toBe('py\nq = 1'); // like the reference regex
    });
});

describe('safety filter', () => {
    it('is a plain substring test, comments included', () => {
        expect(unsafeSubstrings('# no threading here\nimport math')).toEqual(['threading']);
        expect(unsafeSubstrings('import multiprocessing')).toEqual(['multiprocess', 'multiprocessing']);
        expect(unsafeSubstrings('from os import path')).toEqual(['from os']);
        expect(unsafeSubstrings('import math\nimport numpy')).toEqual([]);
        expect(unsafeOccurrences('import os\nimport shutil')).toEqual([{ text: 'import os', offset: 0 }, { text: 'shutil', offset: 17 }]);
    });
});

describe('runProgramChecks', () => {
    it('has the reference 1 s default', () => expect(DEFAULT_TIMEOUT_MS).toBe(1000));

    it('a budget past what a Node timer holds (~24.8 days) is no limit, not a failure after 1 ms', async () => {
        const program = 'def predict_position(t):\n    return [[100.0, 200.0]]\n';
        for (const timeoutMs of [3e9, 1e12, Infinity]) {
            const r = await runProgramChecks(program, TESTS.slice(0, 1), { timeoutMs });
            expect(r.results[0].error).toBeUndefined();
            expect(r.all_pass).toBe(true);
        }
    });

    it('passes a correct program and reports predictions and distances', async () => {
        const program = 'import math\ndef predict_position(t):\n    return [[round(100 + 100 * t, 2), 203.0]]\n';
        const r = await runProgramChecks(program, TESTS, SLOW_OK);
        expect(r.all_pass).toBe(true);
        expect(r.pass_rate).toBe(1);
        expect(r.results.map((x) => [x.time, x.predicted, x.distance, x.passed])).toEqual([
            [0.1, [[110, 203]], 10.44, true], [0.2, [[120, 203]], 10.44, true], [0.3, [[130, 203]], 10.44, true],
        ]);
        expect(r.results.every((x) => x.runtime >= 0 && !x.timedOut && x.error === undefined)).toBe(true);
    });

    it('fails asserts beyond the tolerance and wrong ball counts', async () => {
        const program = 'def predict_position(t):\n    if t > 0.25:\n        return [[0.0, 0.0], [1.0, 1.0]]\n    return [[100.0, 200.0 + 1000 * t]]\n';
        const r = await runProgramChecks(program, TESTS, SLOW_OK);
        expect(r.results.map((x) => x.passed)).toEqual([false, false, false]);
        expect(r.results[0]).toMatchObject({ distance: 100, predicted: [[100, 300]], error: 'AssertionError', runtime: -1 });
        expect(r.results[2].error).toMatch(/^ValueError: Lists must have same length: 2 vs 1/);
        expect(r.all_pass).toBe(false);
        expect(r.pass_rate).toBe(0);
    });

    it('labels list-mode asserts with the row timestamps', async () => {
        const program = 'def predict_position():\n    return [[[100.0, 200.0]], [[999.0, 200.0]]]\n';
        const tests = ['assert check_distance(predict_position()[0], [[100.0, 200.0]]) <= 50.0', 'assert check_distance(predict_position()[1], [[110.0, 200.0]]) <= 50.0'];
        const r = await runProgramChecks(program, tests, { ...SLOW_OK, timestamps: [0.1, 0.2] });
        expect(r.results.map((x) => [x.time, x.passed, x.distance])).toEqual([[0.1, true, 0], [0.2, false, 889]]);
        expect(r.pass_rate).toBe(0.5);
    });

    it('kills a program that runs past the limit', async () => {
        const program = 'def predict_position(t):\n    while True:\n        pass\n';
        const started = Date.now();
        const r = await runProgramChecks(program, TESTS.slice(0, 2), { timeoutMs: 300 });
        expect(Date.now() - started).toBeLessThan(5000);
        expect(r.results.map((x) => [x.passed, x.timedOut, x.runtime])).toEqual([[false, true, -1], [false, true, -1]]);
        expect(r.results[0].error).toBe('timed out after 300 ms');
    });

    it('refuses unsafe programs without running them', async () => {
        const program = '# threading would be nice\ndef predict_position(t):\n    return [[100.0, 200.0]]\n';
        const r = await runProgramChecks(program, TESTS, { python: '/definitely/not/python' });
        expect(r.refused).toEqual(['threading']);
        expect(r.results.map((x) => [x.passed, x.runtime])).toEqual([[false, -1], [false, -1], [false, -1]]);
        expect(r.results[0].error).toMatch(/refused by the safety filter \(contains "threading"\)/);
    });

    it('reports syntax errors, exit() and prints without breaking', async () => {
        const syntax = await runProgramChecks('def predict_position(t)\n    return [[1, 2]]\n', TESTS.slice(0, 1), SLOW_OK);
        expect(syntax.results[0]).toMatchObject({ passed: false, runtime: -1 });
        expect(syntax.results[0].error).toMatch(/^SyntaxError/);
        const noisy = await runProgramChecks('print("hello")\ndef predict_position(t):\n    print("x" * 10000)\n    return [[100.0, 200.0]]\n', TESTS.slice(0, 1), SLOW_OK);
        expect(noisy.results[0].passed).toBe(true);
        const exiting = await runProgramChecks('exit(0)\n', TESTS.slice(0, 1), SLOW_OK);
        expect(exiting.results[0].passed).toBe(false);
        expect(exiting.results[0].error).toMatch(/^TypeError/); // exit is disabled, as in the verifier
    });

    it('runs a program as exec(program) does in the test, compiled once for its tests or not: its code, warnings and errors', async () => {
        // The worker compiles a program once for its tests when it compiles cleanly; the test must not tell.
        const same = "import sys\nF = sys._getframe().f_code\ndef predict_position(t):\n    ok = (F.co_filename, F.co_name, predict_position.__code__.co_firstlineno, __name__) == ('<string>', '<module>', 3, 'builtins')\n    return [[100.0, 200.0]] if ok else [[9000.0, 9000.0]]\n";
        expect((await runProgramChecks(same, TESTS.slice(0, 1), SLOW_OK)).results[0]).toMatchObject({ passed: true });
        // A compile-time warning is printed by each test, as when the test compiles the program.
        const warned = await runProgramChecks('x = 1 is 1\ndef predict_position(t):\n    return [[100.0, 200.0]]\n', TESTS.slice(0, 2), SLOW_OK);
        expect(warned.results.map((r) => [r.passed, r.stderr])).toEqual(Array(2).fill([true, expect.stringContaining('<string>:1: SyntaxWarning: "is" with a literal')]));
        const nul = await runProgramChecks('x = 1\0\ndef predict_position(t):\n    return [[100.0, 200.0]]\n', TESTS.slice(0, 2), SLOW_OK);
        expect(nul.results.map((r) => [r.passed, r.error])).toEqual(Array(2).fill([false, expect.stringMatching(/null bytes/)]));
    });

    it("records predictions without running the program's code, so points that run code when read keep the reference's verdict", async () => {
        // The reference reads each point's [0] and [1] once and never calls float() on them; each of
        // these passes there (right on the first read, then wrong; float() exits; a second pass is wrong).
        const programs = [
            'class P:\n    n = 0\n    def __getitem__(self, i):\n        self.n += 1\n        return [100.0, 200.0][i] if self.n <= 2 else 9000.0\ndef predict_position(t):\n    return [P()]\n',
            'class X(float):\n    def __float__(self):\n        raise SystemExit(0)\ndef predict_position(t):\n    return [[X(100.0), X(200.0)]]\n',
            'class L(list):\n    k = 0\n    def __iter__(self):\n        self.k += 1\n        return iter([[100.0, 200.0]] if self.k == 1 else [[9000.0, 9000.0]])\ndef predict_position(t):\n    return L([[0.0, 0.0]])\n',
        ];
        for (const program of programs) {
            const run = (await runProgramChecks(program, TESTS.slice(0, 1), SLOW_OK)).results[0];
            expect(run, program).toMatchObject({ passed: true, distance: 0 });
            expect(run.predicted ?? [[null, null]], program).toEqual([[null, null]]);
        }
        const plain = (await runProgramChecks('def predict_position(t):\n    return ((100, 200.0),)\n', TESTS.slice(0, 1), SLOW_OK)).results[0];
        expect(plain).toMatchObject({ passed: true, predicted: [[100, 200]], distance: 0 });
    });

    it('extracts the code from a full response', async () => {
        const response = 'Reasoning…\n```python\ndef predict_position(t):\n    return [[100.0 + 100 * t, 200.0]]\n```\nDone.';
        const r = await runResponseChecks(response, TESTS, SLOW_OK);
        expect(r.all_pass).toBe(true);
    });

    it('says clearly when python cannot be started', async () => {
        await expect(runProgramChecks('x = 1', TESTS, { python: '/definitely/not/python3' })).rejects.toThrow(PythonNotFoundError);
        await expect(runProgramChecks('x = 1', TESTS, { python: '/definitely/not/python3' })).rejects.toThrow(/cannot start '\/definitely\/not\/python3': Python 3 is needed/);
    });
});
