// Sorted lists of inclusive code point ranges, for building character classes.

type Ranges = ReadonlyArray<readonly [number, number]>;

export function inRanges(ranges: Ranges, cp: number): boolean {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (cp < ranges[mid][0]) hi = mid - 1;
        else if (cp > ranges[mid][1]) lo = mid + 1;
        else return true;
    }
    return false;
}

export type RangeList = [number, number][];

export function normalizeRanges(ranges: RangeList): RangeList {
    const sorted = ranges.filter(([lo, hi]) => lo <= hi).sort((a, b) => a[0] - b[0]);
    const out: RangeList = [];
    for (const [lo, hi] of sorted) {
        const last = out[out.length - 1];
        if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
        else out.push([lo, hi]);
    }
    return out;
}

export function withoutPoints(ranges: RangeList, points: number[]): RangeList {
    const out: RangeList = [];
    const sorted = [...points].sort((a, b) => a - b);
    for (const [lo, hi] of ranges) {
        let start = lo;
        for (const p of sorted) {
            if (p < start || p > hi) continue;
            if (p > start) out.push([start, p - 1]);
            start = p + 1;
        }
        if (start <= hi) out.push([start, hi]);
    }
    return out;
}
