"""``make bench``: run every benchmark, print one table, write benchmarks/results.json.

Each ``benchmarks/bench_*.py`` exposes ``run(quick=False) -> dict``. Speed and memory targets
live here, never in unit tests: every figure is a ratio to a reference measured in the same
run where one exists, and targets are printed as PASS/FAIL lines.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import platform
import sys
import time
from pathlib import Path

MODULES = (
    "bench_encoder",
    "bench_pii",
    "bench_store",
    "bench_journey",
    "bench_pipeline",
    "bench_app",
    "bench_dask",
)
OUT = Path(__file__).resolve().parent / "results.json"


def _machine() -> dict:
    import psutil

    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
    }


def _checks(result: dict) -> list[tuple[str, bool]]:
    out = []
    for check in result.get("checks", []) or []:
        if isinstance(check, dict) and "passed" in check:
            out.append((str(check.get("target") or check.get("name")), bool(check["passed"])))
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks named on the command line (all by default)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*", help="bench module names (default: all)")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    args = parser.parse_args(argv)
    names = args.names or list(MODULES)
    results: dict = {
        "started": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": _machine(),
        "quick": args.quick,
        "benchmarks": {},
    }
    for name in names:
        try:
            module = importlib.import_module(f"benchmarks.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"benchmarks.{name}":
                print(f"-- {name}: not present, skipped", flush=True)
                continue
            raise
        print(f"== {name}", flush=True)
        t0 = time.perf_counter()
        try:
            result = module.run(quick=args.quick)
        except Exception as exc:  # one failing benchmark must not hide the others
            result = {"error": f"{type(exc).__name__}: {exc}"}
            print(f"   ERROR {result['error']}", flush=True)
        result["wall_seconds"] = round(time.perf_counter() - t0, 1)
        results["benchmarks"][name] = result
    results["finished"] = dt.datetime.now().isoformat(timespec="seconds")
    OUT.write_text(json.dumps(results, indent=1, default=str) + "\n")
    print("\nTargets")
    failed = 0
    for name, result in results["benchmarks"].items():
        for target, passed in _checks(result):
            failed += not passed
            print(f"  {'PASS' if passed else 'FAIL'}  [{name}] {target}")
        if "error" in result:
            failed += 1
            print(f"  FAIL  [{name}] did not run: {result['error']}")
    print(f"\nWrote {OUT}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
