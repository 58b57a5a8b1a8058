// Python number formatting: checked against python3 itself on many random doubles.
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pyFixed, pyFloatRepr, pyRound } from '../../language/python/number-format.js';

function python(values: number[], expr: string): string[] {
    const script = `import json,sys\nfor x in json.load(sys.stdin):\n    x = float.fromhex(x)\n    print(${expr})`;
    const input = JSON.stringify(values.map((v) => hex(v)));
    return execFileSync('python3', ['-c', script], { input, encoding: 'utf8' }).trimEnd().split('\n');
}

/** Exact hex form so python sees the very same double. */
function hex(x: number): string {
    if (x === 0) return Object.is(x, -0) ? '-0x0p+0' : '0x0p+0';
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, x);
    const sign = x < 0 ? '-' : '';
    const biased = (view.getUint16(0) >> 4) & 0x7ff;
    const mant = (BigInt(view.getUint32(0) & 0xfffff) << 32n) | BigInt(view.getUint32(4));
    return biased === 0 ? `${sign}0x0.${mant.toString(16).padStart(13, '0')}p-1022` : `${sign}0x1.${mant.toString(16).padStart(13, '0')}p${biased - 1023}`;
}

const samples = [
    ...fc.sample(fc.double({ min: -2000, max: 2000, noNaN: true }), 600),
    ...fc.sample(fc.integer({ min: -200000, max: 200000 }).map((n) => n / 1000), 300), // x.xx5-style near-ties
    ...fc.sample(fc.integer({ min: -16000, max: 16000 }).map((n) => n / 8), 200), // exact binary ties
    ...fc.sample(fc.double({ noNaN: true, noDefaultInfinity: true }), 200),
    2.675, 0.125, 0.375, -0.125, 1e16, 1e-5, 0.0001, 123456789012345680000, -0.0, 0.0, 831.0, 5e-324,
];

describe('python number formatting', () => {
    it('pyRound(x, 2) equals round(x, 2)', () => {
        const expected = python(samples, 'repr(round(x, 2))');
        expect(samples.map((x) => pyFloatRepr(pyRound(x, 2)))).toEqual(expected);
    });
    it('pyRound(x) and pyRound(x, 3) equal Python (as floats)', () => {
        const small = samples.filter((x) => Math.abs(x) < 1e15);
        expect(small.map((x) => pyFloatRepr(pyRound(x, 3)))).toEqual(python(small, 'repr(round(x, 3))'));
        expect(small.map((x) => pyFloatRepr(pyRound(x, 0)))).toEqual(python(small, 'repr(round(x, 0))'));
    });
    it("pyFixed(x, 2) equals f'{x:.2f}'", () => {
        const small = samples.filter((x) => Math.abs(x) < 1e20);
        expect(small.map((x) => pyFixed(x, 2))).toEqual(python(small, "f'{x:.2f}'"));
    });
    it('pyFloatRepr equals repr', () => {
        expect(samples.map(pyFloatRepr)).toEqual(python(samples, 'repr(x)'));
    });
    it('known cases', () => {
        expect(pyRound(2.675, 2)).toBe(2.67);
        expect(pyRound(0.125, 2)).toBe(0.12);
        expect(pyRound(0.375, 2)).toBe(0.38);
        expect(pyFloatRepr(831)).toBe('831.0');
        expect(pyFloatRepr(-0.5)).toBe('-0.5');
        expect(pyFloatRepr(1e16)).toBe('1e+16');
        expect(pyFloatRepr(1e-5)).toBe('1e-05');
        expect(pyFixed(0.1, 2)).toBe('0.10');
        expect(pyFixed(-0.001, 2)).toBe('-0.00');
    });
});
