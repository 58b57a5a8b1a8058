// Every escape from issue 11, tried against the sandbox (docs/sandbox.md). Each program returns the
// right position only when its escape worked, so a pass would mean an escape; where it can, the same
// program is run with the sandbox off to show the attempt is real (it escapes there).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probePython } from '../../language/bouncingsim/python/interpreter.js';
import { closePythonRunners, runProgramChecks, type AssertRun, type PythonRunOptions } from '../../language/bouncingsim/python/runner.js';
import { BWRAP_ENV, findBwrap } from '../../language/bouncingsim/python/sandbox.js';

const ASSERT = 'assert check_distance(predict_position(0.10), [[100.0, 200.0]]) <= 50.0';
/** A program whose predict_position passes only when `escaped()` (defined by `body`) returns True. */
const attempt = (body: string) => `${body}\ndef predict_position(t):\n    return [[100.0, 200.0]] if escaped() else [[9000.0, 9000.0]]\n`;
// The safety filter is a substring test; these spellings get past it (as in the issue).
const OS = `OS = __import__('o' + 's')`;

const SANDBOX: PythonRunOptions = { sandbox: 'require', timeoutMs: 5000 };
const UNSANDBOXED: PythonRunOptions = { sandbox: 'off', timeoutMs: 5000 };

async function one(program: string, options: PythonRunOptions = SANDBOX): Promise<AssertRun> {
    const check = await runProgramChecks(program, [ASSERT], options);
    expect(check.refused).toEqual([]);
    return check.results[0];
}

/** A passing answer that leaves a grandchild `sleep <marker>` behind in a session of its own. */
function orphanProgram(marker: string): string {
    return [
        'import posix',
        'def predict_position(t):',
        '    if posix.fork() == 0:',
        '        posix.setsid()',
        '        if posix.fork() == 0:',
        `            posix.execv('/bin/sleep', ['sleep', '${marker}'])`,
        '        posix._exit(0)',
        '    return [[100.0, 200.0]]',
    ].join('\n');
}

/** Starts three `sleep <marker>` children (each in its own session with `setsid`) at import, then loops forever. */
function loopWithSleepers(marker: string, setsid: boolean): string {
    const child = `${setsid ? '        posix.setsid()\n' : ''}        posix.execv('/bin/sleep', ['sleep', '${marker}'])`;
    return `import posix\nfor _ in range(3):\n    if posix.fork() == 0:\n${child}\ndef predict_position(t):\n    while True:\n        pass\n`;
}

/** The escape failed the way the program intended: its own wrong answer, not a crash. */
/** Runs an attempt with bubblewrap started through a wrapper (DELTA_STUDIO_BWRAP): still sandboxed, still contained. */
async function expectContainedUnder(wrapper: string, program: string): Promise<void> {
    process.env[BWRAP_ENV] = wrapper;
    try {
        const check = await runProgramChecks(program, [ASSERT], SANDBOX);
        expect(check.sandboxed).toBe(true);
        expectContained(check.results[0]);
    } finally {
        delete process.env[BWRAP_ENV];
    }
}

function expectContained(run: AssertRun): void {
    expect(run.passed).toBe(false);
    expect(run.exceptionType).toBe('AssertionError');
    expect(run.distance).toBeGreaterThan(1000);
}

/** Host processes whose command line contains `marker` (the sleepers the programs leave behind). */
function hostProcesses(marker: string): number[] {
    const pids: number[] = [];
    for (const name of readdirSync('/proc')) {
        if (!/^\d+$/.test(name)) continue;
        try {
            if (readFileSync(`/proc/${name}/cmdline`, 'latin1').split('\0').includes(marker)) pids.push(Number(name));
        } catch { /* gone */ }
    }
    return pids;
}

/** Host processes, zombies included, whose name (comm) is `name`. */
function hostTasksNamed(name: string): number[] {
    const pids: number[] = [];
    for (const pid of readdirSync('/proc')) {
        if (!/^\d+$/.test(pid)) continue;
        try {
            if (readFileSync(`/proc/${pid}/stat`, 'latin1').startsWith(`${pid} (${name}) `)) pids.push(Number(pid));
        } catch { /* gone */ }
    }
    return pids;
}

