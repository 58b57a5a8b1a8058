// Problem files crafted to kill their reader: a parquet file that makes hyparquet hit a V8 fatal
// error is read in a child process whose death is an issue naming the file; an over-long JSON Lines
// line is skipped with an issue naming its line; the language server keeps answering after both.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parquetMetadata } from 'hyparquet';
import { deserializeTCompactProtocol } from 'hyparquet/src/thrift.js';
import { afterAll, describe, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { loadProblemFile } from '../../language/dataset/problems/load.js';
import { sampleHfRows } from '../families/fixtures.js';
import { PQ_HF_SCHEMA, writeParquet } from './parquet-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'delta-bad-files-'));

/** Where the definition levels of `column` start in the first row group's data page (a v2 page: header, repetition levels, definition levels, values). */
function definitionLevelsOffset(bytes: Buffer, column: string): number {
    const buffer = new Uint8Array(bytes).buffer;
    const chunk = parquetMetadata(buffer).row_groups[0].columns.find((c) => c.meta_data?.path_in_schema.at(-1) === column)!.meta_data!;
    const reader = { view: new DataView(buffer), offset: Number(chunk.data_page_offset) };
    const header = deserializeTCompactProtocol(reader) as { field_8: { field_6: number } };
    return reader.offset + header.field_8.field_6;
}

/**
 * Two HF rows; then the first 4 bytes of the `role` column's definition levels become an RLE run of
 * 2^27-1 values for a 2-value array: hyparquet writes past the array's end until V8 gives up with
 * "Fatal JavaScript invalid size error" (found by mutating such a file).
 */
function craftedParquet(): string {
    const good = join(dir, 'good.parquet');
    writeParquet(good, PQ_HF_SCHEMA, sampleHfRows().slice(0, 2) as unknown as Record<string, unknown>[], 5);
    const bytes = readFileSync(good);
    bytes.set([0xfe, 0xff, 0xff, 0x7f], definitionLevelsOffset(bytes, 'role'));
    const crafted = join(dir, 'crafted.parquet');
    writeFileSync(crafted, bytes);
    return crafted;
}

// A reader killed by V8 first grows its heap to the limit (256 MB for a file this small, the product's
// default, language/dataset/problems/parquet-rows.ts): a few seconds alone, a minute on a loaded 2-core machine.
const CRAFTED_TIMEOUT_MS = 180_000;
// The child processes below read the same file with the smallest heap the product allows (64 MB):
// the first test checks the default size; filling 257 MB twice more cost ~4 CPU-s of `npm test`.
const SMALL_HEAP = { ...process.env, DELTA_PARQUET_READER_HEAP_MB: '64' };

describe('crafted problem files', () => {
    it('a parquet file that kills its reader with a V8 fatal error is an issue naming the file', async () => {
        const good = await loadProblemFile((craftedParquet(), join(dir, 'good.parquet')), { displayName: 'good.parquet' });
        expect(good.issues).toEqual([]);
        expect(good.problems).toHaveLength(2);
        const r = await loadProblemFile(join(dir, 'crafted.parquet'), { displayName: 'crafted.parquet' });
        expect(r.problems).toEqual([]);
        expect(r.issues).toHaveLength(1);
        expect(r.issues[0].file).toBe('crafted.parquet');
        expect(r.issues[0].message).toMatch(/^the parquet reader (was killed by SIG\w+|exited with code \d+) \((Fatal JavaScript invalid size error \d+|JavaScript heap out of memory)\): the file is damaged/);
        // Node 24 fills the heap before the array outgrows V8's limit: the issue names the heap and how to raise it.
        // The heap is sized to this 29 KB file (256 MB + 16 per MB), not the 2 GB a big file gets.
        if (r.issues[0].message.includes('heap out of memory')) expect(r.issues[0].message).toMatch(/; not read \(its heap was 257 MB; DELTA_PARQUET_READER_HEAP_MB=<MB> gives it more\)$/);
    }, CRAFTED_TIMEOUT_MS);

    it('the same file given to `delta rollouts score` (it is a valid rollouts parquet) is an issue naming it; the next file is scored', () => {
        const plain = 'test/fixtures/rollouts/plain/rollouts.jsonl';
        const r = spawnSync(process.execPath, ['out/cli.cjs', 'rollouts', 'score', join(dir, 'crafted.parquet'), plain, '--problems', 'test/fixtures/rollouts/problems.jsonl', '-q'], { encoding: 'utf8', timeout: CRAFTED_TIMEOUT_MS - 10_000, env: SMALL_HEAP });
        expect(r.stderr).toMatch(/crafted\.parquet: the parquet reader (was killed by SIG\w+|exited with code \d+) \((Fatal JavaScript invalid size error \d+|JavaScript heap out of memory)\)/);
        const scored = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { source: string });
        expect(scored.length).toBeGreaterThan(0);
        expect(scored.every((s) => s.source.startsWith(`${plain}:`))).toBe(true);
        expect(r.status).toBe(1);
    }, CRAFTED_TIMEOUT_MS);

    it('a parquet read that does not finish in time is stopped and reported', async () => {
        const r = await loadProblemFile(join(dir, 'crafted.parquet'), { displayName: 'crafted.parquet', timeoutMs: 1 });
        expect(r.issues).toEqual([{ file: 'crafted.parquet', message: 'the parquet reader did not finish within 0.001 s: not read' }]);
    });

    it('a JSON Lines line beyond the line limit is an issue naming the line; the other rows load', async () => {
        // A 3 MB line against a 1 MB limit, written in pieces (the default limit is 64 MB).
        const path = join(dir, 'long-line.jsonl');
        const [first, second] = readFileSync(join(__dirname, '../fixtures/manufactoria/problems_sample.jsonl'), 'utf8').split('\n');
        const fd = openSync(path, 'w');
        writeSync(fd, `${first}\n{"id": "`);
        for (let i = 0; i < 3; i++) writeSync(fd, 'x'.repeat(2 ** 20));
        writeSync(fd, `"}\r\n${second}\n`);
        closeSync(fd);
        const r = await loadProblemFile(path, { displayName: 'long-line.jsonl', maxLineBytes: 2 ** 20 });
        expect(r.issues).toEqual([{ file: 'long-line.jsonl', line: 2, index: 1, message: 'line longer than 1 MB: not read' }]);
        expect(r.problems.map((p) => p.source)).toEqual([{ file: 'long-line.jsonl', index: 0, line: 1 }, { file: 'long-line.jsonl', index: 2, line: 3 }]);
    });
});

