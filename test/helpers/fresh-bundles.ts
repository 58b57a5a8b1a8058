// globalSetup of the `slow` vitest project: its tests start the bundles in out/, so a bundle older
// than any source file would test yesterday's code. Fail before any test runs instead.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['language', 'server', 'client', 'cli'];
const BUNDLES = ['out/cli.cjs', 'out/verify-worker.cjs', 'out/verifier-worker.cjs', 'out/server.cjs', 'out/bouncingsim.cjs', 'out/parquet-reader.cjs'];

function newest(dir: string): { file: string; mtime: number } {
    let best = { file: dir, mtime: 0 };
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        const candidate = entry.isDirectory() ? newest(path) : /\.(ts|langium)$/.test(entry.name) ? { file: path, mtime: statSync(path).mtimeMs } : best;
        if (candidate.mtime > best.mtime) best = candidate;
    }
    return best;
}

export default function checkBundlesFresh(): void {
    const source = SOURCES.map(newest).reduce((a, b) => (b.mtime > a.mtime ? b : a));
    for (const bundle of BUNDLES) {
        let mtime: number;
        try {
            mtime = statSync(bundle).mtimeMs;
        } catch {
            throw new Error(`${bundle} is missing: run \`npm run build\` before the slow tests (npm test does)`);
        }
        if (mtime < source.mtime) throw new Error(`${bundle} is older than ${source.file}: run \`npm run build\` (npm test does)`);
    }
}
