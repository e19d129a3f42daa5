"""Build throwaway stores for the app tests and benchmark (no real model needed)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample"
TRUTH_VERSION = "default/truth"


def truth_predictions(feedback_ids, truth):
    """Prediction rows for ``feedback_ids`` from the generator's labels (``truth.csv``).

    Every 9th row gets a low confidence and ``needs_review`` so the review queue has work.
    """
    import numpy as np
    import pandas as pd

    merged = pd.DataFrame({"feedback_id": list(feedback_ids)}).merge(truth, on="feedback_id")
    low = np.arange(len(merged)) % 9 == 0
    score = merged["sentiment"].map({"negative": -0.8, "neutral": 0.0, "positive": 0.8})
    return pd.DataFrame(
        {
            "feedback_id": merged["feedback_id"],
            "model_version": TRUTH_VERSION,
            "sentiment": merged["sentiment"],
            "sentiment_score": score.fillna(0.0),
            "topic": merged["topics"].str.split("|").str[0],
            "topics": merged["topics"],
            "topic_confidence": np.where(low, 0.35, 0.9),
            "touchpoint": merged["touchpoint"],
            "touchpoint_confidence": np.where(low, 0.4, 0.85),
            "needs_review": low,
        }
    )


def build_sample_store(
    directory: Path, *, every: int = 6, with_bad_rows: bool = True, url: str | None = None
) -> str:
    """Ingest every ``every``-th sample row (plus two bad rows) and write truth predictions.

    Args:
        directory: Where the subset file (and the SQLite store) go.
        every: Keep every ``every``-th sample row.
        with_bad_rows: Add two rows with empty text (quarantined).
        url: Another database to fill (an empty PostgreSQL schema) instead of SQLite.

    Returns:
        The URL of the store.
    """
    import pandas as pd

    from voc.ingest import ingest_file
    from voc.store import get_engine, read_feedback, write_predictions

    feedback = pd.read_csv(SAMPLE / "feedback.csv", dtype=str, keep_default_na=False)
    subset = feedback.iloc[::every].copy()
    if with_bad_rows:
        bad = subset.iloc[:2].copy()
        bad["feedback_id"] = ["BAD-1", "BAD-2"]
        bad["text"] = ["", "   "]
        subset = pd.concat([subset, bad])
    path = Path(directory) / "sample_subset.csv"
    subset.to_csv(path, index=False)
    url = url or f"sqlite:///{Path(directory) / 'app.db'}"
    engine = get_engine(url)
    ingest_file(path, engine=engine)
    truth = pd.read_csv(SAMPLE / "truth.csv", dtype=str, keep_default_na=False)
    stored = read_feedback(engine)
    write_predictions(engine, truth_predictions(stored["feedback_id"], truth))
    return url


def synth_store(directory: Path, n_rows: int, *, seed: int = 0) -> str:
    """A store of ``n_rows`` synthesized classified comments over 26 weeks (for benchmarks).

    Rows are inserted directly (no redaction or language detection: the texts are
    placeholder sentences without personal data).
    """
    import numpy as np
    import sqlalchemy as sa

    from voc.store import get_engine
    from voc.store.schema import feedback, ingest_runs, predictions
    from voc.taxonomy import default_taxonomy

    rng = np.random.default_rng(seed)
    taxonomy = default_taxonomy()
    topics = np.array(taxonomy.topic_ids)
    touchpoints = np.array(taxonomy.touchpoint_ids)
    channels = np.array(["whatsapp", "chat", "email", "phone", "social", "app_review", "survey"])
    sentiments = np.array(["negative", "neutral", "positive"])
    start = dt.datetime(2026, 1, 5)
    seconds = rng.integers(0, 26 * 7 * 86400, n_rows)
    url = f"sqlite:///{Path(directory) / 'bench.db'}"
    engine = get_engine(url)
    now = dt.datetime(2026, 7, 1)
    with engine.begin() as conn:
        run_id = conn.execute(
            ingest_runs.insert()
            .values(file_name="synth.csv", file_hash="0" * 64, status="completed", started_at=now)
            .returning(ingest_runs.c.id)
        ).scalar_one()
        chunk = 20_000
        for first in range(0, n_rows, chunk):
            idx = np.arange(first, min(first + chunk, n_rows))
            topic = topics[rng.integers(0, len(topics), len(idx))]
            touchpoint = touchpoints[rng.integers(0, len(touchpoints), len(idx))]
            sentiment = sentiments[rng.choice(3, len(idx), p=[0.45, 0.3, 0.25])]
            channel = channels[rng.integers(0, len(channels), len(idx))]
            csat = np.where(rng.random(len(idx)) < 0.3, rng.integers(1, 6, len(idx)), 0)
            rows_f, rows_p = [], []
            for j, i in enumerate(idx):
                created = start + dt.timedelta(seconds=int(seconds[i]))
                fid = f"S-{i:07d}"
                rows_f.append(
                    {
                        "feedback_id": fid,
                        "created_at": created,
                        "week": (created - dt.timedelta(days=created.weekday())).date(),
                        "channel": str(channel[j]),
                        "text_redacted": f"comment {i} about {topic[j]} at {touchpoint[j]}",
                        "csat": float(csat[j]) if csat[j] else None,
                        "customer_id": f"C{int(rng.integers(0, n_rows // 3 + 1))}",
                        "agent_id": f"AGT-{int(i % 40):02d}",
                        "first_response_seconds": float(rng.integers(30, 20_000)),
                        "handle_seconds": float(rng.integers(60, 1_500)),
                        "resolved_first_contact": bool(rng.random() < 0.7),
                        "lang": "id" if i % 3 else "en",
                        "content_hash": f"{i:064d}",
                        "ingest_run_id": run_id,
                        "source_file": "synth.csv",
                        "source_line": int(i + 2),
                        "current_model_version": TRUTH_VERSION,
                        "current_sentiment": str(sentiment[j]),
                        "current_topic": str(topic[j]),
                        "current_touchpoint": str(touchpoint[j]),
                    }
                )
                rows_p.append(
                    {
                        "feedback_id": fid,
                        "model_version": TRUTH_VERSION,
                        "sentiment": str(sentiment[j]),
                        "sentiment_score": {"negative": -0.7, "neutral": 0.0, "positive": 0.7}[
                            str(sentiment[j])
                        ],
                        "topic": str(topic[j]),
                        "topics": str(topic[j]),
                        "topic_confidence": 0.9,
                        "touchpoint": str(touchpoint[j]),
                        "touchpoint_confidence": 0.9,
                        "aspects": [],
                        "needs_review": False,
                        "created_at": now,
                    }
                )
            conn.execute(feedback.insert(), rows_f)
            conn.execute(predictions.insert(), rows_p)
        conn.execute(sa.text("ANALYZE"))
    return url
