// A burst of edits to one document, as a client sends them when text is pasted or generated fast:
// the server validates the latest version once (the versions in between are skipped, not
// validated one after another), and a hover sent behind the burst is answered. Times are printed,
// not asserted (the machine is shared); `npm run bench` has none of this.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import { BURST_MAX_MS } from '../../server/document-updates.js';
import { fixturePath } from '../helpers/fixtures.js';
import { startLspProcess, type LspProcess } from '../helpers/lsp-process.js';

const dir = mkdtempSync(join(tmpdir(), 'delta-lsp-burst-'));
copyFileSync(fixturePath('manufactoria/problems_sample.jsonl'), join(dir, 'problems.jsonl'));
const uri = pathToFileURL(join(dir, 'burst.manufactoria')).toString();

/** A 200-node program bound to a problem; version `v` adds an unused node `v<v>`, named in a warning. */
function text(v: number): string {
    const lines = ['# problem: problems.jsonl#Starts with BB', 'START start:', '    NEXT p0'];
    for (let i = 0; i < 200; i++) lines.push(`PULLER_RB p${i}:`, `    [R] ${i + 1 < 200 ? `p${i + 1}` : 'end'}`, `    [B] ${i + 2 < 200 ? `p${i + 2}` : 'end'}`, '    [EMPTY] NONE');
    lines.push(`PULLER_RB v${v}:`, '    [R] end', '    [B] end', '    [EMPTY] end', 'END end', '');
    return lines.join('\n');
}

let server: LspProcess;
let connection: MessageConnection;
/** The version each publishDiagnostics of the document was computed from (from its `v<N>` warning). */
const validated: number[] = [];

beforeAll(async () => {
    server = await startLspProcess(dir, {
        setUp: (c) => c.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: { message: string }[] }) => {
            if (params.uri !== uri) return;
            const named = params.diagnostics.map((d) => /^Node 'v(\d+)' is never used/.exec(d.message)?.[1]).find(Boolean);
            validated.push(named === undefined ? -1 : Number(named));
        }),
    });
    connection = server.connection;
});

afterAll(() => server?.stop());

const until = async (done: () => boolean, what: string, timeout = 60_000) => {
    const deadline = Date.now() + timeout;
    while (!done()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; validated versions: ${validated.join(',')}`);
        await new Promise((r) => setTimeout(r, 10));
    }
};

describe('a burst of edits', () => {
    test('ends with one validation, of the latest version; a hover behind the burst is answered', async () => {
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'manufactoria', version: 1, text: text(1) } });
        await until(() => validated.includes(1), 'the first validation');
        validated.length = 0;
        const EDITS = 1000;
        const sent = performance.now();
        for (let v = 2; v <= EDITS + 1; v++) {
            void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: text(v) }] });
        }
        const hover = connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 2 } }).then((h) => ({ h, ms: performance.now() - sent }));
        await until(() => validated.includes(EDITS + 1), 'the latest version to be validated');
        const lastMs = performance.now() - sent;
        const answered = await hover;
        // Anything still on its way would come now.
        await new Promise((r) => setTimeout(r, 500));
        console.log(`${EDITS} edits: validations published ${validated.length} (versions ${validated.slice(0, 8).join(',')}${validated.length > 8 ? ',…' : ''}); latest validated after ${lastMs.toFixed(0)} ms; hover answered after ${answered.ms.toFixed(0)} ms (timings on a shared machine)`);
        expect(JSON.stringify(answered.h)).toContain('PULLER_RB');
        expect(validated.at(-1)).toBe(EDITS + 1);
        expect(validated.filter((v) => v === EDITS + 1)).toHaveLength(1);
        // Versions a newer one replaced are not validated one after another: at most one build per
        // BURST_MAX_MS while the burst lasts (on a loaded machine reading 1,000 edits can outlast
        // that deadline, and a build between two edits may finish before the next is read).
        expect(validated.length).toBeLessThanOrEqual(1 + Math.floor(lastMs / BURST_MAX_MS));
        expect(validated.length).toBeLessThan(EDITS / 20);
    });

    test('a request sent right after an edit waits for the new text and answers from it', async () => {
        const renamed = text(5000).replace(/\bp0\b/g, 'q0');
        void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 5000 }, contentChanges: [{ text: renamed }] });
        const [hover, completion] = await Promise.all([
            connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 11 } }),
            connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 9 } }),
        ]);
        expect(JSON.stringify(hover)).toContain('q0');
        expect(JSON.stringify(completion)).toContain('"q0"');
        await until(() => validated.at(-1) === 5000, 'the edit to be validated');
    });
});
