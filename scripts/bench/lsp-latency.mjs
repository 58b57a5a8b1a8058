// didChange → publishDiagnostics and hover latency, for a 30-node and a 1,000-node program.
import { performance } from 'node:perf_hooks';
import { startServer } from './lsp-client.mjs';

/** A valid chain of `n` nodes: pullers and painters routing forward, so every node is reachable. */
export function chainProgram(n) {
    const lines = ['START start:', '    NEXT n0', ''];
    for (let i = 0; i < n - 2; i++) {
        const next = i === n - 3 ? 'end' : `n${i + 1}`;
        if (i % 3 === 2) lines.push(`PAINTER_BLUE n${i}:`, `    NEXT ${next}`, '');
        else lines.push(`PULLER_RB n${i}:`, `    [R] ${next}`, `    [B] n${Math.max(0, i - 1)}`, `    [EMPTY] ${next}`, '');
    }
    lines.push('END end');
    return lines.join('\n');
}

const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

export async function measureLsp(serverPath, sizes = [30, 1000], rounds = 40) {
    const server = startServer(serverPath);
    await server.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    server.notify('initialized', {});
    const results = [];
    for (const size of sizes) {
        const uri = `file:///bench/program-${size}.manufactoria`;
        let text = chainProgram(size);
        let version = 1;
        const diagnostics = () => server.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
        let pending = diagnostics();
        server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'manufactoria', version, text } });
        await pending;
        const changeTimes = [];
        for (let i = 0; i < rounds; i++) {
            // Alternate a real edit: toggle the id in the first route, which changes the verdict.
            text = text.replace(/NEXT n0|NEXT nX/, i % 2 === 0 ? 'NEXT nX' : 'NEXT n0');
            version++;
            pending = diagnostics();
            const t0 = performance.now();
            server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
            await pending;
            changeTimes.push(performance.now() - t0);
        }
        const hoverTimes = [];
        for (let i = 0; i < rounds; i++) {
            const t0 = performance.now();
            await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 3 + (i % 10), character: 12 } });
            hoverTimes.push(performance.now() - t0);
        }
        results.push({ size, lines: text.split('\n').length, diagnostics: { p50: percentile(changeTimes, 0.5), p95: percentile(changeTimes, 0.95) }, hover: { p50: percentile(hoverTimes, 0.5), p95: percentile(hoverTimes, 0.95) } });
    }
    server.stop();
    return results;
}
