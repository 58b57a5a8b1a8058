// Binary tape convention of the numerical families (§10.1): B = 1, any other symbol = 0, most
// significant symbol first, "" = 0. BigInt because inputs reach 38 symbols (> 2^53).

export function tapeToValue(tape: string): bigint {
    let v = 0n;
    for (const ch of tape) v = (v << 1n) | (ch === 'B' ? 1n : 0n);
    return v;
}

/** Zero or negative → "" ; positive → no leading zeros, so it starts with B. */
export function valueToTape(value: bigint): string {
    if (value <= 0n) return '';
    return value.toString(2).replace(/1/g, 'B').replace(/0/g, 'R');
}

export function bitLength(value: bigint): number {
    return value <= 0n ? 0 : value.toString(2).length;
}
