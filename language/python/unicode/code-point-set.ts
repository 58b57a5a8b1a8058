// Decoding of the generated tables (tables.generated.ts) into sets and maps of code points.

/** A set of code points from sorted, disjoint inclusive ranges, with a table for Latin-1. */
export class CodePointSet {
    /** [lo0, hi0, lo1, hi1, …] */
    private readonly bounds: Uint32Array;
    private readonly latin1 = new Uint8Array(256);

    constructor(readonly ranges: ReadonlyArray<readonly [number, number]>) {
        this.bounds = Uint32Array.from(ranges.flat());
        for (const [lo, hi] of ranges) {
            for (let cp = lo; cp <= Math.min(hi, 255); cp++) this.latin1[cp] = 1;
        }
    }

    has(cp: number): boolean {
        if (cp < 256) return cp >= 0 && this.latin1[cp] === 1;
        const b = this.bounds;
        let lo = 0;
        let hi = (b.length >> 1) - 1;
        while (lo <= hi) {
            const mid = (lo + hi) >> 1;
            if (cp < b[2 * mid]) hi = mid - 1;
            else if (cp > b[2 * mid + 1]) lo = mid + 1;
            else return true;
        }
        return false;
    }

    /** The set as the body of a JS character class for the `u` flag (no brackets). */
    classBody(): string {
        return rangesClassBody(this.ranges);
    }

    /** The body of the complementary class (every code point not in the set). */
    complementClassBody(): string {
        const out: [number, number][] = [];
        let next = 0;
        for (const [lo, hi] of this.ranges) {
            if (lo > next) out.push([next, lo - 1]);
            next = hi + 1;
        }
        if (next <= 0x10ffff) out.push([next, 0x10ffff]);
        return rangesClassBody(out);
    }
}

/** Letters and digits (of the JS engine's Unicode: only how a code point is spelled depends on it). */
const SPELLED_AS_ITSELF = /^[\p{L}\p{N}]$/u;

/**
 * A code point as a member of a `u`-flag character class: a letter or digit as itself, anything else
 * (syntax characters, controls, spaces, marks, surrogates) as `\u{…}`. Spelled out, Python's `\w` is
 * ~700 ranges: as letters its source is a quarter of the escaped one, and V8 builds and compiles such a
 * RegExp ~3x faster (a pattern is compiled on every verdict-cache miss).
 */
export function classChar(cp: number): string {
    const c = String.fromCodePoint(cp);
    return SPELLED_AS_ITSELF.test(c) ? c : `\\u{${cp.toString(16)}}`;
}

/** Inclusive ranges as the body of a `u`-flag character class (no brackets). */
export function rangesClassBody(ranges: ReadonlyArray<readonly [number, number]>): string {
    return ranges.map(([lo, hi]) => (lo === hi ? classChar(lo) : `${classChar(lo)}-${classChar(hi)}`)).join('');
}

/** Space-separated hex ranges `lo-hi` or `cp`. */
export function parseRanges(text: string): [number, number][] {
    return text.split(' ').map((part) => {
        const [lo, hi = lo] = part.split('-');
        return [parseInt(lo, 16), parseInt(hi, 16)];
    });
}

/** Runs `lo-hi[/2]:±delta` (hex) as a map of every code point that does not map to itself. */
export function parseMapping(text: string): Map<number, number> {
    const map = new Map<number, number>();
    for (const run of text.split(' ')) {
        const match = /^([0-9a-f]+)(?:-([0-9a-f]+))?(\/2)?:([+-][0-9a-f]+)$/.exec(run);
        if (!match) throw new Error(`bad mapping run in the Unicode tables: ${run}`);
        const lo = parseInt(match[1], 16);
        const hi = match[2] ? parseInt(match[2], 16) : lo;
        const step = match[3] ? 2 : 1;
        const delta = parseInt(match[4], 16);
        for (let cp = lo; cp <= hi; cp += step) map.set(cp, cp + delta);
    }
    return map;
}

/** `key:v1,v2 …` (hex) as a map. */
export function parseMultiMap(text: string): Map<number, readonly number[]> {
    return new Map(
        text.split(' ').map((entry) => {
            const [key, values] = entry.split(':');
            return [parseInt(key, 16), values.split(',').map((v) => parseInt(v, 16))] as const;
        }),
    );
}
