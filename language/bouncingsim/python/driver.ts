// Python driver run once per assert (spec §10.3): defines `check_distance` (§7.3), disables the
// obvious process/filesystem escapes as the verifier's guard does (a courtesy, not a sandbox),
// execs the program, then times the assert. The payload arrives as JSON on stdin; the verdict is
// printed on stdout after a per-run marker, because the program itself may print.

export const DRIVER_SOURCE = `
import builtins, json, math, sys, time, io

payload = json.loads(sys.stdin.read())
real_stdout = sys.stdout
record = {}

def finite(x):
    x = float(x)
    return x if math.isfinite(x) else None

def check_distance(pred, gt):
    if len(pred) == 0 or len(gt) == 0:
        raise ValueError("check_distance: empty position list")
    if len(pred) != len(gt):
        raise ValueError("check_distance: %d predicted positions for %d balls" % (len(pred), len(gt)))
    try:
        record["predicted"] = [[finite(p[0]), finite(p[1])] for p in pred]
    except Exception:
        pass
    total = 0.0
    for p, g in zip(pred, gt):
        total += math.sqrt((p[0] - g[0]) ** 2 + (p[1] - g[1]) ** 2)
    distance = round(total / len(gt), 3)
    try:
        record["distance"] = finite(distance)
    except Exception:
        pass
    return distance

def guard():
    import os, shutil, subprocess
    for name in ("system", "kill", "killpg", "fork", "forkpty", "remove", "unlink", "rmdir", "removedirs",
                 "rename", "renames", "replace", "truncate", "putenv", "unsetenv", "chmod", "chown", "lchown",
                 "setuid", "fchdir", "chdir", "chroot", "execv", "execve", "execl", "spawnv", "popen"):
        if hasattr(os, name):
            setattr(os, name, None)
    shutil.rmtree = shutil.move = shutil.chown = None
    subprocess.Popen = None
    builtins.exit = builtins.quit = None

result = {"passed": False, "runtime": -1.0, "error": None, "phase": "program"}
namespace = {"check_distance": check_distance}
sys.stdout = io.StringIO()
try:
    guard()
    exec(payload["program"], namespace)
    result["phase"] = "assert"
    start = time.time()
    exec(payload["assert"], namespace)
    result["runtime"] = time.time() - start
    result["passed"] = True
except BaseException as error:
    text = str(error)
    result["error"] = type(error).__name__ + (": " + text if text else "")
result.update(record)
sys.stdout = real_stdout
real_stdout.write("\\n" + payload["marker"] + json.dumps(result) + "\\n")
real_stdout.flush()
`;
