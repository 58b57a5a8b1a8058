# Runs a command and writes the CPU-seconds of the command and of every process it started to the file
# named by the first argument (JSON), for scripts/test.mjs. A parent only accounts for the children it
# waits for: processes nobody waits for (esbuild's service, a server a test left running) are reparented
# to init and their CPU time is lost. Made a "child subreaper" (Linux prctl), this process becomes their
# parent instead, waits for them all, and so counts them. Elsewhere it counts what it waits for.
#   python3 scripts/cpu-time.py OUT.json COMMAND [ARG...]
import ctypes
import json
import os
import resource
import sys
import time

PR_SET_CHILD_SUBREAPER = 36
# After the command exits, how long its leftover descendants may run before we stop waiting for them.
LEFTOVER_WAIT_S = 30

out_file, command = sys.argv[1], sys.argv[2:]
subreaper = False
if sys.platform.startswith('linux'):
    try:
        subreaper = ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        pass

pid = os.fork()
if pid == 0:
    try:
        os.execvp(command[0], command)
    finally:
        os._exit(127)

status = None
deadline = None
while True:
    try:
        if deadline is None:
            child, wait_status = os.wait()
        else:
            child, wait_status = os.waitpid(-1, os.WNOHANG)
            if child == 0:
                if time.monotonic() > deadline:
                    break
                time.sleep(0.05)
                continue
    except ChildProcessError:
        break
    if child == pid:
        status = os.waitstatus_to_exitcode(wait_status)
        deadline = time.monotonic() + LEFTOVER_WAIT_S

leftovers = []
try:
    for entry in os.listdir('/proc'):
        if entry.isdigit():
            with open(f'/proc/{entry}/stat') as f:
                fields = f.read().rsplit(') ', 1)[1].split()
            if int(fields[1]) == os.getpid():
                with open(f'/proc/{entry}/cmdline', 'rb') as f:
                    leftovers.append(f.read().replace(b'\0', b' ').decode(errors='replace').strip())
except OSError:
    pass
if leftovers:
    print(f'cpu-time: still running {LEFTOVER_WAIT_S} s after `{" ".join(command)}` ended (not counted): {leftovers}', file=sys.stderr)

usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(out_file, 'w') as f:
    json.dump({'cpu': usage.ru_utime + usage.ru_stime, 'subreaper': subreaper, 'leftovers': len(leftovers)}, f)
sys.exit(1 if status is None else (128 - status if status < 0 else status))
