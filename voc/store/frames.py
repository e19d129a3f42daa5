"""Fast typed reads of classified feedback for analytics: only the columns asked for, in bulk.

:func:`read_frame` is the read path of the journey analytics and the app. It selects only the
columns named, decodes the JSON ``aspects`` only when they are asked for, and types each
column once, in bulk, from its schema type: ``created_at`` as datetime64, numbers as float64,
flags as nullable booleans, identifiers and text as strings, and the few-valued labels
(channel, topic, touchpoint, ...) as pandas categoricals. On SQLite the rows come as Arrow
columns through the ADBC SQLite driver (about three times faster than Python rows); on
PostgreSQL, or when that driver is missing or cannot type a column, they come straight from
the DBAPI cursor as plain tuples (no per-row ORM processing). :func:`read_texts` fetches the
redacted text of given feedback ids, for pages that show a handful of verbatims.
"""

from __future__ import annotations

import datetime as dt
import json
import urllib.parse
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from voc.errors import ValidationError
from voc.store.queries import (
    CLASSIFIED_COLUMNS,
    DateLike,
    _as_datetime,
    _filters,
    _prediction_join,
)
from voc.store.schema import PREDICTION_COLUMNS, feedback, predictions

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "ANALYSIS_COLUMNS",
    "CATEGORY_COLUMNS",
    "fetch_arrow",
    "fetch_columns",
    "read_frame",
    "read_texts",
]

#: What the journey KPIs, the issue ranking and the app's dashboards read (no text, no
#: aspects, no review flags: every column added costs read time on every first render).
ANALYSIS_COLUMNS: tuple[str, ...] = (
    "feedback_id",
    "created_at",
    "channel",
    "csat",
    "nps",
    "customer_id",
    "agent_id",
    "first_response_seconds",
    "handle_seconds",
    "resolved_first_contact",
    "sentiment",
    "sentiment_score",
    "topics",
    "touchpoint",
)

#: Few-valued label columns that :func:`read_frame` returns as categoricals.
CATEGORY_COLUMNS = frozenset(
    {
        "channel",
        "lang",
        "customer_segment",
        "product_line",
        "region",
        "agent_id",
        "sentiment",
        "topic",
        "touchpoint",
        "model_version",
    }
)

#: Rows per Arrow batch: the driver infers a column's type from its first batch, so one
#: batch holds the whole result (the buffers grow as rows come; nothing is preallocated).
_ADBC_BATCH_ROWS = 1_000_000_000
_SQLITE_TIME = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy stores DateTime on SQLite
#: Above this share of the stored time range, SQLite reads a window by scanning the table.
_INDEX_SHARE = 0.1


def _column(name: str):
    """The table column behind a classified-record column name."""
    if name in PREDICTION_COLUMNS or name == "model_version":
        return predictions.c[name]
    if name in feedback.c:
        return feedback.c[name]
    raise ValidationError(
        f"The store has no feedback column {name!r}.",
        hint=f"Use column names of voc.store.CLASSIFIED_COLUMNS: {', '.join(CLASSIFIED_COLUMNS)}.",
    )


def _kind(name: str) -> str:
    """How a column is typed in the frame, from its schema type."""
    column_type = _column(name).type
    if isinstance(column_type, sa.JSON):
        return "json"
    if isinstance(column_type, sa.DateTime):
        return "datetime"
    if isinstance(column_type, sa.Boolean):
        return "boolean"
    if isinstance(column_type, sa.Float):
        return "float"
    if isinstance(column_type, sa.Integer):
        return "integer"
    if isinstance(column_type, sa.Date):
        return "date"
    return "string"


def fetch_columns(engine: Engine, query: sa.Select) -> list[np.ndarray]:
    """Run ``query`` and return its result as one object array per selected column.

    The rows come from the DBAPI cursor as plain tuples (SQLAlchemy compiles the statement
    and binds the parameters, but no Row objects or per-value processors are built), so the
    values are what the driver returns: on SQLite, timestamps are ISO text and flags 0/1.
    """
    import numpy as np

    width = len(query.selected_columns)
    with engine.connect() as conn:
        result = conn.execute(query)
        try:
            rows = result.cursor.fetchall()
        finally:
            result.close()
    if not rows:
        return [np.empty(0, dtype=object) for _ in range(width)]
    try:
        table = np.array(rows, dtype=object)
    except ValueError:  # a JSON list value makes the rows ragged: go column by column
        table = None
    if table is not None and table.shape == (len(rows), width):
        return list(table.T)  # strided views: every column is converted (copied) once later
    return [
        np.fromiter(values, dtype=object, count=len(rows)) for values in zip(*rows, strict=True)
    ]


