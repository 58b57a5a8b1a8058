// Bundles every runtime entry point; the extension ships these bundles only.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
// Minified always (what ships is what is tested); the source maps, not shipped, keep stack traces readable.
const node = { platform: 'node', format: 'cjs', target: 'node20', bundle: true, minify: true, sourcemap: true, logLevel: 'warning' };
// Webview pages: minified too; their source maps stay in out/ for debugging but are not shipped (.vscodeignore).
const web = { platform: 'browser', format: 'iife', target: 'es2022', bundle: true, minify: true, sourcemap: true, logLevel: 'warning' };
const entries = [
    { ...node, entryPoints: ['cli/main.ts'], outfile: 'out/cli.cjs', banner: { js: '#!/usr/bin/env node' } },
    { ...node, entryPoints: ['cli/verify-worker.ts'], outfile: 'out/verify-worker.cjs' },
    { ...node, entryPoints: ['language/verifier/verdict-worker.ts'], outfile: 'out/verifier-worker.cjs' },
    // The language server and the threads that share its code (server/bundle-entry.ts): one bundle, Langium once.
    { ...node, entryPoints: ['server/bundle-entry.ts'], outfile: 'out/server.cjs' },
    { ...node, entryPoints: ['client/extension.ts'], outfile: 'out/extension.cjs', external: ['vscode'] },
    // The simulation thread and, as a process, `delta bouncingsim` (cli/bouncingsim-entry.ts): planck once.
    { ...node, entryPoints: ['cli/bouncingsim-entry.ts'], outfile: 'out/bouncingsim.cjs' },
    { ...node, entryPoints: ['language/dataset/problems/parquet-child.ts'], outfile: 'out/parquet-reader.cjs' },
    { ...web, entryPoints: ['client/webview/trajectory.ts'], outfile: 'out/webview/trajectory.js' },
    { ...web, entryPoints: ['client/webview/factory-graph/page.ts'], outfile: 'out/webview/factory-graph.js' },
    // The rollout overview (editor webview and `delta rollouts report`): ECharts is most of it.
    { ...web, legalComments: 'none', sourcemap: false, entryPoints: ['client/webview/rollouts/main.ts'], outfile: 'out/webview/rollouts.js' },
].filter((e) => existsSync(e.entryPoints[0]));

if (watch) {
    for (const e of entries) await (await esbuild.context(e)).watch();
} else {
    await Promise.all(entries.map((e) => esbuild.build(e)));
}
