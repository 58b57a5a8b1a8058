// `npm run bench`, rollouts part: BENCH_ROLLOUTS (default 100000) generated Manufactoria rollouts
// (responses of 1–3 KB, 14–35 tests each) scored and summarised by `delta rollouts summary`, and by
// the lean Python re-scorer on the same file. Prints time, rows/s, peak RSS and the ratio; asserts
// nothing. BENCH_ROLLOUTS=5000 for a quick run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, openSync, closeSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const OUT = 'bench-results';
mkdirSync(OUT, { recursive: true });
const count = Number(process.env.BENCH_ROLLOUTS ?? 100000);
const file = `${OUT}/rollouts.jsonl`;
const fd = openSync(file, 'w');
spawnSync(process.execPath, ['scripts/bench/gen-rollouts.mjs', '--count', String(count), '--seed', '3'], { stdio: ['ignore', fd, 'inherit'] });
closeSync(fd);

function timed(command, args) {
    const t0 = performance.now();
    const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
    const seconds = (performance.now() - t0) / 1000;
    if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
    const rss = /bench-maxrss-kb=(\d+)/.exec(r.stderr ?? '');
    return { seconds, stdout: r.stdout, rssMiB: rss ? Number(rss[1]) / 1024 : undefined };
}

const ours = timed(process.execPath, ['-r', './scripts/bench/report-rss.cjs', 'out/cli.cjs', 'rollouts', 'summary', file, '--by', 'step', '--json', '-q']);
const lean = timed('python3', ['scripts/bench/lean_rescorer.py', file, '--summary']);
const key = (text) => text.trim().split('\n').map((l) => JSON.parse(l)).map((g) => `${g.group?.step ?? g.step}:${g.n}:${g.c}`).join(' ');
const mb = statSync(file).size / 2 ** 20;

console.log(`\n## delta rollouts: ${count} Manufactoria rollouts (${mb.toFixed(0)} MiB of JSON Lines), scored and summarised by step`);
console.log(`delta rollouts     ${ours.seconds.toFixed(2)} s  ${(count / ours.seconds).toFixed(0)} rollouts/s  peak RSS ${ours.rssMiB?.toFixed(0) ?? '?'} MiB  (goals < 20 s, < 1024 MiB)`);
console.log(`lean Python        ${lean.seconds.toFixed(2)} s  ${(count / lean.seconds).toFixed(0)} rollouts/s`);
console.log(`speed-up           ${(lean.seconds / ours.seconds).toFixed(2)}x  (goal ≥ 10x)`);
console.log(`same n, c per step ${key(ours.stdout) === key(lean.stdout) ? 'yes' : 'NO'}`);
