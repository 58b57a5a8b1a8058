import { defineConfig } from 'vitest/config';

// Projects: `fast` runs in-process tests; `slow` holds tests that start processes, worker threads
// or python3 (file name `*.slow.test.ts`); `isolated` the files below. `npx vitest run --project fast`
// for a quick loop. Two test files at a time: vitest's default (CPUs − 1) runs files one by one on a
// 2-core machine, while many of them wait on a subprocess, python3 or a timer for much of their run.
// Files that need a fresh process: they observe state a module keeps once loaded (planck before and
// after the float32 patch).
const ISOLATED = ['test/bouncingsim/box2d-float32-patch.test.ts'];

export default defineConfig({
    test: {
        testTimeout: 60_000,
        maxWorkers: 2,
        // Tests import the sources natively, compiled by esbuild (test/helpers/ts-loader.mjs), instead of
        // through Vite's module runner, whose getter-based imports made the physics ~3x slower.
        execArgv: ['--import', './test/helpers/ts-register.mjs'],
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
