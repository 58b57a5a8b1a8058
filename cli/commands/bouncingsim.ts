// `delta bouncingsim`: simulate a scene file, or check dataset rows against the TS simulator or
// against model answers run like the benchmark's verifier.

import { readFile } from 'node:fs/promises';
import { parseOptions, UsageError, withUsage, type CommandModule } from '../command.js';
import { formatAsserts } from '../../language/bouncingsim/asserts.js';
import { formatJsonlError, readJsonl, type JsonlError } from '../../language/bouncingsim/jsonl.js';
import { sceneFromPrompt } from '../../language/bouncingsim/prompt-scene.js';
import { DEFAULT_TIMEOUT_MS, PythonNotFoundError, runProgramChecks, SandboxUnavailableError } from '../../language/bouncingsim/python/runner.js';
import { extractProgram } from '../../language/bouncingsim/python/extract.js';
import { rowAsserts, scoreRow, type RowCheck } from '../../language/bouncingsim/row-check.js';
import { familyOf, parseRows, type RowEntry } from '../../language/bouncingsim/rows.js';
import { formatIssue, parseSceneText } from '../../language/bouncingsim/scene-load.js';
import { simulate } from '../../language/bouncingsim/simulate.js';
import { STANDARD_TIMESTAMPS } from '../../language/bouncingsim/step-count.js';

const USAGE = `delta bouncingsim simulate SCENE.json [--times 0.1,0.2,…] [--json]
       delta bouncingsim check ROWS.jsonl [--responses RESPONSES.jsonl] [--against truth|simulator]
                               [--timeout SECONDS] [--python CMD] [--no-sandbox] [--json]`;

const HELP = `${USAGE}

simulate  Ground-truth ball positions (planck.js, Box2D 2.3 semantics, dt = 1/4000 s).
          --times defaults to the scene's own "tests" times, else 0.1 … 1.5.
          --json prints {"times": [...], "positions": [[[x, y], ...per ball], ...per time]}.

check     Without --responses: rebuilds each row's scene from its prompt, simulates it and scores
          the simulator against the row's asserts (check_distance ≤ tolerance), with a summary per
          family. With --responses: runs each model answer like the benchmark verifier (safety
          filter, each assert in a fresh process, --timeout per assert, default 1.0 s), inside a
          bubblewrap sandbox: no network, read-only system, a private temp folder, an empty
          environment, memory/CPU/file/process limits, everything killed at the deadline.
          --python picks the interpreter (default python3; 3.8 or newer).
          --no-sandbox runs the answers without bubblewrap (rlimits, process-group kill and a
          clean environment only): the only way to run model code unsandboxed.
          RESPONSES.jsonl has one object per line: {"id": "<row id>", "response": "<full model
          output>"} (the last \`\`\`python fence is extracted) or {"id": ..., "program": "<code>"}.
          --against simulator checks answers against the TS simulator instead of the row's stored
          ground truth (labelled as such in the output).
          --json prints one JSON object per row on stdout; summaries go to stderr.

exit codes: 0 all asserts pass, 1 failures or bad input lines, 2 usage, python or the sandbox unavailable.`;

export const bouncingsim: CommandModule = {
    main: (args) => withUsage(USAGE, async () => {
        const [sub, ...rest] = args;
        if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
            // Bare `delta bouncingsim` is a usage error: help goes to stderr with exit code 2.
            (sub === undefined ? process.stderr : process.stdout).write(`${HELP}\n`);
            return sub === undefined ? 2 : 0;
        }
        if (sub === 'simulate') return simulateCommand(rest);
        if (sub === 'check') return checkCommand(rest);
        throw new UsageError(`unknown bouncingsim command '${sub}'`);
    }),
};

const out = (text: string) => process.stdout.write(`${text}\n`);
const err = (text: string) => process.stderr.write(`${text}\n`);
const fmt = (n: number) => n.toFixed(2);

async function readText(file: string): Promise<string> {
    try {
        return await readFile(file, 'utf8');
    } catch (error) {
        throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
    }
}

function parseTimes(text: string): number[] {
    const times = text.split(',').map((s) => s.trim()).filter(Boolean).map(Number);
    if (!times.length || times.some((t) => !Number.isFinite(t) || t < 0)) throw new UsageError(`--times must be comma-separated non-negative numbers (got '${text}')`);
    return times;
}

