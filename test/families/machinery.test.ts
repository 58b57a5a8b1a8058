// Shared generator machinery: enumeration order, Python text rules, BigInt binary, mutations,
// the fullmatch subset, per-family parameter spaces, seeded randomness and timestamps.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prependParameters } from '../../language/dataset/families/append-prepend.js';
import { tapeToValue, valueToTape } from '../../language/dataset/families/binary.js';
import { acceptanceCases, MAX_CASES } from '../../language/dataset/families/case-builder.js';
import { countRequirements } from '../../language/dataset/families/contains-count.js';
import { mutationsFor } from '../../language/dataset/families/mutations.js';
import { comparisonParameters, maxMinParameters } from '../../language/dataset/families/numerical-compare.js';
import { applyOperation, operationParameters, operationText } from '../../language/dataset/families/numerical-operations.js';
import { Rng } from '../../language/dataset/families/prng.js';
import { pythonFullmatch } from '../../language/python/regex/index.js';
import { pyReplace, pyTitle } from '../../language/python/string-methods.js';
import { regexParameters, regexText } from '../../language/dataset/families/regex-pattern.js';
import { expand, sameNumAccepts, sameNumParameters, templateText } from '../../language/dataset/families/regex-same-num.js';
import { combinations, product, sequences } from '../../language/dataset/families/sequences.js';
import { parsePyIsoformat, pyIsoformat } from '../../language/dataset/families/timestamps.js';

describe('sequence enumeration (itertools order)', () => {
    it('orders by length, then product order over R,B(,Y,G)', () => {
        expect([...sequences(['R', 'B'], 1, 3)]).toEqual(['R', 'B', 'RR', 'RB', 'BR', 'BB', 'RRR', 'RRB', 'RBR', 'RBB', 'BRR', 'BRB', 'BBR', 'BBB']);
        expect([...product(['R', 'B', 'Y', 'G'], 2)].slice(0, 6)).toEqual(['RR', 'RB', 'RY', 'RG', 'BR', 'BB']);
        expect([...product(['R'], 0)]).toEqual(['']);
    });
    it('counts: 126 two-colour sequences of length 1–6, 340 four-colour of length 1–4', () => {
        expect([...sequences(['R', 'B'], 1, 6)]).toHaveLength(126);
        expect([...sequences(['R', 'B', 'Y', 'G'], 1, 4)]).toHaveLength(340);
    });
    it('combinations follow itertools', () => {
        expect([...combinations(['R', 'B', 'Y', 'G'], 2)].map((c) => c.join(''))).toEqual(['RB', 'RY', 'RG', 'BY', 'BG', 'YG']);
    });
});

describe('Python text rules', () => {
    it.each([
        ['bitwise OR with 16', 'Bitwise Or With 16'],
        ['floor division by 2^2', 'Floor Division By 2^2'],
        ['greater than or equal to', 'Greater Than Or Equal To'],
        ['bitwise NOT', 'Bitwise Not'],
        ["it's 2nd", "It'S 2Nd"],
        ['', ''],
    ])('title(%j) = %j', (input, want) => expect(pyTitle(input)).toBe(want));
    it('str.replace is global, left to right, non-overlapping, one pass', () => {
        expect(pyReplace('RRR', 'RR', 'B')).toBe('BR');
        expect(pyReplace('RBRB', 'RB', 'BR')).toBe('BRBR');
        expect(pyReplace('RBR', 'R', 'RR')).toBe('RRBRR');
        expect(pyReplace('ab', '', '-')).toBe('-a-b-');
    });
});

describe('binary convention with BigInt', () => {
    it('B = 1, anything else 0, MSB first, "" = 0, no leading zeros back', () => {
        expect(tapeToValue('')).toBe(0n);
        expect(tapeToValue('RRBRB')).toBe(5n);
        expect(tapeToValue('BYBG')).toBe(10n);
        expect(valueToTape(0n)).toBe('');
        expect(valueToTape(-3n)).toBe('');
        expect(valueToTape(6n)).toBe('BBR');
    });
    it('round-trips tapes far beyond 2^53', () => {
        fc.assert(fc.property(fc.stringMatching(/^B[RB]{0,80}$/), (t) => valueToTape(tapeToValue(t)) === t));
        expect(tapeToValue('B'.repeat(60)) + 1n).toBe(2n ** 60n);
    });
});

