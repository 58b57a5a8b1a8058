// A file saved with a UTF-8 BOM (Windows editors): the BOM is an encoding mark, not program text.
// VS Code drops it from the document the editor checks, and the reference decodes a request body
// that starts with one; `delta check`/`run`/`test` said `Line 1: Invalid node declaration: \ufeffSTART
// start:` and `delta verify` answered the first request with an invalid-JSON error.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { check } from '../../cli/commands/check.js';
import { readLineChunks, readText } from '../../cli/io.js';
import { UsageError } from '../../cli/command.js';

const dir = mkdtempSync(join(tmpdir(), 'delta-bom-'));
const BOM = '\ufeff';
const program = 'START start:\n    NEXT end\nEND end\n';

afterEach(() => vi.restoreAllMocks());

describe('a leading UTF-8 BOM', () => {
    test('readText drops it (and only a leading one)', async () => {
        const path = join(dir, 'bom.manufactoria');
        writeFileSync(path, `${BOM}${program}# ${BOM}\n`);
        expect(await readText(path)).toBe(`${program}# ${BOM}\n`);
    });

    test('delta check: OK, as in the editor', async () => {
        const path = join(dir, 'check.manufactoria');
        writeFileSync(path, `${BOM}${program}`);
        let stdout = '';
        vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
        expect(await check.main([path])).toBe(0);
        expect(stdout).toBe('OK\n');
    });

    test('delta verify input: the first request starts after it', async () => {
        const path = join(dir, 'requests.jsonl');
        const line = JSON.stringify({ dsl: program, test_cases: [] });
        writeFileSync(path, `${BOM}${line}\n${line}\n`);
        const chunks: Buffer[] = [];
        for await (const chunk of readLineChunks(path, 16)) chunks.push(chunk);
        expect(Buffer.concat(chunks).toString('utf8')).toBe(`${line}\n${line}\n`);
    });
});

describe('a folder given as the input file', () => {
    test('delta verify: a usage error naming it, as readText gives (it was "EISDIR: illegal operation on a directory, read")', async () => {
        const folder = join(dir, 'a-folder');
        mkdirSync(folder);
        const read = async () => {
            for await (const _ of readLineChunks(folder, 16)) void _;
        };
        await expect(read()).rejects.toThrow(UsageError);
        await expect(read()).rejects.toThrow(`cannot read ${folder}: EISDIR`);
        await expect(readText(folder)).rejects.toThrow(`cannot read ${folder}: EISDIR`);
    });
});
