// Finding where a JSON string ends, and whether it is plain (readers/row-parse.ts responseIn: a
// response left undecoded must hold no raw control character, no invalid escape and no `\u`
// escape), 16 bytes at a time: a tiny WebAssembly function using SIMD compares, built here from its
// opcodes (no toolchain, no file to load). The same scan in JavaScript (a regex over the string's
// Latin-1 text) cost about 2 µs for a 2 KB response, the largest single cost of reading a row.

/** The scan, in plain JavaScript: the reference the WebAssembly one is tested against, and the fallback where WebAssembly SIMD is missing. */
export function scanJsonStringJs(bytes: Uint8Array, from: number): number {
    for (let i = from; i < bytes.length; i++) {
        const c = bytes[i];
        if (c === 0x22) return i;
        if (c < 0x20) return -1;
        if (c === 0x5c) {
            const e = bytes[i + 1];
            if (e !== 0x5c && e !== 0x22 && e !== 0x2f && e !== 0x62 && e !== 0x66 && e !== 0x6e && e !== 0x72 && e !== 0x74) return -1;
            i++;
        }
    }
    return -1;
}

// --- the WebAssembly module, assembled ---

const I32 = 0x7f;
const V128 = 0x7b;
const op = {
    unreachable: 0x00, block: 0x02, loop: 0x03, if: 0x04, end: 0x0b, br: 0x0c, brIf: 0x0d, return: 0x0f,
    localGet: 0x20, localSet: 0x21, localTee: 0x22, load8u: 0x2d, i32Const: 0x41,
    eq: 0x46, ltU: 0x49, gtU: 0x4b, geU: 0x4f, ctz: 0x68, add: 0x6a,
};
/** SIMD opcodes (after the 0xfd prefix). */
const simd = { load: 0x00, splat: 0x0f, eq: 0x23, ltU: 0x26, or: 0x50, bitmask: 0x64 };
const EMPTY = 0x40;

function uleb(n: number): number[] {
    const out: number[] = [];
    do {
        let b = n & 0x7f;
        n >>>= 7;
        if (n !== 0) b |= 0x80;
        out.push(b);
    } while (n !== 0);
    return out;
}

function sleb(n: number): number[] {
    const out: number[] = [];
    for (;;) {
        const b = n & 0x7f;
        n >>= 7;
        if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
            out.push(b);
            return out;
        }
        out.push(b | 0x80);
    }
}

const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const vector = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const name = (s: string) => [...uleb(s.length), ...Buffer.from(s, 'latin1')];

/** scan(p, end) → index of the closing quote, or -1: the body of scanJsonStringJs over memory[p, end). */
function scanBody(): number[] {
    const P = 0, END = 1, V = 2, M = 3, C = 4;
    const get = (l: number) => [op.localGet, l];
    const set = (l: number) => [op.localSet, l];
    const c32 = (n: number) => [op.i32Const, ...sleb(n)];
    const s = (code: number) => [0xfd, ...uleb(code)];
    const splatCompare = (byte: number, compare: number) => [...get(V), ...c32(byte), ...s(simd.splat), ...s(compare)];
    const returnIf = (cond: number[], value: number[]) => [...cond, op.if, EMPTY, ...value, op.return, op.end];
    const allowedEscape = [0x5c, 0x22, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74];
    const code = [
        op.loop, EMPTY, // outer: one special byte (or one ordinary tail byte) per turn
        op.block, EMPTY, // to the scalar step
        op.loop, EMPTY, // 16 bytes a turn while they fit
        ...get(P), ...c32(16), op.add, ...get(END), op.gtU, op.brIf, 1,
        ...get(P), ...s(simd.load), 0, 0, ...set(V),
        ...splatCompare(0x20, simd.ltU), ...splatCompare(0x5c, simd.eq), ...s(simd.or), ...splatCompare(0x22, simd.eq), ...s(simd.or),
        ...s(simd.bitmask), op.localTee, M,
        op.if, EMPTY, ...get(P), ...get(M), op.ctz, op.add, ...set(P), op.br, 2, op.end,
        ...get(P), ...c32(16), op.add, ...set(P), op.br, 0,
        op.end, // simd loop
        op.end, // block
        ...returnIf([...get(P), ...get(END), op.geU], c32(-1)),
        ...get(P), op.load8u, 0, 0, ...set(C),
        ...returnIf([...get(C), ...c32(0x22), op.eq], get(P)),
        ...returnIf([...get(C), ...c32(0x20), op.ltU], c32(-1)),
        ...get(C), ...c32(0x5c), op.eq, op.if, EMPTY,
        ...returnIf([...get(P), ...c32(1), op.add, ...get(END), op.geU], c32(-1)),
        ...get(P), op.load8u, 0, 1, ...set(C),
        // not one of the allowed escapes: -1 (a chain of ifs, each skipping to the end when it matches)
        op.block, EMPTY,
        ...allowedEscape.flatMap((e) => [...get(C), ...c32(e), op.eq, op.brIf, 0]),
        ...c32(-1), op.return,
        op.end,
        ...get(P), ...c32(2), op.add, ...set(P), op.br, 1,
        op.end,
        ...get(P), ...c32(1), op.add, ...set(P), op.br, 0,
        op.end, // outer loop
        op.unreachable,
    ];
    const locals = vector([[1, V128], [2, I32]]);
    const body = [...locals, ...code, op.end];
    return [...uleb(body.length), ...body];
}

