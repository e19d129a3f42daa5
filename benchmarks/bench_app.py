"""Streamlit app speed: Overview first render and a filter change on a 200,000-row store.

Targets: the first render of the Overview page (cold caches, fresh process, page imports
included) takes <= 3 s and a filter change (the period picker moves to the previous month)
takes <= 1 s, both timed with ``streamlit.testing.v1.AppTest`` (the script run on the server
side; the browser's drawing is not included). The store is a synthetic classified SQLite store
(``tests.app.helpers.synth_store``) built before the timing starts; the timing runs in a child
process so no cache from the build is warm. Beside each wall time the child's CPU time
(``time.process_time``, all its threads) and the machine's 1-minute load average are recorded:
on a shared machine the wall time depends on what else runs, the CPU time much less.

Run: ``python -m benchmarks.bench_app`` (``--quick`` for 20,000 rows).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks._common import print_checks

FIRST_RENDER_SECONDS = 3.0
FILTER_SECONDS = 1.0
FULL_ROWS = 200_000
QUICK_ROWS = 20_000
ROOT = Path(__file__).resolve().parents[1]


def _child(url: str) -> dict:
    """Time the Overview first render and one filter change in this (fresh) process."""
    os.environ["VOC_DATABASE_URL"] = url
    from streamlit.testing.v1 import AppTest

    load = os.getloadavg()[0]
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    c0, t0 = time.process_time(), time.perf_counter()
    at.run()
    first, first_cpu = time.perf_counter() - t0, time.process_time() - c0
    errors = [str(e.value) for e in at.exception] + [str(e.value) for e in at.error]
    period = at.selectbox(key="overview_period")
    options = list(period.options)
    previous = options[1] if len(options) > 1 else options[0]
    period.set_value(previous)
    c0, t0 = time.process_time(), time.perf_counter()
    at.run()
    change, change_cpu = time.perf_counter() - t0, time.process_time() - c0
    errors += [str(e.value) for e in at.exception] + [str(e.value) for e in at.error]
    # the same change again: every cache is warm now (what a user sees going back and forth)
    at.selectbox(key="overview_period").set_value(options[0])
    t0 = time.perf_counter()
    at.run()
    warm = time.perf_counter() - t0
    return {
        "first_render_seconds": round(first, 3),
        "first_render_cpu_seconds": round(first_cpu, 3),
        "filter_change_seconds": round(change, 3),
        "filter_change_cpu_seconds": round(change_cpu, 3),
        "filter_change_warm_seconds": round(warm, 3),
        "load_average_1min": round(load, 2),
        "periods": [options[0], previous],
        "title": [t.value for t in at.title],
        "errors": errors,
    }


def run(quick: bool = False) -> dict:
    """Build the store, time the Overview in a child process, return figures and checks."""
    sys.path.insert(0, str(ROOT))
    from tests.app.helpers import synth_store

    n_rows = QUICK_ROWS if quick else FULL_ROWS
    with tempfile.TemporaryDirectory(prefix="bench_app_") as directory:
        t0 = time.perf_counter()
        url = synth_store(Path(directory), n_rows)
        build = time.perf_counter() - t0
        env = dict(os.environ, VOC_REVIEW_EXAMPLES=str(Path(directory) / "review.csv"))
        out = subprocess.run(
            [sys.executable, "-m", "benchmarks.bench_app", "--child", url],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    if out.returncode != 0:
        raise RuntimeError(f"benchmark child failed: {out.stderr.strip()[-2000:]}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["rows"] = n_rows
    result["store_build_seconds"] = round(build, 1)
    clean = not result["errors"]
    result["checks"] = [
        {
            "name": "first_render",
            "target": f"Overview first render on {n_rows:,} comments <= "
            f"{FIRST_RENDER_SECONDS:g} s (measured {result['first_render_seconds']:.2f} s)",
            "passed": clean and result["first_render_seconds"] <= FIRST_RENDER_SECONDS,
            "measured": result["first_render_seconds"],
        },
        {
            "name": "filter_change",
            "target": f"Overview period change on {n_rows:,} comments <= {FILTER_SECONDS:g} s "
            f"(measured {result['filter_change_seconds']:.2f} s)",
            "passed": clean and result["filter_change_seconds"] <= FILTER_SECONDS,
            "measured": result["filter_change_seconds"],
        },
    ]
    return result


def main(argv: list[str] | None = None) -> int:
    """Command line: print the result and PASS/FAIL lines; exit 1 when a target fails."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        print(json.dumps(_child(argv[1])))
        return 0
    result = run(quick="--quick" in argv)
    for key, value in result.items():
        if key != "checks":
            print(f"{key}: {value}")
    return print_checks(result["checks"])


if __name__ == "__main__":
    sys.exit(main())
