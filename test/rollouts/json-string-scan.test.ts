// The SIMD scan of a JSON string (language/rollouts/readers/json-string-scan.ts) against its plain
// JavaScript twin and against a definition by JSON.parse (the first unescaped quote ends it; plain:
// JSON.parse takes the content and it has no \u escape), on strings made of escapes, quotes,
// control and non-ASCII bytes at every offset around 16-byte loads.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { scanJsonString, scanJsonStringJs, scannerKind } from '../../language/rollouts/readers/json-string-scan.js';

/**
 * The definition: the string's end is its first quote not escaped (preceded by an even number of
 * backslashes); its content is plain when JSON.parse takes it and it has no `\u` escape (a `u`
 * after an odd number of backslashes).
 */
function byDefinition(bytes: Uint8Array, from: number): number {
    const buffer = Buffer.from(bytes);
    let end = from - 1;
    for (;;) {
        end = buffer.indexOf(0x22, end + 1);
        if (end < 0) return -1;
        let backslashes = 0;
        while (end - 1 - backslashes >= from && buffer[end - 1 - backslashes] === 0x5c) backslashes++;
        if (backslashes % 2 === 0) break;
    }
    const content = buffer.toString('latin1', from, end);
    try {
        JSON.parse(`"${content}"`);
    } catch {
        return -1;
    }
    return /(?:^|[^\\])(?:\\\\)*\\u/.test(content) ? -1 : end;
}

const PIECES = ['\\n', '\\\\', '\\"', '\\/', '\\t', '\\u0041', '\\x', '\\', '"', 'a', 'abcdefghijklmnop', '\u0001', '\u001f', '\u007f', ' ', 'é', '😀', '\n', '```'];

describe('scanJsonString', () => {
    test('runs the WebAssembly SIMD scan on this Node', () => {
        expect(scannerKind()).toBe('simd');
    });

    test('equals the plain scan and the definition on random strings, at any start', () => {
        fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }), fc.nat(40), (pieces, pad) => {
            const bytes = Buffer.from('x'.repeat(pad) + pieces.join(''), 'utf8');
            const from = Math.min(pad, bytes.length);
            const expected = byDefinition(bytes, from);
            // One expect a case (5,000 cases; each expect costs ~20 µs of vitest's bookkeeping).
            expect({ js: scanJsonStringJs(bytes, from), simd: scanJsonString(bytes, from) }).toEqual({ js: expected, simd: expected });
        }), { numRuns: 5000 });
    });

    test('a special byte at every offset of a long plain run, and strings longer than the scan\'s memory', () => {
        for (const special of ['"', '\u0001', '\\n', '\\u0000', '\\q']) {
            for (let at = 0; at < 70; at++) {
                const bytes = Buffer.from(`${'a'.repeat(at)}${special}${'b'.repeat(40)}"`, 'utf8');
                expect(scanJsonString(bytes, 0)).toBe(byDefinition(bytes, 0));
            }
        }
        for (const n of [100_000, 400_000]) {
            const long = Buffer.from(`${'ab\\n'.repeat(n)}"tail`, 'utf8');
            expect(scanJsonString(long, 0)).toBe(long.length - 5);
            long[long.length - 100] = 0x01;
            expect(scanJsonString(long, 0)).toBe(-1);
        }
        expect(scanJsonString(Buffer.from('short"', 'utf8'), 0)).toBe(5);
    });
});