function moduleBytes(): Uint8Array {
    return new Uint8Array([
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
        ...section(1, vector([[0x60, ...vector([[I32], [I32]]), ...vector([[I32]])]])), // type: (i32, i32) → i32
        ...section(3, vector([[0]])), // one function of type 0
        ...section(5, vector([[0x00, 1]])), // memory: 1 page at first
        ...section(7, vector([[...name('scan'), 0x00, 0], [...name('memory'), 0x02, 0]])),
        ...section(10, vector([scanBody()])),
    ]);
}

/** The part of the WebAssembly API used here (TypeScript's lib for this project does not type it). */
interface WasmMemory { buffer: ArrayBuffer; grow(pages: number): number }
interface WasmApi {
    validate(bytes: Uint8Array): boolean;
    Module: new (bytes: Uint8Array) => object;
    Instance: new (module: object) => { exports: Record<string, unknown> };
}
const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

interface Scanner {
    memory: WasmMemory;
    scan: (p: number, end: number) => number;
    view: Uint8Array;
}

let scanner: Scanner | null | undefined;
/** Longer strings (with the rest of their line) are scanned in JavaScript. */
const MAX_COPY = 1 << 20;

function load(): Scanner | null {
    try {
        const bytes = moduleBytes();
        if (!wasm || !wasm.validate(bytes)) return null;
        const instance = new wasm.Instance(new wasm.Module(bytes));
        const memory = instance.exports.memory as WasmMemory;
        return { memory, scan: instance.exports.scan as Scanner['scan'], view: new Uint8Array(memory.buffer) };
    } catch {
        return null;
    }
}

/**
 * The index in `bytes` of the quote that ends the JSON string whose content starts at `from`, when
 * that content is plain (only the escapes `\\ \" \/ \b \f \n \r \t`, no byte below 0x20); -1 when
 * it is not, or has no end. Exactly scanJsonStringJs (test/rollouts/json-string-scan.test.ts).
 */
export function scanJsonString(bytes: Uint8Array, from: number): number {
    if (scanner === undefined) scanner = load();
    const length = bytes.length - from;
    // The bytes are copied into the scan's memory, which never shrinks: a huge line is scanned here.
    if (scanner === null || length > MAX_COPY) return scanJsonStringJs(bytes, from);
    // 16 bytes of room past the end: the last 16-byte load may read them (their bytes are never used).
    const need = length + 16;
    if (need > scanner.view.length) {
        scanner.memory.grow(Math.ceil((need - scanner.view.length) / 65536));
        scanner.view = new Uint8Array(scanner.memory.buffer);
    }
    scanner.view.set(bytes.subarray(from), 0);
    const at = scanner.scan(0, length);
    return at < 0 ? -1 : at + from;
}

/** Which scan runs here ('simd' unless WebAssembly SIMD is missing), for tests. */
export function scannerKind(): 'simd' | 'js' {
    if (scanner === undefined) scanner = load();
    return scanner ? 'simd' : 'js';
}
