// Python 3.11 `re.fullmatch` (language/python/regex) against a live python3: Unicode classes and case
// folding over every code point, and a seeded differential run of generated patterns. Slow kind.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../language/dataset/families/prng.js';
import { inspectPythonPattern, pythonFullmatch } from '../../language/python/regex/index.js';
import { settle, type Answer } from '../helpers/python-regex-answer.js';

// ---------------------------------------------------------------------------------------------
// Unicode data: Python 3.11 uses Unicode 14.0, the JS runtime a newer version.

const UNICODE_ORACLE = `
import json, re, sys, _sre, warnings
warnings.simplefilter('ignore')
# A one-character class matches each code point alone, so its maximal runs over a string of every
# code point of a span are its ranges there (one C-level pass instead of a fullmatch per code point).
def ranges(pattern):
    out = []
    for lo, end in ((0, 0x323B0), (0xE0000, 0xE01F0)):
        text = ''.join(map(chr, range(lo, end)))
        out += [[lo + m.start(), lo + m.end() - 1] for m in re.finditer('(?:' + pattern + ')+', text)]
    return out
cases = []
for cp in range(0x20000):
    lower = _sre.unicode_tolower(cp)
    if not _sre.unicode_iscased(cp): continue
    for pattern in ('(?i)' + re.escape(chr(cp)), '(?i)[' + re.escape(chr(cp)) + '\\x00]', '(?i)[^' + re.escape(chr(cp)) + ']'):
        for text in {chr(lower), chr(cp), chr(cp).upper()[0], chr(cp).title()[0]}:
            cases.append([pattern, text, bool(re.fullmatch(pattern, text))])
json.dump({'word': ranges(r'\\w'), 'digit': ranges(r'\\d'), 'space': ranges(r'\\s'), 'cases': cases}, sys.stdout)
`;

describe('Unicode data as Python 3.11 sees it', () => {
    const run = spawnSync('python3', ['-c', UNICODE_ORACLE], { encoding: 'utf8', maxBuffer: 1 << 30 });
    if (run.error || run.status !== 0) throw new Error(`python3 is required: ${run.error?.message ?? run.stderr}`);
    const data = JSON.parse(run.stdout) as { word: [number, number][]; digit: [number, number][]; space: [number, number][]; cases: [string, string, boolean][] };
    const codePoints = [...Array.from({ length: 0x323b0 }, (_, i) => i), ...Array.from({ length: 0x1f0 }, (_, i) => 0xe0000 + i)];

    it.each([['\\w', 'word'], ['\\d', 'digit'], ['\\s', 'space']] as const)('%s matches the same code points', (pattern, key) => {
        const expected = new Set<number>();
        for (const [lo, hi] of data[key]) for (let cp = lo; cp <= hi; cp++) expected.add(cp);
        const compiled = inspectPythonPattern(pattern);
        if (!compiled.ok) throw new Error(compiled.error);
        const wrong = codePoints.filter((cp) => {
            const text = String.fromCodePoint(cp);
            return pythonFullmatch(pattern, text) !== expected.has(cp) || compiled.engineFullmatch(text) !== expected.has(cp);
        });
        expect(wrong.slice(0, 10).map((cp) => cp.toString(16))).toEqual([]);
    });

    it('case-insensitive literals and classes fold every cased character like sre', () => {
        const wrong = data.cases.filter(([pattern, text, answer]) => pythonFullmatch(pattern, text) !== answer);
        expect(data.cases.length).toBeGreaterThan(10000);
        expect(wrong.slice(0, 10)).toEqual([]);
    });
});

// ---------------------------------------------------------------------------------------------
// Differential run

/** The families' seeded generator, as floats in [0, 1), so every run draws the same cases. */
function prng(seed: number): () => number {
    const rng = new Rng('python-regex differential', seed);
    return () => rng.nextUint32() / 2 ** 32;
}

interface Generated {
    pattern: string;
    /** Draws a text the pattern is likely (not certain) to match. */
    sample: () => string;
    /** Anchors and comments: Python refuses to repeat most of them. */
    zeroWidth?: boolean;
}

const TAPE = ['R', 'B', 'Y', 'G'];
const EXTRA_CHARS = ['r', 'b', 'y', '\n', ' ', '_', '1', 'é', 'İ', 'ı', 'ſ', 'K', 'ß', 'ẞ', '٣', '\r', '\u0085', '\u{10400}', '\u{10428}', '\u{1c89}'];

class PatternGenerator {
    readonly constructs = new Map<string, number>();
    private groups = 0;
    private closed: number[] = [];
    private names: string[] = [];
    /** Whether patterns may read captures (backreferences, conditionals); those run on the engine only. */
    readsCaptures = true;

