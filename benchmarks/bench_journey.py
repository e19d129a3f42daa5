"""Journey analytics at scale: full journey + ranked top-10 (with evidence) on 1,000,000 comments.

Targets: the journey model, issue metrics, impact/effort ranking and the evidence of the top-10
for one month of a 1,000,000-comment classified frame take < 5 s, and the process peaks under
3 GB RSS. The frame is synthesised in a fresh child process (so other benchmarks cannot inflate
the peak RSS); the timing starts once the classified DataFrame is in memory, as it is after
``voc.store.read_feedback``.

Run: ``python -m benchmarks.bench_journey`` (``--quick`` for 100,000 rows).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

from benchmarks._common import print_checks

TARGET_SECONDS = 5.0
TARGET_RSS_GB = 3.0
FULL_ROWS = 1_000_000
QUICK_ROWS = 100_000
PERIOD = "2026-05"

_TEMPLATES = (
    "refund belum masuk sudah {n} hari",
    "paket belum sampai padahal estimasi kemarin",
    "aplikasi error terus waktu checkout",
    "kode otp tidak masuk dari tadi",
    "cs lama banget balasnya",
    "the agent was very helpful thank you",
    "my refund has not arrived after {n} days",
    "voucher tidak bisa dipakai padahal syarat terpenuhi",
    "tagihan bulan ini naik tanpa pemberitahuan",
    "sinyal hilang terus di rumah",
    "barang datang rusak dan kurang lengkap",
    "pelayanan cepat dan ramah mantap",
    "how do I change my registered phone number",
    "saldo terpotong tapi transaksi gagal",
    "internet lemot banget udah {n} hari",
)


def synthesise(n_rows: int, seed: int = 0):
    """A classified frame with every column of the data contract (vectorised, seeded)."""
    import numpy as np
    import pandas as pd

    from voc.taxonomy import default_taxonomy

    rng = np.random.default_rng(seed)
    taxonomy = default_taxonomy()
    topics = np.array(taxonomy.topic_ids)
    stages = np.array(taxonomy.touchpoint_ids)
    topic_weights = rng.dirichlet(np.ones(len(topics)) * 2)
    first = rng.choice(len(topics), n_rows, p=topic_weights)
    second = rng.choice(len(topics), n_rows, p=topic_weights)
    multi = (rng.random(n_rows) < 0.3) & (first != second)
    combos = np.where(multi, first * len(topics) + second, first * len(topics) + first)
    combo_labels = np.array(
        [
            topics[c // len(topics)]
            if c // len(topics) == c % len(topics)
            else f"{topics[c // len(topics)]}|{topics[c % len(topics)]}"
            for c in range(len(topics) ** 2)
        ]
    )
    # Each topic lives mostly at two journey stages.
    home = rng.integers(0, len(stages), size=(len(topics), 2))
    stage = np.where(
        rng.random(n_rows) < 0.8,
        home[first, rng.integers(0, 2, n_rows)],
        rng.integers(0, len(stages), n_rows),
    )
    sentiment_code = rng.choice(3, n_rows, p=[0.5, 0.25, 0.25])
    start = np.datetime64("2026-01-01T00:00:00")
    created = start + rng.integers(0, 181 * 86_400, n_rows).astype("timedelta64[s]")
    surveyed = rng.random(n_rows) < 0.35
    csat = np.where(sentiment_code == 0, rng.integers(1, 4, n_rows), rng.integers(3, 6, n_rows))
    nps = np.where(sentiment_code == 0, rng.integers(0, 7, n_rows), rng.integers(6, 11, n_rows))
    template = rng.integers(0, len(_TEMPLATES), n_rows)
    texts = np.array([t.replace("{n}", str(3 + i % 5)) for i, t in enumerate(_TEMPLATES)])
    return pd.DataFrame(
        {
            "feedback_id": np.char.add("FB-", np.arange(n_rows).astype(str)),
            "created_at": created,
            "channel": rng.choice(["whatsapp", "chat", "email", "phone", "app_review"], n_rows),
            "text_redacted": texts[template],
            "csat": np.where(surveyed, csat, np.nan),
            "nps": np.where(rng.random(n_rows) < 0.1, nps, np.nan),
            "customer_id": np.char.add("C", rng.integers(0, n_rows // 2, n_rows).astype(str)),
            "customer_segment": rng.choice(["regular", "premium", "business"], n_rows),
            "product_line": rng.choice(["marketplace", "ewallet", "home_internet"], n_rows),
            "region": rng.choice(["DKI Jakarta", "Jawa Barat", "Jawa Timur", "Bali"], n_rows),
            "agent_id": np.char.add("AGT-", rng.integers(0, 80, n_rows).astype(str)),
            "first_response_seconds": rng.lognormal(5, 1, n_rows),
            "handle_seconds": rng.lognormal(6, 0.5, n_rows),
            "resolved_first_contact": rng.random(n_rows) < np.where(sentiment_code == 0, 0.5, 0.85),
            "lang": rng.choice(["id", "en", "mixed"], n_rows, p=[0.6, 0.3, 0.1]),
            "sentiment": np.array(["negative", "neutral", "positive"])[sentiment_code],
            "sentiment_score": (sentiment_code - 1) * 0.8
            + rng.normal(0, 0.1, n_rows).clip(-0.2, 0.2),
            "topic": topics[first],
            "topics": combo_labels[combos],
            "topic_confidence": rng.random(n_rows),
            "touchpoint": stages[stage],
            "touchpoint_confidence": rng.random(n_rows),
            "needs_review": rng.random(n_rows) < 0.08,
            "model_version": "default/bench",
        }
    )


def _child(n_rows: int) -> dict:
    import resource

    frame = synthesise(n_rows)
    before_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20
    timings = {}
    t0 = time.perf_counter()
    from journey.evidence import build_evidence
    from journey.frame import prepare
    from journey.model import journey_model
    from journey.prioritize import rank_issues

    prepared = prepare(frame)
    timings["prepare_s"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    model = journey_model(prepared, PERIOD)
    timings["journey_model_s"] = time.perf_counter() - t1
    t1 = time.perf_counter()
    ranked = rank_issues(prepared, PERIOD)
    timings["rank_issues_s"] = time.perf_counter() - t1
    t1 = time.perf_counter()
    evidence = build_evidence(ranked, prepared, top=10)
    timings["evidence_top10_s"] = time.perf_counter() - t1
    total = time.perf_counter() - t0
    peak_gb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20
    return {
        "rows": n_rows,
        "period": PERIOD,
        "period_comments": int(model.stages["volume"].sum()),
        "issues": len(ranked.ranked),
        "top10": [f"{e.topic}/{e.touchpoint}" for e in evidence],
        "seconds": round(total, 3),
        **{k: round(v, 3) for k, v in timings.items()},
        "rss_after_synthesis_gb": round(before_rss, 3),
        "peak_rss_gb": round(peak_gb, 3),
    }


def run(quick: bool = False) -> dict:
    """Measure in a fresh process; return the numbers and PASS/FAIL checks."""
    n_rows = QUICK_ROWS if quick else FULL_ROWS
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_journey", "--child", str(n_rows)],
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        raise RuntimeError(f"benchmark child failed: {out.stderr.strip()[-2000:]}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["checks"] = [
        {
            "name": "time",
            "target": f"journey + top-10 on {n_rows:,} comments < {TARGET_SECONDS:g} s "
            f"(measured {result['seconds']:.2f} s)",
            "passed": result["seconds"] < TARGET_SECONDS,
        },
        {
            "name": "memory",
            "target": f"peak RSS < {TARGET_RSS_GB:g} GB (measured {result['peak_rss_gb']:.2f} GB)",
            "passed": result["peak_rss_gb"] < TARGET_RSS_GB,
        },
    ]
    return result


def main(argv: list[str] | None = None) -> int:
    """Command line: print the result and PASS/FAIL lines; exit 1 when a target fails."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        print(json.dumps(_child(int(argv[1]))))
        return 0
    result = run(quick="--quick" in argv)
    for key, value in result.items():
        if key != "checks":
            print(f"{key}: {value}")
    return print_checks(result["checks"])


if __name__ == "__main__":
    sys.exit(main())
