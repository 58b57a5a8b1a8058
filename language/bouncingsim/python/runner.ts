// Runs a model's Python answer the way the benchmark verifier does (spec §10): safety filter over
// the whole program, then one fresh `python3` per assert, sequentially, each killed after the
// wall-clock limit (default 1 s, covering start-up, the program and the assert).
// Trust gating (may this code run at all?) is the caller's decision.

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertTime, parseAssert } from '../asserts.js';
import type { Vec2Tuple } from '../scene-types.js';
import { DRIVER_SOURCE } from './driver.js';
import { extractProgram } from './extract.js';
import { unsafeSubstrings } from './safety.js';

/** The reference's BALLSIM_MAX_EXECUTION_TIME default. */
export const DEFAULT_TIMEOUT_MS = 1000;

export interface PythonRunOptions {
    /** Interpreter command or path (default `python3`). */
    python?: string;
    /** Per-assert wall-clock limit in ms (default 1000, as the reference). */
    timeoutMs?: number;
    /** Row timestamps, to label list-mode asserts (`predict_position()[i]`) with their time. */
    timestamps?: readonly number[];
    /** Called after each assert finishes, e.g. for progress. */
    onResult?: (result: AssertRun, index: number, total: number) => void;
    signal?: AbortSignal;
}

export interface AssertRun {
    index: number;
    assert: string;
    /** Timestamp of the assert when it can be parsed. */
    time?: number;
    expected?: Vec2Tuple[];
    passed: boolean;
    /** Seconds spent in the assert itself, or -1 when it did not complete (as the reference). */
    runtime: number;
    timedOut: boolean;
    /** What the program returned for this assert, when check_distance saw it. */
    predicted?: (number | null)[][];
    distance?: number | null;
    /** `ExceptionType: message` from Python, or the reason the test did not run. */
    error?: string;
}

export interface ProgramCheck {
    results: AssertRun[];
    passed: number;
    pass_rate: number;
    all_pass: boolean;
    /** Safety-filter hits; when non-empty nothing was run and every test failed. */
    refused: string[];
}

export class PythonNotFoundError extends Error {
    constructor(readonly command: string) {
        super(`cannot start '${command}': Python 3 is needed to run BouncingSim answers; install it or set the interpreter path`);
        this.name = 'PythonNotFoundError';
    }
}

interface DriverVerdict { passed: boolean; runtime: number; error: string | null; predicted?: (number | null)[][]; distance?: number | null }

function describeAssert(assert: string, index: number, timestamps?: readonly number[]): AssertRun {
    const run: AssertRun = { index, assert, passed: false, runtime: -1, timedOut: false };
    try {
        const parsed = parseAssert(assert);
        run.expected = parsed.expected;
        const time = assertTime(parsed, timestamps);
        if (time !== undefined) run.time = time;
    } catch {
        // Not a standard assert: still run it, just without labels.
    }
    return run;
}

const KEEP_OUTPUT = 64 * 1024;

function runOne(program: string, run: AssertRun, python: string, timeoutMs: number, cwd: string): Promise<AssertRun> {
    const marker = `@@bouncingsim-${randomBytes(8).toString('hex')}@@`;
    return new Promise((resolve, reject) => {
        const child = spawn(python, ['-c', DRIVER_SOURCE], { cwd, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
        let stdout = '';
        let stderr = '';
        let timedOut = false;
        const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
        child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout = (stdout + d).slice(-KEEP_OUTPUT); });
        child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr = (stderr + d).slice(-KEEP_OUTPUT); });
        child.stdin.on('error', () => { /* the child may die before reading; reported via exit */ });
        child.on('error', (error: NodeJS.ErrnoException) => {
            clearTimeout(timer);
            reject(error.code === 'ENOENT' ? new PythonNotFoundError(python) : error);
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            if (timedOut) {
                resolve({ ...run, timedOut: true, error: `timed out after ${timeoutMs} ms` });
                return;
            }
            const at = stdout.lastIndexOf(marker);
            if (at < 0) {
                const why = stderr.trim().split('\n').slice(-1)[0] || `python exited with ${signal ?? `code ${code}`}`;
                resolve({ ...run, error: why });
                return;
            }
            let verdict: DriverVerdict;
            try {
                verdict = JSON.parse(stdout.slice(at + marker.length).split('\n')[0]) as DriverVerdict;
            } catch {
                resolve({ ...run, error: 'unreadable verdict from the python driver' });
                return;
            }
            const done: AssertRun = { ...run, passed: verdict.passed, runtime: verdict.runtime };
            if (verdict.error) done.error = verdict.error;
            if (verdict.predicted) done.predicted = verdict.predicted;
            if (verdict.distance !== undefined) done.distance = verdict.distance;
            resolve(done);
        });
        child.stdin.end(JSON.stringify({ program, assert: run.assert, marker }));
    });
}

function summarise(results: AssertRun[], refused: string[]): ProgramCheck {
    const passed = results.filter((r) => r.passed).length;
    return {
        results, passed, refused,
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
        return summarise(runs.map((r) => ({ ...r, error })), refused);
    }
    const python = options.python ?? 'python3';
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    // A scratch working folder, like the verifier's ./cache, removed afterwards.
    const cwd = await mkdtemp(join(tmpdir(), 'bouncingsim-'));
    try {
        const results: AssertRun[] = [];
        for (const run of runs) {
            options.signal?.throwIfAborted();
            const result = await runOne(program, run, python, timeoutMs, cwd);
            results.push(result);
            options.onResult?.(result, run.index, runs.length);
        }
        return summarise(results, []);
    } finally {
        await rm(cwd, { recursive: true, force: true });
    }
}

/** Extracts the code from a full model response (§10.4), then runs it. */
export function runResponseChecks(response: string, asserts: readonly string[], options: PythonRunOptions = {}): Promise<ProgramCheck> {
    return runProgramChecks(extractProgram(response), asserts, options);
}
