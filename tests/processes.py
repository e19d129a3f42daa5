"""Run several Python processes at once (tests of file locking between processes)."""

from __future__ import annotations

import subprocess
import sys


def run_python_processes(
    code: str, arg_lists: list[list[str]], *, timeout: float = 180
) -> list[tuple[int, str, str]]:
    """Start ``python -c code ARGS`` for every argument list together; wait for all.

    Returns:
        ``(returncode, stdout, stderr)`` of each process, in the order given.
    """
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for args in arg_lists
    ]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=timeout)
        results.append((proc.returncode, out, err))
    return results