describe('numerical families', () => {
    it('default operations give 83 problems; level configs give 7 / 21 / 14', () => {
        expect(operationParameters('basic')).toHaveLength(83);
        expect(operationParameters('easy').map(operationText)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `floor division by 2^${n}`));
        expect(operationParameters('medium')).toHaveLength(21);
        expect(operationParameters('medium').some((p) => p.op === 'not')).toBe(false);
        expect(operationParameters('hard')).toHaveLength(14);
    });
    it('NOT works within max(8, bit length) bits', () => {
        expect(applyOperation({ op: 'not' }, 0n)).toBe(255n);
        expect(applyOperation({ op: 'not' }, 5n)).toBe(250n);
        expect(applyOperation({ op: 'not' }, 0b1011001100n)).toBe(0b0100110011n);
    });
    it('subtract below zero and floor division', () => {
        expect(valueToTape(applyOperation({ op: 'subtract', operand: 8 }, 3n))).toBe('');
        expect(applyOperation({ op: 'floor_div', operand: 2 }, 15n)).toBe(3n);
    });
    it('comparisons are operator-major; easy/medium have 5 × 63; max/min is 512', () => {
        const easy = comparisonParameters('easy');
        expect(easy).toHaveLength(315);
        expect(easy.slice(0, 2)).toEqual([{ op: '>', k: 1 }, { op: '>', k: 2 }]);
        expect(easy[63]).toEqual({ op: '>=', k: 1 });
        expect(comparisonParameters('basic')).toHaveLength(1280);
        expect(maxMinParameters()).toHaveLength(512);
        expect(maxMinParameters()[256]).toEqual({ op: 'min', k: 1 });
    });
});

describe('contains_count enumeration', () => {
    it('194 requirement sets for totals 1..6 over four colours, "3 Rs and 3 Ys" at 50', () => {
        const reqs = countRequirements(['R', 'B', 'Y', 'G'], { min: 1, max: 6 });
        expect(reqs).toHaveLength(194);
        expect(reqs[50]).toEqual([['R', 3], ['Y', 3]]);
        expect(reqs[0]).toEqual([['R', 1]]);
    });
});

describe('prepend mutations', () => {
    it('default tier: 19 entries with duplicate single-letter changes', () => {
        const keys = mutationsFor('default').map((m) => m.key);
        expect(keys).toHaveLength(19);
        expect(keys.slice(0, 3)).toEqual(['remove_B', 'remove_R', 'swap_RB']);
        expect(keys.filter((k) => k === 'change_B_to_R')).toHaveLength(2);
    });
    it('pattern tier: 24 entries, no target equal to its source', () => {
        const pattern = mutationsFor('pattern');
        expect(pattern).toHaveLength(24);
        expect(pattern.map((m) => m.text)).toContain('Replace patterns RB with BR');
        expect(pattern.map((m) => m.text)).toContain('Remove patterns BB');
        expect(pattern.map((m) => m.text)).not.toContain('Replace patterns RB with RB');
    });
    it('no-ops use the plain name; swap is simultaneous', () => {
        const byKey = Object.fromEntries(mutationsFor('default').map((m) => [m.key, m]));
        expect(byKey.change_B_to_B.text).toBeNull();
        expect(byKey.change_R_to_R.text).toBeNull();
        expect(byKey.swap_RB.apply('RRB')).toBe('BBR');
        expect(byKey.change_R_to_BB.apply('RBR')).toBe('BBBBB');
    });
    it('parameter i uses mutation i % M and sequence (i // M) % S', () => {
        const params = prependParameters('hard', 'two_color');
        expect(params).toHaveLength(24 * 31);
        expect(params[0].prefix).toBe('');
        expect(params[24].prefix).toBe('R');
        expect(params[25].mutation.key).toBe(params[1].mutation.key);
        expect(prependParameters('easy', 'two_color')).toHaveLength(30);
    });
});