    constructor(private readonly random: () => number) {}

    private pick<T>(items: readonly T[]): T {
        return items[Math.floor(this.random() * items.length)];
    }

    private chance(p: number): boolean {
        return this.random() < p;
    }

    private note(construct: string): void {
        this.constructs.set(construct, (this.constructs.get(construct) ?? 0) + 1);
    }

    char(): string {
        return this.chance(0.85) ? this.pick(TAPE) : this.pick(EXTRA_CHARS);
    }

    text(maxLength: number): string {
        let text = '';
        const length = Math.floor(this.random() * (maxLength + 1));
        for (let i = 0; i < length; i++) text += this.char();
        return text;
    }

    pattern(): Generated {
        this.groups = 0;
        this.closed = [];
        this.names = [];
        let prefix = '';
        if (this.chance(0.12)) {
            prefix = `(?${this.pick(['i', 's', 'm', 'x', 'a', 'is', 'im', 'ai', 'u', 't', 'L', 'au'])})`;
            this.note(`global flags ${prefix}`);
        }
        const body = this.alternation(3);
        let pattern = prefix + body.pattern;
        if (this.chance(0.05)) pattern = this.corrupt(pattern);
        return { pattern, sample: body.sample };
    }

    /** Small edits that often make Python reject the pattern. */
    private corrupt(pattern: string): string {
        this.note('corrupted');
        const junk = this.pick(['(', ')', '*', '+', '?', '{', '}', '[', ']', '\\', '|', '{2,1}', '\\q', '(?<n>R)', '[z-a]', '\\8', '(?P<1>R)', '(?P=zz)', '(?i)', '**']);
        const at = Math.floor(this.random() * (pattern.length + 1));
        return pattern.slice(0, at) + junk + pattern.slice(at);
    }

    private alternation(depth: number): Generated {
        const count = this.chance(0.25) ? 2 + Math.floor(this.random() * 2) : 1;
        const alts = Array.from({ length: count }, () => this.sequence(depth));
        if (count > 1) this.note('alternation |');
        return {
            pattern: alts.map((a) => a.pattern).join('|'),
            sample: () => this.pick(alts).sample(),
        };
    }

    private sequence(depth: number): Generated {
        const length = Math.floor(this.random() * 4) + (this.chance(0.1) ? 0 : 1);
        const items = Array.from({ length }, () => this.quantified(depth));
        return { pattern: items.map((i) => i.pattern).join(''), sample: () => items.map((i) => i.sample()).join('') };
    }

    private quantified(depth: number): Generated {
        const atom = this.atom(depth);
        if (!this.chance(0.35) || (atom.zeroWidth && !this.chance(0.05))) return atom;
        const [quantifier, min, max] = this.pick<[string, number, number]>([
            ['*', 0, 3], ['+', 1, 3], ['?', 0, 1], ['{2}', 2, 2], ['{1,}', 1, 3], ['{,2}', 0, 2], ['{0,2}', 0, 2], ['{1,3}', 1, 3], ['{0}', 0, 0],
        ]);
        const mode = this.pick(['', '', '', '?', '+']);
        this.note(`quantifier ${quantifier}${mode}`);
        return {
            pattern: atom.pattern + quantifier + mode,
            sample: () => {
                const n = min + Math.floor(this.random() * (max - min + 1));
                return Array.from({ length: n }, () => atom.sample()).join('');
            },
        };
    }

    private atom(depth: number): Generated {
        const r = this.random();
        if (depth <= 0 || r < 0.4) return this.leaf();
        if (r < 0.55) return this.group(depth, '(', ')', 'capture group');
        if (r < 0.63) return this.group(depth, '(?:', ')', 'non-capturing group');
        if (r < 0.67) return this.named(depth);
        if (r < 0.72) return this.group(depth, '(?>', ')', 'atomic group');
        if (r < 0.78) return this.lookaround(depth);
        if (r < 0.83) return this.scopedFlags(depth);
        if (r < 0.9 && this.readsCaptures) return this.backreference();
        if (r < 0.95 && this.readsCaptures) return this.conditional(depth);
        return this.leaf();
    }

    private group(depth: number, open: string, close: string, construct: string): Generated {
        this.note(construct);
        const group = open === '(' ? ++this.groups : 0;
        const inner = this.alternation(depth - 1);
        if (group) this.closed.push(group);
        return { pattern: open + inner.pattern + close, sample: inner.sample };
    }

