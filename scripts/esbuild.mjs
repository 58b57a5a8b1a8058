// Bundles every runtime entry point; the extension ships these bundles only.
import * as esbuild from 'esbuild';
import { chmodSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { MANIFEST, staleReason, writeManifest } from './build-manifest.mjs';

const watch = process.argv.includes('--watch');
// Without --force an unchanged tree is not rebuilt (scripts/build-manifest.mjs decides).
const force = process.argv.includes('--force');
// Minified always (what ships is what is tested); the source maps, not shipped, keep stack traces readable.
const node = { platform: 'node', format: 'cjs', target: 'node20', bundle: true, minify: true, sourcemap: true, logLevel: 'warning' };
// The extension host loads out/extension.cjs at activation. The modules named here are bundled apart
// and loaded on first use: in client code, `await import('./x.js')` of one of them becomes
// `require('./<chunk>')` of its own bundle next to out/extension.cjs. A module that both bundles
// import is copied into each, so a chunk must hold the only copy of any state it keeps (each LAZY
// module is only ever imported dynamically).
const LAZY = {
    'client/trajectory/panel.ts': 'extension-trajectory.cjs',
    'client/bouncingsim-problems/generate-command.ts': 'extension-generate.cjs',
    'client/graph/panel.ts': 'extension-graph.cjs',
    'client/trace/drawing.ts': 'extension-trace.cjs',
    'client/problems/open-solution.ts': 'extension-solution.cjs',
    'client/problems/open-row.ts': 'extension-row.cjs',
    'client/rollouts/overview-panel.ts': 'extension-overview.cjs',
    'language/manufactoria/format/canonical-layout.ts': 'extension-layout.cjs',
};
// Modules holding state the whole extension host shares, each with a string only its code contains:
// only out/extension.cjs may contain them (a chunk that needs one gets it passed in). The build
// fails when a chunk would get its own copy.
const ONE_COPY = { 'client/code-lens-watch.ts': 'delta-studio-nudge' };
const lazyChunks = {
    name: 'lazy-chunks',
    setup(build) {
        build.onResolve({ filter: /^\./ }, (args) => {
            const file = relative(process.cwd(), resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts')));
            if (args.kind === 'entry-point') return undefined;
            if (args.kind !== 'dynamic-import') {
                // A static import would copy the whole part into the importing bundle.
                return LAZY[file] ? { errors: [{ text: `${file} is loaded on first use (LAZY): import it with import(), not from ${relative(process.cwd(), args.importer)}` }] } : undefined;
            }
            if (!LAZY[file]) return { errors: [{ text: `${file} is imported dynamically by the extension host: list it in LAZY (scripts/esbuild.mjs)` }] };
            return { path: `./${LAZY[file]}`, external: true };
        });
    },
};
// `import()` of a chunk becomes require(), which VS Code's extension host resolves (and gives `vscode` to).
// vscode-languageclient's one use of semver (a version check engines.vscode already guarantees) goes to
// a small exact shim: client/shims/semver.cjs.
const semverShim = { 'semver/functions/parse': './client/shims/semver-parse.cjs', 'semver/functions/satisfies': './client/shims/semver-satisfies.cjs' };
const host = { ...node, external: ['vscode'], plugins: [lazyChunks], supported: { 'dynamic-import': false }, charset: 'utf8', alias: semverShim };
// Webview pages: minified too; their source maps stay in out/ for debugging but are not shipped (.vscodeignore).
const web = { platform: 'browser', format: 'iife', target: 'es2022', bundle: true, minify: true, sourcemap: true, logLevel: 'warning' };
const entries = [
    // `delta` (the package's bin): a small launcher that turns Node's compile cache on, then loads the CLI bundle (cli/launch.ts).
    { ...node, entryPoints: ['cli/launch.ts'], outfile: 'out/cli.cjs', banner: { js: '#!/usr/bin/env node' }, external: ['./delta-cli.cjs'] },
    { ...node, entryPoints: ['cli/main.ts'], outfile: 'out/delta-cli.cjs' },
    { ...node, entryPoints: ['cli/verify-worker.ts'], outfile: 'out/verify-worker.cjs' },
    { ...node, entryPoints: ['cli/rollouts/score-worker.ts'], outfile: 'out/rollouts-score-worker.cjs' },
    { ...node, entryPoints: ['language/verifier/verdict-worker.ts'], outfile: 'out/verifier-worker.cjs' },
    // The language server and the threads that share its code (server/bundle-entry.ts): one bundle, Langium once.
    { ...node, entryPoints: ['server/bundle-entry.ts'], outfile: 'out/server.cjs' },
    { ...host, entryPoints: ['client/extension.ts'], outfile: 'out/extension.cjs' },
    ...Object.entries(LAZY).map(([entry, chunk]) => ({ ...host, entryPoints: [entry], outfile: `out/${chunk}` })),
    // The simulation thread and, as a process, `delta bouncingsim` (cli/bouncingsim-entry.ts): planck once.
    { ...node, entryPoints: ['cli/bouncingsim-entry.ts'], outfile: 'out/bouncingsim.cjs' },
    { ...node, entryPoints: ['language/dataset/problems/parquet-child.ts'], outfile: 'out/parquet-reader.cjs' },
    { ...web, entryPoints: ['client/webview/trajectory.ts'], outfile: 'out/webview/trajectory.js' },
    { ...web, entryPoints: ['client/webview/factory-graph/page.ts'], outfile: 'out/webview/factory-graph.js' },
    // The rollout overview (editor webview and `delta rollouts report`): ECharts is most of it.
    { ...web, legalComments: 'none', sourcemap: false, entryPoints: ['client/webview/rollouts/main.ts'], outfile: 'out/webview/rollouts.js' },
].filter((e) => existsSync(e.entryPoints[0]));

const stale = force || watch ? 'asked for' : staleReason();
if (!stale) {
    console.log('out/ is up to date: no input of the last build changed (node scripts/esbuild.mjs --force rebuilds)');
    process.exit(0);
}
rmSync(MANIFEST, { force: true });
// The .vsix ships out/webview/** whole: a file left there by an older build would ship too.
rmSync('out/webview', { recursive: true, force: true });
if (watch) {
    for (const e of entries) await (await esbuild.context(e)).watch();
} else {
    const started = Date.now();
    const results = await Promise.all(entries.map((e) => esbuild.build({ ...e, metafile: true })));
    for (const [i, e] of entries.entries()) {
        if (!Object.values(LAZY).some((chunk) => e.outfile === `out/${chunk}`)) continue;
        const text = readFileSync(e.outfile, 'utf8');
        const copied = Object.entries(ONE_COPY).filter(([, marker]) => text.includes(marker)).map(([file]) => file);
        if (copied.length) throw new Error(`${e.outfile} would hold its own copy of ${copied.join(', ')} (ONE_COPY in scripts/esbuild.mjs): pass it in from the extension instead`);
    }
    // `delta` runs as out/cli.cjs directly too (its #! line), not only through npm's bin link.
    chmodSync('out/cli.cjs', 0o755);
    const inputs = results.flatMap((r) => Object.keys(r.metafile.inputs)).filter((f) => existsSync(f));
    writeManifest(started, inputs, results.flatMap((r) => Object.keys(r.metafile.outputs)));
}
