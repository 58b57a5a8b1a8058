#!/usr/bin/env python3
"""Runs a command (its arguments after this script's) and prints, on stderr after the command's own
output, `bench-cpu-s=S`: the CPU seconds (user + system, every thread, and any child it waited for)
that the command used. On a machine shared with other work, CPU seconds are a steadier figure than
wall-clock time. Exits with the command's status."""
import resource
import subprocess
import sys

status = subprocess.call(sys.argv[1:])
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
sys.stderr.write(f'bench-cpu-s={usage.ru_utime + usage.ru_stime:.3f}\n')
sys.exit(status)
