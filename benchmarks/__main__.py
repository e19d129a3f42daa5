"""``make bench``: run every benchmark, print one table, write benchmarks/results.json.

Each ``benchmarks/bench_*.py`` exposes ``run(quick=False) -> dict``. Speed and memory targets
live here, never in unit tests: every figure is a ratio to a reference measured in the same
run where one exists, and targets are printed as PASS/FAIL lines.

Naming some benchmarks (``python -m benchmarks bench_pii``) re-runs only those and updates
their entries in an existing results.json; the others keep their earlier figures and each
entry records when it ran. The exit status is non-zero when a benchmark could not run, and
with ``--strict`` also when a target fails.
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
    parser.add_argument("--strict", action="store_true", help="exit non-zero when any target fails")
    parser.add_argument(
        "--out", type=Path, default=OUT, help="results file to write (default: %(default)s)"
    )
    args = parser.parse_args(argv)
    names = args.names or list(MODULES)
    unknown = sorted(set(names) - set(MODULES))
    if unknown:
        parser.error(f"unknown benchmark(s) {', '.join(unknown)}; choose from {', '.join(MODULES)}")
    results = _start_results(args.out, partial=bool(args.names), quick=args.quick)
    for name in names:
        try:
            module = importlib.import_module(f"benchmarks.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"benchmarks.{name}":
                print(f"-- {name}: not present, skipped", flush=True)
                continue
            raise
        print(f"== {name}", flush=True)
        started = dt.datetime.now().isoformat(timespec="seconds")
        t0 = time.perf_counter()
        try:
            result = module.run(quick=args.quick)
        except Exception as exc:  # one failing benchmark must not hide the others
            result = {"error": f"{type(exc).__name__}: {exc}"}
            print(f"   ERROR {result['error']}", flush=True)
        result["wall_seconds"] = round(time.perf_counter() - t0, 1)
        result["ran_at"] = started
        results["benchmarks"][name] = result
        results["machine_by_benchmark"][name] = results["machine"]
    results["finished"] = dt.datetime.now().isoformat(timespec="seconds")
    args.out.write_text(json.dumps(results, indent=1, default=str) + "\n")
    failed, errors, passed = _print_targets(results["benchmarks"], fresh=set(names))
    print(
        f"\n{passed} target(s) met, {failed} not met, {errors} benchmark(s) did not run."
        f"\nWrote {args.out}"
    )
    return 1 if errors or (args.strict and failed) else 0


def _start_results(out: Path, *, partial: bool, quick: bool) -> dict:
    """A fresh results dict, or the existing file's when only some benchmarks re-run."""
    now = dt.datetime.now().isoformat(timespec="seconds")
    fresh = {"started": now, "machine": _machine(), "quick": quick, "benchmarks": {}}
    if partial and out.exists():
        try:
            previous = json.loads(out.read_text())
        except (OSError, ValueError):
            previous = None
        if isinstance(previous, dict) and previous.get("quick") == quick:
            previous.setdefault("machine_by_benchmark", {})
            for name in previous.get("benchmarks", {}):
                previous["machine_by_benchmark"].setdefault(name, previous.get("machine"))
            previous["updated"] = now
            previous["machine"] = fresh["machine"]
            return previous
    fresh["machine_by_benchmark"] = {}
    return fresh


def _print_targets(benchmarks: dict, *, fresh: set[str]) -> tuple[int, int, int]:
    """Print PASS/FAIL lines; entries kept from an earlier run are marked with their date."""
    print("\nTargets")
    failed = errors = passed = 0
    for name, result in benchmarks.items():
        when = "" if name in fresh else f" (kept from {result.get('ran_at', 'an earlier run')})"
        for target, ok in _checks(result):
            failed += not ok
            passed += ok
            print(f"  {'PASS' if ok else 'FAIL'}  [{name}] {target}{when}")
        if "error" in result:
            errors += 1
            print(f"  ERROR [{name}] did not run: {result['error']}{when}")
    return failed, errors, passed


if __name__ == "__main__":
    sys.exit(main())
