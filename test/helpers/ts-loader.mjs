// Node module hooks (registered by ts-register.mjs through vitest's execArgv) that let the tests
// import the TypeScript sources natively, each file compiled alone by esbuild. Vite's module runner
// (vitest's default) turns every use of an imported binding into a getter call, which V8 does not
// inline: the float32 physics ran ~3x slower under it than in the bundles (README "Time").
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';

export async function resolve(specifier, context, next) {
    try {
        return await next(specifier, context);
    } catch (error) {
        // Sources import each other as './x.js' (TypeScript's convention for ESM): the file is x.ts.
        if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !/\.js$/.test(specifier) || !/^(\.|\/|file:)/.test(specifier)) throw error;
        return next(specifier.replace(/\.js$/, '.ts'), context);
    }
}

// Compiled files are kept by content hash (node_modules/.cache/delta-ts-loader), so a test run
// compiles only what changed since the last one, and esbuild starts only then.
const CACHE = fileURLToPath(new URL('../../node_modules/.cache/delta-ts-loader/', import.meta.url));
let esbuild;

export async function load(url, context, next) {
    const path = url.replace(/[?#].*$/, '');
    if (!path.startsWith('file:') || !/\.[cm]?ts$/.test(path) || path.includes('/node_modules/')) return next(url, context);
    const file = fileURLToPath(path);
    const source = await readFile(file, 'utf8');
    const cached = join(CACHE, `${createHash('sha256').update(file).update('\0').update(source).digest('hex').slice(0, 40)}.js`);
    try {
        return { format: 'module', source: await readFile(cached, 'utf8'), shortCircuit: true };
    } catch {
        // not compiled yet
    }
    // The bundles are CommonJS, so sources may read __dirname/__filename (as Vite's runner provided).
    const banner = /\b__(dirname|filename)\b/.test(source) ? `var __filename = ${JSON.stringify(file)}, __dirname = ${JSON.stringify(dirname(file))};` : '';
    esbuild ??= await import('esbuild');
    const { code } = await esbuild.transform(source, { loader: 'ts', format: 'esm', target: 'node20', sourcemap: 'inline', sourcefile: file, banner });
    await mkdir(CACHE, { recursive: true });
    // Written aside and renamed: another worker may read the same entry at the same time.
    const temp = `${cached}.${process.pid}.${threadId}`;
    await writeFile(temp, code);
    await rename(temp, cached);
    return { format: 'module', source: code, shortCircuit: true };
}
