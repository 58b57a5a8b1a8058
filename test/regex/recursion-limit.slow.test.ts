// Python's RecursionError for deeply nested patterns (language/python/regex/recursion-limit.ts) against a
// live python3. How deep the reference's re.fullmatch may nest depends on the frames its server already
// holds (a measured constant); python3 here is given the recursion limit that puts it in the same place
// (`(` × 479 compiles, × 480 raises), and every other shape must then raise exactly where the port does.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../language/dataset/families/prng.js';
import { pythonFullmatch, PythonRegexRuntimeError } from '../../language/python/regex/index.js';

const ORACLE = `
import json, re, sys
def answer(pattern, limit):
    re.purge()
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(limit)
    try:
        return bool(re.fullmatch(pattern, 'R'))
    except RecursionError as e:
        return 'RecursionError: ' + str(e)
    except re.error:
        return 'compile-error'
    finally:
        sys.setrecursionlimit(old)
nest = lambda d, inner: '(' * d + inner + ')' * d
# Innermost items cost Python one frame more or less (a repeat or an escape reads further than a
# literal); at one parity of the limit that never moves the depth that fails, and the reference's
# server sits at that parity (recursion-limit.ts). Calibrate with the costlier item.
# (Every answer comes from the same call depth: the calibration's and the cases'.)
# The least limit >= 500 at which it compiles (more room never makes it fail), found by doubling and
# bisection: stepping by one compiled it ~470 times, ~1.6 CPU-s.
answers = lambda patterns, limit: [answer(p, limit) for p in patterns]
low, limit = 500, 500
while answers([nest(479, 'R*')], limit)[0] != True:
    low, limit = limit + 1, limit * 2
while low < limit:
    middle = (low + limit) // 2
    if answers([nest(479, 'R*')], middle)[0] == True:
        limit = middle
    else:
        low = middle + 1
assert answers([nest(480, 'R')], limit)[0] != True
print(json.dumps(answers(json.load(sys.stdin), limit)))
`;

function port(pattern: string): boolean | string {
    try {
        return pythonFullmatch(pattern, 'R');
    } catch (error) {
        if (error instanceof PythonRegexRuntimeError) return `${error.pythonType}: ${error.message}`;
        throw error;
    }
}

const nest = (depth: number, open: string, close: string, inner: string) => open.repeat(depth) + inner + close.repeat(depth);

/** Patterns around the limit: every kind of nesting alone, and seeded mixtures of them. */
function shapes(): string[] {
    const out: string[] = [];
    const inners = ['R', '', 'R*', '|', '\\x41', '[a-z]', '(?P<x>R)(?P=x)', 'R|B', '(?=R)', '\\d', 'R{2,3}', '(?#c)'];
    for (let d = 477; d <= 482; d++) for (const inner of inners) out.push(nest(d, '(', ')', inner));
    for (let d = 477; d <= 482; d++) for (const open of ['(?:', '(?=', '(?!', '(?<=', '(?<!', '(?>', '(?i:', '(?-i:', '(?P<n>']) out.push(nest(d, open, ')', 'R').replace(/\(\?P<n>/g, (() => { let i = 0; return () => `(?P<n${i++}>`; })()));
    // A conditional's branch is parsed by _parse alone: one frame a level.
    for (let d = 955; d <= 964; d++) out.push('(R)' + nest(d, '(?(1)', ')', 'R'));
    for (let d = 636; d <= 645; d++) out.push('(R)' + nest(d, '(?(1)(', '))', 'R'));
    for (let d = 477; d <= 482; d++) out.push('(R)' + nest(d, '(?(1)R|(', '))', 'B'));
    const rng = new Rng('recursion-limit mixtures', 1);
    // Conditionals only in the fixed shapes above: mixed with other nesting and a costlier innermost item
    // (a repeat, `|`), they can fail one level off (docs/python-compat.md).
    const openers = [['(', ')', 2], ['(?:', ')', 2], ['(?=', ')', 2], ['(R|', ')', 2], ['(?>', ')', 2], ['(?<=', ')', 2]] as const;
    for (let i = 0; i < 60; i++) {
        let open = '';
        let close = '';
        let frames = 0;
        // Near the limit: ~960 frames of nesting, give or take a few levels.
        const target = 950 + (rng.nextUint32() % 24);
        while (frames < target) {
            const [o, c, cost] = openers[rng.nextUint32() % openers.length];
            open += o;
            close = c + close;
            frames += cost;
        }
        out.push(open + ['R', '', 'B*', 'R|Y', '\\d', '[RB]'][rng.nextUint32() % 6] + close);
    }
    return out;
}

/** The verdict alone: where the pattern fails, not which call of Python's overflowed. */
const raised = (answer: boolean | string) => (typeof answer === 'string' && answer.startsWith('RecursionError: maximum recursion depth exceeded') ? 'RecursionError' : answer);

describe("Python's RecursionError in re's parser", () => {
    const patterns = shapes();
    const run = spawnSync('python3', ['-c', ORACLE], { input: JSON.stringify(patterns), encoding: 'utf8', maxBuffer: 1 << 26 });
    if (run.error || run.status !== 0) throw new Error(`python3 is required: ${run.error?.message ?? run.stderr}`);
    const expected = JSON.parse(run.stdout) as (boolean | string)[];
    const cases = patterns.map((p, i) => ({ pattern: p, python: expected[i], port: port(p) }));
    const show = (c: (typeof cases)[number]) => ({ ...c, pattern: `${c.pattern.slice(0, 14)}…${c.pattern.slice(-10)} (${c.pattern.length} chars)` });

    it('raises at the same depth as python3, for every kind of nesting and their mixtures', () => {
        // Both sides of the limit are exercised.
        expect(expected.filter((a) => raised(a) === 'RecursionError').length).toBeGreaterThan(60);
        expect(expected.filter((a) => typeof a === 'boolean').length).toBeGreaterThan(60);
        expect(cases.filter((c) => raised(c.python) !== raised(c.port)).map(show).slice(0, 5)).toEqual([]);
    });

    it('with the same message where no conditional branch moves the parity of the stack', () => {
        // A conditional's branch costs one frame, not two, so which of Python's calls overflows (and the
        // suffix it adds, such as "while calling a Python object") varies there; docs/python-compat.md.
        const plain = cases.filter((c) => !c.pattern.includes('(?('));
        expect(plain.length).toBeGreaterThan(140);
        expect(plain.filter((c) => c.python !== c.port).map(show).slice(0, 5)).toEqual([]);
    });
});
