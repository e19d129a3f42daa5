"""Reads from the store: classified feedback records, the app's aggregations, quarantine, runs.

Every read joins ``feedback`` with the *current* prediction of each row (the one written last,
see :func:`voc.store.write_predictions`) unless a ``model_version`` is named.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from voc.store.schema import (
    FEEDBACK_INPUT_COLUMNS,
    PREDICTION_COLUMNS,
    feedback,
    ingest_runs,
    predictions,
    quarantine,
)

__all__ = [
    "CLASSIFIED_COLUMNS",
    "REDO_CHOICES",
    "check_redo",
    "count_to_classify",
    "iter_texts_to_classify",
    "counts_by_week_topic_touchpoint",
    "csat_by_touchpoint",
    "current_model_versions",
    "list_runs",
    "read_feedback",
    "read_quarantine",
    "several_model_versions",
]

#: Columns of a classified feedback record as :func:`read_feedback` returns them.
CLASSIFIED_COLUMNS: tuple[str, ...] = (
    *FEEDBACK_INPUT_COLUMNS,
    "lang",
    "text_truncated",
    "source_file",
    "source_line",
    "ingest_run_id",
    *PREDICTION_COLUMNS,
    "model_version",
)

DateLike = dt.date | dt.datetime | str | None


def _as_datetime(value: DateLike) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    return dt.datetime.fromisoformat(str(value))


def _prediction_join(model_version: str | None):
    condition = predictions.c.feedback_id == feedback.c.feedback_id
    if model_version is None:
        return condition & (predictions.c.model_version == feedback.c.current_model_version)
    return condition & (predictions.c.model_version == model_version)


def _in(column, values: Iterable[str] | str | None):
    if values is None:
        return None
    if isinstance(values, str):
        values = [values]
    return column.in_(list(values))


def _filters(
    *,
    start: DateLike = None,
    end: DateLike = None,
    channels=None,
    langs=None,
    topics=None,
    touchpoints=None,
    ingest_run_id: int | None = None,
) -> list:
    clauses = []
    if (begin := _as_datetime(start)) is not None:
        clauses.append(feedback.c.created_at >= begin)
    if (finish := _as_datetime(end)) is not None:
        clauses.append(feedback.c.created_at < finish)
    for column, values in (
        (feedback.c.channel, channels),
        (feedback.c.lang, langs),
        (predictions.c.topic, topics),
        (predictions.c.touchpoint, touchpoints),
    ):
        clause = _in(column, values)
        if clause is not None:
            clauses.append(clause)
    if ingest_run_id is not None:
        clauses.append(feedback.c.ingest_run_id == ingest_run_id)
    return clauses


def read_feedback(
    engine: Engine,
    *,
    start: DateLike = None,
    end: DateLike = None,
    channels: Iterable[str] | str | None = None,
    langs: Iterable[str] | str | None = None,
    topics: Iterable[str] | str | None = None,
    touchpoints: Iterable[str] | str | None = None,
    ingest_run_id: int | None = None,
    model_version: str | None = None,
    classified_only: bool = False,
    unclassified_only: bool = False,
    limit: int | None = None,
):
    """Return feedback records joined with their current prediction as a DataFrame.

    Args:
        engine: The store.
        start: Keep rows created at or after this time (inclusive).
        end: Keep rows created before this time (exclusive).
        channels: Keep these channels.
        langs: Keep these languages (``id``, ``en``, ``mixed``).
        topics: Keep rows whose primary topic is one of these.
        touchpoints: Keep rows whose touchpoint is one of these.
        ingest_run_id: Keep rows loaded by this ingest run.
        model_version: Join this model version's predictions instead of the current ones.
        classified_only: Drop rows without a prediction.
        unclassified_only: Keep only rows without a prediction (the classifier's to-do list).
        limit: At most this many rows (ordered by ``created_at``, then id).

    Returns:
        A DataFrame with :data:`CLASSIFIED_COLUMNS`; prediction columns are null for rows not
        classified yet; ``aspects`` holds Python lists.
    """
    import pandas as pd

    selected = [feedback.c[c] for c in CLASSIFIED_COLUMNS if c in feedback.c]
    selected += [predictions.c[c] for c in (*PREDICTION_COLUMNS, "model_version")]
    query = sa.select(*selected).select_from(
        feedback.outerjoin(predictions, _prediction_join(model_version))
    )
    clauses = _filters(
        start=start,
        end=end,
        channels=channels,
        langs=langs,
        topics=topics,
        touchpoints=touchpoints,
        ingest_run_id=ingest_run_id,
    )
    if classified_only:
        clauses.append(predictions.c.id.is_not(None))
    if unclassified_only:
        clauses.append(predictions.c.id.is_(None))
    if clauses:
        query = query.where(*clauses)
    query = query.order_by(feedback.c.created_at, feedback.c.feedback_id)
    if limit is not None:
        query = query.limit(limit)
    rows = _raw_rows(engine, query)
    frame = pd.DataFrame.from_records(rows, columns=list(CLASSIFIED_COLUMNS))
    frame["created_at"] = pd.to_datetime(frame["created_at"])
    for column in ("text_truncated", "needs_review", "resolved_first_contact"):
        frame[column] = frame[column].astype("boolean")
    frame["aspects"] = [json.loads(v) if isinstance(v, str) else v for v in frame["aspects"]]
    return frame


def _raw_rows(engine: Engine, query) -> list[tuple]:
    """Run ``query`` and return the DBAPI cursor's plain tuples.

    SQLAlchemy compiles the statement and binds its parameters, but builds no Row objects and
    runs no per-value processors: 200,000 rows come back several times faster. The values are
    what the driver returns (on SQLite: timestamps as ISO text, flags as 0/1, JSON as text).
    """
    with engine.connect() as conn:
        result = conn.execute(query)
        try:
            return result.cursor.fetchall()
        finally:
            result.close()


def _classified_source(model_version: str | None):
    """Return (from-clause, topic column, touchpoint column) for the aggregations.

    The current prediction is copied onto ``feedback`` (``current_*``), so the default path is
    a covering-index scan of one table; a named model version joins ``predictions``.
    """
    if model_version is None:
        return feedback, feedback.c.current_topic, feedback.c.current_touchpoint
    joined = feedback.join(predictions, _prediction_join(model_version))
    return joined, predictions.c.topic, predictions.c.touchpoint


def current_model_versions(engine: Engine) -> dict[str | None, int]:
    """Stored comments per model version of their current prediction (``None``: none yet).

    Most rows first. Shows whether the store's charts rest on one model: after a model or
    its text rules change, the older version's rows are the ones ``voc reclassify`` re-does.
    """
    version = feedback.c.current_model_version
    query = sa.select(version, sa.func.count()).group_by(version)
    with engine.connect() as conn:
        counts = {row[0]: int(row[1]) for row in conn.execute(query)}
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] or "")))


#: Which stored comments a classification run takes (see :func:`iter_texts_to_classify`).
REDO_CHOICES = ("unclassified", "stale", "all")


def check_redo(redo: str) -> None:
    """Refuse a ``redo`` that is none of :data:`REDO_CHOICES` (``ConfigError``)."""
    from voc.errors import ConfigError

    if redo not in REDO_CHOICES:
        raise ConfigError(f"redo must be one of {', '.join(REDO_CHOICES)}, not {redo!r}.")


def _to_classify(redo: str, model_version: str | None):
    from voc.errors import ConfigError

    check_redo(redo)
    current = feedback.c.current_model_version
    if redo == "unclassified":
        return current.is_(None)
    if redo == "stale":
        if not model_version:
            raise ConfigError("redo='stale' needs the model version to compare with.")
        return current.is_(None) | (current != model_version)
    return sa.true()


def count_to_classify(engine: Engine, redo: str = "unclassified", model_version=None) -> int:
    """How many stored comments :func:`iter_texts_to_classify` would yield."""
    query = sa.select(sa.func.count()).select_from(feedback)
    with engine.connect() as conn:
        return int(conn.execute(query.where(_to_classify(redo, model_version))).scalar_one())


def iter_texts_to_classify(
    engine: Engine,
    redo: str = "unclassified",
    model_version: str | None = None,
    *,
    batch_size: int = 2_000,
) -> Iterator[tuple[list[str], list[str]]]:
    """Yield ``(feedback ids, redacted texts)`` of the comments a classification run takes.

    ``redo``: ``unclassified`` (no prediction yet), ``stale`` (also those whose current
    prediction comes from another version than ``model_version``) or ``all``. Pages of
    ``batch_size`` rows in feedback-id order (each page starts after the last id of the one
    before), so memory stays bounded by the page and a run's own writes do not shift it:
    only the id and the text are read.

    Raises:
        ConfigError: An unknown ``redo``, or ``stale`` without a model version.
    """
    where = _to_classify(redo, model_version)
    last: str | None = None
    while True:
        query = sa.select(feedback.c.feedback_id, feedback.c.text_redacted).where(where)
        if last is not None:
            query = query.where(feedback.c.feedback_id > last)
        query = query.order_by(feedback.c.feedback_id).limit(batch_size)
        with engine.connect() as conn:
            rows = conn.execute(query).all()
        if not rows:
            return
        yield [r[0] for r in rows], [r[1] or "" for r in rows]
        last = rows[-1][0]


def several_model_versions(engine: Engine) -> bool:
    """Whether predictions of more than one model version were ever stored.

    Two index look-ups (``ix_predictions_model_version``), however large the store: the
    cheap test before :func:`current_model_versions`, which reads every row.
    """
    column = predictions.c.model_version
    lowest = sa.select(sa.func.min(column)).scalar_subquery()  # one aggregate per query:
    highest = sa.select(sa.func.max(column)).scalar_subquery()  # each an index look-up
    with engine.connect() as conn:
        low, high = conn.execute(sa.select(lowest, highest)).one()
    return low is not None and low != high


def counts_by_week_topic_touchpoint(
    engine: Engine,
    *,
    start: DateLike = None,
    end: DateLike = None,
    model_version: str | None = None,
):
    """Count classified feedback per week (starting Monday), topic and touchpoint.

    Args:
        engine: The store.
        start: Keep rows created at or after this time.
        end: Keep rows created before this time.
        model_version: Count this model version's predictions instead of the current ones.

    Returns:
        DataFrame with ``week`` (date of the Monday), ``topic``, ``touchpoint``, ``n``; rows
        without a date or a classification are not counted.
    """
    import pandas as pd

    source, topic, touchpoint = _classified_source(model_version)
    query = (
        sa.select(feedback.c.week, topic, touchpoint, sa.func.count().label("n"))
        .select_from(source)
        .where(*_filters(start=start, end=end), feedback.c.week.is_not(None), topic.is_not(None))
        .group_by(feedback.c.week, topic, touchpoint)
        .order_by(feedback.c.week, topic, touchpoint)
    )
    with engine.connect() as conn:
        rows = [tuple(row) for row in conn.execute(query)]  # plain tuples: pandas probes Rows
    frame = pd.DataFrame.from_records(rows, columns=["week", "topic", "touchpoint", "n"])
    frame["n"] = frame["n"].astype("int64")
    return frame


def csat_by_touchpoint(
    engine: Engine,
    *,
    start: DateLike = None,
    end: DateLike = None,
    model_version: str | None = None,
):
    """CSAT% per touchpoint: the share of responses rated 4 or 5 among rows with a CSAT.

    Args:
        engine: The store.
        start: Keep rows created at or after this time.
        end: Keep rows created before this time.
        model_version: Use this model version's touchpoints instead of the current ones.

    Returns:
        DataFrame with ``touchpoint``, ``responses`` (rows with a CSAT), ``satisfied``
        (CSAT >= 4) and ``csat_pct`` (satisfied / responses x 100).
    """
    import pandas as pd

    source, _, touchpoint = _classified_source(model_version)
    responses = sa.func.count().label("responses")
    satisfied = sa.func.sum(sa.case((feedback.c.csat >= 4, 1), else_=0)).label("satisfied")
    query = (
        sa.select(touchpoint, responses, satisfied)
        .select_from(source)
        .where(
            *_filters(start=start, end=end),
            feedback.c.csat.is_not(None),
            touchpoint.is_not(None),
        )
        .group_by(touchpoint)
        .order_by(touchpoint)
    )
    with engine.connect() as conn:
        rows = [tuple(row) for row in conn.execute(query)]
    frame = pd.DataFrame.from_records(rows, columns=["touchpoint", "responses", "satisfied"])
    frame["responses"] = frame["responses"].astype("int64")
    frame["satisfied"] = frame["satisfied"].astype("int64")
    frame["csat_pct"] = 100.0 * frame["satisfied"] / frame["responses"]
    return frame


def read_quarantine(engine: Engine, *, ingest_run_id: int | None = None, limit: int | None = None):
    """Return quarantined rows (redacted) as a DataFrame, newest run first.

    Returns:
        DataFrame with ``id``, ``ingest_run_id``, ``source_file``, ``source_line``, ``reason``,
        ``detail``, ``raw_redacted``.
    """
    import pandas as pd

    columns = [
        "id", "ingest_run_id", "source_file", "source_line", "reason", "detail", "raw_redacted",
    ]  # fmt: skip
    query = sa.select(*(quarantine.c[c] for c in columns)).order_by(
        quarantine.c.ingest_run_id.desc(), quarantine.c.source_file, quarantine.c.source_line
    )
    if ingest_run_id is not None:
        query = query.where(quarantine.c.ingest_run_id == ingest_run_id)
    if limit is not None:
        query = query.limit(limit)
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    return pd.DataFrame.from_records(rows, columns=columns)


def list_runs(engine: Engine, *, limit: int | None = None) -> list[dict]:
    """Return the ingest runs, newest first, as plain dicts."""
    query = sa.select(ingest_runs).order_by(ingest_runs.c.id.desc())
    if limit is not None:
        query = query.limit(limit)
    with engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(query)]
