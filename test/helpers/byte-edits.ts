// Small byte edits (insert `put` at `at` after cutting `cut` bytes) applied in turn, positions clamped
// to the bytes: property tests use them to damage a row near the places a parser keys on.
export interface ByteEdit {
    at: number;
    cut: number;
    put: Uint8Array | readonly number[];
}

export function applyByteEdits(base: string | Uint8Array, edits: readonly ByteEdit[]): Buffer {
    let bytes = Buffer.from(base);
    for (const { at, cut, put } of edits) {
        const i = Math.min(Math.max(at, 0), bytes.length);
        bytes = Buffer.concat([bytes.subarray(0, i), Buffer.from(put), bytes.subarray(Math.min(i + cut, bytes.length))]);
    }
    return bytes;
}
