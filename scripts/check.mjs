// `npm run check` (part of `npm test`): typecheck and typed lint on ONE TypeScript program per tsconfig.
// `tsc` and typescript-eslint would each build and check the same program (together ~80 CPU-s on a
// fresh clone, ~30 of them spent twice); here eslint's type-aware rules read the checker tsc's
// diagnostics already filled. Incremental: the programs' .tsbuildinfo (in CACHE) tells which files
// TypeScript had to check again, and exactly those are linted, plus the files that had lint messages
// last time, or every file when the lint configuration changed. That also re-lints a file whose
// callee became async though the file itself did not change, which eslint's own --cache misses.
// When the last run was clean and every file it read (sources, their .d.ts in node_modules, configs)
// still holds what it read, nothing is loaded at all. The last clean run's cache is also kept in the
// user's cache folder (SHARED, like the e2e's provisioning), and a clone without a cache of its own (a
// fresh clone, or after `npm ci`) starts from it: TypeScript's .tsbuildinfo says by content hash which
// files changed since, so a fresh clone of code checked before checks only what differs.
// `npm run typecheck` and `npm run lint` stay the plain tools (with their own caches) for running one
// of the two alone.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire, enableCompileCache } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';

// Node's on-disk compile cache (as the CLI's, cli/compile-cache.ts) before TypeScript and ESLint
// load: V8 compiles their ~12 MB of JavaScript once, not on every check. TypeScript through require,
// not import: an import of a CommonJS file whose package names no "type" first parses all 9 MB of it
// again to tell whether it is an ES module.
enableCompileCache?.();
const ts = createRequire(import.meta.url)('typescript');

const CONFIGS = ['tsconfig.json', 'client/webview/tsconfig.json'];
const CACHE = 'node_modules/.cache/check';
const STATE = `${CACHE}/state.json`;
const buildInfoOf = (config) => `${CACHE}/${config.replaceAll('/', '_')}.tsbuildinfo`;
// One file (written whole, then renamed over the last), so two clones publishing at once leave one
// run's cache, never a mix. DELTA_CHECK_SHARED='' turns it off.
const SHARED = process.env.DELTA_CHECK_SHARED ?? join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'delta-studio', 'check-cache.json');
// What decides every file's lint result besides the file itself and its types.
const LINT_INPUTS = ['eslint.config.mjs', 'package-lock.json', 'scripts/check.mjs'];

const root = process.cwd();
// Paths in the state are relative to the clone, so one clone's state serves another.
const rel = (file) => relative(root, resolve(root, file)).split(sep).join('/');
// --times: CPU-seconds of each phase on stderr.
const cpu = () => Object.values(process.cpuUsage()).reduce((a, b) => a + b, 0) / 1e6;
const phase = process.argv.includes('--times') ? (name) => console.error(`check: ${name} at ${cpu().toFixed(1)} CPU-s`) : () => {};
mkdirSync(CACHE, { recursive: true });
const cacheFiles = [STATE, ...CONFIGS.map(buildInfoOf)];
if (SHARED && !existsSync(STATE)) seedFromShared();
const readState = () => {
    try {
        return JSON.parse(readFileSync(STATE, 'utf8'));
    } catch {
        return { lintInputs: '', pending: [], clean: false };
    }
};
const state = readState();
const lintInputs = createHash('sha256').update(LINT_INPUTS.map((f) => readFileSync(f)).join('\0')).digest('hex');

/** What a set of files holds: their paths and texts (a missing file counts as such). */
function digestOf(files, textOf) {
    const hash = createHash('sha256');
    for (const file of files) {
        const text = textOf(file);
        hash.update(file).update('\0').update(text === undefined ? '\u0000missing' : text).update('\0');
    }
    return hash.digest('hex');
}
const diskText = (file) => {
    try {
        return ts.sys.readFile(resolve(root, file));
    } catch {
        return undefined;
    }
};

const configTexts = new Map(CONFIGS.map((c) => [c, diskText(c)]));
const diagnostics = [];
const parsedConfigs = CONFIGS.map((config) => ts.getParsedCommandLineOfConfigFile(config, { tsBuildInfoFile: resolve(buildInfoOf(config)) }, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => diagnostics.push(d),
}));
const roots = parsedConfigs.map((p) => (p?.fileNames ?? []).map(rel));
if (state.clean && state.lintInputs === lintInputs && JSON.stringify(roots) === JSON.stringify(state.roots) && Array.isArray(state.files) &&
    digestOf([...CONFIGS, ...state.files], diskText) === state.digest) {
    console.log('check: every file holds what the last clean run checked');
    process.exit(0);
}
const { ESLint } = await import('eslint');
phase('loaded');

