// Verdicts the benchmark's own verifier gives (recorded by running sunblaze-ucb/delta-code's
// verifier/ballsim_utils.get_successful_tests_fast on these programs, after open-instruct's
// BallsimVerifier extraction: the last fence's text, str.strip()ped), and ours on the same texts.
// Each case pins one step where a reading of the procedure differs from the code: the strip, the
// guard's exact list (os.getcwd and `import resource` fail, os.kill/os.fork work), the modules the
// verifier has loaded before the guard (multiprocessing) and the order of
// operations in check_distance (truth minus prediction, `not pred`).
import { afterAll, describe, expect, it } from 'vitest';
import { closePythonRunners, runProgramChecks, runResponseChecks } from '../../language/bouncingsim/python/runner.js';

afterAll(() => closePythonRunners());

const ASSERTS = [
    'assert check_distance(predict_position(0.10), [[818.43, 732.43]]) <= 50.0',
    'assert check_distance(predict_position(0.20), [[831.86, 701.87]]) <= 50.0',
];
const TABLE = 'def predict_position(t):\n    return {"0.10": [[818.43, 732.43]], "0.20": [[831.86, 701.87]]}["%.2f" % t]\n';

/** [what, response (extracted first) or program (as /test_program gets it), the reference's result for both asserts]. */
const CASES: [string, 'response' | 'program', string, 0 | 1][] = [
    ["block indented in a list item, one def", 'response', "Steps:\n1. The code:\n   ```python\n   def predict_position(t):\n       return {\"0.10\": [[818.43, 732.43]], \"0.20\": [[831.86, 701.87]]}[\"%.2f\" % t]\n   ```\n", 1],
    ["code on the fence line after spaces", 'response', "```python  " + TABLE + "```", 1],
    ["NBSP after the tag", 'response', "```python\u00a0\n" + TABLE + "```", 1],
    ["\\x1c after the tag (Python whitespace, not JS)", 'response', "```python\u001c" + TABLE + "```", 1],
    ["U+0085 after the tag", 'response', "```python\u0085" + TABLE + "```", 1],
    ["BOM after the tag (JS whitespace, not Python)", 'response', "```python\ufeff" + TABLE + "```", 0],
    ["python3 tag leaves the statement 3", 'response', "```python3\n" + TABLE + "```", 1],
    ["py tag leaves the name py", 'response', "```py\n" + TABLE + "```", 0],
    ["unterminated last fence: the block before it", 'response', "```python\n" + TABLE + "```\nand\n```python\nbroken(\n", 1],
    ["import resource", 'program', "import resource\n" + TABLE, 0],
    ["import resource, ImportError caught", 'program', "try:\n    import resource\nexcept ImportError:\n    resource = None\n" + TABLE, 1],
    ["os.getcwd()", 'program', "import sys, os\nos.getcwd()\n" + TABLE, 0],
    ["os.path.abspath (calls os.getcwd)", 'program', "import sys, os\nos.path.abspath('x')\n" + TABLE, 0],
    ["os.lchmod set even where os lacks it", 'program', "import sys, os\nassert hasattr(os, 'lchmod')\n" + TABLE, 1],
    ["os.kill is left alone", 'program', "import sys, os\nos.kill(os.getpid(), 0)\n" + TABLE, 1],
    ["os.unsetenv is left alone", 'program', "import sys, os\nos.unsetenv('DELTA_X')\n" + TABLE, 1],
    ["os.fork is left alone", 'program', "import sys, os\nos.fork()\n" + TABLE, 1],
    ["multiprocessing imported past the filter (loaded in the verifier)", 'program', "mp = __import__('multi' 'processing')\n" + TABLE, 1],
    ["ProcessPoolExecutor (imports multiprocessing)", 'program', "from concurrent.futures import ProcessPoolExecutor\n" + TABLE, 1],
    ["pathlib.Path.cwd() (calls os.getcwd)", 'program', "import pathlib\npathlib.Path.cwd()\n" + TABLE, 0],
    ["float subclass whose __sub__ says 0", 'program', "class F(float):\n    def __sub__(self, other):\n        return 0.0\ndef predict_position(t):\n    return [[F(0), F(0)]]\n", 0],
    ["float subclass whose __rsub__ says 0", 'program', "class F(float):\n    def __rsub__(self, other):\n        return 0.0\ndef predict_position(t):\n    return [[F(0), F(0)]]\n", 1],
    ["a right list that is falsy", 'program', "class L(list):\n    def __bool__(self):\n        return False\ndef predict_position(t):\n    return L({\"0.10\": [[818.43, 732.43]], \"0.20\": [[831.86, 701.87]]}[\"%.2f\" % t])\n", 0],
];

describe('verdicts equal the reference verifier\'s', () => {
    it.each(CASES)('%s', async (_what, kind, text, expected) => {
        const run = kind === 'response' ? runResponseChecks : runProgramChecks;
        const check = await run(text, ASSERTS, { sandbox: 'require', timeoutMs: 10_000 });
        expect(check.results.map((r) => (r.passed ? 1 : 0))).toEqual([expected, expected]);
    });

    it('check_distance raises the reference\'s exceptions', async () => {
        const errors = async (program: string) => (await runProgramChecks(program, ASSERTS.slice(0, 1), { sandbox: 'require', timeoutMs: 10_000 })).results[0].error;
        expect(await errors('def predict_position(t):\n    return None\n')).toBe('TypeError: Input lists must be lists');
        expect(await errors('def predict_position(t):\n    return [[1, 2], [3, 4]]\n')).toBe('ValueError: Lists must have same length: 2 vs 1');
        expect(await errors('def predict_position(t):\n    return [[1]]\n')).toBe('ValueError: Invalid coordinates at index 0: [1], [818.43, 732.43]');
    });
});