def _sqlite_value(value):
    """A bound parameter as SQLAlchemy would send it to SQLite (``_UNSUPPORTED`` if unsure)."""
    if value is None or isinstance(value, str | int | float):
        return int(value) if isinstance(value, bool) else value
    if isinstance(value, dt.datetime):
        return value.strftime(_SQLITE_TIME)
    if isinstance(value, dt.date):
        return value.isoformat()
    return _UNSUPPORTED


_UNSUPPORTED = object()


def fetch_arrow(engine: Engine, query: sa.Select):
    """Run ``query`` on SQLite through the ADBC driver and return an Arrow table.

    Returns ``None`` when this path does not apply (not SQLite, an in-memory or URI database,
    the ``adbc-driver-sqlite`` package missing, a parameter of an unexpected type, or a driver
    error such as a column whose stored values change type): the caller then reads the rows
    from the DBAPI cursor. The database is opened read-only.
    """
    if engine.dialect.name != "sqlite":
        return None
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    try:
        import adbc_driver_sqlite.dbapi as adbc
    except ImportError:
        return None
    compiled = query.compile(dialect=engine.dialect, compile_kwargs={"render_postcompile": True})
    params = [_sqlite_value(compiled.params[name]) for name in compiled.positiontup or ()]
    if any(value is _UNSUPPORTED for value in params):
        return None
    uri = f"file:{urllib.parse.quote(str(Path(database).resolve()))}?mode=ro"
    try:
        connection = adbc.connect(uri)
        try:
            cursor = connection.cursor()
            try:
                cursor.adbc_statement.set_options(
                    **{"adbc.sqlite.query.batch_rows": str(_ADBC_BATCH_ROWS)}
                )
                cursor.execute(str(compiled), params or None)
                return cursor.fetch_arrow_table()
            finally:
                cursor.close()
        finally:
            connection.close()
    except adbc.Error:
        return None


def _frame_from_arrow(table, names: list[str], categories: bool):
    """Type the Arrow columns like :func:`_typed` types driver values (``None``: cannot)."""
    import pandas as pd
    import pyarrow as pa

    target = {
        "datetime": pa.timestamp("us"),
        "date": pa.timestamp("us"),
        "float": pa.float64(),
        "boolean": pa.bool_(),
        "integer": pa.int64(),
        "string": pa.string(),
    }
    columns, decoded = {}, {}
    try:
        for name, column in zip(names, table.columns, strict=True):
            kind = _kind(name)
            if kind == "json":
                decoded[name] = _json(column.to_numpy(zero_copy_only=False))
                continue
            column = column.cast(target[kind])
            if kind == "string" and categories and name in CATEGORY_COLUMNS:
                column = column.dictionary_encode()
            columns[name] = column
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
        return None  # e.g. text in a number column: the DBAPI path coerces it
    mapper = {pa.bool_(): pd.BooleanDtype(), pa.int64(): pd.Int64Dtype()}.get
    frame = pa.table(columns).to_pandas(types_mapper=mapper) if columns else pd.DataFrame()
    for name in frame.select_dtypes("category").columns:
        labels = frame[name].cat.categories
        frame[name] = frame[name].cat.reorder_categories(sorted(labels))
    for name, values in decoded.items():
        frame[name] = values
    return frame[names]


def _datetimes(values: np.ndarray):
    import pandas as pd

    first = next((v for v in values if v is not None), None)
    if isinstance(first, str):  # SQLite keeps timestamps as ISO text
        stamps = pd.to_datetime(values, format="ISO8601")
    else:
        stamps = pd.to_datetime(values)
    return stamps.as_unit("us")  # the stores keep microseconds; one unit for every read


