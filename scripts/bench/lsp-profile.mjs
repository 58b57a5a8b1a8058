// CPU profile of the language server while it answers didChange on a large program, the way
// lsp-latency.mjs drives it. Writes the .cpuprofile (open it in Chrome DevTools or VS Code) and prints
// where the time went: garbage collection, then the functions with the most self time.
// Usage: node scripts/bench/lsp-profile.mjs [--rounds N] [--size NODES] [--out DIR] [--server out/server.cjs]
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startServer } from './lsp-client.mjs';
import { chainProgram } from './lsp-latency.mjs';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '300' }, size: { type: 'string', default: '1000' }, out: { type: 'string', default: 'bench-results/lsp-profile' }, server: { type: 'string', default: 'out/server.cjs' } } });
const rounds = Number(values.rounds);
rmSync(values.out, { recursive: true, force: true });
const server = startServer(values.server, { execArgv: ['--cpu-prof', `--cpu-prof-dir=${values.out}`, '--cpu-prof-interval=200'] });
await server.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
server.notify('initialized', {});
const uri = `file:///bench/program-${values.size}.manufactoria`;
let text = chainProgram(Number(values.size));
const diagnostics = () => server.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
let pending = diagnostics();
server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'manufactoria', version: 1, text } });
await pending;
const times = [];
for (let i = 0; i < rounds; i++) {
    text = text.replace(/NEXT n0|NEXT nX/, i % 2 === 0 ? 'NEXT nX' : 'NEXT n0');
    pending = diagnostics();
    const t0 = performance.now();
    server.notify('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ text }] });
    await pending;
    times.push(performance.now() - t0);
}
await server.shutdown();

const sorted = [...times].sort((a, b) => a - b);
console.log(`${rounds} edits of a ${values.size}-node program: didChange→diagnostics p50 ${sorted[Math.floor(rounds * 0.5)].toFixed(1)} ms, p95 ${sorted[Math.min(rounds - 1, Math.floor(rounds * 0.95))].toFixed(1)} ms`);
const file = join(values.out, readdirSync(values.out).find((f) => f.endsWith('.cpuprofile')));
const profile = JSON.parse(readFileSync(file, 'utf8'));
const selfTime = new Map();
profile.samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const byFunction = new Map();
let total = 0;
for (const node of profile.nodes) {
    const t = selfTime.get(node.id) ?? 0;
    total += t;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + t);
}
console.log(`profile: ${file} (${(total / 1000).toFixed(0)} ms sampled, ${(total / 1000 / rounds).toFixed(1)} ms per edit)`);
for (const [key, t] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`${(t / 1000 / rounds).toFixed(2).padStart(7)} ms/edit ${(100 * t / total).toFixed(1).padStart(5)}%  ${key}`);
}
