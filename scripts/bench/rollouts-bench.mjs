// `npm run bench`, rollouts part: BENCH_ROLLOUTS (default 100000) generated Manufactoria rollouts
// (responses of 1–3 KB, 14–35 tests each) scored and summarised by `delta rollouts summary`, and by
// the lean Python re-scorer on the same file, in the same run, both with and without their verdict
// memos. Prints time, CPU time, rows/s, peak RSS, the memo's hits, the like-for-like ratios and the
// load average, and (from a second run of both on the first 30,000 rows) each side's fixed part and
// cost per row; asserts nothing. BENCH_ROLLOUTS=5000 for a
// quick run. `node scripts/bench/rollouts-bench.mjs --big` (or `npm run bench -- --big`) instead
// streams a ~2 GB open-instruct traces dump through `delta rollouts summary` (see big-dump.mjs).
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import os from 'node:os';
import { performance } from 'node:perf_hooks';

if (process.argv.includes('--big')) {
    await import('./big-dump.mjs');
    process.exit(0);
}

const OUT = 'bench-results';
mkdirSync(OUT, { recursive: true });
const count = Number(process.env.BENCH_ROLLOUTS ?? 100000);
const file = `${OUT}/rollouts.jsonl`;
const fd = openSync(file, 'w');
spawnSync(process.execPath, ['scripts/bench/gen-rollouts.mjs', '--count', String(count), '--seed', '3'], { stdio: ['ignore', fd, 'inherit'] });
closeSync(fd);

