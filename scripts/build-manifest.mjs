// Whether out/ holds bundles of the current sources. scripts/esbuild.mjs records, after each build,
// when it started and every file esbuild read (from its metafile, node_modules included), so an
// unchanged tree skips the build (npm test starts with one) and the slow tests can refuse stale
// bundles (test/helpers/fresh-bundles.mjs) with one rule.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';

export const MANIFEST = 'out/build-manifest.json';
/** Inputs esbuild's metafile does not list: the build's own configuration and the dependency set. */
export const BUILD_FILES = ['scripts/esbuild.mjs', 'scripts/build-manifest.mjs', 'package.json', 'package-lock.json'];

const mtime = (file) => {
    try {
        return statSync(file).mtimeMs;
    } catch {
        return undefined;
    }
};

/** @param {number} started  Date.now() before the first bundle was written. */
export function writeManifest(started, inputs, outputs) {
    writeFileSync(MANIFEST, JSON.stringify({ started, inputs: [...new Set([...BUILD_FILES, ...inputs])].sort(), outputs: [...new Set(outputs)].sort() }, null, 1) + '\n');
}

/**
 * Why out/ is not the build of the current files (a sentence naming one file), or undefined when
 * every output is from the last complete build and no input changed, appeared or went since it started.
 */
export function staleReason() {
    if (!existsSync(MANIFEST)) return `${MANIFEST} is missing (no complete build yet)`;
    let manifest;
    try {
        manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    } catch {
        return `${MANIFEST} is unreadable`;
    }
    const { started, inputs, outputs } = manifest;
    for (const file of outputs) {
        const t = mtime(file);
        if (t === undefined) return `${file} is missing`;
        if (t < started) return `${file} is older than the last build`;
    }
    for (const file of inputs) {
        const t = mtime(file);
        if (t === undefined) return `${file} (an input of the last build) is gone`;
        if (t >= started) return `${file} changed after the last build`;
    }
    return undefined;
}