let host: string;
beforeAll(async () => {
    // Start the workers first, so that timings below are the tests' own.
    await runProgramChecks('x = 1', ['assert True'], SANDBOX);
    await runProgramChecks('x = 1', ['assert True'], UNSANDBOXED);
    host = mkdtempSync(join(tmpdir(), 'delta-escape-'));
    writeFileSync(join(host, 'secret.txt'), 'the host secret');
    process.env.DELTA_ESCAPE_SECRET = 'inherited secret';
});
afterAll(() => {
    closePythonRunners();
    rmSync(host, { recursive: true, force: true });
});

describe('the sandbox contains model code', () => {
    it('reports that it is sandboxed', async () => {
        const check = await runProgramChecks(attempt('def escaped():\n    return True'), [ASSERT], SANDBOX);
        expect(check).toMatchObject({ sandboxed: true, isolation: 'sandboxed (bubblewrap)', all_pass: true });
    });

    it('cannot read a file outside its temp folder', async () => {
        const program = attempt(`def escaped():\n    try:\n        return open(${JSON.stringify(join(host, 'secret.txt'))}).read() == 'the host secret'\n    except Exception:\n        return False`);
        expectContained(await one(program));
        expect((await one(program, UNSANDBOXED)).passed).toBe(true);
    });

    // /dev/shm too: bwrap's /dev is a tmpfs of half the RAM that no test's end empties.
    it('cannot write or delete outside its temp folder, but may use its own', async () => {
        const target = join(host, 'written.txt');
        const program = attempt(`${OS}\ndef escaped():\n    done = False\n    for path in (${JSON.stringify(target)}, '/usr/pwned', '/pwned', '/etc/pwned', '/dev/pwned', '/dev/shm/pwned'):\n        try:\n            open(path, 'w').write('x')\n            done = True\n        except Exception:\n            pass\n    try:\n        OS.unlink(${JSON.stringify(join(host, 'secret.txt'))})\n        done = True\n    except Exception:\n        pass\n    return done`);
        expectContained(await one(program));
        expect(existsSync(target)).toBe(false);
        expect(existsSync(join(host, 'secret.txt'))).toBe(true);
        const own = attempt(`def escaped():\n    open('scratch.txt', 'w').write('mine')\n    return open('scratch.txt').read() == 'mine'`);
        expect((await one(own)).passed).toBe(true);
    });

    it('sees only the minimal environment, nothing inherited', async () => {
        const program = `${OS}\ndef predict_position(t):\n    raise RuntimeError(' '.join(sorted(OS.environ)))\n`;
        const run = await one(program);
        expect(run.exceptionType).toBe('RuntimeError');
        // PWD is bwrap's (the sandbox's /tmp), not inherited.
        expect(run.exceptionMessage!.split(' ')).toEqual(['HOME', 'LANG', 'MKL_NUM_THREADS', 'OMP_NUM_THREADS', 'OPENBLAS_NUM_THREADS', 'PATH', 'PWD', 'PYTHONDONTWRITEBYTECODE', 'TMPDIR']);
    });

    describe('network', () => {
        let server: Server;
        let port = 0;
        let connections = 0;
        beforeAll(async () => {
            server = createServer((socket) => { connections++; socket.end('hello'); });
            await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
            port = (server.address() as { port: number }).port;
        });
        afterAll(() => new Promise<void>((done) => server.close(() => done())));

        it('cannot connect to a listener on the host', async () => {
            const program = attempt(`import socket\ndef escaped():\n    try:\n        s = socket.create_connection(('127.0.0.1', ${port}), timeout=1)\n        return s.recv(5) == b'hello'\n    except Exception:\n        return False`);
            expectContained(await one(program));
            expect(connections).toBe(0);
            expect((await one(program, UNSANDBOXED)).passed).toBe(true);
            expect(connections).toBe(1);
        });
    });

    it('runs shell commands (posix.system, os.posix_spawn, ctypes) only inside the sandbox', async () => {
        const marks = ['system', 'spawn', 'ctypes'].map((k) => join(host, `shell-${k}`));
        const sh = (mark: string) => JSON.stringify(`echo pwned > ${mark}`);
        const program = attempt([
            `import posix, ctypes\n${OS}`,
            'def escaped():',
            `    posix.system(${sh(marks[0])})`,
            `    pid = OS.posix_spawn('/bin/sh', ['sh', '-c', ${sh(marks[1])}], {})`,
            '    posix.waitpid(pid, 0)',
            `    ctypes.CDLL(None).system(${sh(marks[2])}.encode())`,
            `    return any(OS.path.exists(m) for m in ${JSON.stringify(marks)})`,
        ].join('\n'));
        expectContained(await one(program));
        for (const mark of marks) expect(existsSync(mark)).toBe(false);
        expect((await one(program, UNSANDBOXED)).passed).toBe(true);
        for (const mark of marks) expect(existsSync(mark)).toBe(true);
    });

    it('leaves no orphan behind once the test ends', async () => {
        const marker = '31.4159';
        const program = orphanProgram(marker);
        const run = await one(program);
        expect(run.passed).toBe(true);
        expect(hostProcesses(marker)).toEqual([]);
    });

    it('answers only once no process of the test is left, not even a dying or unreaped one', async () => {
        // The next test would find them, and count them toward the task limit. Each leftover takes a
        // name (comm, which a zombie keeps) that the host's /proc shows; the test waits until all have.
        const marker = `left-${randomBytes(4).toString('hex')}`;
        const program = [
            'import posix, time',
            'def predict_position(t):',
            '    r, w = posix.pipe()',
            '    for _ in range(24):',
            '        if posix.fork() == 0:',
            '            posix.setsid()',
            "            posix.write(posix.open('/proc/self/comm', posix.O_WRONLY), b'" + marker + "')",
            "            posix.write(w, b'.')",
            '            posix.closerange(0, 1024)',
            '            time.sleep(100)',
            '    posix.close(w)',
            '    while posix.read(r, 64):',
            '        pass',
            '    return [[100.0, 200.0]]',
        ].join('\n');
        for (let round = 0; round < 3; round++) {
            expect((await one(program)).passed).toBe(true);
            expect(hostTasksNamed(marker)).toEqual([]);
        }
    });

    it('bounds a stdout flood by the budget and keeps only an excerpt', async () => {
        const program = 'import sys\ndef predict_position(t):\n    while True:\n        sys.stdout.write("x" * 65536)\n';
        const started = Date.now();
        const run = await one(program, { ...SANDBOX, timeoutMs: 1000 });
        expect(Date.now() - started).toBeLessThan(8000);
        expect(run).toMatchObject({ passed: false, timedOut: true, runtime: -1, error: 'timed out after 1000 ms' });
        expect(run.stdout!.length).toBeLessThan(10_000);
        expect(run.stdout).toMatch(/\[\.\.\. \d+ bytes omitted \.\.\.\]/);
    });

    it('stops a memory bomb with MemoryError', async () => {
        const all = await one('def predict_position(t):\n    x = bytearray(64 * 1024 ** 3)\n    return [[100.0, 200.0]]\n');
        expect(all).toMatchObject({ passed: false, exceptionType: 'MemoryError' });
        // Touching ~0.5 GiB takes seconds on a busy VM: a budget long enough to reach the limit.
        const growing = await one('def predict_position(t):\n    keep = []\n    while True:\n        keep.append(bytearray(50 * 1024 ** 2))\n', { ...SANDBOX, timeoutMs: 20_000 });
        expect(growing, JSON.stringify(growing)).toMatchObject({ passed: false, exceptionType: 'MemoryError' });
    });

    it('bounds a fork bomb and removes every process it started', async () => {
        const marker = '27.1828';
        const program = `import posix\ndef predict_position(t):\n    while True:\n        if posix.fork() == 0:\n            posix.execv('/bin/sleep', ['sleep', '${marker}'])\n`;
        const started = Date.now();
        const run = await one(program, { ...SANDBOX, timeoutMs: 3000 });
        expect(run.passed).toBe(false);
        expect(run.error, JSON.stringify(run)).toMatch(/too many processes|BlockingIOError|Resource temporarily unavailable/);
        expect(Date.now() - started).toBeLessThan(3000);
        expect(hostProcesses(marker)).toEqual([]);
        const exponential = await one('import posix\ndef predict_position(t):\n    while True:\n        posix.fork()\n', { ...SANDBOX, timeoutMs: 3000 });
        expect(exponential.passed, JSON.stringify(exponential)).toBe(false);
        // The worker is still healthy afterwards.
        const after = await one(attempt('def escaped():\n    return True'));
        expect(after.passed, JSON.stringify(after)).toBe(true);
    });

    it('cannot leave SysV shared memory, queues or semaphores or POSIX message queues to the tests after it, nor hold more shared memory than the memory limit', async () => {
        // The sandbox's IPC namespace lives as long as its worker; SysV segments are outside RLIMIT_AS.
        const libc = 'import ctypes\nlibc = ctypes.CDLL(None, use_errno=True)\nlibc.shmat.restype = ctypes.c_void_p';
        // Each test creates the same key exclusively: it exists already only if an earlier test's is left.
        // So does a POSIX message queue of the same name. One kind per program: the worker lists
        // SysV objects to remove only when the kernel counts some (of any kind).
        const creates = {
            shm: 'libc.shmget(0xde17a, 4096, 0o3600)', // IPC_CREAT | IPC_EXCL
            msg: 'libc.msgget(0xde17b, 0o3600)',
            sem: 'libc.semget(0xde17c, 1, 0o3600)',
            mq: "rt.mq_open(b'/delta-escape', 0o302, 0o600, None)", // O_CREAT | O_EXCL | O_RDWR
        };
        for (const create of Object.values(creates)) {
            const left = attempt(`${libc}\nrt = ctypes.CDLL('librt.so.1', use_errno=True)\ndef escaped():\n    return ${create} < 0`);
            const runs = await runProgramChecks(left, Array(6).fill(ASSERT), SANDBOX);
            for (const run of runs.results) expectContained(run);
        }
        const bomb = [libc, 'def predict_position(t):', '    for _ in range(16):',
            '        addr = libc.shmat(libc.shmget(0, 64 << 20, 0o1600), None, 0)', '        ctypes.memset(addr, 1, 64 << 20)',
            '        libc.shmdt(ctypes.c_void_p(addr))', '    return [[100.0, 200.0]]'].join('\n');
        expect(await one(bomb, { ...SANDBOX, timeoutMs: 20_000 })).toMatchObject({ passed: false, error: 'killed: it held too much shared memory' });
    });

    it("cannot read the kernel keyring of the session that started it", async () => {
        // bwrap keeps the session keyring it was started with (a login's Kerberos tickets, say).
        // DELTA_STUDIO_BWRAP names a wrapper that starts bwrap from a session keyring holding a key.
        const bwrap = findBwrap()!;
        const { executable } = await probePython('python3');
        const [keyctl, addKey] = process.arch === 'arm64' ? [219, 217] : [250, 248];
        const wrapper = join(host, 'bwrap-in-a-keyring-session');
        writeFileSync(wrapper, [`#!${executable}`, 'import ctypes, os, sys', 'libc = ctypes.CDLL(None, use_errno=True)',
            `assert libc.syscall(${keyctl}, 1, b"delta-escape-session") >= 0  # KEYCTL_JOIN_SESSION_KEYRING`,
            `assert libc.syscall(${addKey}, b"user", b"delta-escape-key", b"the host key", 12, -3) >= 0  # into the session keyring`,
            `os.execv(${JSON.stringify(bwrap)}, [${JSON.stringify(bwrap)}] + sys.argv[1:])`].join('\n'), { mode: 0o755 });
        const program = attempt([
            'import ctypes', 'libc = ctypes.CDLL(None, use_errno=True)', 'def escaped():',
            '    buf = ctypes.create_string_buffer(4096)',
            `    n = libc.syscall(${keyctl}, 11, -3, buf, 4096)  # KEYCTL_READ: the session keyring's key ids`,
            "    for key in [int.from_bytes(buf.raw[i:i + 4], 'little') for i in range(0, max(n, 0), 4)]:",
            `        if libc.syscall(${keyctl}, 11, key, buf, 4096) == 12 and buf.raw[:12] == b'the host key':`,
            '            return True', '    return False'].join('\n'));
        await expectContainedUnder(wrapper, program);
    });

    it('runs where a seccomp filter refuses keyctl (Podman, Flatpak): its tests cannot reach a keyring either', async () => {
        // A wrapper installs a filter that fails keyctl with EPERM, then starts bwrap under it.
        const bwrap = findBwrap()!;
        const { executable } = await probePython('python3');
        const keyctl = process.arch === 'arm64' ? 219 : 250;
        const wrapper = join(host, 'bwrap-without-keyctl');
        writeFileSync(wrapper, [`#!${executable}`, 'import ctypes, os, sys', 'libc = ctypes.CDLL(None, use_errno=True)',
            'class Op(ctypes.Structure):', '    _fields_ = [("code", ctypes.c_ushort), ("jt", ctypes.c_ubyte), ("jf", ctypes.c_ubyte), ("k", ctypes.c_uint)]',
            'class Prog(ctypes.Structure):', '    _fields_ = [("len", ctypes.c_ushort), ("ops", ctypes.POINTER(Op))]',
            `ops = (Op * 4)(Op(0x20, 0, 0, 0), Op(0x15, 0, 1, ${keyctl}), Op(0x06, 0, 0, 0x00050001), Op(0x06, 0, 0, 0x7fff0000))  # nr == keyctl ? EPERM : allow`,
            'prog = Prog(4, ops)', 'assert libc.prctl(38, 1, 0, 0, 0) == 0  # PR_SET_NO_NEW_PRIVS',
            'assert libc.prctl(22, 2, ctypes.byref(prog), 0, 0) == 0  # PR_SET_SECCOMP, SECCOMP_MODE_FILTER',
            `os.execv(${JSON.stringify(bwrap)}, [${JSON.stringify(bwrap)}] + sys.argv[1:])`].join('\n'), { mode: 0o755 });
        const program = attempt(`import ctypes\nlibc = ctypes.CDLL(None, use_errno=True)\ndef escaped():\n    return libc.syscall(${keyctl}, 0, -3, 0) >= 0  # KEYCTL_GET_KEYRING_ID of the session keyring`);
        await expectContainedUnder(wrapper, program);
    });

    it("cannot read a project folder that the interpreter's import path names (an editable install)", async () => {
        // Outside /tmp, whose binds the sandbox's own /tmp would hide.
        const outside = mkdtempSync(join(process.cwd(), '.escape-'));
        try {
            const project = join(outside, 'project');
            mkdirSync(project);
            writeFileSync(join(project, '.env'), 'API_KEY=the host secret');
            const venv = join(outside, 'venv');
            const made = spawnSync('python3', ['-I', '-m', 'venv', '--without-pip', venv], { encoding: 'utf8' });
            expect(made.status, made.stderr).toBe(0);
            const site = spawnSync(join(venv, 'bin', 'python'), ['-I', '-c', 'import site; print(site.getsitepackages()[0])'], { encoding: 'utf8' }).stdout.trim();
            writeFileSync(join(site, 'project.pth'), `${project}\n`);
            const program = attempt(`def escaped():\n    try:\n        return open(${JSON.stringify(join(project, '.env'))}).read() == 'API_KEY=the host secret'\n    except Exception:\n        return False`);
            const check = await runProgramChecks(program, [ASSERT], { ...SANDBOX, python: join(venv, 'bin', 'python') });
            expect(check.sandboxed).toBe(true);
            expectContained(check.results[0]);
        } finally {
            rmSync(outside, { recursive: true, force: true });
        }
    });

    it('bounds a thread bomb like a fork bomb', async () => {
        // As root the kernel applies no RLIMIT_NPROC: threads count toward the sandbox's task limit.
        const program = "import _thread, time\ndef predict_position(t):\n    _thread.stack_size(65536)\n    for _ in range(200):\n        _thread.start_new_thread(time.sleep, (100,))\n    return [[100.0, 200.0]]\n";
        const run = await one(program, { ...SANDBOX, timeoutMs: 5000 });
        expect(run.passed).toBe(false);
        expect(run.error, JSON.stringify(run)).toMatch(/too many processes or threads|can't start new thread/);
        const after = await one(attempt('def escaped():\n    return True'));
        expect(after.passed, JSON.stringify(after)).toBe(true);
    });

    it('empties its folder, and the /tmp around it, of whatever a test leaves (unreadable folders, trees deeper than a path) before the next test', async () => {
        // Each test passes only if it starts in an empty folder, then leaves both kinds behind.
        const program = [
            'import posix',
            "clean = posix.listdir('/tmp') == ['test'] and posix.listdir('.') == []",
            "posix.mkdir('locked')", "posix.mkdir('locked/inside')", "posix.chmod('locked', 0)",
            'for _ in range(3000):', "    posix.mkdir('d')", "    posix.chdir('d')",
            'def predict_position(t):', '    return [[100.0, 200.0]] if clean else [[9000.0, 9000.0]]',
        ].join('\n');
        const check = await runProgramChecks(program, Array(6).fill(ASSERT), SANDBOX);
        expect(check.results.map((r) => r.error ?? 'passed')).toEqual(Array(6).fill('passed'));
        // A file beside its own folder, which it leaves empty.
        const beside = "import posix\nclean = posix.listdir('/tmp') == ['test']\nposix.close(posix.open('/tmp/beside', posix.O_CREAT | posix.O_WRONLY))\ndef predict_position(t):\n    return [[100.0, 200.0]] if clean else [[9000.0, 9000.0]]\n";
        const besideCheck = await runProgramChecks(beside, Array(6).fill(ASSERT), SANDBOX);
        expect(besideCheck.results.map((r) => r.error ?? 'passed')).toEqual(Array(6).fill('passed'));
        // A folder it cannot empty (/tmp itself made unreadable): the worker retires after the reply.
        const locked = "import posix\nclean = posix.listdir('/tmp') == ['test']\nposix.chmod('/tmp', 0)\ndef predict_position(t):\n    return [[100.0, 200.0]] if clean else [[9000.0, 9000.0]]\n";
        const after = await runProgramChecks(locked, Array(6).fill(ASSERT), SANDBOX);
        expect(after.results.map((r) => r.error ?? 'passed')).toEqual(Array(6).fill('passed'));
    });

    it('refuses a DELTA_STUDIO_BWRAP that starts Python outside a sandbox, instead of calling that sandboxed', async () => {
        const fake = join(host, 'not-bwrap');
        writeFileSync(fake, '#!/bin/sh\n# drops the options, runs the command as a plain process\nwhile [ "$#" -gt 0 ] && [ "$1" != "--" ]; do shift; done\nshift\nexec "$@"\n', { mode: 0o755 });
        process.env[BWRAP_ENV] = fake;
        try {
            const program = attempt(`def escaped():\n    try:\n        return open(${JSON.stringify(join(host, 'secret.txt'))}).read() == 'the host secret'\n    except Exception:\n        return False`);
            await expect(runProgramChecks(program, [ASSERT], SANDBOX)).rejects.toThrow(`the sandbox for model code is unavailable: bwrap cannot start a sandbox here: ${fake} started Python outside a new PID namespace: is it bubblewrap?`);
        } finally {
            delete process.env[BWRAP_ENV];
        }
    });

    it('cannot kill, stop or interrupt its worker, the init of its sandbox', async () => {
        // The kernel keeps signals from init unless it handles them; it ignores SIGINT, its tests get Python's handler.
        for (const sig of ['SIGKILL', 'SIGSTOP', 'SIGINT', 'SIGTERM']) {
            const run = await one(`import posix, signal\ndef predict_position(t):\n    posix.kill(posix.getppid(), signal.${sig})\n    posix.kill(1, signal.${sig})\n    return [[100.0, 200.0]]\n`, { ...SANDBOX, timeoutMs: 1000 });
            expect(run.passed, `${sig}: ${JSON.stringify(run)}`).toBe(true);
        }
        const interrupted = await one('import posix, signal\ndef predict_position(t):\n    posix.kill(posix.getpid(), signal.SIGINT)\n    return [[100.0, 200.0]]\n');
        expect(interrupted).toMatchObject({ passed: false, exceptionType: 'KeyboardInterrupt' });
    });

    it("cannot reach into its worker or its sandbox's init (pidfd_getfd, ptrace, memory) to act on later tests", async () => {
        // The test runs as their user: only their being non-dumpable keeps these out. bwrap's own init
        // (pid 1) was not, and outlives tests: the worker is now init (--as-pid-1).
        const program = attempt([
            'import ctypes, posix',
            'libc = ctypes.CDLL(None, use_errno=True)',
            'def reached(pid):',
            '    pidfd = libc.syscall(434, pid, 0)  # pidfd_open',
            '    if pidfd >= 0 and libc.syscall(438, pidfd, 0, 0) >= 0:  # pidfd_getfd: the request channel',
            '        return True',
            '    try:',
            "        open('/proc/%d/mem' % pid, 'rb')",
            '        return True',
            '    except OSError:',
            '        pass',
            '    return libc.ptrace(16, pid, 0, 0) == 0  # PTRACE_ATTACH',
            'def escaped():',
            '    return reached(posix.getppid()) or reached(1)',
        ].join('\n'));
        expectContained(await one(program));
    });

    it('cannot end Node with a verdict it writes itself: not JSON Node reads, the wrong shape, or without end', async () => {
        // What a test writes on its verdict pipe ends in Node; NaN there once threw out of a stream handler.
        const forge = (payload: string) => `import posix\ndef predict_position(t):\n    posix.write(3, ${payload})\n    posix._exit(0)\n`;
        for (const payload of ["b'{\"passed\": true, \"runtime\": NaN}'", "b'{\"passed\": true, \"runtime\": 1e999}'", "b'[1, 2]'"]) {
            const run = await one(forge(payload));
            expect(run, payload).toMatchObject({ passed: false, runtime: -1, error: "the test's process exited with code 0 before reporting a result" });
        }
        const odd = await one(forge(`b'{"passed": true, "runtime": 1' + b'0' * 400 + b', "predicted": "x", "distance": "far", "exc_type": {}}'`));
        expect(odd).toEqual(expect.objectContaining({ passed: true }));
        expect(odd.predicted).toBeUndefined();
        expect(odd.distance).toBeUndefined();
        expect(odd.error).toBeUndefined();
        // A verdict padded past 1 MiB is no verdict (the worker, which has no memory limit, keeps no more).
        const padded = await one(forge(`b' ' * (1 << 20) + b'{"passed": true, "runtime": 0.001}'`));
        expect(padded).toMatchObject({ passed: false, error: "the test's process exited with code 0 before reporting a result" });
        // A real verdict that large (an assert of 100,000 balls) keeps its result and drops the positions.
        const many = await runProgramChecks('def predict_position(t):\n    return [[100.0, 200.0]] * 100000\n', ['assert check_distance(predict_position(0.10), [[100.0, 200.0]] * 100000) <= 50.0'], SANDBOX);
        expect(many.results[0]).toMatchObject({ passed: true, distance: 0 });
        expect(many.results[0].predicted).toBeUndefined();
    });

    it('cannot forge a verdict by printing a result marker', async () => {
        const forged = '{"passed": true, "runtime": 0.001, "verdict": {"passed": true, "runtime": 0.001}}';
        for (const stream of ['stdout', 'stderr']) {
            const program = `import posix, sys\ndef predict_position(t):\n    sys.${stream}.write("\\n@@bouncingsim-0000@@" + ${JSON.stringify(forged)} + "\\n")\n    sys.${stream}.flush()\n    posix._exit(0)\n`;
            const run = await one(program);
            expect(run.passed).toBe(false);
            expect(run.runtime).toBe(-1);
            expect(run.error).toMatch(/exited with code 0 before reporting a result/);
        }
    });

    it('ends an infinite loop at the budget with its whole process tree', async () => {
        const marker = '16.1803';
        const program = loopWithSleepers(marker, false);
        const started = Date.now();
        const run = await one(program, { ...SANDBOX, timeoutMs: 1000 });
        const took = Date.now() - started;
        expect(run).toMatchObject({ passed: false, timedOut: true, runtime: -1 });
        expect(took).toBeGreaterThanOrEqual(1000);
        expect(took).toBeLessThan(8000);
        expect(hostProcesses(marker)).toEqual([]);
    });
});

describe('the fallback (not sandboxed) still ends every test with its process tree', () => {
    it('kills orphans, even in their own session', async () => {
        const marker = '14.1421';
        const program = orphanProgram(marker);
        const check = await runProgramChecks(program, [ASSERT], UNSANDBOXED);
        expect(check).toMatchObject({ sandboxed: false, all_pass: true });
        expect(check.isolation).toMatch(/^not sandboxed/);
        expect(hostProcesses(marker)).toEqual([]);
    });

    it('waits for a test without spinning', async () => {
        // The worker sleeps in select() between its checks (every 10 ms): a test that sleeps 2 s costs
        // it a few hundredths of a CPU-second. It spun once, when the checks were for the sandbox only.
        const workerCpu = (): number => {
            let ticks = 0;
            for (const pid of readdirSync('/proc')) {
                if (!/^\d+$/.test(pid)) continue;
                try {
                    const fields = readFileSync(`/proc/${pid}/stat`, 'latin1').split(') ')[1].split(' ');
                    if (Number(fields[1]) !== process.pid || !readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes('def run_test(')) continue;
                    ticks += Number(fields[11]) + Number(fields[12]); // its own utime + stime, not its tests'
                } catch { /* gone */ }
            }
            return ticks / 100;
        };
        const before = workerCpu();
        const run = await one('import time\ndef predict_position(t):\n    time.sleep(2)\n    return [[100.0, 200.0]]\n', UNSANDBOXED);
        expect(run.passed).toBe(true);
        expect(workerCpu() - before).toBeLessThan(0.2);
    });

    it('ends an infinite loop at the budget with its children', async () => {
        const marker = '17.3205';
        const program = loopWithSleepers(marker, true);
        const run = await one(program, { ...UNSANDBOXED, timeoutMs: 1000 });
        expect(run).toMatchObject({ passed: false, timedOut: true, runtime: -1 });
        expect(hostProcesses(marker)).toEqual([]);
    });
});

describe('a trivial correct answer on a busy machine', () => {
    let burners: ChildProcess[] = [];
    beforeAll(() => {
        burners = [0, 1].map(() => spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
    });
    afterAll(() => { for (const b of burners) b.kill('SIGKILL'); });

    it('passes 15/15 in 20 consecutive runs at the reference 1 s budget', async () => {
        const asserts = Array.from({ length: 15 }, (_, k) => `assert check_distance(predict_position(${((k + 1) / 10).toFixed(2)}), [[${100 + k}.0, 200.0]]) <= 50.0`);
        const program = 'def predict_position(t):\n    return [[round(99 + 10 * t, 2), 200.0]]\n';
        for (let run = 0; run < 20; run++) {
            const check = await runProgramChecks(program, asserts, { sandbox: 'require' });
            expect(check.results.filter((r) => !r.passed).map((r) => r.error)).toEqual([]);
            expect(check.passed).toBe(15);
        }
    });
});
