"""Helpers shared by the benchmark modules: peak memory and the PASS/FAIL lines."""

from __future__ import annotations

from collections.abc import Iterable


def peak_rss_mb() -> float:
    """Peak RSS of this process in MB (VmHWM: unlike ru_maxrss, reset by exec)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    import resource  # not Linux: ru_maxrss (may include the parent's peak at fork)

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def print_checks(checks: Iterable[dict], detail: str | None = None) -> int:
    """Print one PASS/FAIL line per check (with ``check[detail]`` when given); exit code."""
    failed = 0
    for check in checks:
        failed += not check["passed"]
        suffix = f": {check[detail]}" if detail else ""
        print(f"{'PASS' if check['passed'] else 'FAIL'}  {check['target']}{suffix}")
    return 1 if failed else 0
