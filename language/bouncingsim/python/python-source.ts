// The Python that runs model answers (docs/sandbox.md). One definition of a test's semantics
// (`run_test`: guard, program, assert, like the reference verifier, docs/bouncingsim-python.md),
// used by the warm worker (WORKER_SOURCE) and by the one-process-per-assert baseline that
// `npm run bench` compares against (ONE_SHOT_SOURCE).

/** `check_distance` as the verifier injects it, plus a record of what the program predicted (read without running any of its code). */
const RUN_TEST = String.raw`
import builtins, json, math, sys, time
# The verifier's own module imports multiprocessing, so its tests find it loaded; imported after
# the guard it fails (multiprocessing.process calls os.getcwd at import), and so would
# __import__("multi" "processing") or ProcessPoolExecutor, which pass the substring filter.
import multiprocessing

_dumps = json.dumps
_now = time.time

def _plain(x):
    # A plain int or float as a finite float, else None. Nothing of the program's runs here (no
    # __float__, no __eq__ of a metaclass): the reference never calls it, and a verdict must not
    # depend on it.
    t = type(x)
    if t is float or t is int:
        try:
            x = float(x)
        except OverflowError:
            return None
        return x if math.isfinite(x) else None
    return None

def _plain_points(pred):
    # Read only from plain lists and tuples, whose len, iteration and indexing run no program code.
    if type(pred) is not list and type(pred) is not tuple:
        return None
    points = []
    for p in pred:
        if (type(p) is not list and type(p) is not tuple) or len(p) < 2:
            return None
        points.append([_plain(p[0]), _plain(p[1])])
    return points

def _guard():
    # The verifier's reliability guard, name for name: a courtesy that decides verdicts (exit()
    # fails a test, os.getcwd() and import resource fail, os.kill works), not the isolation (that is
    # the sandbox around this process). Set even where os lacks the name (lchmod), as it does.
    import os, shutil, subprocess
    builtins.exit = builtins.quit = None
    for name in ("system", "putenv", "remove", "removedirs", "rmdir", "fchdir", "setuid", "forkpty",
                 "killpg", "rename", "renames", "truncate", "replace", "unlink", "fchmod", "fchown",
                 "chmod", "chown", "chroot", "lchflags", "lchmod", "lchown", "getcwd", "chdir"):
        setattr(os, name, None)
    shutil.rmtree = shutil.move = shutil.chown = None
    subprocess.Popen = None
    for name in ("ipdb", "joblib", "resource", "psutil", "tkinter"):
        sys.modules[name] = None

def run_test(program, assertion, limit=2000):
    # program: its text, or the code object compile(program, "<string>", "exec") made of it.
    record = {}

    def check_distance(pred, truth):
        # The verifier's metric, step for step: a prediction's points may be objects of the
        # program's, so which of their methods run, in which order, decides verdicts (truth_x -
        # pred_x runs pred_x.__rsub__, not __sub__; "not pred" runs __bool__).
        if not pred or not truth:
            raise TypeError("Input lists must be lists")
        if len(pred) != len(truth):
            raise ValueError("Lists must have same length: {} vs {}".format(len(pred), len(truth)))
        points = _plain_points(pred)
        if points is not None:
            record["predicted"] = points
        total = 0.0
        for i, (p, g) in enumerate(zip(pred, truth)):
            try:
                px, py = p[0], p[1]
                gx, gy = g[0], g[1]
                total += math.sqrt((gx - px) ** 2 + (gy - py) ** 2)
            except (IndexError, TypeError) as error:
                raise ValueError("Invalid coordinates at index {}: {}, {}".format(i, p, g)) from error
        distance = round(total / len(pred), 3)
        if type(distance) is float or type(distance) is int:
            record["distance"] = _plain(distance)
        return distance

    result = {"passed": False, "runtime": -1.0, "phase": "program"}
    namespace = {"check_distance": check_distance}
    try:
        _guard()
        exec(program, namespace)
        result["phase"] = "assert"
        start = _now()
        exec(assertion, namespace)
        result["runtime"] = _now() - start
        result["passed"] = True
    except BaseException as error:
        try:
            kind = type(error).__name__
            text = str(error)
        except BaseException:
            kind, text = "Exception", "(unprintable exception)"
        result["exc_type"] = kind[:200]
        result["exc_message"] = text[:limit]
    result.update(record)
    return result
`;

