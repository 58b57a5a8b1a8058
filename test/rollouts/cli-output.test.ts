// `-o FILE` / `--out FILE` that cannot be written: a usage error naming the option and the path
// before any work (it was an unhandled stream 'error' with a stack trace after the whole run), and a
// write that fails midway is one error, not an unhandled event.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { UsageError } from '../../cli/command.js';
import { checkOutputFile, checkOutputFolder } from '../../cli/io.js';
import { Output } from '../../cli/rollouts/output.js';

const dir = mkdtempSync(join(tmpdir(), 'delta-out-'));

describe('checkOutputFile', () => {
    test('a file in an existing folder is fine, and nothing is created', () => {
        expect(() => checkOutputFile(join(dir, 'out.jsonl'), '-o')).not.toThrow();
        expect(existsSync(join(dir, 'out.jsonl'))).toBe(false);
        expect(() => checkOutputFile('-', '-o')).not.toThrow();
    });
    test('a missing folder names the option, the path and the folder', () => {
        const path = join(dir, 'missing', 'out.jsonl');
        expect(() => checkOutputFile(path, '-o')).toThrow(UsageError);
        expect(() => checkOutputFile(path, '-o')).toThrow(`-o ${path}: no such folder ${join(dir, 'missing')}`);
    });
    test('a folder is not an output file', () => {
        mkdirSync(join(dir, 'sub'));
        expect(() => checkOutputFile(join(dir, 'sub'), '--out')).toThrow(`--out ${join(dir, 'sub')}: is a folder; give a file name`);
    });
});

describe('checkOutputFolder', () => {
    test('a missing folder is fine (made later), an existing one too, a file is a usage error naming it', () => {
        expect(() => checkOutputFolder(join(dir, 'new', 'deeper'), '--out')).not.toThrow();
        expect(() => checkOutputFolder(dir, '--out')).not.toThrow();
        const file = join(dir, 'a-file');
        writeFileSync(file, 'x');
        expect(() => checkOutputFolder(file, '--out')).toThrow(new UsageError(`--out ${file}: is a file; give a folder`));
    });
});

describe('Output', () => {
    test.runIf(existsSync('/dev/full'))('a failing write rejects with one message naming the file', async () => {
        const out = new Output('/dev/full');
        await out.write('x'.repeat(100));
        await expect(out.close()).rejects.toThrow('cannot write /dev/full: ENOSPC');
    });
});
