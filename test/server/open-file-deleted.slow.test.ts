// A file deleted (or moved away) on disk while it is open stays open in VS Code, which keeps its
// text and can save it again: the server keeps serving that text (server/document-updates.ts).
// Before, Langium dropped the document: its diagnostics were cleared and every request for it
// waited 20 s and failed with "No document found" until the next edit.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import { startLspProcess, waitFor, type LspProcess } from '../helpers/lsp-process.js';

const dir = mkdtempSync(join(tmpdir(), 'delta-deleted-'));
const TEXT = 'START start:\n    NEXT endd\nEND end\n';
const DELETED = 3; // FileChangeType.Deleted

let server: LspProcess;
let connection: MessageConnection;
const published: { uri: string; messages: string[] }[] = [];

beforeAll(async () => {
    server = await startLspProcess(dir, {
        capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
        setUp: (c) => c.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: { message: string }[] }) => {
            published.push({ uri: p.uri, messages: p.diagnostics.map((d) => d.message) });
        }),
    });
    connection = server.connection;
});

afterAll(() => server?.stop());

/** Writes and opens a file; resolves once its diagnostics are published. */
async function openFile(path: string): Promise<string> {
    writeFileSync(path, TEXT);
    const uri = pathToFileURL(path).toString();
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'manufactoria', version: 1, text: TEXT } });
    await waitFor(() => published.find((p) => p.uri === uri && p.messages.length > 0), `diagnostics of ${path}`);
    return uri;
}

const hoverText = async (uri: string) =>
    JSON.stringify(await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } }));

describe('an open file deleted on disk', () => {
    test('keeps its diagnostics and answers requests from the open text', async () => {
        const uri = await openFile(join(dir, 'gone.manufactoria'));
        const before = published.length;
        rmSync(join(dir, 'gone.manufactoria'));
        await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: DELETED }] });
        expect(await hoverText(uri)).toContain('where every robot enters');
        const symbols = await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }) as { name: string }[];
        expect(symbols.map((s) => s.name)).toEqual(['start', 'end']);
        expect(published.slice(before).filter((p) => p.uri === uri && p.messages.length === 0)).toEqual([]);
    });

    test('in a deleted folder: rebuilt from the open text', async () => {
        mkdirSync(join(dir, 'sub'));
        const uri = await openFile(join(dir, 'sub', 'inner.manufactoria'));
        const before = published.length;
        rmSync(join(dir, 'sub'), { recursive: true });
        await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, 'sub')).toString(), type: DELETED }] });
        expect(await hoverText(uri)).toContain('where every robot enters');
        const last = await waitFor(() => published.slice(before).filter((p) => p.uri === uri).find((p) => p.messages.length > 0), 'diagnostics again');
        expect(last.messages).toContain("Node 'start' references undefined node 'endd'");
    });

    test('a closed file deleted on disk loses its diagnostics (it is gone)', async () => {
        const path = join(dir, 'closed.manufactoria');
        const uri = await openFile(path);
        await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        const before = published.length;
        rmSync(path);
        await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: DELETED }] });
        await waitFor(() => published.slice(before).find((p) => p.uri === uri && p.messages.length === 0), 'the diagnostics to be cleared');
    });
});