def _json(values: np.ndarray) -> np.ndarray:
    import numpy as np

    decoded = [json.loads(v) if isinstance(v, str) else v for v in values]
    return np.fromiter(decoded, dtype=object, count=len(decoded))


def _typed(name: str, values: np.ndarray, categories: bool):
    """Convert the driver values of one column to its pandas dtype."""
    import pandas as pd

    kind = _kind(name)
    if kind == "datetime":
        return _datetimes(values)
    if kind == "float":
        return _floats(values)
    if kind == "boolean":
        return _booleans(values)
    if kind == "integer":
        return pd.array(values, dtype="Int64")
    if kind == "json":
        return _json(values)
    if kind == "date":
        return pd.to_datetime(values).as_unit("us")
    if categories and name in CATEGORY_COLUMNS:
        return _categorical(values)
    return pd.array(values, dtype="str")


def _floats(values: np.ndarray) -> np.ndarray:
    import pandas as pd

    try:
        return values.astype("float64")  # no nulls: a plain cast, ten times faster
    except (TypeError, ValueError):  # nulls (or, on SQLite, text in a number column)
        return pd.to_numeric(values, errors="coerce").astype("float64")


def _booleans(values: np.ndarray):
    """Nullable booleans from the driver's True/False/1/0/None."""
    import numpy as np
    import pandas as pd

    missing = np.asarray(values == None, dtype=bool)  # noqa: E711 (elementwise on objects)
    flags = np.where(missing, 0, values).astype(bool)
    return pd.arrays.BooleanArray(flags, missing)


def _categorical(values: np.ndarray):
    """A categorical with sorted string categories (hashing the objects once, no copies)."""
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(values)
    labels = np.array([str(u) for u in uniques], dtype=object)
    order = np.argsort(labels, kind="stable")
    position = np.empty(len(order), dtype=np.intp)
    position[order] = np.arange(len(order))
    codes = np.append(position, -1)[codes]  # code -1 (missing) picks the appended -1
    return pd.Categorical.from_codes(codes, categories=pd.Index(labels[order], dtype="str"))


def _sort_order(created, ids: np.ndarray) -> np.ndarray:
    """Row order by ``created_at`` (missing last), then ``feedback_id``."""
    import numpy as np

    stamps = np.asarray(created, dtype="datetime64[us]")
    keys = np.where(np.isnat(stamps), np.iinfo(np.int64).max, stamps.view("int64"))
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    tied = np.zeros(len(order), dtype=bool)
    same = ordered[1:] == ordered[:-1]
    tied[1:] |= same
    tied[:-1] |= same
    if tied.any():  # rows sharing a time: order them by id (runs of a time stay in place)
        places = np.flatnonzero(tied)
        rows = order[places]
        order[places] = sorted(rows, key=lambda r: (keys[r], str(ids[r])))
    return order


def _date_clauses(engine: Engine, start: DateLike, end: DateLike) -> list:
    """``created_at`` bounds; on SQLite a wide window is matched by a scan, not the index.

    SQLite walks the ``created_at`` index for any range and then fetches each row by its
    rowid, which for most of a table costs three times a plain scan (the planner has no
    statistics to know better). When the window spans more than :data:`_INDEX_SHARE` of the
    stored time range, the column is wrapped so the index cannot be used.
    """
    begin, finish = _as_datetime(start), _as_datetime(end)
    if begin is None and finish is None:
        return []
    column = feedback.c.created_at
    if engine.dialect.name == "sqlite" and _time_share(engine, begin, finish) > _INDEX_SHARE:
        column = sa.func.coalesce(column, sa.null(), type_=column.type)  # same value, no index
    clauses = []
    if begin is not None:
        clauses.append(column >= begin)
    if finish is not None:
        clauses.append(column < finish)
    return clauses


def _time_share(engine: Engine, begin, finish) -> float:
    """The share of the stored time range that ``[begin, finish)`` covers (0 to 1)."""
    with engine.connect() as conn:
        first, last = conn.execute(
            sa.select(sa.func.min(feedback.c.created_at), sa.func.max(feedback.c.created_at))
        ).one()
    if first is None or last is None or last <= first:
        return 1.0
    low, high = max(begin or first, first), min(finish or last, last)
    return max((high - low).total_seconds(), 0.0) / (last - first).total_seconds()


