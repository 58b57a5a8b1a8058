// Runs a model's Python answer with the benchmark verifier's verdicts (docs/bouncingsim-python.md)
// and without its holes (docs/sandbox.md): safety filter over the whole program first, then every
// assert in a fresh process forked from a warm, sandboxed interpreter, in parallel across cores,
// each killed with everything it started at the per-test budget (default 1 s, counting the program
// and the assert, not the interpreter's start-up).
// Trust gating (may this code run at all?) is the caller's decision; so is allowing 'off'.

import { assertTime, parseAssert } from '../asserts.js';
import type { Vec2Tuple } from '../scene-types.js';
import { extractPythonProgram } from './extract.js';
import { DEFAULT_PYTHON, probePython } from './interpreter.js';
import { PythonPool, type ChildVerdict, type TestReply } from './pool.js';
import { unsafeSubstrings } from './safety.js';
import { BWRAP_ENV, sandboxSupport } from './sandbox.js';

export { PythonNotFoundError, PythonTooOldError } from './interpreter.js';

/** The reference's BALLSIM_MAX_EXECUTION_TIME default. */
export const DEFAULT_TIMEOUT_MS = 1000;

/**
 * 'require': sandboxed or SandboxUnavailableError. 'prefer': the fallback (rlimits, process-group
 * kill, clean environment) where the sandbox is unavailable, reported as not sandboxed.
 * 'off': never sandboxed (the CLI's explicit --no-sandbox).
 */
export type SandboxMode = 'require' | 'prefer' | 'off';

export const NOT_SANDBOXED = 'not sandboxed';

export interface PythonRunOptions {
    /** Interpreter command or path (default `python3`). */
    python?: string;
    /** Per-assert wall-clock limit in ms (default 1000, as the reference). */
    timeoutMs?: number;
    /** Default 'require'. */
    sandbox?: SandboxMode;
    /** Row timestamps, to label list-mode asserts (`predict_position()[i]`) with their time. */
    timestamps?: readonly number[];
    /** Called after each assert finishes, in assert order, e.g. for progress. */
    onResult?: (result: AssertRun, index: number, total: number) => void;
    signal?: AbortSignal;
}

export interface AssertRun {
    index: number;
    assert: string;
    /** Timestamp of the assert when it can be parsed. */
    time?: number;
    expected?: Vec2Tuple[];
    /** The assert's `<= tolerance` bound (50 in the benchmark), when it can be parsed. */
    tolerance?: number;
    passed: boolean;
    /** Seconds spent in the assert itself, or -1 when it did not complete (as the reference). */
    runtime: number;
    timedOut: boolean;
    /** What the program returned for this assert, when check_distance saw it. */
    predicted?: (number | null)[][];
    distance?: number | null;
    /** `ExceptionType: message` from Python, or the reason the test did not pass or run. */
    error?: string;
    exceptionType?: string;
    exceptionMessage?: string;
    /** Excerpts (start and end) of what the test printed. */
    stdout?: string;
    stderr?: string;
}

export interface ProgramCheck {
    results: AssertRun[];
    passed: number;
    pass_rate: number;
    all_pass: boolean;
    /** Safety-filter hits; when non-empty nothing was run and every test failed. */
    refused: string[];
    /** Whether the tests ran inside the sandbox (false: refused answers and the fallback). */
    sandboxed: boolean;
    /** One line for users: "sandboxed (bubblewrap)" or "not sandboxed: …". */
    isolation: string;
}

export class SandboxUnavailableError extends Error {
    constructor(readonly reason: string) {
        super(`the sandbox for model code is unavailable: ${reason}. Install bubblewrap (Debian/Ubuntu: apt-get install bubblewrap), or run without it (--no-sandbox in the CLI: rlimits, process-group kill and a clean environment only, ${NOT_SANDBOXED})`);
        this.name = 'SandboxUnavailableError';
    }
}

function describeAssert(assert: string, index: number, timestamps?: readonly number[]): AssertRun {
    const run: AssertRun = { index, assert, passed: false, runtime: -1, timedOut: false };
    try {
        const parsed = parseAssert(assert);
        run.expected = parsed.expected;
        run.tolerance = parsed.tolerance;
        const time = assertTime(parsed, timestamps);
        if (time !== undefined) run.time = time;
    } catch {
        // Not a standard assert: still run it, just without labels.
    }
    return run;
}

interface Runner { pool: PythonPool; isolation: string }

const pools = new Map<string, Promise<Runner>>();
const poolKey = (python: string, mode: SandboxMode) => `${mode}\0${python}\0${JSON.stringify(process.env[BWRAP_ENV] ?? null)}`;

async function makeRunner(python: string, mode: SandboxMode): Promise<Runner> {
    const info = await probePython(python);
    if (mode !== 'off') {
        const support = await sandboxSupport(info);
        if (support.unavailable === undefined) return { pool: new PythonPool(info, { bwrap: support.bwrap }), isolation: 'sandboxed (bubblewrap)' };
        if (mode === 'require') throw new SandboxUnavailableError(support.unavailable);
        return { pool: new PythonPool(info, {}), isolation: `${NOT_SANDBOXED} (${support.unavailable}): rlimits, process-group kill and a clean environment only` };
    }
    return { pool: new PythonPool(info, {}), isolation: `${NOT_SANDBOXED} (--no-sandbox): rlimits, process-group kill and a clean environment only` };
}

/** The shared warm pool for this interpreter and mode (started on first use, reused after). */
function runnerFor(python: string, mode: SandboxMode): Promise<Runner> {
    const key = poolKey(python, mode);
    let runner = pools.get(key);
    if (!runner) {
        runner = makeRunner(python, mode).then(async (r) => {
            await r.pool.warm();
            return r;
        });
        pools.set(key, runner);
        runner.catch(() => pools.delete(key));
    }
    return runner;
}