describe('regex_pattern fullmatch subset', () => {
    const atom: fc.Arbitrary<string> = fc.letrec<{ re: string; atom: string }>((tie) => ({
        re: fc.oneof(
            { depthSize: 'small' },
            tie('atom'),
            fc.tuple(tie('atom'), tie('atom')).map(([a, b]) => a + b),
            fc.tuple(tie('atom'), tie('atom')).map(([a, b]) => `${a}|${b}`),
        ),
        atom: fc.oneof(
            { depthSize: 'small' },
            fc.constantFrom('R', 'B', '.'),
            fc.tuple(tie('re'), fc.constantFrom('', '*', '+', '?')).map(([r, q]) => `(${r})${q}`),
        ),
    })).re;
    it('agrees with a JS RegExp anchored fullmatch on the subset', () => {
        fc.assert(fc.property(atom, fc.stringMatching(/^[RBY\n]{0,10}$/), (re, tape) => {
            const js = new RegExp(`^(?:${re.replace(/\./g, '[^\\n]')})$`).test(tape);
            return pythonFullmatch(re, tape) === js;
        }), { numRuns: 3000 });
    }, 180_000); // 3,000 patterns compiled: over a minute on a loaded 2-core machine
    it('matches the sample pattern (the shared Python-regex port serves the family)', () => {
        const m = (tape: string) => pythonFullmatch('(RBR)+(B)?', tape);
        expect(['RBR', 'RBRB', 'RBRRBR'].map(m)).toEqual([true, true, true]);
        expect(['', 'B', 'RBRBB', 'RBRR'].map(m)).toEqual([false, false, false, false]);
    });
    it('enumerates base-major parts: 42² patterns for two colours, first (R)+(R)+', () => {
        const params = regexParameters(['R', 'B']);
        expect(params).toHaveLength(42 * 42);
        expect(regexText(params[0])).toBe('(R)+(R)+');
        expect(regexText(params[1])).toBe('(R)+(R)?');
    });
});

describe('regex_same_num', () => {
    it('100 templates, x outer', () => {
        const all = sameNumParameters();
        expect(all).toHaveLength(100);
        expect(all.slice(0, 2).map(templateText)).toEqual(['R{n}B{n}', 'R{n}B{n+1}']);
        expect(templateText(all[50])).toBe('R{n}B{n}R{n}');
        expect(templateText(all[99])).toBe('B{2n}R{2n}B{2n}');
    });
    it('accepts an expansion for some n ≥ 1, never ""', () => {
        const p = { shape: 'symmetric_r', x: '2n', y: 'n+1' } as const;
        expect(expand(p, 1)).toBe('RRBBRR');
        expect(sameNumAccepts(p, 'RRRBBBBRRR')).toBe(true);
        expect(sameNumAccepts(p, 'RRBBBRR')).toBe(false);
        expect(sameNumAccepts({ shape: 'RB', x: 'n', y: 'n' }, '')).toBe(false);
    });
});

describe('acceptance machinery', () => {
    it('caps at 35 and keeps at least 3 of each label', () => {
        const rng = new Rng(1);
        const own = Array.from({ length: 80 }, (_, i) => 'R'.repeat(i + 2));
        const cases = acceptanceCases([...own, 'B', 'BB', 'BBB'], (t) => t.startsWith('B'), { colors: ['R', 'B'], colorMode: 'two_color', rng });
        expect(cases).toHaveLength(MAX_CASES);
        expect(cases.filter((c) => c.expected_accepted).length).toBeGreaterThanOrEqual(3);
        expect(cases.slice(0, 3).map((c) => c.input)).toEqual(['', 'R', 'RB']);
    });
});

describe('seeded randomness', () => {
    it('the same seed gives the same stream; different seeds differ', () => {
        const draw = (seed: string | number) => { const r = new Rng(seed); return Array.from({ length: 8 }, () => r.nextUint32()); };
        expect(draw(42)).toEqual(draw(42));
        expect(draw(42)).not.toEqual(draw(43));
        expect(draw('42')).toEqual(draw(42));
    });
    it('uuid4 has the version and variant bits', () => {
        const r = new Rng('ids');
        for (let i = 0; i < 200; i++) expect(r.uuid4()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });
    it('int() stays in range and reaches both ends', () => {
        const r = new Rng(5);
        const seen = new Set(Array.from({ length: 500 }, () => r.int(1, 4)));
        expect([...seen].sort()).toEqual([1, 2, 3, 4]);
    });
});

describe('timestamps like datetime.isoformat()', () => {
    it('round-trips local time with microseconds and drops a zero fraction', () => {
        const us = parsePyIsoformat('2026-11-25T00:56:48.139382')!;
        expect(pyIsoformat(us)).toBe('2026-11-25T00:56:48.139382');
        expect(pyIsoformat(us + 2)).toBe('2026-11-25T00:56:48.139384');
        expect(pyIsoformat(parsePyIsoformat('2026-01-01T00:00:00')!)).toBe('2026-01-01T00:00:00');
        expect(pyIsoformat(parsePyIsoformat('2026-01-01T00:00:00.5')!)).toBe('2026-01-01T00:00:00.500000');
        expect(parsePyIsoformat('2026-02-30T00:00:00')).toBeUndefined();
    });
});