/** Runs a command under scripts/cpu-time.py, which counts the CPU seconds of every thread and process it used. */
function timed(command, args) {
    const cpuFile = join(mkdtempSync(join(os.tmpdir(), 'bench-cpu-')), 'cpu.json');
    const t0 = performance.now();
    const r = spawnSync('python3', ['scripts/cpu-time.py', cpuFile, command, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const seconds = (performance.now() - t0) / 1000;
    if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
    const rss = /bench-maxrss-kb=(\d+)/.exec(r.stderr ?? '');
    const memo = /verdict memo (\d+) hits of (\d+) lookups/.exec(r.stderr ?? '');
    const threads = / on ([^;]+);/.exec(r.stderr ?? '');
    const cpuSeconds = Number(JSON.parse(readFileSync(cpuFile, 'utf8')).cpu);
    rmSync(dirname(cpuFile), { recursive: true, force: true });
    return { seconds, cpuSeconds, stdout: r.stdout, rssMiB: rss ? Number(rss[1]) / 1024 : undefined, memo: memo ? [Number(memo[1]), Number(memo[2])] : undefined, threads: threads?.[1] };
}

const load = () => os.loadavg().map((x) => x.toFixed(1)).join(', ');
const loadBefore = load();
const deltaOn = (input) => (...extra) => timed(process.execPath, ['-r', './scripts/bench/report-rss.cjs', 'out/cli.cjs', 'rollouts', 'summary', input, '--by', 'step', '--json', '--stats', '-q', ...extra]);
const pythonOn = (input) => (...extra) => timed('python3', ['scripts/bench/lean_rescorer.py', input, '--summary', ...extra]);
const delta = Object.assign(deltaOn(file), { at: deltaOn });
const python = Object.assign(pythonOn(file), { at: pythonOn });
// Turns, so that a slow spell of the shared machine does not fall on one side only. Both sides run
// once with the verdict memo (the (label, program) pairs already scored are not run again) and once
// without; a ratio only ever compares runs that save the same work.
const ours = delta();
const leanMemo = python('--memo');
const oursPlain = delta('--no-memo');
const lean = python();
const oursOne = delta('--jobs', '1');
// The same two commands (both memoise) on the dump's first rows: with the full run they split each
// side's time into a fixed part (start-up, JIT warm-up, the first compiles) and a cost per row, and so
// give the ratio longer dumps tend to, which no fixed cost of delta's holds down.
const HEAD = 30000;
let head;
if (count > 2 * HEAD) {
    const all = readFileSync(file);
    let end = -1;
    for (let i = 0; i < HEAD; i++) end = all.indexOf(10, end + 1);
    const headFile = `${OUT}/rollouts-head.jsonl`;
    writeFileSync(headFile, all.subarray(0, end + 1));
    // Each twice, the faster kept: the split below magnifies the noise of one short run.
    const faster = (a, b) => (a.seconds <= b.seconds ? a : b);
    head = { ours: faster(delta.at(headFile)(), delta.at(headFile)()), lean: faster(python.at(headFile)('--memo'), python.at(headFile)('--memo')) };
    rmSync(headFile);
}
const key = (text) => text.trim().split('\n').map((l) => JSON.parse(l)).map((g) => `${g.group?.step ?? g.step}:${g.n}:${g.c}`).join(' ');
const mb = statSync(file).size / 2 ** 20;
const rate = (r) => `${(count / r.seconds).toFixed(0)} rollouts/s`;
const per100k = (r) => (r.seconds * 100000) / count;
const goal = (ok) => (ok ? 'met' : 'NOT met');
const cpu = (r) => `${r.cpuSeconds.toFixed(2)} s of CPU`;
const x = (a, b) => `${(a.seconds / b.seconds).toFixed(2)}x wall clock, ${(a.cpuSeconds / b.cpuSeconds).toFixed(2)}x per CPU second`;
const line = (name, r) => `${name.padEnd(29)}${r.seconds.toFixed(2)} s  ${rate(r)}  ${cpu(r)}${r.rssMiB !== undefined ? `  peak RSS ${r.rssMiB.toFixed(0)} MiB` : ''}${r.threads ? `  on ${r.threads}` : ''}`;

console.log(`\n## delta rollouts: ${count} Manufactoria rollouts (${mb.toFixed(0)} MiB of JSON Lines), scored and summarised by step`);
console.log(`load average before: ${loadBefore}; after: ${load()} (${os.cpus().length} cores; shared machine: absolute times are noisy, ratios less so)`);
if (ours.memo) {
    const [hits, lookups] = ours.memo;
    console.log(`verdict memo: ${hits} of ${lookups} verdicts reused (${((100 * hits) / lookups).toFixed(1)} %), the rest run on every test. This generator draws programs from`);
    console.log('4 solutions and 12 mutations, so (label, program) pairs repeat more than in many real dumps. The lean Python re-scorer');
    console.log('(scripts/bench/lean_rescorer.py) reads each row with json.loads and extracts the program; like delta it validates each');
    console.log('label once and parses each program once, and runs every test of every row; with --memo it keeps the verdict of each');
    console.log('(program, label) pair as delta does by default.');
}
console.log(line('delta rollouts', ours) + '  (verdict memo on, the default)');
console.log(line('lean Python --memo', leanMemo));
console.log(`  like for like, both memoise:   ${x(leanMemo, ours)}`);
console.log(line('delta rollouts --no-memo', oursPlain));
console.log(line('lean Python', lean));
console.log(`  like for like, neither does:   ${x(lean, oursPlain)}`);
console.log(`  NOT like for like (delta with its memo, Python running every pair): ${x(lean, ours)}`);
console.log(line('delta rollouts --jobs 1', oursOne) + `  → ${x(leanMemo, oursOne)} (both memoise)`);
console.log(`goal: 100k rollouts in < 20 s      ${per100k(ours).toFixed(2)} s per 100k (${per100k(oursPlain).toFixed(2)} s without the memo): ${goal(Math.max(per100k(ours), per100k(oursPlain)) < 20)}`);
const rss = Math.max(ours.rssMiB ?? Infinity, oursPlain.rssMiB ?? Infinity);
console.log(`goal: resident memory < 1 GB       ${rss.toFixed(0)} MiB at most: ${goal(rss < 1024)}`);
const both = Math.min(leanMemo.seconds / ours.seconds, lean.seconds / oursPlain.seconds);
console.log(`goal: ≥ 10x the lean Python        ${(leanMemo.seconds / ours.seconds).toFixed(2)}x (both memoise), ${(lean.seconds / oursPlain.seconds).toFixed(2)}x (neither): ${goal(both >= 10)} (wall clock, like for like; load average above)`);
if (head) {
    // Wall clock = fixed + rows × per row, from the two sizes.
    const split = (small, big) => {
        const perRow = (big.seconds - small.seconds) / (count - HEAD);
        return { perRow, fixed: small.seconds - HEAD * perRow };
    };
    const d = split(head.ours, ours);
    const p = split(head.lean, leanMemo);
    const us = (s) => `${(s * 1e6).toFixed(1)} µs`;
    console.log(`the floor (both memoise; the first ${HEAD} rows: delta ${head.ours.seconds.toFixed(2)} s, lean Python ${head.lean.seconds.toFixed(2)} s):`);
    console.log(`  per row beyond them    delta ${us(d.perRow)}, lean Python ${us(p.perRow)}: ${(p.perRow / d.perRow).toFixed(2)}x, the ratio ever longer dumps tend to (no fixed cost counts there)`);
    console.log(`  fixed part             delta ${d.fixed.toFixed(2)} s (start-up, JIT warm-up, the first rows' many new programs), lean Python ${p.fixed.toFixed(2)} s`);
    console.log(`  10x at ${count} rows means delta in ${(leanMemo.seconds / 10).toFixed(2)} s: ${(d.fixed / (leanMemo.seconds / 10) * 100).toFixed(0)} % of it is taken by the fixed part alone`);
}
const same = [oursPlain, oursOne, lean, leanMemo].every((r) => key(r.stdout) === key(ours.stdout)) && (!head || key(head.ours.stdout) === key(head.lean.stdout));
console.log(`same n, c per step           ${same ? 'yes' : 'NO'}`);
