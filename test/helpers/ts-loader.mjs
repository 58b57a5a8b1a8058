// Node module hooks (registered by ts-register.mjs through vitest's execArgv) that let the tests
// import the TypeScript sources natively, each file compiled alone by esbuild. Vite's module runner
// (vitest's default) turns every use of an imported binding into a getter call, which V8 does not
// inline: the float32 physics ran ~3x slower under it than in the bundles (README "Time").
// Two flavours of the same hooks: synchronous ones for module.registerHooks (Node ≥ 22.15, run in
// the importing thread) and asynchronous ones for module.register (Node 20, run in a hooks thread
// that every resolve and load is a message to).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';

// Sources import each other as './x.js' (TypeScript's convention for ESM): the file is x.ts.
const tsTwin = (error, specifier) =>
    error?.code === 'ERR_MODULE_NOT_FOUND' && /\.js$/.test(specifier) && /^(\.|\/|file:)/.test(specifier) ? specifier.replace(/\.js$/, '.ts') : undefined;

export async function resolve(specifier, context, next) {
    try {
        return await next(specifier, context);
    } catch (error) {
        const twin = tsTwin(error, specifier);
        if (!twin) throw error;
        return next(twin, context);
    }
}

export function resolveSync(specifier, context, next) {
    try {
        return next(specifier, context);
    } catch (error) {
        const twin = tsTwin(error, specifier);
        if (!twin) throw error;
        return next(twin, context);
    }
}

// Compiled files are kept by content hash (node_modules/.cache/delta-ts-loader), so a test run
// compiles only what changed since the last one, and esbuild starts only then.
const CACHE = fileURLToPath(new URL('../../node_modules/.cache/delta-ts-loader/', import.meta.url));
const ours = (url) => {
    const path = url.replace(/[?#].*$/, '');
    return path.startsWith('file:') && /\.[cm]?ts$/.test(path) && !path.includes('/node_modules/') ? fileURLToPath(path) : undefined;
};
const cacheFile = (file, source) => join(CACHE, `${createHash('sha256').update(file).update('\0').update(source).digest('hex').slice(0, 40)}.js`);
const transformOptions = (file, source) => ({
    loader: 'ts', format: 'esm', target: 'node20', sourcemap: 'inline', sourcefile: file,
    // The bundles are CommonJS, so sources may read __dirname/__filename (as Vite's runner provided).
    banner: /\b__(dirname|filename)\b/.test(source) ? `var __filename = ${JSON.stringify(file)}, __dirname = ${JSON.stringify(dirname(file))};` : '',
});
// Written aside and renamed: another worker may read the same entry at the same time.
const tempOf = (cached) => `${cached}.${process.pid}.${threadId}`;
let esbuild;

export async function load(url, context, next) {
    const file = ours(url);
    if (!file) return next(url, context);
    const source = await readFile(file, 'utf8');
    const cached = cacheFile(file, source);
    try {
        return { format: 'module', source: await readFile(cached, 'utf8'), shortCircuit: true };
    } catch {
        // not compiled yet
    }
    esbuild ??= await import('esbuild');
    const { code } = await esbuild.transform(source, transformOptions(file, source));
    await mkdir(CACHE, { recursive: true });
    await writeFile(tempOf(cached), code);
    await rename(tempOf(cached), cached);
    return { format: 'module', source: code, shortCircuit: true };
}

export function loadSync(url, context, next) {
    const file = ours(url);
    if (!file) return next(url, context);
    const source = readFileSync(file, 'utf8');
    const cached = cacheFile(file, source);
    try {
        return { format: 'module', source: readFileSync(cached, 'utf8'), shortCircuit: true };
    } catch {
        // not compiled yet
    }
    esbuild ??= createRequire(import.meta.url)('esbuild');
    const { code } = esbuild.transformSync(source, transformOptions(file, source));
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(tempOf(cached), code);
    renameSync(tempOf(cached), cached);
    return { format: 'module', source: code, shortCircuit: true };
}
