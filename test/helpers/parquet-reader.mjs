// globalSetup of both vitest projects: tests import the TypeScript sources, which read parquet in
// a child running the bundled out/parquet-reader.cjs. Build that child from the current source
// into a temporary folder and point the loader at it (DELTA_PARQUET_READER), so tests never run
// an old bundle and need no `npm run build` first. (Plain JS: vitest imports its globalSetup natively.)
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default async function buildParquetReader() {
    const dir = mkdtempSync(join(tmpdir(), 'delta-parquet-reader-'));
    const outfile = join(dir, 'parquet-reader.cjs');
    await build({ entryPoints: ['language/dataset/problems/parquet-child.ts'], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'warning' });
    process.env.DELTA_PARQUET_READER = outfile;
    return () => rmSync(dir, { recursive: true, force: true });
}