async function simulateCommand(args: string[]): Promise<number> {
    const { values, positionals } = parseOptions(args, { times: { type: 'string' }, json: { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError('simulate needs exactly one SCENE.json');
    const file = positionals[0];
    const parsed = parseSceneText(await readText(file), file);
    if (!parsed.ok) {
        for (const issue of parsed.issues) err(formatIssue(issue));
        return 1;
    }
    const { scene } = parsed;
    const times = values.times !== undefined ? parseTimes(values.times) : scene.tests?.map((t) => t.time) ?? [...STANDARD_TIMESTAMPS];
    const positions = simulate(scene, times);
    if (values.json) {
        out(JSON.stringify({ times, positions }));
    } else {
        times.forEach((t, k) => out(`t=${t.toFixed(2)}  ${positions[k].map(([x, y], b) => `ball ${b + 1} (${fmt(x)}, ${fmt(y)})`).join('  ')}`));
    }
    return 0;
}

// ---- check ----

interface FamilyStats { rows: number; rowsPassing: number; asserts: number; passed: number; errors: number[] }

function median(sorted: number[]): number {
    if (!sorted.length) return NaN;
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function addStats(stats: Map<string, FamilyStats>, check: RowCheck, distances: (number | null)[]): void {
    const s = stats.get(check.family) ?? { rows: 0, rowsPassing: 0, asserts: 0, passed: 0, errors: [] };
    s.rows++;
    if (check.all_pass) s.rowsPassing++;
    s.asserts += check.passed.length;
    s.passed += check.passed.filter(Boolean).length;
    for (const d of distances) if (d !== null && d !== undefined) s.errors.push(d);
    stats.set(check.family, s);
}

function printSummary(stats: Map<string, FamilyStats>, title: string, write: (t: string) => void): void {
    write(title);
    write(`${'family'.padEnd(8)}${'rows ok'.padStart(9)}${'asserts ok'.padStart(13)}${'max err'.padStart(10)}${'median'.padStart(9)}`);
    const all: FamilyStats = { rows: 0, rowsPassing: 0, asserts: 0, passed: 0, errors: [] };
    const line = (name: string, s: FamilyStats) => {
        const e = [...s.errors].sort((a, b) => a - b);
        const max = e.length ? fmt(e[e.length - 1]) : '-';
        const med = e.length ? fmt(median(e)) : '-';
        write(`${name.padEnd(8)}${`${s.rowsPassing}/${s.rows}`.padStart(9)}${`${s.passed}/${s.asserts}`.padStart(13)}${max.padStart(10)}${med.padStart(9)}`);
    };
    for (const [family, s] of [...stats].sort(([a], [b]) => a.localeCompare(b))) {
        line(family, s);
        all.rows += s.rows; all.rowsPassing += s.rowsPassing; all.asserts += s.asserts; all.passed += s.passed; all.errors.push(...s.errors);
    }
    line('all', all);
}

function rowFailure(file: string, entry: RowEntry, error: unknown): JsonlError {
    return { file, line: entry.line, message: `row ${entry.row.id}: ${error instanceof Error ? error.message : String(error)}` };
}

async function checkCommand(args: string[]): Promise<number> {
    const { values, positionals } = parseOptions(args, {
        responses: { type: 'string' }, against: { type: 'string' }, timeout: { type: 'string' }, python: { type: 'string' }, json: { type: 'boolean' },
        'no-sandbox': { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError('check needs exactly one ROWS.jsonl');
    const against = values.against ?? 'truth';
    if (against !== 'truth' && against !== 'simulator') throw new UsageError(`--against must be 'truth' or 'simulator' (got '${against}')`);
    if (values.responses === undefined && (values.against || values.timeout || values.python || values['no-sandbox'])) {
        throw new UsageError('--against, --timeout, --python and --no-sandbox apply only with --responses');
    }
    const timeoutMs = values.timeout === undefined ? DEFAULT_TIMEOUT_MS : Number(values.timeout) * 1000;
    if (!(timeoutMs > 0)) throw new UsageError(`--timeout must be a positive number of seconds (got '${values.timeout}')`);

    const file = positionals[0];
    const { rows, errors } = parseRows(await readText(file), file);
    for (const e of errors) err(formatJsonlError(e));
    const failures = values.responses === undefined
        ? checkSimulator(file, rows, !!values.json)
        : await checkResponses(file, rows, values.responses, { json: !!values.json, against, timeoutMs, python: values.python ?? 'python3', noSandbox: !!values['no-sandbox'] });
    if (failures < 0) return 2;
    return errors.length || failures ? 1 : 0;
}

/** Returns the number of rows that failed or could not be checked. */
function checkSimulator(file: string, rows: RowEntry[], json: boolean): number {
    const stats = new Map<string, FamilyStats>();
    let failures = 0;
    for (const entry of rows) {
        let check: RowCheck;
        try {
            const rebuilt = sceneFromPrompt(entry.row.prompt);
            for (const w of rebuilt.warnings) err(`${file}:${entry.line}: row ${entry.row.id}: warning: ${w}`);
            const asserts = rowAsserts(entry.row, rebuilt.timestamps);
            check = scoreRow(entry.row.id, asserts, simulate(rebuilt.scene, asserts.timestamps));
        } catch (error) {
            err(formatJsonlError(rowFailure(file, entry, error)));
            failures++;
            continue;
        }
        if (!check.all_pass) failures++;
        addStats(stats, check, check.distances);
        if (json) {
            const { id, family, timestamps, expected, simulated, distances, passed, pass_rate, all_pass } = check;
            out(JSON.stringify({ id, family, timestamps, expected, simulated, distances, passed, pass_rate, all_pass }));
        } else {
            const max = Math.max(...check.distances.map((d) => d ?? Infinity));
            const bad = check.timestamps.filter((_, k) => !check.passed[k]).map((t) => t.toFixed(2));
            out(`${check.id.padEnd(10)} ${`${check.passed.filter(Boolean).length}/${check.passed.length}`.padStart(6)}  max ${fmt(max)}${bad.length ? `  failing at t = ${bad.join(', ')}` : ''}`);
        }
    }
    printSummary(stats, `simulator vs ${file} (asserts within tolerance; error = check_distance)`, json ? err : out);
    return failures;
}

interface ResponseOptions { json: boolean; against: string; timeoutMs: number; python: string; noSandbox: boolean }

async function readResponses(file: string): Promise<{ programs: Map<string, string>; errors: number }> {
    const programs = new Map<string, string>();
    let errors = 0;
    for (const entry of readJsonl(await readText(file), file)) {
        const fail = (message: string) => { err(formatJsonlError({ file, line: entry.line, message })); errors++; };
        if ('error' in entry) { fail(entry.error.message); continue; }
        const v = entry.value as Record<string, unknown> | null;
        if (typeof v !== 'object' || v === null || typeof v.id !== 'string') { fail('missing field "id" (string)'); continue; }
        const program = typeof v.program === 'string' ? v.program : typeof v.response === 'string' ? extractProgram(v.response) : undefined;
        if (program === undefined) { fail(`response ${v.id}: missing field "response" or "program" (string)`); continue; }
        if (programs.has(v.id)) { fail(`response ${v.id}: duplicate id (the first one is used)`); continue; }
        programs.set(v.id, program);
    }
    return { programs, errors };
}

/** Returns the number of failing rows/lines, or -1 when python cannot be started. */
async function checkResponses(file: string, rows: RowEntry[], responsesFile: string, o: ResponseOptions): Promise<number> {
    const { programs, errors } = await readResponses(responsesFile);
    let failures = errors;
    const known = new Set(rows.map((r) => r.row.id));
    for (const id of programs.keys()) {
        if (!known.has(id)) { err(`${responsesFile}: response ${id}: no row with this id in ${file}`); failures++; }
    }
    const truth = o.against === 'simulator' ? 'TS simulator (not the stored ground truth)' : 'stored ground truth';
    const stats = new Map<string, FamilyStats>();
    let unanswered = 0;
    let isolation: string | undefined;
    for (const entry of rows) {
        const program = programs.get(entry.row.id);
        if (program === undefined) { unanswered++; continue; }
        try {
            const rebuilt = sceneFromPrompt(entry.row.prompt);
            let asserts = rowAsserts(entry.row, rebuilt.timestamps);
            let tests = entry.row.ground_truth;
            if (o.against === 'simulator') {
                const simulated = simulate(rebuilt.scene, asserts.timestamps);
                tests = formatAsserts(entry.row.prompt_setting, asserts.timestamps, simulated, asserts.tolerances[0] ?? entry.row.tolerance ?? 50);
                asserts = { ...asserts, expected: simulated };
            }
            const result = await runProgramChecks(program, tests, {
                python: o.python, timeoutMs: o.timeoutMs, timestamps: asserts.timestamps, sandbox: o.noSandbox ? 'off' : 'require',
            });
            if (!result.refused.length && isolation === undefined) {
                isolation = result.isolation;
                if (!result.sandboxed) err(`delta: model code runs ${isolation}`);
            }
            const check: RowCheck = {
                id: entry.row.id, family: familyOf(entry.row.id), timestamps: asserts.timestamps, expected: asserts.expected,
                simulated: [], distances: result.results.map((r) => r.distance ?? null), passed: result.results.map((r) => r.passed),
                pass_rate: result.pass_rate, all_pass: result.all_pass,
            };
            if (!check.all_pass) failures++;
            addStats(stats, check, check.distances);
            if (o.json) {
                out(JSON.stringify({
                    id: check.id, family: check.family, truth: o.against, timestamps: check.timestamps, expected: check.expected,
                    predicted: result.results.map((r) => r.predicted ?? null), distances: check.distances, passed: check.passed,
                    pass_rate: result.pass_rate, all_pass: result.all_pass, refused: result.refused,
                    errors: result.results.map((r) => r.error ?? null),
                    runtimes: result.results.map((r) => r.runtime), sandboxed: result.sandboxed,
                }));
            } else {
                const firstError = result.results.find((r) => r.error)?.error;
                out(`${check.id.padEnd(10)} ${`${result.passed}/${result.results.length}`.padStart(6)}${result.refused.length ? '  refused by the safety filter' : firstError ? `  (${firstError})` : ''}`);
            }
        } catch (error) {
            if (error instanceof PythonNotFoundError || error instanceof SandboxUnavailableError) { err(`delta: ${error.message}`); return -1; }
            err(formatJsonlError(rowFailure(file, entry, error)));
            failures++;
        }
    }
    const write = o.json ? err : out;
    printSummary(stats, `model answers from ${responsesFile} vs ${truth} (error = check_distance)`, write);
    if (isolation !== undefined) write(`model code ran ${isolation}`);
    if (unanswered) write(`${unanswered} row(s) without a response were not checked`);
    return failures;
}
