// Model predictions for the panel: runs the model's program like the benchmark (each assert in a
// fresh sandboxed process, 1 s each; bouncingsim/python/runner.ts) and turns the verdicts into
// table rows. Trust gating is the caller's job; this file has no `vscode` so it is unit-tested.
// Without bubblewrap nothing runs (a status says how to install it) unless the user opted out of the
// sandbox (deltaStudio.python.sandbox: false); then the answer runs and says "not sandboxed".

import { DEFAULT_TIMEOUT_MS, PythonNotFoundError, runProgramChecks, SandboxUnavailableError, type AssertRun, type ProgramCheck } from '../../language/bouncingsim/python/runner.js';
import type { PredictionRow, Predictions, Vec2 } from '../webview/protocol.js';

export const NO_MODEL: Predictions = { status: 'none', message: 'No model answer. "Show trajectory" on a model response line (JSONL with "id" and "response") compares one.', rows: [], canRun: false };

export const UNTRUSTED: Predictions = {
    status: 'untrusted',
    message: 'The model answer is not run: this workspace is not trusted. Trust the workspace to run it (python3, 1 s per test).',
    rows: [],
    canRun: false,
};

export function noPython(detail: string): Predictions {
    return { status: 'no-python', message: `The model answer cannot be run: ${detail}`, rows: [], canRun: true };
}

export function noSandbox(reason: string): Predictions {
    return {
        status: 'no-python', rows: [], canRun: true,
        message: `The model answer is not run: the sandbox for model code is unavailable (${reason}). Install bubblewrap (Debian/Ubuntu: apt-get install bubblewrap), or turn off the setting deltaStudio.python.sandbox to run answers without it.`,
    };
}

export function running(rows: PredictionRow[], total: number, program?: string): Predictions {
    return { status: 'running', message: `Running the model answer… ${rows.length}/${total}`, rows, canRun: true, ...(program === undefined ? {} : { program }) };
}

const finitePair = (p: (number | null)[]): Vec2 | null =>
    p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number' && Number.isFinite(p[0]) && Number.isFinite(p[1]) ? [p[0], p[1]] : null;

export function predictionRow(run: AssertRun): PredictionRow {
    const row: PredictionRow = {
        time: run.time ?? null,
        expected: run.expected ?? null,
        predicted: run.predicted ? run.predicted.map(finitePair) : null,
        distance: typeof run.distance === 'number' && Number.isFinite(run.distance) ? run.distance : null,
        passed: run.passed,
        runtime: run.runtime,
    };
    if (typeof run.tolerance === 'number' && Number.isFinite(run.tolerance)) row.tolerance = run.tolerance;
    if (run.error) row.error = run.error;
    if (run.stdout) row.stdout = run.stdout;
    if (run.stderr) row.stderr = run.stderr;
    return row;
}

export function finished(check: ProgramCheck, program?: string): Predictions {
    const rows = check.results.map(predictionRow);
    const extra = program === undefined ? {} : { program };
    if (check.refused.length) {
        return {
            status: 'done', rows, canRun: true, ...extra,
            message: `Refused by the benchmark's safety filter (contains ${check.refused.map((s) => `"${s}"`).join(', ')}): every test fails without running.`,
        };
    }
    return {
        status: 'done', rows, canRun: true, sandboxed: check.sandboxed, ...extra,
        message: `Model answer: ${check.passed}/${check.results.length} tests pass (${check.all_pass ? 'all pass' : 'not all pass'}) against the stored ground truth. Ran ${check.isolation}.`,
    };
}

export interface PredictOptions {
    python?: string;
    /** 'require' (default): sandboxed or not at all; 'off' only when the user opted out. */
    sandbox?: 'require' | 'off';
    /** Per assert; the benchmark's 1 s unless a test needs slack. */
    timeoutMs?: number;
    signal?: AbortSignal;
    /** Partial results, after each assert. */
    onUpdate?: (p: Predictions) => void;
}

/** Runs the program against each assert; never throws for a missing python3 (that is a status). */
export async function predict(program: string, asserts: readonly string[], timestamps: readonly number[], options: PredictOptions = {}): Promise<Predictions> {
    const rows: PredictionRow[] = [];
    options.onUpdate?.(running(rows, asserts.length, program));
    try {
        const check = await runProgramChecks(program, asserts, {
            python: options.python,
            sandbox: options.sandbox ?? 'require',
            timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
            timestamps,
            signal: options.signal,
            onResult: (run) => {
                rows.push(predictionRow(run));
                options.onUpdate?.(running([...rows], asserts.length, program));
            },
        });
        return finished(check, program);
    } catch (error) {
        if (error instanceof PythonNotFoundError) return noPython(error.message);
        if (error instanceof SandboxUnavailableError) return noSandbox(error.reason);
        if (options.signal?.aborted) throw error;
        return { status: 'error', message: `The model answer could not be run: ${error instanceof Error ? error.message : String(error)}`, rows, canRun: true };
    }
}
