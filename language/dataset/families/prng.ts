// Seeded randomness for the generators. Output must be reproducible for a seed, so nothing here
// touches Math.random. xoshiro128** is small, fast and has a 128-bit state, filled from a 128-bit
// hash of the seed text.

/**
 * Seed text → 128 bits. Four multiplicative lanes with different constants, cross-mixed every
 * character and finished with murmur3's avalanche, so that seeds differing only in a trailing
 * index (as per-row seeds do) land far apart.
 */
function hash128(text: string): [number, number, number, number] {
    let a = 0x9e3779b9, b = 0x243f6a88, c = 0xb7e15162, d = 0x6a09e667;
    for (let i = 0; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        a = Math.imul(a ^ ch, 0x85ebca77);
        b = Math.imul(b ^ ch, 0xc2b2ae3d);
        c = Math.imul(c ^ ch, 0x27d4eb2f);
        d = Math.imul(d ^ ch, 0x165667b1);
        a ^= d >>> 15;
        b ^= a >>> 13;
        c ^= b >>> 16;
        d ^= c >>> 11;
    }
    const lanes: [number, number, number, number] = [a, b, c, d];
    return lanes.map((x, i) => fmix32(x ^ lanes[(i + 1) % 4] ^ text.length)) as [number, number, number, number];
}

function fmix32(x: number): number {
    let h = x >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
}

export class Rng {
    private s0: number;
    private s1: number;
    private s2: number;
    private s3: number;

    /** Any seed text works; parts are joined so ("1","a") and ("1a") differ. */
    constructor(...seedParts: Array<string | number>) {
        const text = seedParts.map(String).join('\u0000');
        [this.s0, this.s1, this.s2, this.s3] = hash128(text);
        if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // all-zero state is a fixed point
        for (let i = 0; i < 8; i++) this.nextUint32(); // spread the seed through the whole state
    }

    /** Next unsigned 32-bit value (xoshiro128**). */
    nextUint32(): number {
        const result = Math.imul(rotl(Math.imul(this.s1, 5) >>> 0, 7), 9) >>> 0;
        const t = (this.s1 << 9) >>> 0;
        this.s2 ^= this.s0;
        this.s3 ^= this.s1;
        this.s1 ^= this.s2;
        this.s0 ^= this.s3;
        this.s2 ^= t;
        this.s3 = rotl(this.s3, 11);
        this.s0 >>>= 0; this.s1 >>>= 0; this.s2 >>>= 0; this.s3 >>>= 0;
        return result;
    }

    /** Uniform integer in [lo, hi] (inclusive, like Python's randint), without modulo bias. */
    int(lo: number, hi: number): number {
        const span = hi - lo + 1;
        if (!(span > 0) || span > 0x100000000) throw new RangeError(`bad range [${lo}, ${hi}]`);
        const limit = Math.floor(0x100000000 / span) * span;
        let x: number;
        do x = this.nextUint32(); while (x >= limit);
        return lo + (x % span);
    }

    /** Uniform double in [0, 1) with 53 random bits (two draws). */
    float(): number {
        const hi = this.nextUint32() >>> 5; // 27 bits
        const lo = this.nextUint32() >>> 6; // 26 bits
        return (hi * 67108864 + lo) / 9007199254740992;
    }

    /** Uniform double in [lo, hi) (like Python's random.uniform, up to the endpoint). */
    uniform(lo: number, hi: number): number {
        return lo + (hi - lo) * this.float();
    }

    pick<T>(items: readonly T[]): T {
        if (items.length === 0) throw new RangeError('pick from an empty list');
        return items[this.int(0, items.length - 1)];
    }

    /** A string of `length` symbols drawn independently from `alphabet`. */
    string(alphabet: readonly string[], length: number): string {
        let out = '';
        for (let i = 0; i < length; i++) out += this.pick(alphabet);
        return out;
    }

    /** Fisher–Yates, returning a new array. */
    shuffled<T>(items: readonly T[]): T[] {
        const out = items.slice();
        for (let i = out.length - 1; i > 0; i--) {
            const j = this.int(0, i);
            [out[i], out[j]] = [out[j], out[i]];
        }
        return out;
    }

    /** RFC 4122 version-4 uuid built from this stream (so ids are reproducible for a seed). */
    uuid4(): string {
        const bytes: number[] = [];
        for (let i = 0; i < 4; i++) {
            const w = this.nextUint32();
            bytes.push(w >>> 24, (w >>> 16) & 0xff, (w >>> 8) & 0xff, w & 0xff);
        }
        bytes[6] = (bytes[6] & 0x0f) | 0x40;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
        return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    }
}

function rotl(x: number, k: number): number {
    return ((x << k) | (x >>> (32 - k))) >>> 0;
}