def read_frame(
    engine: Engine,
    columns: Sequence[str] = ANALYSIS_COLUMNS,
    *,
    start: DateLike = None,
    end: DateLike = None,
    channels: Iterable[str] | str | None = None,
    langs: Iterable[str] | str | None = None,
    topics: Iterable[str] | str | None = None,
    touchpoints: Iterable[str] | str | None = None,
    ingest_run_id: int | None = None,
    model_version: str | None = None,
    classified_only: bool = True,
    categories: bool = True,
    ordered: bool = True,
):
    """Return the named columns of feedback joined with its current prediction, typed.

    Args:
        engine: The store.
        columns: Column names from :data:`voc.store.CLASSIFIED_COLUMNS` (default: the
            :data:`ANALYSIS_COLUMNS` the journey analytics use). ``aspects`` is decoded
            from JSON only when named here.
        start: Keep rows created at or after this time (inclusive).
        end: Keep rows created before this time (exclusive).
        channels: Keep these channels.
        langs: Keep these languages.
        topics: Keep rows whose primary topic is one of these.
        touchpoints: Keep rows whose touchpoint is one of these.
        ingest_run_id: Keep rows loaded by this ingest run.
        model_version: Join this model version's predictions instead of the current ones.
        classified_only: Drop rows without a prediction (the default: analytics need labels).
        categories: Return the few-valued labels of :data:`CATEGORY_COLUMNS` as categoricals
            (else as strings).
        ordered: Order the rows by ``created_at`` (rows without one last), then
            ``feedback_id``; ``False`` keeps the database's order (cheaper, for lookups).

    Returns:
        A DataFrame with exactly ``columns``: ``created_at`` datetime64, numbers float64,
        flags nullable ``boolean``, integers ``Int64``, ids and text ``str``.

    Raises:
        ValidationError: A column name is not a classified-record column.
    """
    import numpy as np
    import pandas as pd

    names = list(dict.fromkeys(columns))
    fetched = list(names)
    if ordered:
        fetched += [c for c in ("created_at", "feedback_id") if c not in fetched]
    query = sa.select(*(_column(name).label(name) for name in fetched)).select_from(
        feedback.outerjoin(predictions, _prediction_join(model_version))
    )
    clauses = _filters(
        channels=channels,
        langs=langs,
        topics=topics,
        touchpoints=touchpoints,
        ingest_run_id=ingest_run_id,
    )
    clauses += _date_clauses(engine, start, end)
    if classified_only:
        clauses.append(predictions.c.id.is_not(None))
    if clauses:
        query = query.where(*clauses)
    table = fetch_arrow(engine, query)
    frame = None
    if table is not None and table.num_rows:
        frame = _frame_from_arrow(table, fetched, categories)
    if frame is None:
        values = dict(zip(fetched, fetch_columns(engine, query), strict=True))
        # Convert in the driver's order (the values were allocated in that order: walking
        # them in sorted order costs cache misses), then order the compact typed columns.
        frame = pd.DataFrame({name: _typed(name, values[name], categories) for name in fetched})
    if ordered and len(frame):
        order = _sort_order(frame["created_at"], frame["feedback_id"].to_numpy())
        if np.any(order != np.arange(len(order))):  # stores loaded in time order skip this
            frame = frame.take(order).reset_index(drop=True)
    return frame[names] if len(names) < len(fetched) else frame


def read_texts(engine: Engine, feedback_ids: Iterable[str]):
    """Return the redacted text of the given feedback ids as a Series indexed by id.

    Ids that are not in the store are left out.
    """
    import pandas as pd

    from voc.store.writes import values_by_feedback_id

    ids = list(dict.fromkeys(str(i) for i in feedback_ids))
    with engine.connect() as conn:
        found = values_by_feedback_id(conn, feedback.c.text_redacted, ids)
    kept = [i for i in ids if i in found]
    return pd.Series(
        [found[i] for i in kept],
        index=pd.Index(kept, dtype="str", name="feedback_id"),
        dtype="str",
        name="text_redacted",
    )
