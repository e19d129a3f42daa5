"""Dask engine overhead against the local streaming engine at equal cores.

Both engines classify the same CSV of distinct comments (data/train/corpus.csv texts, cold
embedding cache each): the local engine in one process, the Dask engine on a LocalCluster of
2 worker processes x 1 thread (the machine's 2 cores). Each run is a ``voc classify``
subprocess, so both wall times include start-up and model loading; the Dask one also the
cluster start. Reported: rows/s of each, rows/s per worker core, and the overhead.

Run: ``python -m benchmarks.bench_dask`` (``--quick`` for fewer rows).
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

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "train" / "corpus.csv"
WORKERS = 2
TARGET_OVERHEAD = 0.5  # the Dask run may take at most 1.5x the local one on this small input


def _voc(args: list[str], cache: Path) -> float:
    env = dict(os.environ, VOC_CACHE_DIR=str(cache))
    code = "import sys; from voc.cli import main; sys.argv = ['voc', *sys.argv[1:]]; main()"
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, *args, "-q"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode:
        raise RuntimeError(f"voc {' '.join(args[:1])} failed: {done.stderr[-2000:]}")
    return seconds


def run(quick: bool = False) -> dict:
    """Time both engines; return numbers and a PASS/FAIL check."""
    import pandas as pd

    n = 300 if quick else 1_500
    texts = pd.read_csv(CORPUS, dtype=str, keep_default_na=False)["text"]
    texts = texts[texts.str.strip() != ""].drop_duplicates().head(n).reset_index(drop=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        src = work / "in.csv"
        frame = pd.DataFrame({"id": [f"b{i}" for i in range(len(texts))], "text": texts})
        frame.to_csv(src, index=False)
        rows = len(frame)
        chunk = str(max(rows // (4 * WORKERS), 1))
        local_s = _voc(
            ["classify", str(src), "-o", str(work / "local.parquet"), "--id-col", "id"],
            work / "cache-local",
        )
        dask_s = _voc(
            [
                "classify",
                str(src),
                "-o",
                str(work / "dask_out"),
                "--id-col",
                "id",
                "--engine",
                "dask",
                "--workers",
                str(WORKERS),
                "--batch-size",
                chunk,
            ],  # fmt: skip
            work / "cache-dask",
        )
        a = pd.read_parquet(work / "local.parquet").sort_values("feedback_id")
        b = pd.read_parquet(work / "dask_out").sort_values("feedback_id")
        same_labels = bool(
            len(a) == len(b)
            and (a["topics"].to_numpy() == b["topics"].to_numpy()).all()
            and (a["sentiment"].to_numpy() == b["sentiment"].to_numpy()).all()
        )
    overhead = dask_s / local_s - 1
    return {
        "rows": rows,
        "workers": f"{WORKERS} processes x 1 thread",
        "local_seconds": round(local_s, 1),
        "dask_seconds": round(dask_s, 1),
        "local_rows_per_s": round(rows / local_s, 1),
        "dask_rows_per_s": round(rows / dask_s, 1),
        "dask_rows_per_s_per_worker_core": round(rows / dask_s / WORKERS, 1),
        "dask_overhead_pct": round(overhead * 100, 1),
        "same_labels": same_labels,
        "note": "cold embedding cache, distinct texts; wall time includes process start-up",
        "checks": [
            {
                "target": f"Dask engine overhead <= {TARGET_OVERHEAD:.0%} vs local at equal cores",
                "measured": round(overhead, 3),
                "passed": overhead <= TARGET_OVERHEAD,
            },
            {
                "target": "Dask and local engines give the same labels",
                "measured": same_labels,
                "passed": same_labels,
            },
        ],
    }


def main() -> int:
    """Print the result and PASS/FAIL lines; exit 1 when a target fails."""
    result = run(quick="--quick" in sys.argv)
    print(json.dumps({k: v for k, v in result.items() if k != "checks"}, indent=1))
    return print_checks(result["checks"], "measured")


if __name__ == "__main__":
    sys.exit(main())
