"""Analyst corrections of comment labels (the app's review queue): write, read, import a CSV.

A correction names a stored comment and the labels an analyst gave it. Every correction is
kept; the newest per comment is the one that counts. Reads join the comment's redacted text,
so the corrections are ready to use as training examples (``text``, ``topics``,
``touchpoint``, ``sentiment``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from voc.errors import ValidationError
from voc.store.schema import feedback, review_corrections
from voc.store.writes import existing_content_hashes

__all__ = [
    "CORRECTION_COLUMNS",
    "add_correction",
    "import_corrections_csv",
    "read_corrections",
]

#: Columns of :func:`read_corrections`.
CORRECTION_COLUMNS = (
    "feedback_id",
    "text",
    "topics",
    "touchpoint",
    "sentiment",
    "corrected_by",
    "corrected_at",
)


def _topics(topics: str | Iterable[str]) -> str:
    if isinstance(topics, str):
        return topics
    return "|".join(str(t) for t in topics)


def add_correction(
    engine: Engine,
    feedback_id: str,
    *,
    topics: str | Iterable[str],
    touchpoint: str,
    sentiment: str,
    corrected_by: str,
    corrected_at: dt.datetime | None = None,
) -> int:
    """Store one correction and return its id.

    Args:
        engine: The store.
        feedback_id: The corrected comment (must be in the store).
        topics: Topic id(s): a list or a ``|``-separated string.
        touchpoint: Touchpoint id.
        sentiment: Sentiment label.
        corrected_by: Who corrected it.
        corrected_at: When (default: now, UTC).

    Raises:
        ValidationError: The comment is not in the store, or a label or the author is empty.
    """
    labels = {"topics": _topics(topics), "touchpoint": touchpoint, "sentiment": sentiment}
    empty = [name for name, value in {**labels, "corrected_by": corrected_by}.items() if not value]
    if empty:
        raise ValidationError(
            f"A review correction needs {', '.join(empty)}; got an empty value.",
            hint="Pick the labels and give your name before saving.",
        )
    when = corrected_at or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    with engine.begin() as conn:
        known = conn.execute(
            sa.select(feedback.c.feedback_id).where(feedback.c.feedback_id == str(feedback_id))
        ).first()
        if known is None:
            raise ValidationError(
                f"Cannot store a correction of comment {feedback_id!r}: it is not in the store.",
                hint="Correct comments from the review queue of the current store.",
            )
        return int(
            conn.execute(
                review_corrections.insert()
                .values(
                    feedback_id=str(feedback_id),
                    corrected_by=corrected_by,
                    corrected_at=when,
                    **labels,
                )
                .returning(review_corrections.c.id)
            ).scalar_one()
        )


def read_corrections(engine: Engine):
    """The newest correction of each corrected comment, with its redacted text.

    Returns:
        DataFrame with :data:`CORRECTION_COLUMNS`, oldest correction first.
    """
    import pandas as pd

    newest = (
        sa.select(sa.func.max(review_corrections.c.id).label("id"))
        .group_by(review_corrections.c.feedback_id)
        .subquery()
    )
    query = (
        sa.select(
            review_corrections.c.feedback_id,
            feedback.c.text_redacted.label("text"),
            review_corrections.c.topics,
            review_corrections.c.touchpoint,
            review_corrections.c.sentiment,
            review_corrections.c.corrected_by,
            review_corrections.c.corrected_at,
        )
        .select_from(
            review_corrections.join(newest, newest.c.id == review_corrections.c.id).join(
                feedback, feedback.c.feedback_id == review_corrections.c.feedback_id
            )
        )
        .order_by(review_corrections.c.id)
    )
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    frame = pd.DataFrame([tuple(row) for row in rows], columns=list(CORRECTION_COLUMNS))
    frame["corrected_at"] = pd.to_datetime(frame["corrected_at"])
    return frame


def import_corrections_csv(engine: Engine, path: str | Path) -> int:
    """Store the corrections of a CSV written by earlier app versions; return how many.

    The CSV has ``feedback_id``, ``topics``, ``touchpoint``, ``sentiment`` and
    ``corrected_by`` columns (its ``text`` column is not needed: the store has the text).
    Rows of comments that are no longer in the store are skipped.
    """
    import pandas as pd

    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = {"feedback_id", "topics", "touchpoint", "sentiment"} - set(table.columns)
    if missing:
        raise ValidationError(
            f"The corrections file {path} lacks the column(s) {', '.join(sorted(missing))}."
        )
    with engine.connect() as conn:
        known = set(existing_content_hashes(conn, table["feedback_id"]))
    stored = 0
    for record in table.to_dict("records"):
        if record["feedback_id"] not in known:
            continue
        add_correction(
            engine,
            record["feedback_id"],
            topics=record["topics"],
            touchpoint=record["touchpoint"],
            sentiment=record["sentiment"],
            corrected_by=record.get("corrected_by") or "imported",
        )
        stored += 1
    return stored
