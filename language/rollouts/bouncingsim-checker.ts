// How rollout re-scoring runs BouncingSim answers (docs/rollouts.md, docs/sandbox.md): the shared
// runner, each answer's asserts in the sandbox unless the caller allows otherwise. When the sandbox
// or python3 is missing, the first answer reports why once and every later answer fails fast with
// a short reason instead of probing again. `delta rollouts` and the editor's rollout worker both
// build their checker here.
import { PythonNotFoundError, runProgramChecks, SandboxUnavailableError, type SandboxMode } from '../bouncingsim/python/runner.js';
import type { BouncingSimChecker } from './score.js';

export interface CheckerOptions {
    /** Interpreter command (default `python3`). */
    python?: string;
    /** 'require' unless the user opted out explicitly (--no-sandbox: 'off'). */
    sandbox: SandboxMode;
    timeoutMs?: number;
    /** Hears, once, why no answer can run (no sandbox, no python). */
    onUnavailable: (message: string) => void;
    /** The reason each answer after that gets (default: points at the message reported above). */
    notRun?: string;
}

export function bouncingSimChecker(options: CheckerOptions): BouncingSimChecker {
    let unavailable: string | undefined;
    return async (program, asserts) => {
        if (unavailable) throw new Error(unavailable);
        try {
            return await runProgramChecks(program, asserts, { python: options.python ?? 'python3', sandbox: options.sandbox, timeoutMs: options.timeoutMs });
        } catch (error) {
            if (!(error instanceof SandboxUnavailableError) && !(error instanceof PythonNotFoundError)) throw error;
            options.onUnavailable(error.message);
            unavailable = options.notRun ?? 'BouncingSim answer not run (see the message above)';
            throw new Error(unavailable);
        }
    };
}