    private named(depth: number): Generated {
        this.note('named group (?P<n>…)');
        const group = ++this.groups;
        const name = `g${group}`;
        const inner = this.alternation(depth - 1);
        this.closed.push(group);
        this.names.push(name);
        return { pattern: `(?P<${name}>${inner.pattern})`, sample: inner.sample };
    }

    private lookaround(depth: number): Generated {
        const kind = this.pick(['=', '!', '<=', '<!']);
        this.note(`lookaround (?${kind}`);
        if (kind.startsWith('<')) {
            // Mostly fixed width, as Python requires; sometimes not, to exercise the error.
            const body = this.chance(0.85) ? this.fixedWidth() : this.alternation(depth - 1).pattern;
            return { pattern: `(?${kind}${body})`, sample: () => '' };
        }
        const inner = this.alternation(depth - 1);
        return { pattern: `(?${kind}${inner.pattern})`, sample: () => '' };
    }

    private fixedWidth(): string {
        const parts = ['R', 'B', '.', '[RB]', '\\w', '(?:RB|YG)', '(?:R)', 'R{2}', '\\b', '(?=R)', '(?i:b)', '(?>B)', 'Y{2}+', '(?(1)R|B)'];
        if (this.closed.length && this.readsCaptures) parts.push(`\\${this.pick(this.closed)}`);
        return Array.from({ length: 1 + Math.floor(this.random() * 2) }, () => this.pick(parts)).join('');
    }

    private scopedFlags(depth: number): Generated {
        const flags = this.pick(['i', 's', 'm', '-i', 'x', 'a', 'i-s', 'u', 'is']);
        this.note(`scoped flags (?${flags}:`);
        const inner = this.alternation(depth - 1);
        return { pattern: `(?${flags}:${inner.pattern})`, sample: inner.sample };
    }

    private backreference(): Generated {
        if (!this.closed.length && this.chance(0.8)) return this.leaf();
        this.note('backreference');
        if (this.names.length && this.chance(0.3)) return { pattern: `(?P=${this.pick(this.names)})`, sample: () => this.text(2) };
        // Mostly closed groups; sometimes an open or missing one, which Python rejects.
        const n = this.closed.length && this.chance(0.9) ? this.pick(this.closed) : 1 + Math.floor(this.random() * (this.groups + 1));
        return { pattern: `\\${n}`, sample: () => this.text(2) };
    }

    private conditional(depth: number): Generated {
        this.note('conditional (?(n)…|…)');
        const n = this.closed.length && this.chance(0.7) ? this.pick(this.closed) : 1 + Math.floor(this.random() * (this.groups + 1));
        const condition = this.names.length && this.chance(0.25) ? this.pick(this.names) : String(n);
        const yes = this.sequence(depth - 1);
        const no = this.chance(0.7) ? this.sequence(depth - 1) : null;
        return {
            pattern: `(?(${condition})${yes.pattern}${no ? `|${no.pattern}` : ''})`,
            sample: () => (this.chance(0.5) || !no ? yes.sample() : no.sample()),
        };
    }

    private leaf(): Generated {
        const r = this.random();
        if (r < 0.45) {
            const c = this.char();
            const escaped = /[.^$*+?{}[\]\\|()]/.test(c) ? `\\${c}` : c === '\n' ? '\\n' : c;
            return { pattern: escaped, sample: () => (this.chance(0.9) ? c : this.char()) };
        }
        if (r < 0.55) {
            this.note('dot');
            return { pattern: '.', sample: () => this.char() };
        }
        if (r < 0.75) return this.characterClass();
        if (r < 0.88) {
            const escape = this.pick(['\\w', '\\W', '\\d', '\\D', '\\s', '\\S', '\\n', '\\x52', '\\u0042', '\\U00000059', '\\N{LATIN CAPITAL LETTER R}', '\\0', '\\101', '\\_', '\\-']);
            this.note(`escape ${escape.slice(0, 2)}`);
            return { pattern: escape, sample: () => this.char() };
        }
        const anchor = this.pick(['^', '$', '\\A', '\\Z', '\\b', '\\B', '(?#note)', '{', '{1', '{1,', '}', ']', ' #c\n']);
        this.note(`anchor/literal ${anchor}`);
        const literal = anchor.startsWith('{') || '}]'.includes(anchor);
        return { pattern: anchor, sample: () => (literal ? anchor : ''), zeroWidth: !literal };
    }

