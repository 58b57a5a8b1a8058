// The bubblewrap command line that isolates a warm Python worker (docs/sandbox.md): new user,
// PID, network, IPC, UTS and cgroup namespaces, every capability dropped, the system and the
// interpreter's own folders read-only, a small private tmpfs as the only writable place, an empty
// environment, and the whole tree killed when its parent goes away.

import { execFile } from 'node:child_process';
import { accessSync, constants, lstatSync, readlinkSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join, resolve, sep } from 'node:path';
import type { PythonInfo } from './interpreter.js';
import { IN_NEW_PID_NAMESPACE } from './python-source.js';

export interface SandboxLimits {
    /** Address space a test may add on top of the warm worker's (bytes; 0 = none). */
    memoryBytes: number;
    /** Largest file a test may write (RLIMIT_FSIZE). */
    fileBytes: number;
    /** RLIMIT_NPROC; only the kernel's check for non-root users (root is exempt, see maxProcs). */
    processes: number;
    openFiles: number;
    /** Size of the sandbox's writable tmpfs. */
    tmpBytes: number;
    /** A test is killed when the sandbox holds more tasks (processes and threads) than this (fork and thread bombs, also as root). */
    maxProcs: number;
    /** stdout/stderr bytes kept from the start and from the end of each test's output. */
    keepOutput: number;
    /** Largest verdict a test may report; more is no verdict (a real one is a few KiB, see _child). */
    verdictBytes: number;
}

export const DEFAULT_LIMITS: SandboxLimits = {
    memoryBytes: 512 << 20,
    fileBytes: 16 << 20,
    processes: 64,
    openFiles: 256,
    tmpBytes: 64 << 20,
    maxProcs: 32,
    keepOutput: 4096,
    verdictBytes: 1 << 20,
};

/** The environment inside (and, not sandboxed, of the worker): nothing inherited. */
export function minimalEnv(home: string): Record<string, string> {
    return {
        PATH: '/usr/local/bin:/usr/bin:/bin', HOME: home, TMPDIR: home, LANG: 'C.UTF-8',
        PYTHONDONTWRITEBYTECODE: '1', OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1',
    };
}

/** DELTA_STUDIO_BWRAP names the bwrap binary; set but empty, it turns the sandbox off (it is then unavailable). */
export const BWRAP_ENV = 'DELTA_STUDIO_BWRAP';

export function findBwrap(): string | undefined {
    if (process.platform !== 'linux') return undefined;
    const chosen = process.env[BWRAP_ENV];
    if (chosen !== undefined) return chosen || undefined;
    const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), '/usr/bin', '/bin', '/usr/local/bin'];
    for (const dir of dirs) {
        const file = join(dir, 'bwrap');
        try {
            accessSync(file, constants.X_OK);
            return file;
        } catch { /* next */ }
    }
    return undefined;
}

const SYSTEM = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32'];
// Read by the loader and by time.localtime; nothing secret.
const ETC_FILES = ['/etc/ld.so.cache', '/etc/localtime'];

const within = (path: string, dir: string) => path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);

/** Interpreter prefixes outside the system folders (a pyenv or venv install), never home itself or an ancestor of it. */
function pythonFolders(info: PythonInfo): string[] {
    const home = resolve(homedir());
    const candidates = [resolve(info.executable, '..', '..'), ...info.folders.map((f) => resolve(f))];
    const picked: string[] = [];
    for (const dir of candidates.sort((a, b) => a.length - b.length)) {
        if (dir === sep || within(home, dir)) continue;
        if (SYSTEM.some((s) => within(dir, s)) || picked.some((p) => within(dir, p))) continue;
        try {
            if (!statSync(dir).isDirectory()) continue;
        } catch {
            continue;
        }
        picked.push(dir);
    }
    return picked;
}

export function bwrapArgs(info: PythonInfo, limits: SandboxLimits): string[] {
    const args: string[] = [];
    for (const path of SYSTEM) {
        let st;
        try { st = lstatSync(path); } catch { continue; }
        if (st.isSymbolicLink()) args.push('--symlink', readlinkSync(path), path);
        else if (st.isDirectory()) args.push('--ro-bind', path, path);
    }
    for (const file of ETC_FILES) args.push('--ro-bind-try', file, file);
    for (const dir of pythonFolders(info)) args.push('--ro-bind', dir, dir);
    args.push(
        // POSIX message queues live in the IPC namespace, which outlives tests: mounted, so the worker can remove them.
        '--proc', '/proc', '--dev', '/dev', '--mqueue', '/dev/mqueue',
        '--size', String(limits.tmpBytes), '--tmpfs', '/tmp',
        // bwrap's /dev is a tmpfs of half the RAM that outlives each test: read-only, its devices still work.
        '--remount-ro', '/dev', '--remount-ro', '/',
        '--unshare-all', '--unshare-user', '--disable-userns', '--uid', '65534', '--gid', '65534',
        // The worker is the namespace's init: bwrap's own init, left in there, was a process of the
        // tests' user that a test could ptrace and leave code running in for the tests after it.
        '--as-pid-1',
        '--cap-drop', 'ALL', '--die-with-parent', '--new-session', '--hostname', 'sandbox',
        '--clearenv',
    );
    for (const [k, v] of Object.entries(minimalEnv('/tmp'))) args.push('--setenv', k, v);
    args.push('--chdir', '/tmp', '--');
    return args;
}

export interface SandboxSupport {
    bwrap?: string;
    /** Why the sandbox cannot be used here (undefined when it can). */
    unavailable?: string;
}

const checks = new Map<string, Promise<SandboxSupport>>();

/** Starts `python -I -c pass` inside the sandbox once per interpreter to see whether it works here. */
export function sandboxSupport(info: PythonInfo): Promise<SandboxSupport> {
    const key = `${info.executable}\0${JSON.stringify(process.env[BWRAP_ENV] ?? null)}`;
    let check = checks.get(key);
    if (check) return check;
    check = new Promise((done) => {
        const bwrap = findBwrap();
        if (!bwrap) {
            const why = process.platform !== 'linux' ? `bubblewrap needs Linux (this is ${process.platform})`
                : process.env[BWRAP_ENV] === '' ? `${BWRAP_ENV} is set empty` : 'bubblewrap (bwrap) is not installed';
            done({ unavailable: why });
            return;
        }
        // A command that is not bubblewrap (DELTA_STUDIO_BWRAP) may run Python as a plain process.
        const probe = `import sys\nif not ${IN_NEW_PID_NAMESPACE}:\n    sys.exit(${JSON.stringify(`${bwrap} started Python outside a new PID namespace: is it bubblewrap?`)})`;
        const args = [...bwrapArgs(info, DEFAULT_LIMITS), info.executable, '-I', '-c', probe];
        execFile(bwrap, args, { timeout: 30_000, encoding: 'utf8', env: {} }, (error, _stdout, stderr) => {
            if (error) done({ bwrap, unavailable: `bwrap cannot start a sandbox here: ${stderr.trim().split('\n').slice(-1)[0] || error.message}` });
            else done({ bwrap });
        });
    });
    checks.set(key, check);
    return check;
}
