// `npm run bench` part: the fixture rows' model answers (test/fixtures/bouncingsim/answers) checked
// with the sandboxed warm-worker runner vs the old way, one fresh interpreter per assert (the
// baseline, only kept here). Both use the same resolved interpreter; the ratio compares the same
// answers. Prints figures, asserts nothing.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractPythonProgram } from '../../language/bouncingsim/python/extract.js';
import { treeCpu } from './proc-cpu.mjs';
import { probePython } from '../../language/bouncingsim/python/interpreter.js';
import { ONE_SHOT_SOURCE } from '../../language/bouncingsim/python/python-source.js';
import { closePythonRunners, runProgramChecks } from '../../language/bouncingsim/python/runner.js';

interface Answer { rows: string; id: string; answer: string; response: string; expected: { results: number[] } }
const dir = process.argv[2] ?? 'test/fixtures/bouncingsim';
const answers: Answer[] = readFileSync(join(dir, 'answers/answers.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const asserts = new Map<string, string[]>();
for (const file of new Set(answers.map((a) => a.rows))) {
    for (const line of readFileSync(join(dir, 'rows', file), 'utf8').trim().split('\n')) {
        const row = JSON.parse(line) as { id: string; ground_truth: string[] };
        asserts.set(`${file}:${row.id}`, row.ground_truth);
    }
}
const testsOf = (a: Answer) => asserts.get(`${a.rows}:${a.id}`)!;

/** The old runner: a fresh interpreter per assert, killed after 1 s, verdict after a marker on stdout. */
function oneShot(python: string, program: string, assert: string, cwd: string): Promise<boolean> {
    const marker = `@@${randomBytes(8).toString('hex')}@@`;
    return new Promise((resolve) => {
        const child = spawn(python, ['-c', ONE_SHOT_SOURCE], { cwd, stdio: ['pipe', 'pipe', 'ignore'] });
        let out = '';
        const timer = setTimeout(() => child.kill('SIGKILL'), 1000);
        child.stdout.setEncoding('utf8').on('data', (d: string) => { out = (out + d).slice(-65536); });
        child.stdin.on('error', () => { /* died early */ });
        child.on('close', () => {
            clearTimeout(timer);
            const at = out.lastIndexOf(marker);
            resolve(at >= 0 && (JSON.parse(out.slice(at + marker.length).split('\n')[0]) as { passed: boolean }).passed);
        });
        child.stdin.end(JSON.stringify({ program, assert, marker }));
    });
}

/**
 * CPU-seconds so far of this process and of every process below it that is still running, each with
 * the children it has reaped (a worker's tests), from /proc (Linux; undefined elsewhere).
 */
function treeCpuWithTests(): number | undefined {
    try {
        const { total, reaped } = treeCpu(process.pid);
        return total + reaped;
    } catch {
        return undefined;
    }
}

async function timeNew(set: Answer[]): Promise<{ seconds: number; cpu?: number; passed: number; tests: number; agree: boolean }> {
    const cpu0 = treeCpuWithTests();
    const t0 = performance.now();
    const checks = await Promise.all(set.map((a) => runProgramChecks(extractPythonProgram(a.response), testsOf(a), { sandbox: 'require' })));
    const seconds = (performance.now() - t0) / 1000;
    const cpu1 = treeCpuWithTests();
    const agree = checks.every((c, i) => c.results.every((r, k) => (r.passed ? 1 : 0) === set[i].expected.results[k]));
    const cpu = cpu0 !== undefined && cpu1 !== undefined ? cpu1 - cpu0 : undefined;
    return { seconds, cpu, passed: checks.reduce((s, c) => s + c.passed, 0), tests: checks.reduce((s, c) => s + c.results.length, 0), agree };
}

const info = await probePython();
// Warm the pool first: start-up is paid once per process, not per check.
const tWarm = performance.now();
await runProgramChecks('x = 1', ['assert True'], { sandbox: 'require' });
const warmMs = performance.now() - tWarm;
// The ratio sample: every 6th answer, without the one that spends 1 s per test in timeouts.
const sample = answers.filter((a, i) => i % 6 === 0 && a.answer !== 'slow-late');
const sampleTests = sample.reduce((s, a) => s + testsOf(a).length, 0);

const fresh = await timeNew(answers);
const cwd = mkdtempSync(join(tmpdir(), 'bench-oneshot-'));
let baseline = 0;
let baselinePassed = 0;
let oursSample: Awaited<ReturnType<typeof timeNew>> = { seconds: Infinity, passed: 0, tests: 0, agree: true };
const sampleCpu: number[] = [];
try {
    const t0 = performance.now();
    for (const a of sample) {
        for (const t of testsOf(a)) if (await oneShot(info.executable, extractPythonProgram(a.response), t, cwd)) baselinePassed++;
    }
    baseline = (performance.now() - t0) / 1000;
    for (let i = 0; i < 3; i++) {
        const r = await timeNew(sample);
        if (r.cpu !== undefined) sampleCpu.push(r.cpu);
        if (r.seconds < oursSample.seconds) oursSample = r;
    }
} finally {
    rmSync(cwd, { recursive: true, force: true });
    closePythonRunners();
}
const rate = (tests: number, s: number) => `${(tests / s).toFixed(0)} asserts/s`;
console.log(`python ${info.version} (${info.executable}); workers start in ${warmMs.toFixed(0)} ms (once)`);
console.log(`all ${answers.length} answers, ${fresh.tests} asserts (incl. 3 × 1 s timeouts): ${fresh.seconds.toFixed(2)} s, ${rate(fresh.tests, fresh.seconds)}, ${fresh.passed} pass, verdicts ${fresh.agree ? 'equal the fixture' : 'DIFFER from the fixture'}`);
console.log(`sample ${sample.length} answers, ${sampleTests} asserts:`);
console.log(`  sandboxed warm workers   ${oursSample.seconds.toFixed(2)} s  ${rate(sampleTests, oursSample.seconds)}  (fastest of 3)`);
console.log(`  fresh python3 per assert ${baseline.toFixed(2)} s  ${rate(sampleTests, baseline)}  (the old way, unsandboxed)`);
if (sampleCpu.length) {
    const ms = sampleCpu.map((c) => (c * 1000) / sampleTests).sort((a, b) => a - b);
    console.log(`  CPU per assert           ${ms.map((m) => m.toFixed(1)).join(', ')} ms  (the sandboxed runs, workers and their tests and Node together; load ${loadavg()[0].toFixed(1)})`);
}
console.log(`  speed-up                 ${(baseline / oursSample.seconds).toFixed(1)}x  (goal ≥ 20x); passes ${oursSample.passed} vs ${baselinePassed}`);