describe('the language server after a crafted problem file', () => {
    let child: ChildProcess;
    let connection: MessageConnection;
    afterAll(() => {
        connection?.dispose();
        child?.kill();
    });

    it('reports the dead reader on the directive and still answers hover', async () => {
        craftedParquet();
        child = spawn(process.execPath, ['out/server.cjs', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: SMALL_HEAP });
        connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
        const diagnostics: { message: string; range: { start: { line: number } } }[][] = [];
        connection.onNotification('textDocument/publishDiagnostics', (p: { diagnostics: { message: string; range: { start: { line: number } } }[] }) => { diagnostics.push(p.diagnostics); });
        connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
        connection.onRequest('client/registerCapability', () => null);
        connection.listen();
        await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).toString(), capabilities: {} });
        void connection.sendNotification('initialized', {});
        const uri = pathToFileURL(join(dir, 'solution.manufactoria')).toString();
        const text = '# problem: crafted.parquet#0\nSTART start:\n    NEXT a\nPULLER_RB a:\n    [B] end\n    [R] NONE\n    [EMPTY] NONE\nEND end\n';
        void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'manufactoria', version: 1, text } });
        const deadline = Date.now() + CRAFTED_TIMEOUT_MS - 10_000;
        while (!diagnostics.some((d) => d.some((x) => /parquet reader/.test(x.message)))) {
            if (Date.now() > deadline) throw new Error(`no diagnostic about the parquet reader: ${JSON.stringify(diagnostics)}`);
            await new Promise((r) => setTimeout(r, 50));
        }
        const diagnostic = diagnostics.flat().find((x) => /parquet reader/.test(x.message))!;
        expect(diagnostic.range.start.line).toBe(0);
        expect(diagnostic.message).toContain('crafted.parquet');
        expect(child.exitCode).toBeNull();
        const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 2 } });
        expect(JSON.stringify(hover)).toContain('PULLER_RB');
    }, CRAFTED_TIMEOUT_MS);
});
