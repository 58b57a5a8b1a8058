// Problem files that would end the reading process are refused with an issue naming the file:
// devices (a link to /dev/zero), and files beyond the size limit (a 600 MB line).
import { closeSync, mkdtempSync, openSync, symlinkSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProblemFile, MAX_PROBLEM_FILE_BYTES } from '../../language/dataset/problems/load.js';
import { parquetReaderHeapMb } from '../../language/dataset/problems/parquet-rows.js';

const dir = mkdtempSync(join(tmpdir(), 'delta-limits-'));

describe('problem file limits', () => {
    it('a .jsonl linked to /dev/zero is an issue, not an endless read', async () => {
        const link = join(dir, 'zero.jsonl');
        symlinkSync('/dev/zero', link);
        const r = await loadProblemFile(link, { displayName: 'zero.jsonl' });
        expect(r.problems).toEqual([]);
        expect(r.issues).toEqual([{ file: 'zero.jsonl', message: 'not a regular file (a device, pipe or socket): not read' }]);
    });

    it('a file beyond the limit (a sparse 600 MB file: one huge line) is an issue', async () => {
        const big = join(dir, 'huge.jsonl');
        const fd = openSync(big, 'w');
        ftruncateSync(fd, 600 * 2 ** 20);
        closeSync(fd);
        const r = await loadProblemFile(big, { displayName: 'huge.jsonl' });
        expect(600 * 2 ** 20).toBeGreaterThan(MAX_PROBLEM_FILE_BYTES);
        expect(r.issues).toEqual([{ file: 'huge.jsonl', message: '600 MB is more than the 256 MB a problem file may have: not read' }]);
    });

    it('a directory named like a problem file is an issue', async () => {
        const r = await loadProblemFile(dir + '/', { displayName: 'dir', format: 'json' });
        expect(r.issues[0].message).toBe('not a regular file (a directory): not read');
    });

    it("the parquet reader's heap is sized to the file (a small damaged file dies fast), and the variable overrides it", () => {
        const saved = process.env.DELTA_PARQUET_READER_HEAP_MB;
        try {
            delete process.env.DELTA_PARQUET_READER_HEAP_MB;
            const MB = 1 << 20;
            expect([0, 29_000, MB, 10 * MB, 100 * MB, MAX_PROBLEM_FILE_BYTES, undefined].map(parquetReaderHeapMb)).toEqual([256, 257, 272, 416, 1856, 2048, 2048]);
            process.env.DELTA_PARQUET_READER_HEAP_MB = '4096';
            expect(parquetReaderHeapMb(29_000)).toBe(4096);
            process.env.DELTA_PARQUET_READER_HEAP_MB = '12';
            expect(parquetReaderHeapMb(29_000)).toBe(257);
        } finally {
            if (saved === undefined) delete process.env.DELTA_PARQUET_READER_HEAP_MB;
            else process.env.DELTA_PARQUET_READER_HEAP_MB = saved;
        }
    });
});
