// `npm run build`: Langium's generated parser, then the bundles (scripts/esbuild.mjs). Each step
// runs only when one of its inputs changed since it last ran, so the build at the start of
// `npm test` costs a few hundred stat calls on an unchanged tree. `--force` runs both.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';

const force = process.argv.includes('--force');
const run = (command, args) => {
    const r = spawnSync(command, args, { stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
};
const mtime = (file) => {
    try {
        return statSync(file).mtimeMs;
    } catch {
        return -Infinity;
    }
};

// langium generate rewrites its output every time, so running it would make every bundle stale.
const config = JSON.parse(readFileSync('langium-config.json', 'utf8'));
const grammarInputs = ['langium-config.json', 'package-lock.json', ...config.languages.map((l) => l.grammar)];
const generated = ['ast.ts', 'grammar.ts', 'module.ts'].map((f) => `${config.out}/${f}`);
if (force || Math.min(...generated.map(mtime)) <= Math.max(...grammarInputs.map(mtime))) {
    run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '-s', 'langium:generate']);
}
run(process.execPath, ['scripts/esbuild.mjs', ...(force ? ['--force'] : [])]);
