// Python number semantics the reference output depends on: `round(x, n)`, `'%.nf' % x` and
// `repr(float)`. Rounding is done on the exact binary value with BigInt arithmetic, because
// Python rounds the exact double (half-even on true ties) while `Math.round(x * 100) / 100`
// mis-rounds values such as 2.675.

const buffer = new DataView(new ArrayBuffer(8));

/** |x| = mant · 2^exp exactly (x finite). */
function decompose(x: number): { neg: boolean; mant: bigint; exp: number } {
    buffer.setFloat64(0, x);
    const hi = buffer.getUint32(0);
    const lo = buffer.getUint32(4);
    const neg = hi >>> 31 === 1;
    const biased = (hi >>> 20) & 0x7ff;
    let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
    let exp: number;
    if (biased === 0) {
        exp = -1074; // subnormal
    } else {
        mant |= 1n << 52n;
        exp = biased - 1075;
    }
    return { neg, mant, exp };
}

/** The integer q with q·10^-digits = x rounded half-even at `digits` decimals (sign separate). */
function roundToDecimal(x: number, digits: number): { neg: boolean; q: bigint } {
    const { neg, mant, exp } = decompose(x);
    let num = mant;
    let den = 1n;
    if (exp >= 0) num <<= BigInt(exp); else den <<= BigInt(-exp);
    if (digits >= 0) num *= 10n ** BigInt(digits); else den *= 10n ** BigInt(-digits);
    let q = num / den;
    const twiceRest = 2n * (num - q * den);
    if (twiceRest > den || (twiceRest === den && q % 2n === 1n)) q += 1n;
    return { neg, q };
}

/** Python `round(x, digits)` for a float (digits may be 0 or negative). */
export function pyRound(x: number, digits = 0): number {
    if (!Number.isFinite(x)) return x;
    const { neg, q } = roundToDecimal(x, digits);
    // The decimal string parses to the nearest double, as Python builds its result.
    const magnitude = Number(`${q}e${-digits}`);
    return neg ? -magnitude : magnitude;
}

/** Python `f'{x:.{digits}f}'` (digits ≥ 0). Keeps the sign of -0.0, as Python does. */
export function pyFixed(x: number, digits: number): string {
    if (Number.isNaN(x)) return 'nan';
    if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
    const { neg, q } = roundToDecimal(x, digits);
    let text = q.toString();
    if (digits > 0) {
        text = text.padStart(digits + 1, '0');
        text = `${text.slice(0, -digits)}.${text.slice(-digits)}`;
    }
    return neg ? `-${text}` : text;
}

/** Python `repr(float)`: shortest round-trip digits, `.0` on integral values, exponent outside 1e-4..1e16. */
export function pyFloatRepr(x: number): string {
    if (Number.isNaN(x)) return 'nan';
    if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
    if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
    const sign = x < 0 ? '-' : '';
    // toExponential() without an argument yields the shortest round-trip digits.
    const [mantissa, expText] = Math.abs(x).toExponential().split('e');
    const digits = mantissa.replace('.', '');
    const decpt = Number(expText) + 1; // value = 0.digits × 10^decpt
    if (decpt <= -4 || decpt > 16) {
        const e = decpt - 1;
        const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
        return `${sign}${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
    }
    if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
    if (decpt >= digits.length) return `${sign}${digits}${'0'.repeat(decpt - digits.length)}.0`;
    return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}
