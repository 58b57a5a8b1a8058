// `delta bouncingsim check ROWS.jsonl`: rows against the TS simulator (scene rebuilt from the
// prompt), or model answers run like the benchmark's verifier (--responses).
import { parseOptions, UsageError } from '../../command.js';
import { formatAsserts } from '../../../language/bouncingsim/asserts.js';
import { formatJsonlError, readJsonl, type JsonlError } from '../../../language/bouncingsim/jsonl.js';
import { sceneFromPrompt } from '../../../language/bouncingsim/prompt-scene.js';
import { DEFAULT_TIMEOUT_MS, PythonNotFoundError, runProgramChecks, SandboxUnavailableError } from '../../../language/bouncingsim/python/runner.js';
import { extractPythonProgram } from '../../../language/bouncingsim/python/extract.js';
import { promptTimesWarning, rowAsserts } from '../../../language/bouncingsim/row-asserts.js';
import { scoreRow, type RowCheck } from '../../../language/bouncingsim/row-check.js';
import { familyOf, fieldError, parseRows, type RowEntry } from '../../../language/bouncingsim/rows.js';
import { simulate } from '../../../language/bouncingsim/simulate.js';
import { err, fmt, out, readText, visibleControls } from './io.js';
import { addStats, printSummary, type FamilyStats } from './summary.js';

function rowFailure(file: string, entry: RowEntry, error: unknown): JsonlError {
    return { file, line: entry.line, message: `row ${entry.row.id}: ${error instanceof Error ? error.message : String(error)}` };
}

export async function checkCommand(args: string[]): Promise<number> {
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

/** A row without asserts cannot pass (the verifier answers it with no results, scored 0): say so instead of "0/0". */
function assertsOf(entry: RowEntry, promptTimestamps: number[] | undefined) {
    if (entry.row.ground_truth.length === 0) throw new Error('ground_truth holds no asserts (the verifier answers such a row with no results, which scores 0)');
    return rowAsserts(entry.row, promptTimestamps);
}

function warnTimes(file: string, entry: RowEntry, promptTimestamps: number[] | undefined): void {
    const warning = promptTimesWarning(entry.row, promptTimestamps);
    if (warning) err(`${file}:${entry.line}: row ${entry.row.id}: warning: ${warning}`);
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
            warnTimes(file, entry, rebuilt.timestamps);
            const asserts = assertsOf(entry, rebuilt.timestamps);
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
        if (typeof v !== 'object' || v === null || Array.isArray(v)) { fail('a response must be a JSON object'); continue; }
        if (typeof v.id !== 'string') { fail(fieldError(v.id, 'id', 'string')); continue; }
        const program = typeof v.program === 'string' ? v.program : typeof v.response === 'string' ? extractPythonProgram(v.response) : undefined;
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
            warnTimes(file, entry, rebuilt.timestamps);
            let asserts = assertsOf(entry, rebuilt.timestamps);
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
                    stdout: result.results.map((r) => r.stdout ?? ''), stderr: result.results.map((r) => r.stderr ?? ''),
                    program,
                }));
            } else {
                const firstError = result.results.find((r) => r.error)?.error;
                out(`${check.id.padEnd(10)} ${`${result.passed}/${result.results.length}`.padStart(6)}${result.refused.length ? '  refused by the safety filter' : firstError ? `  (${visibleControls(firstError)})` : ''}`);
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
