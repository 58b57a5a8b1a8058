"""Pre-forking for the Python baselines of `npm run bench` (lean_server.py, fastapi_server.py): the
first process binds the listening socket, then forks the others, which accept on the same socket,
as `delta serve --workers N` and `uvicorn --workers N` share one port.
"""
import os
import signal
import sys


def arguments():
    """(port, processes) from `PORT [PROCESSES]` on the command line."""
    port = int(sys.argv[1])
    processes = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    return port, processes


def fork(processes):
    """Forks `processes - 1` copies of this process (call it after binding). Returns the children's
    pids in the first process and None in a child."""
    children = []
    for _ in range(processes - 1):
        pid = os.fork()
        if pid == 0:
            return None
        children.append(pid)
    return children


def stop(children):
    """Stops the forked copies (from the first process)."""
    for pid in children or []:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
