// scripts/check.mjs's cache: a clone without one starts from the last clean run of any clone (the
// shared file in the user's cache folder), skips when every file holds what that run checked, and
// still reports what changed since. Run on a two-file project of its own (the real one takes ~45 CPU-s),
// whose programs read only the two lib files it needs (es2022's 30 cost ~0.8 CPU-s a run); and the
// check turns Node's compile cache on.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const CHECK = resolve('scripts/check.mjs');
const TSESLINT = pathToFileURL(resolve('node_modules/typescript-eslint/dist/index.js')).href;

function project(dir: string): void {
    const tsconfig = (files: string[]) => JSON.stringify({ compilerOptions: { strict: true, target: 'es2022', module: 'nodenext', skipLibCheck: true, types: [], lib: ['es5', 'es2015.promise'], incremental: true, noEmit: true }, files });
    mkdirSync(join(dir, 'client/webview'), { recursive: true });
    mkdirSync(join(dir, 'scripts'), { recursive: true });
    writeFileSync(join(dir, 'tsconfig.json'), tsconfig(['a.ts']));
    writeFileSync(join(dir, 'client/webview/tsconfig.json'), tsconfig(['b.ts']));
    writeFileSync(join(dir, 'a.ts'), 'export async function later(): Promise<number> {\n    return 1;\n}\n');
    writeFileSync(join(dir, 'client/webview/b.ts'), 'export const b = 2;\n');
    writeFileSync(join(dir, 'eslint.config.mjs'), `import tseslint from ${JSON.stringify(TSESLINT)};\nexport default tseslint.config({ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, plugins: { '@typescript-eslint': tseslint.plugin }, rules: { '@typescript-eslint/no-floating-promises': 'error' } });\n`);
    writeFileSync(join(dir, 'package-lock.json'), '{}\n');
    writeFileSync(join(dir, 'scripts/check.mjs'), '// a lint input of the real project\n');
}

function check(dir: string, shared: string, tmp: string) {
    const run = spawnSync(process.execPath, [CHECK], { cwd: dir, encoding: 'utf8', env: { ...process.env, DELTA_CHECK_SHARED: shared, TMPDIR: tmp } });
    return { status: run.status, out: run.stdout + run.stderr };
}

describe('the check cache shared by clones', () => {
    it('seeds a fresh clone, skips unchanged files by content, and reports a new error all the same', () => {
        const base = mkdtempSync(join(tmpdir(), 'check-cache-'));
        const shared = join(base, 'cache/check-cache.json');
        const first = join(base, 'first');
        const tmp = join(base, 'tmp');
        mkdirSync(tmp);
        project(first);
        const full = check(first, shared, tmp);
        expect(full.out).toContain('2 files type-checked, 2 linted; 0 type errors, 0 lint errors');
        expect(full.status).toBe(0);
        expect(existsSync(shared)).toBe(true);
        // TypeScript's and ESLint's compiled code is kept (Node's compile cache, in the temp folder).
        expect(readdirSync(join(tmp, 'node-compile-cache'), { recursive: true }).length).toBeGreaterThan(0);

        // Another clone of the same files: nothing of its own in node_modules/.cache yet.
        const clone = join(base, 'clone');
        cpSync(first, clone, { recursive: true, filter: (f) => !f.includes('node_modules') });
        const seeded = check(clone, shared, tmp);
        expect(seeded.out).toContain('every file holds what the last clean run checked');
        expect(seeded.status).toBe(0);

        // A change the cached run never saw: only that file is checked, and its error is reported.
        const published = readFileSync(shared, 'utf8');
        writeFileSync(join(clone, 'a.ts'), readFileSync(join(clone, 'a.ts'), 'utf8') + 'later();\n');
        const changed = check(clone, shared, tmp);
        expect(changed.out).toContain('no-floating-promises');
        expect(changed.out).toContain('1 files type-checked, 1 linted; 0 type errors, 1 lint errors');
        expect(changed.status).toBe(1);
        // An unclean run is not shared: the first clone's state stays the one to start from.
        expect(readFileSync(shared, 'utf8')).toBe(published);
    });
});
