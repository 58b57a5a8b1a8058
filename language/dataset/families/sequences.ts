// Systematic parameter enumeration (§10.1): sequences ordered by length, then in itertools.product
// order over the colour list (R before B before Y before G — not alphabetical).

/** Every sequence over `colors` with length in [minLen, maxLen], in itertools order. */
export function* sequences(colors: readonly string[], minLen: number, maxLen: number): Generator<string> {
    for (let len = minLen; len <= maxLen; len++) yield* product(colors, len);
}

/** itertools.product(colors, repeat=len) joined to strings; the last position varies fastest. */
export function* product(colors: readonly string[], len: number): Generator<string> {
    if (len === 0) {
        yield '';
        return;
    }
    const digits = new Array<number>(len).fill(0);
    for (;;) {
        yield digits.map((d) => colors[d]).join('');
        let i = len - 1;
        while (i >= 0 && digits[i] === colors.length - 1) digits[i--] = 0;
        if (i < 0) return;
        digits[i]++;
    }
}

/** itertools.product over several lists (tuples), first list outermost. */
export function* productOf<T>(lists: readonly (readonly T[])[]): Generator<T[]> {
    if (lists.some((l) => l.length === 0)) return;
    const idx = new Array<number>(lists.length).fill(0);
    for (;;) {
        yield idx.map((d, k) => lists[k][d]);
        let i = lists.length - 1;
        while (i >= 0 && idx[i] === lists[i].length - 1) idx[i--] = 0;
        if (i < 0) return;
        idx[i]++;
    }
}

/** itertools.combinations(items, k), in its lexicographic-by-position order. */
export function* combinations<T>(items: readonly T[], k: number): Generator<T[]> {
    const n = items.length;
    if (k > n) return;
    const idx = Array.from({ length: k }, (_, i) => i);
    for (;;) {
        yield idx.map((i) => items[i]);
        let i = k - 1;
        while (i >= 0 && idx[i] === i + n - k) i--;
        if (i < 0) return;
        idx[i]++;
        for (let j = i + 1; j < k; j++) idx[j] = idx[j - 1] + 1;
    }
}
