// Benchmark body (bundled and run by scripts/bench-bouncingsim.mjs): wall time per scene for one
// simulation pass over the 15 standard timestamps (6 000 steps), over every fixture scene, and the
// process's CPU time for all of them (steadier than wall time on a shared machine).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg, platform, release } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatIssue, parseSceneText } from './scene-load.js';
import type { Scene } from './scene-types.js';
import { simulate } from './simulate.js';
import { STANDARD_TIMESTAMPS } from './step-count.js';

function sceneFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) return sceneFiles(path);
        return /^scene_.*\.json$/.test(name) ? [path] : [];
    }).sort();
}

function quantile(sorted: number[], q: number): number {
    // Nearest-rank: the smallest value with at least q of the samples at or below it.
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

function main(root: string): void {
    const scenes: { name: string; scene: Scene }[] = [];
    for (const file of sceneFiles(root)) {
        const parsed = parseSceneText(readFileSync(file, 'utf8'), file);
        if (!parsed.ok) throw new Error(parsed.issues.map(formatIssue).join('\n'));
        scenes.push({ name: relative(root, file), scene: parsed.scene });
    }
    if (!scenes.length) throw new Error(`no scene_*.json under ${root}`);
    // Warm up the JIT so the first scene is not charged for compilation.
    simulate(scenes[0].scene, STANDARD_TIMESTAMPS);

    const cpuStart = process.cpuUsage();
    const timings = scenes.map(({ name, scene }) => {
        const start = performance.now();
        simulate(scene, STANDARD_TIMESTAMPS);
        return { name, ms: performance.now() - start };
    });
    const cpuUsed = process.cpuUsage(cpuStart);
    const sorted = timings.map((t) => t.ms).sort((a, b) => a - b);
    const slowest = timings.reduce((a, b) => (b.ms > a.ms ? b : a));
    const total = sorted.reduce((a, b) => a + b, 0);
    const cpu = cpus();
    const ms = (x: number) => `${x.toFixed(1)} ms`;

    console.log(`BouncingSim simulator: ${scenes.length} fixture scenes, one pass over ${STANDARD_TIMESTAMPS.length} timestamps (6000 steps of 1/4000 s) each`);
    console.log(`machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, node ${process.version}, ${platform()} ${release()}`);
    console.log(`per scene: median ${ms(quantile(sorted, 0.5))}, p90 ${ms(quantile(sorted, 0.9))}, min ${ms(sorted[0])}, max ${ms(slowest.ms)} (${slowest.name})`);
    // Process CPU: the main thread plus V8's compiler and GC threads.
    const cpuSeconds = (cpuUsed.user + cpuUsed.system) / 1e6;
    console.log(`total: ${ms(total)} wall, ${cpuSeconds.toFixed(2)} CPU-s (process, compiler and GC threads included); load average ${loadavg()[0].toFixed(1)}`);
}

main(process.argv[2] ?? 'test/fixtures/bouncingsim');
