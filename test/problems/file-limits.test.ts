// Problem files that would end the reading process are refused with an issue naming the file:
// devices (a link to /dev/zero), and files beyond the size limit (a 600 MB line).
import { closeSync, mkdtempSync, openSync, symlinkSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProblemFile, MAX_PROBLEM_FILE_BYTES } from '../../language/dataset/problems/load.js';

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
});
