// `npm run bench`: throughput and latency figures with the machine they were measured on.
// Prints results; asserts nothing (goals are compared in the printed ratios).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { measureLsp } from './bench/lsp-latency.mjs';

// `npm run bench -- --big`: only the 2 GB rollout dump (scripts/bench/big-dump.mjs), minutes on its own.
if (process.argv.includes('--big')) {
    spawnSync(process.execPath, ['scripts/bench/rollouts-bench.mjs', '--big'], { stdio: 'inherit' });
    process.exit(0);
}

const OUT = 'bench-results';
mkdirSync(OUT, { recursive: true });
const count = Number(process.env.BENCH_REQUESTS ?? 10000);
const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });

console.log('# DELTA Studio benchmark');
console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown cpu'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}`);
console.log(`runtime: node ${process.version}, ${python.stdout?.trim() || 'python3 missing'}`);

// 1. `delta verify` against the lean Python verifier on the same requests.
const requests = `${OUT}/requests.jsonl`;
writeFileSync(requests, execFileSync(process.execPath, ['scripts/bench/gen-requests.mjs', '--count', String(count), '--seed', '1'], { maxBuffer: 1 << 30 }));
const lines = readFileSync(requests, 'utf8').trim().split('\n');
const runs = lines.reduce((sum, line) => sum + (JSON.parse(line).test_cases?.length ?? 0), 0);
/** Runs a verifier with stdout to a file (the output is hundreds of MB), timing it end to end. */
function timed(command, args, output) {
    const fd = openSync(output, 'w');
    const t0 = performance.now();
    const result = spawnSync(command, args, { stdio: ['ignore', fd, 'pipe'] });
    const seconds = (performance.now() - t0) / 1000;
    closeSync(fd);
    if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
    const bytes = readFileSync(output);
    return { seconds, digest: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}
/**
 * The fastest of BENCH_RUNS runs each (default 3): on a shared machine other work only ever adds time.
 * The two verifiers take turns, so a slow spell of the machine does not fall on one of them only.
 */
const repeats = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
function fastest(results) {
    const best = results.reduce((b, r) => (r.seconds < b.seconds ? r : b));
    return results.every((r) => r.digest === best.digest) ? best : { ...best, digest: 'runs differ' };
}
const oursRuns = [];
const leanRuns = [];
for (let i = 0; i < repeats; i++) {
    oursRuns.push(timed(process.execPath, ['out/cli.cjs', 'verify', requests], `${OUT}/delta.out.jsonl`));
    leanRuns.push(timed('python3', ['scripts/bench/lean_verifier.py', requests], `${OUT}/lean.out.jsonl`));
}
const ours = fastest(oursRuns);
const lean = fastest(leanRuns);
console.log(`\n## delta verify: ${lines.length} requests, ${runs} test runs${repeats > 1 ? ` (fastest of ${repeats} runs each)` : ''}`);
console.log(`delta verify        ${ours.seconds.toFixed(2)} s  ${(lines.length / ours.seconds).toFixed(0)} requests/s  ${(runs / ours.seconds).toFixed(0)} runs/s`);
console.log(`lean Python         ${lean.seconds.toFixed(2)} s  ${(lines.length / lean.seconds).toFixed(0)} requests/s  ${(runs / lean.seconds).toFixed(0)} runs/s`);
console.log(`speed-up            ${(lean.seconds / ours.seconds).toFixed(2)}x  (goal ≥ 5x)`);
console.log(`identical output    ${ours.digest === lean.digest ? 'yes' : `NO (${ours.bytes} vs ${lean.bytes} bytes)`}`);

// 2. Language server latency, as an editor sees it over stdio.
console.log('\n## language server (stdio)');
for (const r of await measureLsp('out/server.cjs')) {
    console.log(`${String(r.size).padStart(5)} nodes (${r.lines} lines): didChange→diagnostics p50 ${r.diagnostics.p50.toFixed(1)} ms, p95 ${r.diagnostics.p95.toFixed(1)} ms; hover p50 ${r.hover.p50.toFixed(2)} ms, p95 ${r.hover.p95.toFixed(2)} ms${r.size >= 1000 ? '  (goal p95 < 50 ms)' : ''}`);
}

// 3. What the extension ships.
console.log('\n## bundle sizes (goals: extension bundle < 500 KB, .vsix < 800 KB)');
// The .vsix is packaged here, with the flags of `npm run package`, from the bundles just built.
const vsceArgs = JSON.parse(readFileSync('package.json', 'utf8')).scripts.package.split('vsce package')[1].trim().split(/\s+/);
execFileSync(process.execPath, ['node_modules/@vscode/vsce/vsce', 'package', ...vsceArgs], { stdio: 'ignore' });
const GOALS = { 'out/extension.cjs': 500_000, 'out/delta-studio.vsix': 800_000 };
for (const file of ['out/extension.cjs', 'out/server.cjs', 'out/delta-cli.cjs', 'out/verify-worker.cjs', 'out/bouncingsim.cjs', 'out/parquet-reader.cjs', 'out/webview/trajectory.js', 'out/webview/factory-graph.js', 'out/webview/rollouts.js', 'out/delta-studio.vsix']) {
    if (!existsSync(file)) continue;
    const size = statSync(file).size;
    const goal = GOALS[file];
    console.log(`${file.padEnd(28)} ${(size / 1000).toFixed(0).padStart(5)} KB${goal ? `  (goal < ${goal / 1000} KB: ${size < goal ? 'met' : 'NOT met'})` : ''}`);
}

// 3b. `npm test` time, as the last full `npm test` recorded it (scripts/test.mjs): running the suite
// here would double the bench's time. The goal is under 2 minutes on 2 cores; CPU-seconds / 2 is what
// an idle 2-core machine would need at best, the wall clock depends on the load printed with it.
console.log('\n## npm test (goal: under 2 minutes on 2 cores)');
try {
    const r = JSON.parse(readFileSync('node_modules/.cache/delta-npm-test.json', 'utf8'));
    const sum = (key) => r.steps.reduce((s, x) => s + (x[key] ?? 0), 0);
    console.log(`last run ${r.date}${r.passed ? '' : ' (FAILED or stopped early)'}, load ${r.loadBefore[0].toFixed(1)}→${r.loadAfter[0].toFixed(1)} on ${r.cores} cores`);
    for (const s of r.steps) console.log(`${s.name.padEnd(15)} ${s.wall.toFixed(0).padStart(5)} s wall${s.start === undefined ? '' : ` from ${s.start.toFixed(0)} s`}  ${s.cpu === undefined ? '' : `${s.cpu.toFixed(0).padStart(5)} CPU-s`}${s.summary ? `  (${s.summary})` : ''}`);
    // Steps run side by side since session 7: the record's own wall clock, else (older records) the sum.
    const cpu = sum('cpu');
    const wall = r.wall ?? sum('wall');
    console.log(`total           ${wall.toFixed(0).padStart(5)} s wall  ${cpu.toFixed(0).padStart(5)} CPU-s → at best ${(cpu / 2).toFixed(0)} s on 2 idle cores (goal < 120 s: ${cpu / 2 < 120 ? 'met' : 'NOT met'}; wall under this load: ${wall < 120 ? 'met' : 'NOT met'})`);
} catch {
    console.log('no record yet: run `npm test` once (it writes node_modules/.cache/delta-npm-test.json)');
}

// 4. Model answers (Python): sandboxed warm workers vs one fresh python3 per assert.
if (existsSync('scripts/bench-python.mjs')) {
    console.log('\n## BouncingSim model answers (Python)');
    spawnSync(process.execPath, ['scripts/bench-python.mjs'], { stdio: 'inherit' });
}

// 4b. delta rollouts: re-scoring and summarising a large dump against the lean Python re-scorer.
spawnSync(process.execPath, ['scripts/bench/rollouts-bench.mjs'], { stdio: 'inherit' });

// 4c. Factory graph: model and layout per redraw.
console.log('\n## factory graph');
spawnSync(process.execPath, ['scripts/bench-graph.mjs'], { stdio: 'inherit' });

// 4d. `delta serve` over HTTP against the Python baseline, scale-out, abuse memory.
if (existsSync('scripts/bench-serve.mjs')) spawnSync(process.execPath, ['scripts/bench-serve.mjs'], { stdio: 'inherit' });

// 5. BouncingSim simulation time per scene.
if (existsSync('scripts/bench-bouncingsim.mjs')) {
    console.log('\n## BouncingSim');
    spawnSync(process.execPath, ['scripts/bench-bouncingsim.mjs'], { stdio: 'inherit' });
}

// 5. Rollout explorer: first drawn overview and table scrolling for a 100k-row run (headless Chromium).
if (existsSync('/usr/bin/chromium')) {
    const { benchOverview } = await import('./bench/rollouts-overview.mjs');
    await benchOverview();
} else {
    console.log('\n## rollout explorer: skipped (no /usr/bin/chromium; apt-get install -y chromium)');
}
