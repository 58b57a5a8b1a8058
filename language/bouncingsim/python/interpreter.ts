// Which Python runs model answers: the configured command (`deltaStudio.python.path`, `--python`,
// default `python3`) probed once for its version and the folders it needs (the sandbox binds
// those read-only). The probe is our own code run outside the sandbox, never model code.

import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';

export const DEFAULT_PYTHON = 'python3';
/** The worker uses os.closerange, select and f-string-free Python 3 only; 3.8 is the oldest tested. */
export const MIN_PYTHON: readonly [number, number] = [3, 8];

export interface PythonInfo {
    /** As configured (may be a shim such as pyenv's, which the sandbox cannot run). */
    command: string;
    /** The real interpreter binary, symlinks resolved. */
    executable: string;
    version: string;
    /**
     * sys.prefix, sys.base_prefix and sys.exec_prefix: the folders the sandbox binds. Not the import
     * path, whose `.pth` entries (an editable install) can name a project folder of the user's.
     */
    folders: string[];
}

const HINT = 'set the interpreter with the deltaStudio.python.path setting (editor) or --python (CLI)';

export class PythonNotFoundError extends Error {
    constructor(readonly command: string, detail?: string) {
        super(`cannot start '${command}'${detail ? ` (${detail})` : ''}: Python 3 is needed to run BouncingSim answers; install it or ${HINT}`);
        this.name = 'PythonNotFoundError';
    }
}

export class PythonTooOldError extends PythonNotFoundError {
    constructor(command: string, readonly version: string) {
        super(command, `it is Python ${version}, ${MIN_PYTHON.join('.')} or newer is needed`);
        this.name = 'PythonTooOldError';
    }
}

// Valid in Python 2 as well, so an old interpreter gets the "too old" message, not a syntax error.
const PROBE = 'import sys, json, os; print(json.dumps({"version": [sys.version_info[0], sys.version_info[1], sys.version_info[2]], '
    + '"executable": os.path.realpath(sys.executable), "folders": [sys.prefix, sys.base_prefix if hasattr(sys, "base_prefix") else sys.prefix, sys.exec_prefix]}))';

const probes = new Map<string, Promise<PythonInfo>>();

function probeOnce(command: string): Promise<PythonInfo> {
    return new Promise((resolve, reject) => {
        execFile(command, ['-I', '-c', PROBE], { timeout: 30_000, windowsHide: true, encoding: 'utf8' }, (error, stdout, stderr) => {
            if (error) {
                const code = (error as NodeJS.ErrnoException).code;
                if (code === 'ENOENT' || code === 'EACCES') return reject(new PythonNotFoundError(command));
                // Python 2 has no -I: it prints usage and exits 2.
                const py2 = /Unknown option: -I|usage: .*python/i.test(stderr);
                return reject(py2 ? new PythonTooOldError(command, '2') : new PythonNotFoundError(command, `it failed: ${stderr.trim().split('\n').slice(-1)[0] || error.message}`));
            }
            let raw: { version: number[]; executable: string; folders: string[] };
            try {
                raw = JSON.parse(stdout.trim().split('\n').slice(-1)[0]);
            } catch {
                return reject(new PythonNotFoundError(command, 'it did not answer like Python 3'));
            }
            const version = raw.version.join('.');
            const [major, minor] = raw.version;
            if (major < MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor < MIN_PYTHON[1])) return reject(new PythonTooOldError(command, version));
            let executable = raw.executable;
            try { executable = realpathSync(executable); } catch { /* keep as reported */ }
            resolve({ command, executable, version, folders: [...new Set(raw.folders)] });
        });
    });
}

/** Probes `command` once per process (failures are retried next time, e.g. after an install). */
export function probePython(command: string = DEFAULT_PYTHON): Promise<PythonInfo> {
    let probe = probes.get(command);
    if (!probe) {
        probe = probeOnce(command);
        probes.set(command, probe);
        probe.catch(() => probes.delete(command));
    }
    return probe;
}
