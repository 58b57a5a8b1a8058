// A closed document goes back to what is on disk (server/document-updates.ts): an untitled buffer or
// a read-only rollout is unloaded, a file shows the diagnostics of its saved text. Closing an
// untitled buffer (or saving it, which closes it and opens the file) used to end the server process
// at the next build.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import { RunTestsRequest, type RunTestsResult } from '../../server/protocol.js';
import { startLspProcess, waitFor as waitForValue, type LspProcess } from '../helpers/lsp-process.js';

const dir = mkdtempSync(join(tmpdir(), 'delta-closed-'));
const VALID = 'START start:\n    NEXT reader\nPULLER_RB reader:\n    [R] end\n    [B] end\n    [EMPTY] end\nEND end\n';
const BROKEN = 'START start:\n    NEXT nowhere\nEND end\n';

let server: LspProcess;
let connection: MessageConnection;
let exited = false;
const published: { uri: string; messages: string[] }[] = [];

beforeAll(async () => {
    server = await startLspProcess(dir, {
        setUp: (c) => {
            c.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: { message: string }[] }) => {
                published.push({ uri: p.uri, messages: p.diagnostics.map((d) => d.message) });
            });
            c.onClose(() => { exited = true; });
        },
    });
    connection = server.connection;
});

afterAll(() => server?.stop());

const waitFor = <T>(get: () => T | undefined, what: string) => waitForValue(get, what, 10_000, () => exited);

const lastOf = (uri: string) => published.filter((p) => p.uri === uri).at(-1);

async function openText(uri: string, text: string): Promise<void> {
    const before = published.length;
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'manufactoria', version: 1, text } });
    await waitFor(() => published.slice(before).find((p) => p.uri === uri), `diagnostics of ${uri}`);
}

describe('closing documents', () => {
    test('an untitled buffer closed (or saved as a file) is unloaded, and the server goes on', async () => {
        await openText('untitled:Untitled-1', BROKEN);
        expect(lastOf('untitled:Untitled-1')?.messages).toContain("Node 'start' references undefined node 'nowhere'");
        await connection.sendNotification('textDocument/didClose', { textDocument: { uri: 'untitled:Untitled-1' } });
        await waitFor(() => (lastOf('untitled:Untitled-1')?.messages.length === 0 ? true : undefined), 'the closed buffer\'s diagnostics to be cleared');
        // Saving it: the file is opened with the same text. Then an edit builds again.
        const saved = pathToFileURL(join(dir, 'saved.manufactoria')).toString();
        writeFileSync(join(dir, 'saved.manufactoria'), VALID);
        await openText(saved, VALID);
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri: saved, version: 2 }, contentChanges: [{ text: BROKEN }] });
        await waitFor(() => (lastOf(saved)?.messages.length ? true : undefined), 'diagnostics of the edit');
        const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri: saved }, position: { line: 0, character: 2 } });
        expect(JSON.stringify(hover)).toContain('where every robot enters');
        // Its nodes are gone from the workspace symbols too.
        const symbols = await connection.sendRequest('workspace/symbol', { query: 'reader' }) as { location: { uri: string } }[];
        expect(symbols.map((s) => s.location.uri)).not.toContain('untitled:Untitled-1');
        expect(exited).toBe(false);
    });

    test('a file of another extension, closed in the Manufactoria mode, is unloaded: builds go on', async () => {
        const path = join(dir, 'notes.txt');
        const uri = pathToFileURL(path).toString();
        writeFileSync(path, BROKEN);
        await openText(uri, BROKEN);
        await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        await waitFor(() => (lastOf(uri)?.messages.length === 0 ? true : undefined), 'its diagnostics to be cleared');
        const other = 'untitled:Untitled-3';
        await openText(other, VALID);
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri: other, version: 2 }, contentChanges: [{ text: BROKEN }] });
        await waitFor(() => (lastOf(other)?.messages.length ? true : undefined), 'diagnostics of an edit after it');
    });

    test('a file closed with its edits discarded shows the diagnostics of the saved text', async () => {
        const path = join(dir, 'discarded.manufactoria');
        const uri = pathToFileURL(path).toString();
        writeFileSync(path, VALID);
        await openText(uri, VALID);
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: BROKEN }] });
        await waitFor(() => (lastOf(uri)?.messages.length ? true : undefined), 'the error of the edit');
        await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        await waitFor(() => (lastOf(uri)?.messages.length === 0 ? true : undefined), 'the diagnostics of the file on disk');
    });
});

describe('results of a closed untitled buffer', () => {
    test('are not shown for the next buffer of that name', async () => {
        const uri = 'untitled:Untitled-9';
        const failing = '# test: R => reject\nSTART start:\n    NEXT end\nEND end\n';
        await openText(uri, failing);
        const run = await connection.sendRequest(RunTestsRequest, { uri }) as RunTestsResult;
        expect(run).toMatchObject({ state: 'ran', passed: 0, total: 1 });
        await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        // VS Code's next untitled buffer may take the same name, at version 1, with the same test.
        await openText(uri, '# test: R => reject\nSTART start:\n    NEXT NONE\nEND end\n');
        const lenses = await connection.sendRequest('textDocument/codeLens', { textDocument: { uri } }) as { command: { title: string } }[];
        expect(lenses.map((l) => l.command.title)).toEqual(['$(play) Run 1 test']);
    });
});
