// A request sent right behind the didOpen of its document, while the server is busy building
// another one (the rollout explorer opens a rollout as a solution while the workspace builds): the
// server answers it once the document is built, instead of failing it because the document did not
// exist yet. VS Code does not ask for code lenses again after such a failure, so the "Run N tests"
// lens of a just-opened solution never showed.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import { fixturePath } from '../helpers/fixtures.js';
import { startLspProcess, type LspProcess } from '../helpers/lsp-process.js';

const dir = mkdtempSync(join(tmpdir(), 'delta-lsp-open-race-'));
copyFileSync(fixturePath('manufactoria/problems_sample.jsonl'), join(dir, 'problems.jsonl'));
const docUri = (name: string) => pathToFileURL(join(dir, name)).toString();

const solution = (problemFile: string) => ['START start:', '    NEXT end', 'END end', `# problem: ${problemFile}#Starts with BB`, ''].join('\n');

/**
 * A problem file of `copies` × the sample's problems: loading it keeps a code-lens request busy. 150
 * copies (10 MB) hold the workspace 0.1–0.3 s, and without the wait in server/document-updates.ts the
 * first round fails already (600, 38 MB a round, cost ~3 CPU-s more in the test and the server).
 */
function bigProblemFile(copies: number, salt: number): void {
    const lines = readFileSync(fixturePath('manufactoria/problems_sample.jsonl'), 'utf8').trim().split('\n');
    const out: string[] = [];
    for (let c = 0; c < copies; c++) {
        for (const line of lines) {
            const row = JSON.parse(line) as { id: string; name: string };
            out.push(JSON.stringify(c === 0 ? row : { ...row, id: `${row.id}-${c}`, name: `${row.name} ${c}` }));
        }
    }
    writeFileSync(join(dir, 'big.jsonl'), `${out.join('\n')}\n${' '.repeat(salt)}`);
}

let server: LspProcess;
let connection: MessageConnection;

beforeAll(async () => {
    server = await startLspProcess(dir);
    connection = server.connection;
});

afterAll(() => server?.stop());

describe('a request right behind its document\'s didOpen', () => {
    test('is answered with the document\'s code lenses while another request holds the workspace', async () => {
        // A solution bound to a big problem file: its code-lens request reads that file, and while it
        // does, the server cannot start the build of a newly opened document.
        const busy = docUri('busy.manufactoria');
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: busy, languageId: 'manufactoria', version: 1, text: solution('big.jsonl') } });
        for (const [round, delay] of [0, 5, 20, 50].entries()) {
            bigProblemFile(150, round);
            const slow = connection.sendRequest('textDocument/codeLens', { textDocument: { uri: busy } });
            await new Promise((r) => setTimeout(r, delay));
            const uri = docUri(`solution${round}.manufactoria`);
            void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'manufactoria', version: 1, text: solution('problems.jsonl') } });
            const t0 = performance.now();
            const lenses = await connection.sendRequest('textDocument/codeLens', { textDocument: { uri } }).then(
                (l) => l as { command?: { title: string } }[],
                (e: { code?: number; message?: string }) => { throw new Error(`round ${round}: codeLens failed (${e.code}) ${e.message}`); },
            );
            expect(lenses.map((l) => l.command?.title)).toContain('$(play) Run 15 tests');
            console.log(`round ${round}: ${(performance.now() - t0).toFixed(0)} ms`);
            await slow;
        }
    }, 120_000);
});
