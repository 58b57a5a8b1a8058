// Fading trails. Frames are precomputed, so a trail is a window over the frames before the current
// one (correct after seeking, unlike a buffer filled while playing). The window is split into a few
// buckets, oldest first, each stroked once with its own alpha: few canvas state changes per frame.
// `bucket()` writes into fields instead of returning a tuple so the draw loop allocates nothing.

export class TrailWindow {
    /** Frame range [from, to] of the last bucket asked for. */
    from = 0;
    to = 0;

    constructor(readonly length: number, readonly buckets: number, readonly maxAlpha = 0.8) {
        if (!(length >= 1) || !(buckets >= 1)) throw new RangeError('a trail needs length ≥ 1 and buckets ≥ 1');
    }

    /**
     * Sets [from, to] to bucket `b` (0 = oldest) of the trail that ends at `frame`; returns false when
     * the bucket is empty (near the start). Adjacent buckets share an end frame so the line is unbroken.
     */
    bucket(frame: number, b: number): boolean {
        const start = Math.max(0, frame - this.length);
        const span = frame - start;
        if (span <= 0) return false;
        const from = start + Math.floor((span * b) / this.buckets);
        const to = start + Math.floor((span * (b + 1)) / this.buckets);
        if (to <= from) return false;
        this.from = from;
        this.to = to;
        return true;
    }

    /** Older buckets are fainter. */
    alpha(b: number): number {
        return (this.maxAlpha * (b + 1)) / this.buckets;
    }
}
