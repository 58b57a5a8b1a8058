// `npm run bench`, rollouts part: BENCH_ROLLOUTS (default 100000) generated Manufactoria rollouts
// (responses of 1–3 KB, 14–35 tests each) scored and summarised by `delta rollouts summary`, and by
// the lean Python re-scorer on the same file, in the same run. Prints time, rows/s, peak RSS, the
// verdict memo's hits, the ratios and the load average; asserts nothing. BENCH_ROLLOUTS=5000 for a
// quick run. `node scripts/bench/rollouts-bench.mjs --big` (or `npm run bench -- --big`) instead
// streams a ~2 GB open-instruct traces dump through `delta rollouts summary` (see big-dump.mjs).
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, statSync } from 'node:fs';
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

/** Runs a command through cpu-time.py, which reports the CPU seconds it used (all its threads). */
function timed(command, args) {
    const t0 = performance.now();
    const r = spawnSync('python3', ['scripts/bench/cpu-time.py', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const seconds = (performance.now() - t0) / 1000;
    if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
    const rss = /bench-maxrss-kb=(\d+)/.exec(r.stderr ?? '');
    const memo = /verdict memo (\d+) hits of (\d+) lookups/.exec(r.stderr ?? '');
    const threads = / on ([^;]+);/.exec(r.stderr ?? '');
    const cpu = /bench-cpu-s=([\d.]+)/.exec(r.stderr ?? '');
    return { seconds, cpuSeconds: cpu ? Number(cpu[1]) : NaN, stdout: r.stdout, rssMiB: rss ? Number(rss[1]) / 1024 : undefined, memo: memo ? [Number(memo[1]), Number(memo[2])] : undefined, threads: threads?.[1] };
}

const load = () => os.loadavg().map((x) => x.toFixed(1)).join(', ');
const loadBefore = load();
const delta = (...extra) => timed(process.execPath, ['-r', './scripts/bench/report-rss.cjs', 'out/cli.cjs', 'rollouts', 'summary', file, '--by', 'step', '--json', '--stats', '-q', ...extra]);
// Turns, so that a slow spell of the shared machine does not fall on one side only.
const ours = delta();
const lean = timed('python3', ['scripts/bench/lean_rescorer.py', file, '--summary']);
const oursOne = delta('--jobs', '1');
const oursMemo = delta('--memo');
const leanMemo = timed('python3', ['scripts/bench/lean_rescorer.py', file, '--summary', '--memo']);
const key = (text) => text.trim().split('\n').map((l) => JSON.parse(l)).map((g) => `${g.group?.step ?? g.step}:${g.n}:${g.c}`).join(' ');
const mb = statSync(file).size / 2 ** 20;
const rate = (r) => `${(count / r.seconds).toFixed(0)} rollouts/s`;

console.log(`\n## delta rollouts: ${count} Manufactoria rollouts (${mb.toFixed(0)} MiB of JSON Lines), scored and summarised by step`);
console.log(`load average before: ${loadBefore}; after: ${load()} (${os.cpus().length} cores; shared machine: absolute times are noisy, ratios less so)`);
const per100k = (r) => (r.seconds * 100000) / count;
const goal = (ok) => (ok ? 'met' : 'NOT met');
const speedup = lean.seconds / ours.seconds;
const cpu = (r) => `${r.cpuSeconds.toFixed(2)} s of CPU`;
console.log(`delta rollouts               ${ours.seconds.toFixed(2)} s  ${rate(ours)}  ${cpu(ours)}  peak RSS ${ours.rssMiB?.toFixed(0) ?? '?'} MiB  on ${ours.threads ?? '?'}  (verdict memo off, the default)`);
console.log(`lean Python                  ${lean.seconds.toFixed(2)} s  ${rate(lean)}  ${cpu(lean)}`);
console.log(`speed-up                     ${speedup.toFixed(2)}x wall clock; ${(lean.cpuSeconds / ours.cpuSeconds).toFixed(2)}x per CPU second (steadier on a shared machine)`);
console.log(`delta rollouts --jobs 1      ${oursOne.seconds.toFixed(2)} s  ${rate(oursOne)}  ${cpu(oursOne)}  peak RSS ${oursOne.rssMiB?.toFixed(0) ?? '?'} MiB  on ${oursOne.threads ?? '?'}  → ${(lean.seconds / oursOne.seconds).toFixed(2)}x the lean Python re-scorer`);
console.log('                             (worker threads cost CPU to start and warm up, and wait on each other under a heavy load: there one thread can be faster)');
console.log(`goal: 100k rollouts in < 20 s      ${per100k(ours).toFixed(1)} s per 100k: ${goal(per100k(ours) < 20)}`);
console.log(`goal: resident memory < 1 GB       ${ours.rssMiB?.toFixed(0) ?? '?'} MiB: ${goal((ours.rssMiB ?? Infinity) < 1024)}`);
console.log(`goal: ≥ 10x the lean Python        ${speedup.toFixed(2)}x: ${goal(speedup >= 10)} (load average above: with other work on the 2 cores, both sides get a share of them)`);
if (oursMemo.memo) {
    const [hits, lookups] = oursMemo.memo;
    console.log(`verdict memo                 ${hits} of ${lookups} verdicts reused (${((100 * hits) / lookups).toFixed(1)} %): a (program, test set) pair scored before is not run again;`);
    console.log('                             this generator draws programs from 4 solutions and 12 mutations, so pairs repeat more than in most real dumps');
}
console.log(`delta rollouts --memo        ${oursMemo.seconds.toFixed(2)} s  ${rate(oursMemo)}  peak RSS ${oursMemo.rssMiB?.toFixed(0) ?? '?'} MiB  → ${(lean.seconds / oursMemo.seconds).toFixed(2)}x the lean Python re-scorer`);
console.log(`lean Python --memo           ${leanMemo.seconds.toFixed(2)} s  ${rate(leanMemo)}  → like for like (both memoise): ${(leanMemo.seconds / oursMemo.seconds).toFixed(2)}x`);
const same = [oursOne, oursMemo, lean, leanMemo].every((r) => key(r.stdout) === key(ours.stdout));
console.log(`same n, c per step           ${same ? 'yes' : 'NO'}`);
