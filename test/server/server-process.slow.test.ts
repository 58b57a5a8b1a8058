// The bundled language server as a separate process over stdio (npm test builds out/server.cjs and
// its run-worker role first): run-on-change pushes results, runs never block other requests, a
// runaway regex is stopped by the time limit, and lenses follow the runs.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import { RunTestsRequest, TestResultsNotification, TestsChangedNotification, type RunTestsResult } from '../../server/protocol.js';
import { fixturePath } from '../helpers/fixtures.js';
import { startLspProcess, waitFor, type LspProcess } from '../helpers/lsp-process.js';

const dir = mkdtempSync(join(tmpdir(), 'delta-lsp-'));
copyFileSync(fixturePath('manufactoria/problems_sample.jsonl'), join(dir, 'problems.jsonl'));
const uri = pathToFileURL(join(dir, 'solution.manufactoria')).toString();
const WRONG = '# problem: problems.jsonl#Starts with BB\nSTART start:\n    NEXT a\nPULLER_RB a:\n    [B] end\n    [R] NONE\n    [EMPTY] NONE\nEND end\n';
const RIGHT = '# problem: problems.jsonl#Starts with BB\nSTART start:\n    NEXT a\nPULLER_RB a:\n    [B] b\n    [R] NONE\n    [EMPTY] NONE\nPULLER_RB b:\n    [B] end\n    [R] NONE\n    [EMPTY] NONE\nEND end\n';

let server: LspProcess;
let connection: MessageConnection;
const results: RunTestsResult[] = [];
let lensRefreshes = 0;
const testsChanged: string[] = [];

beforeAll(async () => {
    server = await startLspProcess(dir, {
        capabilities: { workspace: { configuration: true, codeLens: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true } } },
        configuration: (item) => (item.section === 'manufactoria' ? { tests: { runOnChange: true, runOnChangeDelay: 50, timeout: 1500 } } : null),
        setUp: (c) => {
            c.onRequest('workspace/codeLens/refresh', () => { lensRefreshes++; return null; });
            c.onNotification(TestResultsNotification, (params) => { results.push(params.result); });
            c.onNotification(TestsChangedNotification, (params) => { testsChanged.push(params.uri); });
        },
    });
    connection = server.connection;
});

afterAll(() => server?.stop());

describe('language server process', () => {
    test('run-on-change: opening and editing a solution pushes fresh results', async () => {
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'manufactoria', version: 1, text: WRONG } });
        const first = await waitFor(() => results.find((r) => r.version === 1), 'results of version 1');
        expect(first).toMatchObject({ state: 'ran', passed: 13, total: 15, all_pass: 0 });
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: RIGHT }] });
        const second = await waitFor(() => results.find((r) => r.version === 2), 'results of version 2');
        expect(second).toMatchObject({ state: 'ran', passed: 15, total: 15, pass_rate: 1, all_pass: 1 });
        expect(lensRefreshes).toBeGreaterThan(0);
        const lenses = await connection.sendRequest('textDocument/codeLens', { textDocument: { uri } }) as { command: { title: string } }[];
        expect(lenses.map((l) => l.command.title)).toEqual(['$(play) Run 15 tests', '✓ 15/15 passed · pass_rate 1.0 · all_pass 1']);
    });

    test('a runaway regex is stopped by the time limit while hover keeps answering', async () => {
        const slowUri = pathToFileURL(join(dir, 'slow.manufactoria')).toString();
        const text = `# test: ${'R'.repeat(40)} => (R*)*B\nSTART start:\n    NEXT end\nEND end\n`;
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: slowUri, languageId: 'manufactoria', version: 1, text } });
        const order: string[] = [];
        const run = connection.sendRequest(RunTestsRequest, { uri: slowUri }).then((r) => { order.push('run'); return r; });
        const hover = connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 2 } }).then((h) => { order.push('hover'); return h; });
        const [result, hovered] = await Promise.all([run, hover]);
        expect(result).toMatchObject({ state: 'error', message: expect.stringMatching(/^Stopped after 1500 ms/) });
        expect(JSON.stringify(hovered)).toContain('PULLER_RB');
        // Sent after the run, answered before it: the run does not hold the server's main loop.
        expect(order).toEqual(['hover', 'run']);
        // The worker is replaced: the next run works.
        const next = await connection.sendRequest(RunTestsRequest, { uri });
        expect(next).toMatchObject({ state: 'ran', all_pass: 1 });
    });

    test('a changed problem file re-checks the solutions bound to it, and no others', async () => {
        testsChanged.length = 0;
        const refreshesBefore = lensRefreshes;
        const file = (name: string) => pathToFileURL(join(dir, name)).toString();
        // A dump written beside the problems (a .jsonl too) first, then the bound file. Both are
        // handled in order: had the dump counted, its notification would come first.
        await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: file('rollouts.jsonl'), type: 1 }] });
        await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: file('problems.jsonl'), type: 2 }] });
        await waitFor(() => (testsChanged.length > 0 ? true : undefined), 'a tests-changed notification');
        await new Promise((r) => setTimeout(r, 300));
        expect(testsChanged).toEqual([uri]);
        expect(lensRefreshes - refreshesBefore).toBe(1);
    });
});