/** Stops every warm worker (tests and shutdown; workers also die with this process). */
export function closePythonRunners(): void {
    for (const runner of pools.values()) runner.then((r) => r.pool.close(), () => { /* never started */ });
    pools.clear();
}

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The verdict in the shape run_test writes, or undefined: the test's process can write anything on that pipe. */
function readVerdict(raw: unknown): ChildVerdict | undefined {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
    const v = raw as Record<string, unknown>;
    const verdict: ChildVerdict = { passed: v.passed === true, runtime: finite(v.runtime) ? v.runtime : -1 };
    if (typeof v.exc_type === 'string') {
        verdict.exc_type = v.exc_type;
        if (typeof v.exc_message === 'string') verdict.exc_message = v.exc_message;
    }
    const pair = (p: unknown) => Array.isArray(p) && p.length === 2 && p.every((x) => x === null || finite(x));
    if (Array.isArray(v.predicted) && v.predicted.every(pair)) verdict.predicted = v.predicted as (number | null)[][];
    if (v.distance === null || finite(v.distance)) verdict.distance = v.distance;
    return verdict;
}

function fromReply(run: AssertRun, reply: TestReply, timeoutMs: number): AssertRun {
    const done: AssertRun = { ...run };
    if (reply.stdout) done.stdout = reply.stdout;
    if (reply.stderr) done.stderr = reply.stderr;
    if (reply.workerError) return { ...done, error: reply.workerError };
    if (reply.killed === 'timeout') return { ...done, timedOut: true, error: `timed out after ${timeoutMs} ms` };
    if (reply.killed === 'procs') return { ...done, error: 'killed: it started too many processes or threads' };
    if (reply.killed === 'memory') return { ...done, error: 'killed: it held too much shared memory' };
    const v = readVerdict(reply.verdict);
    if (!v) {
        const how = reply.signal !== undefined ? `was killed by signal ${reply.signal}` : `exited with code ${reply.exit}`;
        return { ...done, error: `the test's process ${how} before reporting a result` };
    }
    done.passed = v.passed;
    done.runtime = done.passed ? v.runtime : -1;
    if (v.predicted) done.predicted = v.predicted;
    if (v.distance !== undefined) done.distance = v.distance;
    if (v.exc_type !== undefined) {
        done.exceptionType = v.exc_type;
        done.exceptionMessage = v.exc_message ?? '';
        done.error = v.exc_type + (v.exc_message ? `: ${v.exc_message}` : '');
    }
    return done;
}

function summarise(results: AssertRun[], refused: string[], sandboxed: boolean, isolation: string): ProgramCheck {
    const passed = results.filter((r) => r.passed).length;
    return {
        results, passed, refused, sandboxed, isolation,
        pass_rate: results.length ? passed / results.length : 0,
        all_pass: results.length > 0 && passed === results.length,
    };
}

/** Runs `program` (already extracted code) against each assert string. */
export async function runProgramChecks(program: string, asserts: readonly string[], options: PythonRunOptions = {}): Promise<ProgramCheck> {
    const runs = asserts.map((a, i) => describeAssert(a, i, options.timestamps));
    const refused = unsafeSubstrings(program);
    if (refused.length) {
        const error = `refused by the safety filter (contains ${refused.map((s) => `"${s}"`).join(', ')})`;
        const results = runs.map((r) => ({ ...r, error }));
        results.forEach((r, i) => options.onResult?.(r, i, results.length));
        return summarise(results, refused, false, 'not run (refused by the safety filter)');
    }
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const { pool, isolation } = await runnerFor(options.python ?? DEFAULT_PYTHON, options.sandbox ?? 'require');
    options.signal?.throwIfAborted();
    const results: AssertRun[] = new Array(runs.length);
    let next = 0;
    await Promise.all(runs.map(async (run, i) => {
        const reply = await pool.run({ program, assert: run.assert, timeoutMs }, options.signal);
        results[i] = fromReply(run, reply, timeoutMs);
        // Reported in assert order, as they were when tests ran one after another.
        while (next < runs.length && results[next]) {
            options.onResult?.(results[next], next, runs.length);
            next++;
        }
    }));
    return summarise(results, [], pool.sandboxed, isolation);
}

/** Extracts the code from a full model response (§10.4), then runs it. */
export function runResponseChecks(response: string, asserts: readonly string[], options: PythonRunOptions = {}): Promise<ProgramCheck> {
    return runProgramChecks(extractPythonProgram(response), asserts, options);
}

/** The verifier's `/test_program` answer: 1/0 per test, the assert's seconds or -1.0. */
export interface TestProgramResult {
    results: (0 | 1)[];
    runtimes: number[];
}

export interface TestProgramOptions {
    /** Seconds per test (the request's `max_execution_time`, default 1.0). */
    maxExecutionTime?: number;
    python?: string;
    sandbox?: SandboxMode;
    signal?: AbortSignal;
}

/** `/test_program` semantics: `program` as given (no extraction), `tests` as decoded assert strings. */
export async function testProgram(program: string, tests: readonly string[], options: TestProgramOptions = {}): Promise<TestProgramResult & { check: ProgramCheck }> {
    const seconds = options.maxExecutionTime ?? DEFAULT_TIMEOUT_MS / 1000;
    const check = await runProgramChecks(program, tests, {
        python: options.python, sandbox: options.sandbox, signal: options.signal, timeoutMs: seconds * 1000,
    });
    return {
        results: check.results.map((r) => (r.passed ? 1 : 0)),
        runtimes: check.results.map((r) => (r.passed ? r.runtime : -1.0)),
        check,
    };
}
