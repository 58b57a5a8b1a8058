import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

// Projects: `fast` runs in-process tests; `slow` holds tests that start processes, worker threads
// or python3 (file name `*.slow.test.ts`); `isolated` the files below. `npx vitest run --project fast`
// for a quick loop. Files that need a fresh process: they observe state a module keeps once loaded
// (planck before and after the float32 patch).
const ISOLATED = ['test/bouncingsim/box2d-float32-patch.test.ts'];

// One temporary folder per run, removed when the run ends: the workers, and every process a test
// starts (the CLI, servers, python3, Chromium), inherit TMPDIR, so whatever a test leaves there (a
// language server's workspace, generated datasets) goes with it. Left in /tmp, one run's leftovers
// were ~10 GB after a day of runs (the open-race test's 115 MB problem files, 100+ folders a run).
if (!process.env.DELTA_TEST_TMPDIR) {
    const dir = mkdtempSync(join(tmpdir(), 'delta-vitest-'));
    process.env.DELTA_TEST_TMPDIR = process.env.TMPDIR = dir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
}

// One test file more at a time than there are cores (three on the 2-core CI machine; vitest's default
// is CPUs − 1): many slow files spend much of their run waiting on a subprocess, python3, a server or
// a timer, and the extra worker keeps the cores busy meanwhile (with two on 2 cores, ~16 % of
// `npm test`'s core time went idle).
const MAX_WORKERS = availableParallelism() + 1;

// The order files start in, the same on every run (vitest would order by recorded durations, or by
// file size on a fresh clone, and keep each project apart): the slow project first, with its longest
// files first, so that their waits overlap the check `npm test` runs beside vitest; then the isolated
// file; then the fast project, longest first, whose short CPU-bound files at the end leave no core
// idle for long. All projects share one queue and one set of workers; a worker is replaced only when
// the next file belongs to another project, so each project's files stay together. Order only.
const LONGEST = [
    // slow
    'test/rollouts/threads.slow.test.ts', 'test/regex/python-regex.slow.test.ts', 'test/problems/bad-files.slow.test.ts',
    'test/language/serve-abuse.slow.test.ts', 'test/bouncingsim/answer-verdicts.slow.test.ts',
    'test/language/verify-pool.slow.test.ts', 'test/server/open-race.slow.test.ts', 'test/bench/fastapi-baseline.slow.test.ts',
    'test/deploy/nginx.slow.test.ts', 'test/python/unicode-classes.slow.test.ts', 'test/language/cli.slow.test.ts',
    // fast
    'test/bouncingsim-generate/rows.test.ts', 'test/bouncingsim/agreement.test.ts', 'test/language/parser-fuzz.test.ts',
    'test/bouncingsim-generate/ranges-pairs.test.ts', 'test/rollouts/formats.test.ts', 'test/bouncingsim-generate/ranges-single.test.ts',
    'test/rollouts/row-parse.test.ts', 'test/language/parser-equivalence.test.ts', 'test/solutions/run-and-trace.test.ts',
    'test/bouncingsim/simulate.test.ts', 'test/problems/loaders.test.ts',
];
// Last in their project: a test that sets its own CPU load and holds answers to a wall-clock budget
// (two busy loops, 1 s per Python test) runs after the check has ended, beside fewer other files.
const LAST = ['test/bouncingsim/sandbox-escapes.slow.test.ts'];
const PROJECT_ORDER = ['slow', 'isolated', 'fast'];

class LongestFirst extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
        const sorted = await super.sort(files);
        const name = (f: TestSpecification) => relative(this.ctx.config.root, f.moduleId);
        const rank = (f: TestSpecification) => (LONGEST.includes(name(f)) ? LONGEST.indexOf(name(f)) : LAST.includes(name(f)) ? LONGEST.length + 1 : LONGEST.length);
        const project = (f: TestSpecification) => (PROJECT_ORDER.includes(f.project.name) ? PROJECT_ORDER.indexOf(f.project.name) : PROJECT_ORDER.length);
        return sorted
            .map((f, i) => ({ f, key: [project(f), rank(f), i] }))
            .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2])
            .map(({ f }) => f);
    }
}

export default defineConfig({
    test: {
        sequence: { sequencer: LongestFirst },
        testTimeout: 60_000,
        maxWorkers: MAX_WORKERS,
        // Tests import the sources natively, compiled by esbuild (test/helpers/ts-loader.mjs), instead of
        // through Vite's module runner, whose getter-based imports made the physics ~3x slower.
        execArgv: ['--import', './test/helpers/ts-register.mjs'],
        // DELTA_TEST_CPU=FILE: CPU-seconds per test file (test/helpers/file-cpu.mjs).
        setupFiles: ['test/helpers/file-cpu.mjs'],
        experimental: { viteModuleRunner: false, nodeLoader: false },
        // The test files of a worker share one process and its loaded modules: a fresh process per file
        // cost ~1.2 CPU-s each (start-up and loading Langium, planck, ... again), 91 files.
        isolate: false,
        projects: [
            { extends: true, test: { name: 'fast', include: ['test/**/*.test.ts'], globalSetup: ['test/helpers/parquet-reader.mjs'], exclude: ['test/**/*.slow.test.ts', ...ISOLATED, 'test/e2e/**', 'node_modules/**'] } },
            { extends: true, test: { name: 'isolated', include: ISOLATED, isolate: true } },
            { extends: true, test: { name: 'slow', include: ['test/**/*.slow.test.ts'], globalSetup: ['test/helpers/fresh-bundles.mjs', 'test/helpers/parquet-reader.mjs'], exclude: ['test/e2e/**', 'node_modules/**'] } },
        ],
    },
});
