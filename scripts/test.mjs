// `npm test`: build (skipped when out/ is current), typecheck, lint, vitest, one after another.
// Records what each step cost (wall clock, and CPU-seconds of the step's processes, which a busy
// machine does not inflate much) in node_modules/.cache/delta-npm-test.json, with the load average:
// `npm run bench` prints the last record against the goal (< 2 minutes on 2 cores).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';

export const RECORD = 'node_modules/.cache/delta-npm-test.json';
const STEPS = [['build', 'npm run -s build'], ['typecheck', 'npm run -s typecheck'], ['lint', 'npm run -s lint'], ['vitest', 'npx vitest run']];
const TICKS = 100; // USER_HZ on Linux

/** CPU-seconds of this process's waited-for descendants (Linux /proc), or undefined elsewhere. */
function childrenCpu() {
    try {
        const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
        return (Number(fields[13]) + Number(fields[14])) / TICKS; // cutime, cstime
    } catch {
        return undefined;
    }
}

const extra = process.argv.slice(2);
const record = { date: new Date().toISOString(), cores: os.cpus().length, loadBefore: os.loadavg(), steps: [] };
let status = 0;
for (const [name, command] of STEPS) {
    const cpu0 = childrenCpu();
    const t0 = performance.now();
    const r = spawnSync(command + (name === 'vitest' && extra.length ? ` ${extra.join(' ')}` : ''), { stdio: 'inherit', shell: true });
    const cpu1 = childrenCpu();
    record.steps.push({ name, wall: (performance.now() - t0) / 1000, cpu: cpu0 === undefined ? undefined : cpu1 - cpu0 });
    if (r.status !== 0) {
        status = r.status ?? 1;
        break;
    }
}
record.loadAfter = os.loadavg();
record.passed = status === 0 && record.steps.length === STEPS.length;
const total = (key) => record.steps.reduce((s, x) => s + (x[key] ?? 0), 0);
console.log(`\nnpm test: ${record.steps.map((s) => `${s.name} ${s.wall.toFixed(0)} s${s.cpu === undefined ? '' : ` (${s.cpu.toFixed(0)} CPU-s)`}`).join(', ')}; ` +
    `total ${total('wall').toFixed(0)} s wall, ${total('cpu').toFixed(0)} CPU-s, load ${record.loadBefore[0].toFixed(1)}→${record.loadAfter[0].toFixed(1)} on ${record.cores} cores`);
if (!extra.length) {
    mkdirSync('node_modules/.cache', { recursive: true });
    writeFileSync(RECORD, JSON.stringify(record, null, 1) + '\n');
}
process.exit(status);
