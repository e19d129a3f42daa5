"""End-to-end classification throughput against the encoder alone, and a 1M-row streaming run.

Measured in one run, on distinct comments of data/train/corpus.csv:
  * encoder-only: the classifier's encoder, no cache, embedding the texts in batches of 64
    (measured before and after the pipeline runs; the mean is the reference, which evens
    out CPU contention);
  * end-to-end cold: :func:`voc.pipeline.classify_texts` (redact + language + embed + the
    three heads, no aspects) with a fresh, empty embedding cache;
  * end-to-end warm: the same call again (every embedding a cache hit); with aspects too;
  * streaming: ``voc.streaming.classify_file`` on a synthetic CSV of 1,000,000 short comments
    (50,000 with ``--quick``) built from a small vocabulary, so there are few distinct texts:
    the run finishes in minutes through per-chunk de-duplication and the embedding cache. It
    runs in a subprocess (fresh cache) and reports its peak RSS.

Run: ``python -m benchmarks.bench_pipeline`` (``--quick`` for smaller sizes).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks._common import peak_rss_mb, print_checks

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "train" / "corpus.csv"
TARGET_COLD_RATIO = 0.8
TARGET_WARM_RATE = 5_000
TARGET_RSS_GB = 2.5
STREAM_ROWS = 1_000_000
QUICK_STREAM_ROWS = 50_000

_SUBJECTS = (
    "paket",
    "refund",
    "aplikasi",
    "kurir",
    "voucher",
    "saldo",
    "tagihan",
    "the app",
    "my order",
    "the agent",
    "customer service",
    "pembayaran",
)
_STATES = (
    "belum sampai",
    "lambat sekali",
    "error terus",
    "sangat membantu",
    "tidak bisa dipakai",
    "terpotong dua kali",
    "is very slow",
    "was helpful",
    "keeps crashing",
    "arrived damaged",
    "mantap",
    "naik tanpa info",
)
_TAILS = ("", " hari ini", " lagi", " tolong dicek", " please fix", " minggu ini", "!!", " min")


def _stream_texts(n_rows: int, seed: int = 0) -> list[str]:
    import numpy as np

    rng = np.random.default_rng(seed)
    a = rng.integers(0, len(_SUBJECTS), n_rows)
    b = rng.integers(0, len(_STATES), n_rows)
    c = rng.integers(0, len(_TAILS), n_rows)
    return [f"{_SUBJECTS[i]} {_STATES[j]}{_TAILS[k]}" for i, j, k in zip(a, b, c, strict=True)]


def _corpus_texts(n: int) -> list[str]:
    import pandas as pd

    texts = pd.read_csv(CORPUS, dtype=str, keep_default_na=False)["text"]
    return texts[texts.str.strip() != ""].drop_duplicates().head(n).tolist()


def _stream_child(n_rows: int, workdir: str) -> dict:
    """Write the synthetic CSV, classify it chunk by chunk, return rate and peak RSS."""
    import pandas as pd

    from voc.classify import features
    from voc.embed import load_encoder
    from voc.streaming import classify_file, load_model

    work = Path(workdir)
    src = work / "stream.csv"
    texts = _stream_texts(n_rows)
    pd.DataFrame({"id": [f"s{i}" for i in range(n_rows)], "text": texts}).to_csv(src, index=False)
    distinct = len(set(texts))
    del texts
    model = load_model()
    name = model.featurizer.encoder
    features._ENCODERS[name] = load_encoder(name, cache=work / "cache")
    started = time.perf_counter()
    summary = classify_file(src, work / "out.parquet", id_col="id", chunk_size=10_000, model=model)
    seconds = time.perf_counter() - started
    import pyarrow.parquet as pq

    rows_out = pq.ParquetFile(work / "out.parquet").metadata.num_rows
    return {
        "rows": summary["rows"],
        "rows_out": rows_out,
        "distinct_texts_in_file": distinct,
        "chunks": summary["chunks"],
        "seconds": round(seconds, 1),
        "rows_per_s": round(summary["rows"] / seconds),
        "peak_rss_gb": round(peak_rss_mb() / 1024.0, 3),
    }


def _stream(n_rows: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        code = (
            "import json, sys; from benchmarks.bench_pipeline import _stream_child; "
            "print('RESULT' + json.dumps(_stream_child(int(sys.argv[1]), sys.argv[2])))"
        )
        done = subprocess.run(
            [sys.executable, "-c", code, str(n_rows), tmp],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
    lines = [x for x in done.stdout.splitlines() if x.startswith("RESULT")]
    if done.returncode or not lines:
        raise RuntimeError(f"streaming run failed: {done.stderr[-2000:]}")
    return json.loads(lines[-1][len("RESULT") :])


def _rate(n: int, seconds: float) -> float:
    return round(n / seconds, 1)


def run(quick: bool = False) -> dict:
    """Measure the pipeline; return numbers and PASS/FAIL checks."""
    from voc.classify import features
    from voc.embed import load_encoder
    from voc.pipeline import classify_texts
    from voc.streaming import load_model

    n = 500 if quick else 2_000
    texts = _corpus_texts(n)
    model = load_model()
    name, kind = model.featurizer.encoder, model.featurizer.kind
    plain = load_encoder(name, cache=False)
    plain.encode(texts[:32], kind=kind)  # load and warm the runtime
    encoder_times = []
    t0 = time.perf_counter()
    plain.encode(texts, kind=kind)
    encoder_times.append(time.perf_counter() - t0)

    saved = features._ENCODERS.get(name)
    with tempfile.TemporaryDirectory() as tmp:
        features._ENCODERS[name] = load_encoder(name, cache=Path(tmp) / "cache")
        try:
            classify_texts(["warm up the redactor", "pemanasan"], model, aspects=False)
            t0 = time.perf_counter()
            classify_texts(texts, model, aspects=False)
            cold = time.perf_counter() - t0
            t0 = time.perf_counter()
            classify_texts(texts, model, aspects=False)
            warm = time.perf_counter() - t0
            classify_texts(texts, model, aspects=True)  # fills the clause embeddings
            t0 = time.perf_counter()
            classify_texts(texts, model, aspects=True)
            warm_aspects = time.perf_counter() - t0
        finally:
            if saved is None:
                features._ENCODERS.pop(name, None)
            else:
                features._ENCODERS[name] = saved
    t0 = time.perf_counter()
    plain.encode(texts, kind=kind)
    encoder_times.append(time.perf_counter() - t0)
    encoder_rate = len(texts) / (sum(encoder_times) / len(encoder_times))
    cold_rate = len(texts) / cold
    warm_rate = len(texts) / warm
    ratio = cold_rate / encoder_rate
    stream = _stream(QUICK_STREAM_ROWS if quick else STREAM_ROWS)
    stream["note"] = (
        f"synthetic short texts with heavy repetition ({stream['distinct_texts_in_file']:,} "
        "distinct); finishes in minutes through per-chunk dedup and the embedding cache"
    )
    checks = [
        {
            "target": f"end-to-end cold >= {TARGET_COLD_RATIO}x encoder-only throughput",
            "measured": round(ratio, 3),
            "passed": ratio >= TARGET_COLD_RATIO,
        },
        {
            "target": f"warm cache >= {TARGET_WARM_RATE:,} comments/s",
            "measured": round(warm_rate),
            "passed": warm_rate >= TARGET_WARM_RATE,
        },
        {
            "target": f"{stream['rows']:,}-comment stream <= {TARGET_RSS_GB} GB peak RSS",
            "measured": stream["peak_rss_gb"],
            "passed": stream["peak_rss_gb"] <= TARGET_RSS_GB
            and stream["rows_out"] == stream["rows"],
        },
    ]
    return {
        "texts": len(texts),
        "encoder": name,
        "encoder_only_per_s": _rate(len(texts), sum(encoder_times) / len(encoder_times)),
        "encoder_only_runs_s": [round(t, 2) for t in encoder_times],
        "end_to_end_cold_per_s": _rate(len(texts), cold),
        "end_to_end_warm_per_s": _rate(len(texts), warm),
        "end_to_end_warm_with_aspects_per_s": _rate(len(texts), warm_aspects),
        "cold_over_encoder_ratio": round(ratio, 3),
        "pipeline_overhead_cold_pct": round((1 / ratio - 1) * 100, 1),
        "streaming": stream,
        "checks": checks,
    }


def main() -> int:
    """Print the result and PASS/FAIL lines; exit 1 when a target fails."""
    result = run(quick="--quick" in sys.argv)
    print(json.dumps({k: v for k, v in result.items() if k != "checks"}, indent=1))
    return print_checks(result["checks"], "measured")


if __name__ == "__main__":
    sys.exit(main())
