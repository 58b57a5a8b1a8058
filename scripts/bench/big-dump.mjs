// `npm run bench -- --big`: a ~2 GB open-instruct `--save_traces` dump (one JSON line per training
// step: responses, ground_truths, finish_reasons, datasets, training_step; 512 rollouts a step,
// made by gen-rollouts.mjs) is written to the temp folder, streamed through `delta rollouts summary`
// with its progress bar on stderr, timed, and deleted. Prints the peak resident memory (goal: bounded,
// well under 1 GB) and the load average. BIG_DUMP_BYTES sets the size (default 2 GiB).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateRollouts } from './gen-rollouts.mjs';

const target = Number(process.env.BIG_DUMP_BYTES ?? 2 * 2 ** 30);
const file = join(os.tmpdir(), `traces_delta_big_${process.pid}.jsonl`);
const rss = join(os.tmpdir(), `delta_big_${process.pid}.rss`);
const PER_STEP = 512;
try {
    process.stderr.write(`writing ${(target / 2 ** 30).toFixed(1)} GiB of open-instruct traces to ${file}…\n`);
    const t0 = performance.now();
    const fd = openSync(file, 'w');
    let bytes = 0;
    let step = 0;
    let rollouts = 0;
    for (let seed = 1; bytes < target; seed++) {
        const rows = generateRollouts(PER_STEP * 8, seed);
        for (let at = 0; at < rows.length && bytes < target; at += PER_STEP) {
            const part = rows.slice(at, at + PER_STEP);
            const line = `${JSON.stringify({
                training_step: step++,
                responses: part.map((r) => r.response),
                ground_truths: part.map((r) => r.ground_truth),
                finish_reasons: part.map((r) => r.finish_reason),
                datasets: part.map(() => 'manufactoria'),
            })}\n`;
            bytes += writeSync(fd, line);
            rollouts += part.length;
        }
    }
    closeSync(fd);
    process.stderr.write(`written in ${((performance.now() - t0) / 1000).toFixed(0)} s: ${step} steps, ${rollouts} rollouts\n`);
    const loadBefore = os.loadavg().map((x) => x.toFixed(1)).join(', ');
    const t1 = performance.now();
    const r = spawnSync(process.execPath, ['-r', './scripts/bench/report-rss.cjs', 'out/cli.cjs', 'rollouts', 'summary', file, '--by', 'step', '--json', '--stats'], {
        stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, BENCH_RSS_FILE: rss }, maxBuffer: 1 << 28,
    });
    const seconds = (performance.now() - t1) / 1000;
    const peak = existsSync(rss) ? Number(/bench-maxrss-kb=(\d+)/.exec(readFileSync(rss, 'utf8'))?.[1]) / 1024 : NaN;
    const groups = r.stdout.toString().trim().split('\n').filter(Boolean).length;
    console.log(`\n## delta rollouts summary on a ${(statSync(file).size / 2 ** 30).toFixed(2)} GiB open-instruct traces dump (${rollouts} rollouts, ${step} steps)`);
    console.log(`load average before: ${loadBefore}; after: ${os.loadavg().map((x) => x.toFixed(1)).join(', ')} (${os.cpus().length} cores, shared machine)`);
    console.log(`exit ${r.status}, ${groups} step groups, ${seconds.toFixed(1)} s (${(rollouts / seconds).toFixed(0)} rollouts/s, ${(statSync(file).size / 2 ** 20 / seconds).toFixed(1)} MiB/s), peak RSS ${peak.toFixed(0)} MiB (goal: bounded, < 1024 MiB)`);
} finally {
    rmSync(file, { force: true });
    rmSync(rss, { force: true });
}
