// BouncingSim benchmark: bundles bouncingsim/bench.ts with esbuild to a temp file and runs it in a
// fresh node process over the fixture scenes. Usage: node scripts/bench-bouncingsim.mjs [SCENES_DIR]
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'bench-bouncingsim-'));
const outfile = join(dir, 'bench.cjs');
try {
    await esbuild.build({
        entryPoints: [join(root, 'language/bouncingsim/bench.ts')], outfile,
        bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning',
    });
    const scenes = process.argv[2] ?? join(root, 'test/fixtures/bouncingsim');
    const run = spawnSync(process.execPath, [outfile, scenes], { stdio: 'inherit' });
    process.exitCode = run.status ?? 1;
} finally {
    rmSync(dir, { recursive: true, force: true });
}
