// Python runner benchmark: bundles scripts/bench/python-runner.ts with esbuild to a temp file and
// runs it over the fixture answers. Usage: node scripts/bench-python.mjs [FIXTURES_DIR]
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'bench-python-'));
const outfile = join(dir, 'bench.mjs');
try {
    await esbuild.build({
        entryPoints: [join(root, 'scripts/bench/python-runner.ts')], outfile,
        bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning',
    });
    const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
    process.exitCode = run.status ?? 1;
} finally {
    rmSync(dir, { recursive: true, force: true });
}