    private characterClass(): Generated {
        this.note('class');
        const members: string[] = [];
        const count = 1 + Math.floor(this.random() * 3);
        for (let i = 0; i < count; i++) {
            members.push(this.pick(['R', 'B', 'Y', 'G', 'R-Y', 'B-G', 'a-z', 'A-Z', '\\w', '\\W', '\\d', '\\s', '\\S', '\\n', '.', '*', '-', '^', ']', '\\]', '\\b', 'İ', 'ſ', '\\u0130', '\\U00010400', '\\U00010400-\\U00010428', '\\x00-\\x7f', '\\1']));
        }
        const negate = this.chance(0.3) ? '^' : '';
        return { pattern: `[${negate}${members.join('')}]`, sample: () => this.char() };
    }
}

interface DifferentialCase {
    pattern: string;
    text: string;
}

function generateCases(seed: number, patterns: number, textsPerPattern: number): { cases: DifferentialCase[]; constructs: Map<string, number> } {
    const random = prng(seed);
    const generator = new PatternGenerator(random);
    const cases: DifferentialCase[] = [];
    for (let i = 0; i < patterns; i++) {
        // Half the patterns avoid backreferences and conditionals, so the plain RegExp gets its share.
        generator.readsCaptures = i % 2 === 0;
        const { pattern, sample } = generator.pattern();
        for (let j = 0; j < textsPerPattern; j++) {
            let text = random() < 0.7 ? sample() : generator.text(8);
            if (random() < 0.15 && text) text = text.slice(0, -1) + generator.char();
            if (text.length > 14) text = text.slice(0, 14);
            cases.push({ pattern, text });
        }
    }
    return { cases, constructs: generator.constructs };
}

/**
 * One python3 process answers every case: 1/0 for fullmatch, E for re.error, X:<type> for other
 * exceptions, T when a case backtracks for more than 0.04 CPU-seconds (sre checks signals while matching).
 * CPU time, not wall clock: on a busy machine the same cases are answered. The few cases over that
 * budget are catastrophic backtracking that the port needs seconds for (the same constructs are
 * checked in thousands of other cases); with a 1 s budget they were a third of `npm test`'s time for
 * this file, and with 0.2 s a dozen of them still cost the port ~2 CPU-s.
 */
const ORACLE = `
import sys, json, re, signal, warnings
warnings.simplefilter('ignore')
class Slow(Exception): pass
def alarm(signum, frame): raise Slow()
signal.signal(signal.SIGPROF, alarm)
out = []
for line in sys.stdin:
    pattern, text = json.loads(line)
    # The timer is stopped before any answer is written: a signal due just after re.error was raised
    # (a long compile that fails) once went off in an except clause, uncaught, and python3 died
    # mid-input (Node saw EPIPE).
    try:
        try:
            signal.setitimer(signal.ITIMER_PROF, 0.04)
            answer = '1' if re.fullmatch(pattern, text) else '0'
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
    except Slow:
        answer = 'T'
    except re.error:
        answer = 'E'
    except Exception as error:
        answer = 'X:' + type(error).__name__
    out.append(answer)
sys.stdout.write(json.dumps({'version': list(sys.version_info[:2]), 'answers': out}))
`;

function askPython(cases: DifferentialCase[]): string[] {
    const input = cases.map((c) => JSON.stringify([c.pattern, c.text])).join('\n') + '\n';
    const run = spawnSync('python3', ['-c', ORACLE], { input, maxBuffer: 1 << 30, encoding: 'utf8' });
    // python3 ending early makes Node's write fail (EPIPE): its stderr says why.
    if (run.error || run.status !== 0) throw new Error(`python3 is required for the differential test: ${[run.error?.message, run.stderr].filter(Boolean).join('\n')}`);
    const { version, answers } = JSON.parse(run.stdout) as { version: [number, number]; answers: string[] };
    expect(version, 'the reference is Python 3.11').toEqual([3, 11]);
    return answers;
}

function pythonAnswer(raw: string): Answer {
    if (raw === 'X:SystemError' || raw === 'X:OverflowError' || raw === 'X:ValueError') return raw.slice(2) as Answer;
    return raw === '1' ? true : raw === '0' ? false : 'compile-error';
}

interface Outcome {
    /** pythonFullmatch's answer. */
    api: Answer;
    /** The engine's answer, or undefined where the pattern does not compile. */
    engine?: Answer;
    /** The plain RegExp's answer where it is declared exact. */
    native?: boolean;
}

/**
 * Runs every case (but those Python timed out on) through pythonFullmatch, the engine and, where declared
 * exact, the plain RegExp, in one pass: each pattern is compiled once (the port's cache holds 512 of the
 * 3,000 patterns, so a pass per back end compiled each of them again). Where pythonFullmatch's answer
 * is the engine's own function (`fullmatch === engineFullmatch`, patterns the RegExp cannot express),
 * its answer is the engine's: running that same function on the same text again would only repeat the
 * work (a few cases backtrack for seconds).
 */
