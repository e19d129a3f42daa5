"""Writes into the store: ingest runs, feedback rows, quarantined rows and predictions.

The ingest pipeline calls the small ``*_run``/``insert_*`` helpers on one connection per chunk;
classifiers call :func:`write_predictions` with a DataFrame of their outputs.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from voc.errors import StoreError, ValidationError
from voc.store.schema import PREDICTION_COLUMNS, feedback, ingest_runs, predictions, quarantine

__all__ = [
    "create_run",
    "existing_content_hashes",
    "finish_run",
    "insert_feedback",
    "insert_quarantine",
    "update_run_counts",
    "write_predictions",
]

_ID_BATCH = 900  # stays under SQLite's bound-parameter limit


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def create_run(
    conn: Connection,
    *,
    file_name: str,
    file_hash: str,
    file_format: str | None = None,
    encoding: str | None = None,
) -> int:
    """Insert a ``running`` ingest run and return its id."""
    result = conn.execute(
        ingest_runs.insert()
        .values(
            file_name=file_name,
            file_hash=file_hash,
            file_format=file_format,
            encoding=encoding,
            status="running",
            started_at=_now(),
        )
        .returning(ingest_runs.c.id)
    )
    return int(result.scalar_one())


def update_run_counts(conn: Connection, run_id: int, **values: Any) -> None:
    """Update counters or JSON columns of an ingest run (e.g. after each chunk)."""
    conn.execute(ingest_runs.update().where(ingest_runs.c.id == run_id).values(**values))


def finish_run(conn: Connection, run_id: int, *, status: str, **values: Any) -> None:
    """Mark an ingest run ``completed`` or ``failed`` and store its final counts."""
    update_run_counts(conn, run_id, status=status, finished_at=_now(), **values)


def values_by_feedback_id(conn: Connection, column, feedback_ids: Iterable[str]) -> dict:
    """Return ``feedback_id -> column value`` for the ids in the store, in id batches."""
    ids = list(dict.fromkeys(feedback_ids))
    found: dict = {}
    for start in range(0, len(ids), _ID_BATCH):
        batch = ids[start : start + _ID_BATCH]
        rows = conn.execute(
            sa.select(feedback.c.feedback_id, column).where(feedback.c.feedback_id.in_(batch))
        )
        found.update({row[0]: row[1] for row in rows})
    return found


def existing_content_hashes(conn: Connection, feedback_ids: Iterable[str]) -> dict[str, str]:
    """Return ``feedback_id -> content_hash`` for the ids already in the store."""
    return values_by_feedback_id(conn, feedback.c.content_hash, feedback_ids)


def insert_feedback(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> int:
    """Insert redacted feedback rows (dicts keyed by ``feedback`` columns)."""
    if rows:
        conn.execute(feedback.insert(), list(rows))
    return len(rows)


def insert_quarantine(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> int:
    """Insert quarantined rows (run id, source line, reason, detail, redacted raw content)."""
    if rows:
        conn.execute(quarantine.insert(), list(rows))
    return len(rows)


def _clean(value: Any) -> Any:
    """Turn pandas/numpy scalars and NaN into plain Python values for the driver."""
    if value is None:
        return None
    if hasattr(value, "item") and not isinstance(value, list | dict | str):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _aspects(value: Any) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str):
        import json

        return json.loads(value)
    if hasattr(value, "tolist"):
        return value.tolist()
    return value


def write_predictions(engine: Engine, df, *, chunk_size: int = 20_000) -> int:
    """Store classifier outputs; the rows written become the current predictions.

    A second write for the same ``(feedback_id, model_version)`` replaces the first. The rows
    written become the current predictions of their feedback ids (older model versions stay
    in ``predictions`` as history), so :func:`voc.store.read_feedback` returns the latest
    written.

    Args:
        engine: The store.
        df: DataFrame with ``feedback_id``, ``model_version`` and the prediction columns
            (``sentiment``, ``sentiment_score``, ``topic``, ``topics``, ``topic_confidence``,
            ``touchpoint``, ``touchpoint_confidence``, ``aspects``, ``needs_review``); missing
            prediction columns are stored as null. ``topics`` may be a list or a
            ``|``-separated string; ``aspects`` a list or JSON text.
        chunk_size: Rows per transaction.

    Returns:
        The number of rows written.

    Raises:
        ValidationError: Required columns are missing or a feedback id is not in the store.
    """
    missing = [c for c in ("feedback_id", "model_version") if c not in df.columns]
    if missing:
        raise ValidationError(
            f"write_predictions needs the column(s) {', '.join(missing)}; "
            f"the DataFrame has {', '.join(map(str, df.columns))}."
        )
    columns = ["feedback_id", "model_version", *(c for c in PREDICTION_COLUMNS if c in df)]
    now = _now()
    written = 0
    for start in range(0, len(df), chunk_size):
        part = df.iloc[start : start + chunk_size]
        rows = []
        for record in part[columns].to_dict("records"):
            row = {c: _clean(record.get(c)) for c in columns if c != "aspects"}
            if "aspects" in record:
                row["aspects"] = _aspects(record["aspects"])
            topics = record.get("topics")
            if isinstance(topics, list | tuple) or hasattr(topics, "tolist"):
                row["topics"] = "|".join(map(str, list(topics)))
            row["feedback_id"] = str(row["feedback_id"])
            row["needs_review"] = bool(row.get("needs_review") or False)
            row["created_at"] = now
            rows.append(row)
        with engine.begin() as conn:
            ids = [r["feedback_id"] for r in rows]
            known = set(existing_content_hashes(conn, ids))
            unknown = sorted(set(ids) - known)
            if unknown:
                raise ValidationError(
                    f"write_predictions got {len(unknown)} feedback id(s) that are not in the "
                    f"store, e.g. {unknown[:3]}.",
                    hint="Ingest the feedback first and classify the ids read from the store.",
                )
            _upsert_predictions(conn, rows)
            written += len(rows)
    return written


def _upsert_predictions(conn: Connection, rows: list[dict[str, Any]]) -> None:
    dialect = conn.dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:  # pragma: no cover - get_engine only hands out these two
        raise StoreError(f"Predictions cannot be written to a {dialect} database.")
    all_columns = sorted({k for r in rows for k in r})
    rows = [{c: r.get(c) for c in all_columns} for r in rows]
    statement = insert(predictions)
    update = {
        c: statement.excluded[c] for c in all_columns if c not in ("feedback_id", "model_version")
    }
    conn.execute(
        statement.on_conflict_do_update(
            index_elements=["feedback_id", "model_version"], set_=update
        ),
        rows,
    )
    current = {r["feedback_id"]: r for r in rows}  # the last row of an id wins
    conn.execute(
        feedback.update()
        .where(feedback.c.feedback_id == sa.bindparam("fid"))
        .values(
            current_model_version=sa.bindparam("mv"),
            current_sentiment=sa.bindparam("sent"),
            current_topic=sa.bindparam("top"),
            current_touchpoint=sa.bindparam("tp"),
        ),
        [
            {
                "fid": fid,
                "mv": r["model_version"],
                "sent": r.get("sentiment"),
                "top": r.get("topic"),
                "tp": r.get("touchpoint"),
            }
            for fid, r in current.items()
        ],
    )
