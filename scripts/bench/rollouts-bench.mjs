// `npm run bench`, rollouts part: BENCH_ROLLOUTS (default 100000) generated Manufactoria rollouts
// (responses of 1–3 KB, 14–35 tests each) scored and summarised by `delta rollouts summary`, and by
// the lean Python re-scorer on the same file, in the same run, both with and without their verdict
// memos. Prints time, CPU time, rows/s, peak RSS, the memo's hits, the like-for-like ratios and the
// load average; asserts nothing. BENCH_ROLLOUTS=5000 for a
// quick run. `node scripts/bench/rollouts-bench.mjs --big` (or `npm run bench -- --big`) instead
// streams a ~2 GB open-instruct traces dump through `delta rollouts summary` (see big-dump.mjs).
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
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
const delta = (...extra) => timed(process.execPath, ['-r', './scripts/bench/report-rss.cjs', 'out/cli.cjs', 'rollouts', 'summary', file, '--by', 'step', '--json', '--stats', '-q', ...extra]);
const python = (...extra) => timed('python3', ['scripts/bench/lean_rescorer.py', file, '--summary', ...extra]);
// Turns, so that a slow spell of the shared machine does not fall on one side only. Both sides run
// once with the verdict memo (the (label, program) pairs already scored are not run again) and once
// without; a ratio only ever compares runs that save the same work.
const ours = delta();
const leanMemo = python('--memo');
const oursPlain = delta('--no-memo');
const lean = python();
const oursOne = delta('--jobs', '1');
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
const same = [oursPlain, oursOne, lean, leanMemo].every((r) => key(r.stdout) === key(ours.stdout));
console.log(`same n, c per step           ${same ? 'yes' : 'NO'}`);
