// `npm test`: build (skipped when out/ is current), then typecheck + lint (scripts/check.mjs, one
// TypeScript program for both) side by side with vitest. The check is single-threaded, so running it
// beside vitest's two workers keeps both cores busy; the slow tests need the build first. Records what each step cost (wall clock, and the
// CPU-seconds of the step's processes, which a busy machine does not inflate much) in
// node_modules/.cache/delta-npm-test.json with the load average: `npm run bench` prints the last
// record against the goal (< 2 minutes on 2 cores). Extra arguments go to vitest (not recorded).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export const RECORD = 'node_modules/.cache/delta-npm-test.json';
const extra = process.argv.slice(2);
const BUILD = { name: 'build', command: 'npm run -s build' };
const SIDE_BY_SIDE = [
    // Output kept until the end: vitest redraws the terminal meanwhile.
    { name: 'check', command: 'node scripts/check.mjs', quiet: true },
    { name: 'vitest', command: ['npx vitest run', ...extra].join(' ') },
];

const tmp = mkdtempSync(join(os.tmpdir(), 'delta-npm-test-'));
const t0 = performance.now();
const seconds = (t) => (t - t0) / 1000;

/**
 * Runs one step under scripts/cpu-time.py, which counts the CPU time of every process the step starts,
 * including those nobody waits for (esbuild's service); without python3 the step runs uncounted.
 */
function run(step, counted = true) {
    const out = join(tmp, `${step.name}.json`);
    const start = performance.now();
    const stdio = ['inherit', step.quiet ? 'pipe' : 'inherit', step.quiet ? 'pipe' : 'inherit'];
    const child = counted ? spawn('python3', ['scripts/cpu-time.py', out, 'sh', '-c', step.command], { stdio }) : spawn(step.command, { stdio, shell: true });
    const output = [];
    child.stdout?.on('data', (d) => output.push(d));
    child.stderr?.on('data', (d) => output.push(d));
    return new Promise((resolve) => {
        child.on('error', (error) => {
            // No python3: run the step all the same, without its CPU time.
            if (counted && error.code === 'ENOENT') resolve(run(step, false));
            else resolve({ name: step.name, status: 1, output: `${error.message}\n` });
        });
        child.on('close', (code) => {
            let cpu;
            try {
                cpu = JSON.parse(readFileSync(out, 'utf8')).cpu;
            } catch {
                cpu = undefined;
            }
            resolve({ name: step.name, start: seconds(start), wall: (performance.now() - start) / 1000, cpu, status: code ?? 1, output: Buffer.concat(output).toString() });
        });
    });
}

const record = { date: new Date().toISOString(), cores: os.cpus().length, loadBefore: os.loadavg(), steps: [] };
const results = [await run(BUILD)];
if (results[0].status === 0) results.push(...(await Promise.all(SIDE_BY_SIDE.map((step) => run(step)))));
for (const r of results) {
    if (r.output) process.stdout.write(`\n── ${r.name} ${r.status === 0 ? 'passed' : 'FAILED'} ──\n${r.output}`);
}
record.wall = seconds(performance.now());
record.loadAfter = os.loadavg();
// The check's own summary says whether it started from a cache (scripts/check.mjs), which its time depends on.
const checkSummary = (output) => output.split('\n').findLast((line) => line.startsWith('check: '));
record.steps = results.map(({ name, start, wall, cpu, output }) => ({ name, start, wall, cpu, ...(name === 'check' && output ? { summary: checkSummary(output) } : {}) }));
const failed = results.filter((r) => r.status !== 0);
record.passed = failed.length === 0 && results.length === 1 + SIDE_BY_SIDE.length;
const cpu = record.steps.reduce((s, x) => s + (x.cpu ?? 0), 0);
console.log(`\nnpm test: ${record.steps.map((s) => `${s.name} ${s.wall.toFixed(0)} s${s.cpu === undefined ? '' : ` (${s.cpu.toFixed(0)} CPU-s)`}`).join(', ')}; ` +
    `total ${record.wall.toFixed(0)} s wall, ${cpu.toFixed(0)} CPU-s, load ${record.loadBefore[0].toFixed(1)}→${record.loadAfter[0].toFixed(1)} on ${record.cores} cores` +
    (failed.length ? `; FAILED: ${failed.map((r) => r.name).join(', ')}` : ''));
if (!extra.length) {
    mkdirSync('node_modules/.cache', { recursive: true });
    writeFileSync(RECORD, JSON.stringify(record, null, 1) + '\n');
}
rmSync(tmp, { recursive: true, force: true });
process.exit(failed.length ? (failed[0].status || 1) : 0);