function runCases(cases: DifferentialCase[], answers: string[]): { outcomes: (Outcome | undefined)[]; compiled: Map<string, ReturnType<typeof inspectPythonPattern>> } {
    const compiled = new Map<string, ReturnType<typeof inspectPythonPattern>>();
    const natives = new Map<string, RegExp>();
    const outcomes = cases.map((c, i): Outcome | undefined => {
        if (answers[i] === 'T') return undefined;
        const api = settle(() => pythonFullmatch(c.pattern, c.text));
        let pattern = compiled.get(c.pattern);
        if (!pattern) compiled.set(c.pattern, (pattern = inspectPythonPattern(c.pattern)));
        if (!pattern.ok) return { api };
        const engineFullmatch = pattern.engineFullmatch;
        const engine = pattern.fullmatch === engineFullmatch ? api : settle(() => engineFullmatch(c.text));
        if (!pattern.jsExact) return { api, engine };
        let native = natives.get(c.pattern);
        if (!native) natives.set(c.pattern, (native = new RegExp(pattern.jsSource, 'u')));
        return { api, engine, native: native.test(c.text) };
    });
    return { outcomes, compiled };
}

// The pathological cases take seconds each; on a machine shared by several runs the whole file takes minutes.
describe('differential against python3', { timeout: 600_000 }, () => {
    // DIFF_SEED / DIFF_PATTERNS widen a local hunt; the defaults keep the suite fast.
    const { cases, constructs } = generateCases(Number(process.env.DIFF_SEED ?? 20251012), Number(process.env.DIFF_PATTERNS ?? 3000), 6);
    const answers = askPython(cases);
    let run: ReturnType<typeof runCases> | undefined;
    const results = () => (run ??= runCases(cases, answers));

    it('generates a wide mix of constructs, outcomes and back ends', () => {
        for (const construct of ['capture group', 'atomic group', 'backreference', 'conditional (?(n)…|…)', 'class', 'lookaround (?<=', 'quantifier *+', 'scoped flags (?i:']) {
            expect(constructs.get(construct) ?? 0, construct).toBeGreaterThan(20);
        }
        const matches = answers.filter((a) => a === '1').length;
        const errors = answers.filter((a) => a !== '1' && a !== '0').length;
        expect(matches).toBeGreaterThan(cases.length / 10);
        expect(errors).toBeGreaterThan(cases.length / 50);
        expect(answers.filter((a) => a === 'T').length, 'cases Python needed over 0.04 CPU-seconds for (skipped)').toBeLessThan(cases.length / 500);
        // Patterns only the engine can answer (backreferences, conditionals, ...) must be well represented.
        const patterns = [...new Set(cases.map((c) => c.pattern))].map((p) => results().compiled.get(p) ?? inspectPythonPattern(p));
        expect(patterns.filter((p) => p.ok && !p.jsExact).length).toBeGreaterThan(300);
        expect(patterns.filter((p) => p.ok && p.jsExact).length).toBeGreaterThan(1000);
    });

    it('pythonFullmatch agrees with Python on every case', () => {
        const { outcomes } = results();
        const mismatches = cases.flatMap((c, i) => {
            const got = outcomes[i]?.api;
            return got === undefined || got === pythonAnswer(answers[i]) ? [] : [{ ...c, python: answers[i], got }];
        });
        expect(mismatches.slice(0, 20)).toEqual([]);
    });

    it('the engine alone agrees with Python on every compiled case', () => {
        const { outcomes } = results();
        const mismatches = cases.flatMap((c, i) => {
            const got = outcomes[i]?.engine;
            return got === undefined || got === pythonAnswer(answers[i]) ? [] : [{ ...c, python: answers[i], got }];
        });
        expect(mismatches.slice(0, 20)).toEqual([]);
    });

    it('the plain JS RegExp agrees with Python wherever it is declared exact', () => {
        const { outcomes, compiled } = results();
        let checked = 0;
        const mismatches = cases.flatMap((c, i) => {
            const got = outcomes[i]?.native;
            if (got === undefined) return [];
            checked++;
            const pattern = compiled.get(c.pattern);
            return got === pythonAnswer(answers[i]) ? [] : [{ ...c, python: answers[i], got, source: pattern?.ok ? pattern.jsSource : '' }];
        });
        expect(mismatches.slice(0, 20)).toEqual([]);
        expect(checked).toBeGreaterThan(cases.length / 3);
    });
});
