"""Small hand-made classified frames for the journey tests."""

import pandas as pd

from voc.taxonomy import default_taxonomy

DEFAULTS = {
    "channel": "chat",
    "lang": "id",
    "sentiment": "neutral",
    "touchpoint": "support",
    "topics": "resolution",
}


def make_frame(rows, drop=()):
    """Classified frame from a list of dicts; ``topic`` follows ``topics``; ids are sequential."""
    records = []
    for i, row in enumerate(rows):
        record = {**DEFAULTS, **row}
        record.setdefault("feedback_id", f"fb{i:05d}")
        record.setdefault("created_at", "2026-05-06 10:00")
        record.setdefault("text_redacted", f"komentar nomor {i}")
        record["topic"] = record["topics"].split("|")[0]
        records.append(record)
    frame = pd.DataFrame.from_records(records)
    frame["created_at"] = pd.to_datetime(frame["created_at"])
    return frame.drop(columns=[c for c in drop if c in frame.columns])


def repeat(n, **row):
    return [dict(row) for _ in range(n)]


TAXONOMY = default_taxonomy()