/**
 * Python's test that bwrap started it (with `--as-pid-1`) as init of a new PID namespace. A command
 * named by DELTA_STUDIO_BWRAP that is not bubblewrap would run it as a plain process.
 */
export const IN_NEW_PID_NAMESPACE = '__import__("os").getpid() == 1';

/**
 * The warm worker. It reads requests (4-byte length + JSON) on fd 0 and answers on fd 3, a pipe
 * only it holds. Per test it forks a child that closes both, sets its rlimits and runs `run_test`
 * with stdout/stderr on pipes the worker drains (kept as excerpts, never parsed) and the verdict
 * on a third pipe. At the child's exit or the deadline the worker kills every other process in
 * the sandbox's PID namespace (or the child's process group when not sandboxed) and wipes the
 * writable folder, so nothing from one test reaches the next.
 */
const WORKER = String.raw`
# Nothing else is imported ahead (multiprocessing above is in the verifier's process too): a module
# already loaded here would import fine after the guard in the test, where the reference fails it
# (numpy's import calls the disabled os.putenv).
import os, resource, select, signal, shutil, struct, subprocess, warnings, _signal
from stat import S_ISDIR

CONF = json.loads(sys.argv[1])
SANDBOXED = CONF["sandboxed"] and ${IN_NEW_PID_NAMESPACE}
if CONF["sandboxed"] and not SANDBOXED:
    sys.stderr.write("the sandbox did not start: no new PID namespace\n")
    sys.exit(3)
ROOT = CONF["root"]
WORK = os.path.join(ROOT, "test")  # each test's working folder, made before it and removed after
KEEP = CONF["keep"]
MAX_PROCS = CONF["maxProcs"]
LIMITS = CONF["limits"]
VERDICT_BYTES = CONF["verdictBytes"]

PAGE_BYTES = resource.getpagesize()

def _vm_bytes():
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[0]) * PAGE_BYTES
    except (OSError, ValueError):
        return 0

# The address-space limit is on top of what the warm worker (and numpy) already maps.
BASE_VM = _vm_bytes()

def _rlimits(timeout):
    # Worked out before the fork: the less the test's process runs of this worker's code, the fewer
    # of the pages it shares with the worker it writes to, and copies.
    cpu = int(math.ceil(timeout)) + 1
    out = [("RLIMIT_CPU", cpu, cpu + 1), ("RLIMIT_FSIZE", LIMITS["fileBytes"], LIMITS["fileBytes"]),
           ("RLIMIT_CORE", 0, 0), ("RLIMIT_NPROC", LIMITS["processes"], LIMITS["processes"]),
           ("RLIMIT_NOFILE", LIMITS["openFiles"], LIMITS["openFiles"])]
    if LIMITS["memoryBytes"] > 0:
        out.append(("RLIMIT_AS", BASE_VM + LIMITS["memoryBytes"], BASE_VM + LIMITS["memoryBytes"]))
    return [(getattr(resource, name, None), (soft, hard)) for name, soft, hard in out]

def _read_exact(n):
    buf = b""
    while len(buf) < n:
        chunk = os.read(0, n - len(buf))
        if not chunk:
            os._exit(0)
        buf += chunk
    return buf

def _send(obj):
    data = _dumps(obj).encode()
    data = struct.pack(">I", len(data)) + data
    while data:
        data = data[os.write(3, data):]

class Capture:
    def __init__(self):
        self.head = bytearray()
        self.tail = bytearray()
        self.total = 0
    def add(self, chunk):
        self.total += len(chunk)
        room = KEEP - len(self.head)
        if room > 0:
            self.head += chunk[:room]
            chunk = chunk[room:]
        if chunk:
            self.tail = (self.tail + chunk)[-KEEP:]
    def text(self):
        omitted = self.total - len(self.head) - len(self.tail)
        middle = ("\n[... %d bytes omitted ...]\n" % omitted).encode() if omitted > 0 else b""
        return (bytes(self.head) + middle + bytes(self.tail)).decode("utf-8", "replace")

class Verdict:
    # What the test writes on its verdict pipe, kept up to VERDICT_BYTES (the test could write
    # without end, and this worker has no memory limit); drained to the end all the same.
    def __init__(self):
        self.data = bytearray()
        self.over = False
    def add(self, chunk):
        if len(self.data) + len(chunk) > VERDICT_BYTES:
            self.over = True
        else:
            self.data += chunk

def _not_json(text):
    raise ValueError(text)

def _finite_float(text):
    x = float(text)
    if not math.isfinite(x):
        raise ValueError(text)
    return x

def _verdict(sink):
    # Only a JSON object of finite numbers: NaN or 1e999 would reach Node as JSON it cannot parse.
    if sink.over or not sink.data:
        return None
    try:
        v = json.loads(sink.data.decode("utf-8"), parse_constant=_not_json, parse_float=_finite_float)
    except Exception:
        return None
    return v if isinstance(v, dict) else None

def _read_int(path):
    try:
        fd = os.open(path, os.O_RDONLY)
        try:
            return int(os.read(fd, 64))
        finally:
            os.close(fd)
    except (OSError, ValueError):
        return None

def _procs(test):
    # Tasks, threads included: as root the kernel applies no RLIMIT_NPROC, and 31 processes of ~900
    # threads each, in each worker, would use up the host's PIDs (pid_max is often 32768).
    # Every task takes the namespace's next pid: while the last one handed out (ns_last_pid) is the
    # test's own, the namespace holds this worker and the test's one thread, and /proc is not listed.
    if _read_int("/proc/sys/kernel/ns_last_pid") == test:
        return 2
    try:
        pids = [d for d in os.listdir("/proc") if d.isdigit()]
    except OSError:
        return 0
    count = 0
    for d in pids:
        try:
            count += len(os.listdir("/proc/%s/task" % d))
        except OSError:
            pass  # gone meanwhile
    return count

def _sysv_ids(kind):
    # The id of each SysV IPC object of this kind in this sandbox's IPC namespace.
    out = []
    try:
        with open("/proc/sysvipc/" + kind) as f:
            for row in f.readlines()[1:]:
                cols = row.split()
                if len(cols) > 1:
                    out.append(int(cols[1]))
    except (OSError, ValueError):
        pass
    return out

def _shm_bytes():
    # Resident bytes of all the namespace's SysV segments together: shmctl SHM_INFO's shm_rss (pages).
    _, shmctl, _, _, _, _, info = NATIVE
    return struct.unpack_from("@iLL", info)[2] * PAGE_BYTES if shmctl(0, 14, info) >= 0 else 0

def _sysv_used():
    # Whether this IPC namespace holds any SysV object, as the kernel counts them (shmctl SHM_INFO,
    # msgctl MSG_INFO, semctl SEM_INFO): cheaper than listing /proc/sysvipc, which was most of a
    # short test's clean-up. A call that fails counts as "holds some".
    _, shmctl, msgctl, semctl, _, _, info = NATIVE
    return not (shmctl(0, 14, info) >= 0 and struct.unpack_from("@i", info)[0] == 0  # used_ids
                and msgctl(0, 12, info) >= 0 and struct.unpack_from("@i", info)[0] == 0  # msgpool
                and semctl(0, 0, 19, info) >= 0 and struct.unpack_from("@8i", info)[7] == 0)  # semusz

def _sysv_clear():
    # The IPC namespace outlives tests: SysV shared memory, queues and semaphores and POSIX message
    # queues a test created would keep their memory (SysV's outside any rlimit) and reach the next
    # test. Sandboxed only: not sandboxed, these are the user's own.
    if not SANDBOXED or NATIVE is None:
        return
    _, shmctl, msgctl, semctl, _, _, _ = NATIVE
    if _sysv_used():
        for ident in _sysv_ids("shm"):
            shmctl(ident, 0, None)  # IPC_RMID
        for ident in _sysv_ids("msg"):
            msgctl(ident, 0, None)
        for ident in _sysv_ids("sem"):
            semctl(ident, 0, 0)
    try:
        queues = os.listdir("/dev/mqueue")
    except OSError:
        queues = []
    for name in queues:
        try:
            os.unlink("/dev/mqueue/" + name)
        except OSError:
            pass

def _native():
    # prctl and the SysV IPC calls through ctypes, which is dropped again so that tests import it
    # as they would (the functions kept here still work).
    fns = None
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            libc = ctypes.CDLL(None, use_errno=True)
            # The last: room for what shmctl SHM_INFO, msgctl MSG_INFO and semctl SEM_INFO write.
            fns = (libc.prctl, libc.shmctl, libc.msgctl, libc.semctl, libc.syscall, ctypes.get_errno, ctypes.create_string_buffer(256))
        except Exception:
            pass
    for name in [m for m in sys.modules if m == "ctypes" or m.startswith("ctypes.")]:
        del sys.modules[name]
    return fns

NATIVE = _native()

def _prctl(option, arg):
    return NATIVE is not None and NATIVE[0](option, arg, 0, 0, 0) == 0

# Not dumpable (PR_SET_DUMPABLE 0): a test runs as the same user as this worker, and could otherwise
# ptrace it, write its memory or take its reply channel with pidfd_getfd, and answer for the tests
# (of other answers) that come after its own. Not sandboxed, on Linux, also a child subreaper (36):
# orphans of a test are re-parented to this worker (not to init), so _kill_tree can find them.
SEALED = _prctl(4, 0)
REAPER = not SANDBOXED and _prctl(36, 1)

# keyctl's number: the kernel keyring has no namespace of its own, and bwrap keeps the session
# keyring of whoever started Node (Kerberos tickets, say), whose keys a test could read.
KEYCTL = {"x86_64": 250, "aarch64": 219, "riscv64": 219, "ppc64le": 271, "ppc64": 271, "s390x": 280, "i686": 288, "armv7l": 311}

def _new_keyring():
    # In a new, anonymous session keyring (KEYCTL_JOIN_SESSION_KEYRING), or keyctl refused outright
    # (EPERM, ENOSYS: a seccomp filter such as Podman's or Flatpak's, which the tests inherit: no
    # keyring is within their reach either).
    number = KEYCTL.get(os.uname().machine)
    if NATIVE is None or number is None:
        return False
    return NATIVE[4](number, 1, None) >= 0 or NATIVE[5]() in (1, 38)

if SANDBOXED and not (SEALED and _new_keyring()):
    sys.stderr.write("cannot seal the worker from its tests (prctl PR_SET_DUMPABLE or a new session keyring through ctypes failed)\n")
    sys.exit(3)

def _children():
    me = os.getpid()
    # The kernel's list of this worker's children (its one thread's, which are all of them), else
    # every process's parent, read from /proc/PID/stat one by one (the host's hundreds, per test).
    try:
        fd = os.open("/proc/%d/task/%d/children" % (me, me), os.O_RDONLY)
        try:
            data = b""
            while True:
                chunk = os.read(fd, 65536)
                if not chunk:
                    return [int(p) for p in data.split()]
                data += chunk
        finally:
            os.close(fd)
    except (OSError, ValueError):
        pass
    kids = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open("/proc/%s/stat" % d, "rb") as f:
                    data = f.read()
                if int(data[data.rindex(b")") + 2:].split()[1]) == me:
                    kids.append(int(d))
            except (OSError, ValueError, IndexError):
                pass
    return kids

def _kill_tree(pid):
    if SANDBOXED:
        # Every process of this PID namespace except its init and this worker.
        try:
            os.kill(-1, signal.SIGKILL)
        except OSError:
            pass
        return
    try:
        os.killpg(pid, signal.SIGKILL)
    except OSError:
        pass
    if not REAPER:
        return
    # Kill this worker's children until none is left: each one's own children come here next.
    for _ in range(1000):
        kids = _children()
        if not kids:
            return
        for kid in kids:
            try:
                os.kill(kid, signal.SIGKILL)
            except OSError:
                pass
        for kid in kids:
            try:
                os.waitpid(kid, 0)
            except ChildProcessError:
                pass

def _reap(pid):
    # Reaps every child that has ended: the test's process and the orphans that come to this worker
    # (init of the sandbox's PID namespace, or subreaper when not sandboxed). The test's status
    # when it was among them.
    status = None
    while True:
        try:
            done, st = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return status
        if done == 0:
            return status
        if done == pid:
            status = st

def _settle():
    # Killed processes leave the namespace once reaped; on a busy machine dying takes a while, and
    # the next test would find this test's leftovers (its task count, its processes in /proc).
    # kill(-1) fails with ESRCH only when no other process is left, dying or unreaped ones included.
    for _ in range(1000):
        _reap(None)
        try:
            os.kill(-1, signal.SIGKILL)
        except ProcessLookupError:
            return
        except OSError:
            pass
        time.sleep(0.005)

# While a test runs, how often the worker counts the sandbox's tasks and SysV memory: a fork bomb is
# stopped within this much of its start. Most tests end sooner and are never counted (counting at
# each of their outputs cost more than a tenth of them); whatever they started dies with them.
CHECK_SECONDS = 0.01

WIPE_SECONDS = 2.0  # then the worker retires instead (Node waits 5 s past the budget for a reply)

def _wipe():
    # Empties ROOT whatever the test left there: folders it made unreadable (chmod 0) and trees
    # deeper than any path length or recursion limit (shutil.rmtree gave up on the first and crashed
    # this worker on the second). Walks down with chdir, each folder's permissions given back before
    # it is read, and checks each step against the folder it stat'ed, so nothing swapped in by a
    # process (not sandboxed) leads it out of ROOT. False when something is left: the worker then
    # retires, and its replacement starts with an empty folder.
    try:
        os.rmdir(WORK)  # what most tests leave: their folder, empty
        if not os.listdir(ROOT):
            return True
    except OSError:
        pass
    path = []  # (dev, inode) of each folder from ROOT down to the current one
    try:
        os.chdir(ROOT)
        here = os.stat(".")
        path.append((here.st_dev, here.st_ino))
        give_up = time.monotonic() + WIPE_SECONDS
        while time.monotonic() < give_up:
            entered = False
            for name in os.listdir("."):
                try:
                    st = os.lstat(name)
                except OSError:
                    continue
                try:
                    if not S_ISDIR(st.st_mode):
                        os.unlink(name)
                        continue
                    os.chmod(name, 0o700)
                    os.rmdir(name)
                    continue
                except OSError:
                    if not S_ISDIR(st.st_mode):
                        continue
                os.chdir(name)  # a folder that is not empty: empty it first
                here = os.stat(".")
                if (here.st_dev, here.st_ino) != (st.st_dev, st.st_ino):
                    return False
                path.append((here.st_dev, here.st_ino))
                entered = True
                break
            if entered:
                continue
            if len(path) == 1:
                return not os.listdir(".")
            path.pop()
            os.chdir("..")
            here = os.stat(".")
            if (here.st_dev, here.st_ino) != path[-1]:
                return False
        return False
    except OSError:
        return False
    finally:
        try:
            os.chdir(ROOT)
        except OSError:
            pass

# Up to this size a program is compiled here, once for the tests of it that come in turn (Node sends
# an answer's tests one after another), rather than in each test's process: compile() is the first
# half of exec(program), and a short answer's compilation was about a tenth of its test. Bounded
# because this worker has no memory or CPU limit; a larger program compiles in the test's process.
COMPILE_CHARS = 1 << 16
_compiled = ("", None)

def _deeper(levels, fn, *args):
    return fn(*args) if levels == 0 else _deeper(levels - 1, fn, *args)

def _program_code(program):
    # The code of exec(program), or None when the test's process must compile it itself: too large,
    # or not compiling without an error or a warning, which the test reports (or prints) as before.
    # Compiled a few frames deeper than the test's exec: the compiler's recursion limit counts from
    # its caller's depth, so what compiles here compiles there too.
    global _compiled
    if _compiled[0] != program:
        code = None
        if len(program) <= COMPILE_CHARS:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                try:
                    code = _deeper(4, compile, program, "<string>", "exec", 0, True)
                except Exception:
                    code = None
        _compiled = (program, code)
    return _compiled[1]

def _child(req, code, vw, ow, ew, limits):
    try:
        # _signal's own: signal.signal's conversions to and from enums cost more than the rest of this.
        _signal.signal(_signal.SIGINT, _signal.default_int_handler)
        os.setsid()
        null = os.open("/dev/null", os.O_RDONLY)
        os.dup2(null, 0)
        os.dup2(ow, 1)
        os.dup2(ew, 2)
        os.dup2(vw, 3)
        os.closerange(4, 65536)
        os.chdir(WORK)
        for kind, values in limits:
            try:
                resource.setrlimit(kind, values)
            except (ValueError, OSError, TypeError):  # TypeError: a limit this platform lacks (None)
                pass
        me = os.getpid()
        result = run_test(code if code is not None else req["program"], req["assert"])
        if os.getpid() != me:
            os._exit(0)  # a process the test forked (os.fork works, as in the verifier): one verdict, the test's
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except BaseException:
            pass
        data = _dumps(result).encode()
        if len(data) > VERDICT_BYTES:  # only with an assert of thousands of balls; the positions are display data
            result.pop("predicted", None)
            data = _dumps(result).encode()
        while data:
            data = data[os.write(3, data):]
    finally:
        os._exit(0)

def _one(req):
    os.mkdir(WORK)
    vr, vw = os.pipe()
    orr, ow = os.pipe()
    er, ew = os.pipe()
    timeout = req["timeout"]
    limits = _rlimits(timeout)
    code = _program_code(req["program"])
    t0 = time.monotonic()
    pid = os.fork()
    if pid == 0:
        os.close(vr); os.close(orr); os.close(er)
        _child(req, code, vw, ow, ew, limits)
    os.close(vw); os.close(ow); os.close(ew)
    deadline = t0 + timeout
    check_at = t0 + CHECK_SECONDS
    verdict, out, err = Verdict(), Capture(), Capture()
    sinks = {vr: verdict.add, orr: out.add, er: err.add}
    status = None
    reason = None
    while True:
        if status is None:
            status = _reap(pid)
            if status is not None:
                _kill_tree(pid)  # orphans left behind die with the test
        if not sinks:
            break
        now = time.monotonic()
        if status is None and now >= deadline:
            reason = "timeout"
            break
        wait = 0.5 if status is not None else min(deadline, check_at) - now
        ready, _, _ = select.select(list(sinks), [], [], max(wait, 0))
        if not ready and status is not None:
            break
        for fd in ready:
            chunk = os.read(fd, 65536)
            if chunk:
                sinks[fd](chunk)
            else:
                del sinks[fd]
                os.close(fd)
        if status is None and time.monotonic() >= check_at:
            check_at = time.monotonic() + CHECK_SECONDS
            if SANDBOXED and MAX_PROCS and _procs(pid) > MAX_PROCS:
                reason = "procs"
                break
            if SANDBOXED and LIMITS["memoryBytes"] > 0 and _shm_bytes() > LIMITS["memoryBytes"]:
                reason = "memory"  # SysV shared memory is outside RLIMIT_AS
                break
    elapsed = time.monotonic() - t0
    _kill_tree(pid)
    if status is None:
        try:
            status = os.waitpid(pid, 0)[1]
        except ChildProcessError:  # reaped by _kill_tree
            status = 0
    for fd in list(sinks):
        os.close(fd)
    _reap(pid)
    if SANDBOXED:
        _settle()
    _sysv_clear()
    reply = {"id": req["id"], "elapsed": elapsed, "stdout": out.text(), "stderr": err.text()}
    if not _wipe():
        reply["retire"] = True
    if reason is not None:
        reply["killed"] = reason
    else:
        reply["verdict"] = _verdict(verdict)
        if os.WIFSIGNALED(status):
            reply["signal"] = os.WTERMSIG(status)
        else:
            reply["exit"] = os.WEXITSTATUS(status)
    return reply

if SANDBOXED:
    # The worker is the sandbox's init (bwrap --as-pid-1): the kernel keeps its tests' signals from
    # it, except those it handles, and Python handles SIGINT. Its tests get the handler back.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
os.chdir(ROOT)
_send({"ready": True, "sandboxed": SANDBOXED, "python": sys.version.split()[0]})
while True:
    size = struct.unpack(">I", _read_exact(4))[0]
    request = json.loads(_read_exact(size).decode("utf-8"))
    reply = _one(request)
    _send(reply)
    if reply.get("retire"):
        os._exit(0)
`;

/** Source for `python -c SOURCE CONF_JSON` (the warm worker). */
export const WORKER_SOURCE = RUN_TEST + WORKER;

/**
 * The old way, kept only as `npm run bench`'s baseline: one fresh interpreter per assert that
 * reads {program, assert, marker} on stdin and prints the verdict after the marker.
 */
export const ONE_SHOT_SOURCE = RUN_TEST + String.raw`
import io
payload = json.loads(sys.stdin.read())
real_stdout = sys.stdout
sys.stdout = io.StringIO()
result = run_test(payload["program"], payload["assert"])
sys.stdout = real_stdout
real_stdout.write("\n" + payload["marker"] + _dumps(result) + "\n")
real_stdout.flush()
`;