const affected = new Set();
const builders = [];
for (const parsed of parsedConfigs) {
    if (!parsed) continue;
    const builder = ts.createIncrementalProgram({
        rootNames: parsed.fileNames,
        options: parsed.options,
        projectReferences: parsed.projectReferences,
        configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(parsed),
        host: ts.createIncrementalCompilerHost(parsed.options),
    });
    // Which files TypeScript checks again: the changed ones (public API), and the files that import one
    // whose declarations changed, which the builder only re-checks in getSemanticDiagnostics() below
    // without naming them (seen through the program's internal per-file check). If that internal
    // name ever goes, only the changed files are linted again, as eslint --cache would.
    const program = builder.getProgram();
    const checkFile = program.getBindAndCheckDiagnostics;
    if (typeof checkFile === 'function') {
        program.getBindAndCheckDiagnostics = function (file, ...rest) {
            if (file) affected.add(resolve(file.fileName));
            return checkFile.call(this, file, ...rest);
        };
    }
    for (;;) {
        const next = builder.getSemanticDiagnosticsOfNextAffectedFile();
        if (!next) break;
        const files = next.affected === program ? program.getSourceFiles() : [next.affected];
        for (const file of files) affected.add(resolve(file.fileName));
    }
    diagnostics.push(
        ...builder.getConfigFileParsingDiagnostics(),
        ...builder.getOptionsDiagnostics(),
        ...builder.getGlobalDiagnostics(),
        ...builder.getSyntacticDiagnostics(),
        ...builder.getSemanticDiagnostics(), // from the .tsbuildinfo for files not checked again
    );
    builders.push(builder);
    phase(`type-checked ${parsed.options.configFilePath}`);
}
const programs = builders.map((b) => b.getProgram());

const eslint = new ESLint({
    overrideConfig: { languageOptions: { parserOptions: { projectService: false, programs } } },
});
const sources = new Set(programs.flatMap((p) => p.getRootFileNames().map((f) => resolve(f))));
const candidates = state.lintInputs === lintInputs ? new Set([...affected, ...state.pending.map((f) => resolve(root, f))]) : sources;
const toLint = [];
for (const file of candidates) {
    if (!sources.has(file)) continue;
    if (await eslint.isPathIgnored(file)) continue;
    if ((await eslint.calculateConfigForFile(file)) === undefined) continue;
    toLint.push(file);
}
phase('listed files to lint');
const results = toLint.length ? await eslint.lintFiles(toLint) : [];
const lintProblems = results.filter((r) => r.messages.length > 0);
phase('linted');

if (diagnostics.length) {
    const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };
    const format = process.stdout.isTTY ? ts.formatDiagnosticsWithColorAndContext : ts.formatDiagnostics;
    process.stdout.write(format(ts.sortAndDeduplicateDiagnostics(diagnostics), host));
}
if (lintProblems.length) process.stdout.write(await (await eslint.loadFormatter('stylish')).format(results));

// Only now that both passes ran: a run stopped half-way leaves the previous state, so nothing is skipped.
for (const builder of builders) builder.emit();
const errors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error).length;
const lintErrors = results.reduce((s, r) => s + r.errorCount + r.fatalErrorCount, 0);
const clean = diagnostics.length === 0 && lintProblems.length === 0;
// The texts TypeScript read (not the disk now: a file saved during the run must be checked again).
const texts = new Map(programs.flatMap((p) => p.getSourceFiles().map((f) => [rel(f.fileName), f.text])));
const files = [...texts.keys()].sort();
writeFileSync(STATE, JSON.stringify({
    lintInputs,
    pending: lintProblems.map((r) => rel(r.filePath)).sort(),
    clean,
    roots,
    files,
    digest: digestOf([...CONFIGS, ...files], (file) => texts.get(file) ?? configTexts.get(file)),
}) + '\n');
if (SHARED && clean) publishToShared();

console.log(`check: ${affected.size ? `${[...affected].filter((f) => !f.includes('/node_modules/')).length} files type-checked` : 'nothing to type-check'}, ${toLint.length} linted; ${errors} type errors, ${lintErrors} lint errors`);
process.exit(errors || lintErrors ? 1 : 0);

/** Copies the shared cache (the last clean run of any clone) into this clone's cache folder. */
function seedFromShared() {
    let shared;
    try {
        shared = JSON.parse(readFileSync(SHARED, 'utf8'));
    } catch {
        return; // none yet, or unreadable: a full check
    }
    if (typeof shared !== 'object' || shared === null || typeof shared[STATE] !== 'string') return;
    for (const file of cacheFiles) if (typeof shared[file] === 'string') writeFileSync(file, shared[file]);
}

function publishToShared() {
    try {
        mkdirSync(dirname(SHARED), { recursive: true });
        const temp = `${SHARED}.${process.pid}`;
        writeFileSync(temp, JSON.stringify(Object.fromEntries(cacheFiles.filter((f) => existsSync(f)).map((f) => [f, readFileSync(f, 'utf8')]))));
        renameSync(temp, SHARED);
    } catch (error) {
        console.error(`check: could not keep the cache in ${SHARED}: ${error.message}`);
    }
}
