// The safe evaluator: Python semantics on arithmetic, the two name sets, and refusals.
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateExpression, ExpressionError } from '../../language/bouncingsim/expression.js';

describe('evaluateExpression', () => {
    it('follows Python precedence and associativity', () => {
        expect(evaluateExpression('-2**2', 'box')).toBe(-4);
        expect(evaluateExpression('2**-1', 'box')).toBe(0.5);
        expect(evaluateExpression('2**3**2', 'box')).toBe(512);
        expect(evaluateExpression('(1 + 2) * 3 - 4 / 8', 'ball')).toBe(8.5);
        expect(evaluateExpression('-7 // 2', 'box')).toBe(-4);
        expect(evaluateExpression('-7 % 3', 'box')).toBe(2);
        expect(evaluateExpression('1_000.5e-1', 'box')).toBe(100.05);
        expect(evaluateExpression('.5 + 2.', 'box')).toBe(2.5);
    });

    it('knows the box set (tau, hyperbolics, no round)', () => {
        expect(evaluateExpression('tau / 2', 'box')).toBe(Math.PI);
        expect(evaluateExpression('sinh(0) + cosh(0) + atan(1) * 4', 'box')).toBeCloseTo(1 + Math.PI, 14);
        expect(evaluateExpression('log(8, 2)', 'box')).toBeCloseTo(3, 14);
        expect(() => evaluateExpression('round(1.5)', 'box')).toThrow(/function 'round' is not allowed/);
    });

    it('knows the stricter ball set (round, no tau, no // or %)', () => {
        expect(evaluateExpression('round(2.5) + round(0.125, 2)', 'ball')).toBe(2.12);
        expect(evaluateExpression('300 * cos(pi / 3)', 'ball')).toBeCloseTo(150, 12);
        expect(() => evaluateExpression('tau', 'ball')).toThrow(/name 'tau' is not allowed/);
        expect(() => evaluateExpression('7 // 2', 'ball')).toThrow(/operator '\/\/' is not allowed/);
        expect(() => evaluateExpression('asin(1)', 'ball')).toThrow(/not allowed/);
    });

    it('rejects anything that is not arithmetic, with an offset', () => {
        const bad = ['__import__("os")', 'sin', 'x + 1', '1 +', '(1', 'pow(2)', 'sqrt(-1)', '1/0', '[1]', '1 if 1 else 2', 'sin.__class__', "'a'", '0 ** -1', '(-8) ** (1/3)'];
        for (const src of bad) expect(() => evaluateExpression(src, 'box'), src).toThrow(ExpressionError);
        const error = (() => { try { evaluateExpression('1 + foo', 'box'); return undefined; } catch (e) { return e; } })();
        expect(error).toBeInstanceOf(ExpressionError);
        expect((error as ExpressionError).offset).toBe(4);
    });

    it('agrees with Python eval on random expressions', () => {
        const leaf = fc.oneof(
            fc.integer({ min: 0, max: 50 }).map(String),
            fc.integer({ min: 1, max: 999 }).map((n) => (n / 10).toString()),
            fc.constantFrom('pi', 'e'),
        );
        const { expr } = fc.letrec<{ expr: string }>((tie) => ({
            expr: fc.oneof(
                { depthSize: 'small', withCrossShrink: true },
                leaf,
                fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*'), tie('expr')).map(([a, op, b]) => `(${a} ${op} ${b})`),
                tie('expr').map((a) => `-${a}`),
                tie('expr').map((a) => `sin(${a})`),
                tie('expr').map((a) => `sqrt(abs(${a}))`),
                fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `(${a}) / (abs(${b}) + 1)`),
            ),
        }));
        const exprs = fc.sample(expr, 300);
        const script = 'import json,sys\nfrom math import *\nprint(json.dumps([eval(s) for s in json.load(sys.stdin)]))';
        const expected = JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(exprs), encoding: 'utf8' })) as number[];
        exprs.forEach((src, i) => {
            const got = evaluateExpression(src, 'box');
            expect(Math.abs(got - expected[i]), src).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected[i])));
        });
    });
});
