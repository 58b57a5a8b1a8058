import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

// Projects: `fast` runs in-process tests; `slow` holds tests that start processes, worker threads
// or python3 (file name `*.slow.test.ts`); `isolated` the files below. `npx vitest run --project fast`
// for a quick loop. Two test files at a time: vitest's default (CPUs − 1) runs files one by one on a
// 2-core machine, while many of them wait on a subprocess, python3 or a timer for much of their run.
// Files that need a fresh process: they observe state a module keeps once loaded (planck before and
// after the float32 patch).
const ISOLATED = ['test/bouncingsim/box2d-float32-patch.test.ts'];

// The longest files (CPU time), started first: without recorded durations (a fresh clone) vitest starts
// the largest files first, and a long file that happens to be small (threads.slow) then runs last, on
// one core. Once vitest has recorded durations (node_modules/.vite), it orders by them. Order only.
const LONGEST = [
    'test/rollouts/threads.slow.test.ts', 'test/regex/python-regex.slow.test.ts', 'test/problems/bad-files.slow.test.ts',
    'test/bouncingsim/answer-verdicts.slow.test.ts', 'test/language/verify-pool.slow.test.ts', 'test/language/serve-abuse.slow.test.ts',
    'test/server/open-race.slow.test.ts', 'test/language/cli.slow.test.ts', 'test/python/unicode-classes.slow.test.ts',
    'test/bouncingsim-generate/rows.test.ts', 'test/bouncingsim/agreement.test.ts', 'test/language/parser-fuzz.test.ts',
    'test/rollouts/formats.test.ts', 'test/bouncingsim/simulate.test.ts', 'test/bouncingsim-generate/ranges-pairs.test.ts',
];

class LongestFirst extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
        const sorted = await super.sort(files);
        const name = (f: TestSpecification) => relative(this.ctx.config.root, f.moduleId);
        if (sorted.some((f) => this.ctx.cache.getFileTestResults(`${f.project.name}:${name(f)}`))) return sorted;
        // Projects still run one after another, in the order vitest gave them.
        const projects = [...new Set(sorted.map((f) => f.project.name))];
        const rank = (f: TestSpecification) => (LONGEST.includes(name(f)) ? LONGEST.indexOf(name(f)) : LONGEST.length);
        return sorted
            .map((f, i) => ({ f, key: [projects.indexOf(f.project.name), rank(f), i] }))
            .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2])
            .map(({ f }) => f);
    }
}

export default defineConfig({
    test: {
        sequence: { sequencer: LongestFirst },
        testTimeout: 60_000,
        maxWorkers: 2,
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
