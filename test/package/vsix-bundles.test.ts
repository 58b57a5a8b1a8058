// The .vsix ships an allow-list of bundles (.vscodeignore). Every worker or child bundle that the
// extension, the language server or the domain code they load starts by file name must be on it:
// a missing one works in development and fails only for users (the Generate form once forked the
// CLI bundle the .vsix leaves out, and parquet problem files needed an unshipped reader).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Code that runs in the extension host or the language server (the CLI and its workers are not shipped). */
const SHIPPED_CODE = ['client', 'server', 'language/dataset', 'language/bouncingsim', 'language/rollouts', 'language/manufactoria'];

function sources(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

const allowed = readFileSync('.vscodeignore', 'utf8').split('\n').filter((l) => l.startsWith('!out/')).map((l) => l.slice(1).trim());
/** Whether an allow-list entry (a glob with `*` only) lets `path` in. */
const ships = (path: string) => allowed.some((glob) => new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`).test(path));

describe('.vsix bundles', () => {
    const started = new Map<string, string>();
    for (const file of SHIPPED_CODE.flatMap(sources)) {
        for (const m of readFileSync(file, 'utf8').matchAll(/'([a-z-]+\.cjs)'/g)) started.set(m[1], file);
    }

    it('finds the bundles the shipped code starts', () => {
        expect([...started.keys()].sort()).toEqual(expect.arrayContaining(['bouncingsim.cjs', 'parquet-reader.cjs', 'server.cjs']));
    });

    for (const [bundle, file] of started) {
        it(`ships out/${bundle} (started by ${file})`, () => {
            expect(ships(`out/${bundle}`)).toBe(true);
        });
    }

    it('ships the parts of the extension host bundled apart (scripts/esbuild.mjs LAZY)', () => {
        const chunks = [...readFileSync('scripts/esbuild.mjs', 'utf8').matchAll(/'(extension-[a-z-]+\.cjs)'/g)].map((m) => m[1]);
        expect(chunks.length).toBeGreaterThan(0);
        for (const chunk of chunks) expect(ships(`out/${chunk}`), chunk).toBe(true);
    });

    it('leaves the CLI and its workers out', () => {
        for (const cliOnly of ['out/cli.cjs', 'out/delta-cli.cjs', 'out/verify-worker.cjs', 'out/verifier-worker.cjs', 'out/rollouts-score-worker.cjs']) expect(ships(cliOnly), cliOnly).toBe(false);
    });
});
