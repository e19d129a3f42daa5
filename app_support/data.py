"""Cached access to the store for the pages: engine, classified frames, periods, invalidation.

The classified frame is ``voc.store.read_frame``'s narrow, typed read: the columns the journey
analytics and the dashboards use, labels as categoricals, no text and no aspects. Pages that
show or mine the redacted text ask for it separately (:func:`with_columns`, :func:`texts`),
so the Overview never reads it. ``st.cache_resource`` holds the engine and the large frames
(shared read-only objects: ``st.cache_data`` would copy 200,000 rows on every rerun, which
costs more than the period change itself); ``st.cache_data`` holds the small query results.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING

import streamlit as st

if TYPE_CHECKING:
    import pandas as pd

    from journey.frame import PreparedFrame
    from journey.periods import Period

__all__ = [
    "EXPLORER_COLUMNS",
    "PERIOD_KINDS",
    "REVIEW_COLUMNS",
    "TEXT_COLUMNS",
    "WHOLE_STORE_ROWS",
    "analysis_window",
    "effort_overrides",
    "evidence",
    "ranked",
    "available_periods",
    "classified",
    "database_url",
    "engine",
    "invalidate",
    "prepared",
    "taxonomy",
    "texts",
    "weekly_counts",
    "with_columns",
]

#: Period kinds the picker offers.
PERIOD_KINDS = ("month", "week", "quarter")
#: Weeks of history loaded before the previous period (the issue baseline needs 8).
_HISTORY_WEEKS = 13
#: Stores with at most this many classified comments are read once and windowed in memory.
WHOLE_STORE_ROWS = 500_000
#: What evidence adds to the analysis columns (verbatims, key phrases, their language).
TEXT_COLUMNS = ("text_redacted", "lang")
#: What the review queue and emerging topics add: the primary topic and how sure it is.
REVIEW_COLUMNS = ("topic", "topic_confidence", "needs_review")
#: What the explorer adds: the text, the primary topic and its extra filters.
EXPLORER_COLUMNS = (
    *TEXT_COLUMNS,
    *REVIEW_COLUMNS,
    "customer_segment",
    "product_line",
    "region",
)


def database_url() -> str:
    """The store URL: ``VOC_DATABASE_URL`` when set, else the project default."""
    from voc.store import DATABASE_URL_ENV, default_database_url

    return os.environ.get(DATABASE_URL_ENV) or default_database_url()


@st.cache_resource(show_spinner=False)
def engine(url: str):
    """The SQLAlchemy engine of ``url`` (migrated on first use)."""
    from voc.store import get_engine

    return get_engine(url)


@st.cache_resource(show_spinner=False)
def taxonomy():
    """The default taxonomy."""
    from voc.taxonomy import default_taxonomy

    return default_taxonomy()


@st.cache_data(show_spinner=False)
def weekly_counts(url: str) -> pd.DataFrame:
    """Classified comments per week, topic and touchpoint (used for period bounds)."""
    from voc.store import counts_by_week_topic_touchpoint

    return counts_by_week_topic_touchpoint(engine(url))


@st.cache_data(show_spinner=False)
def mixed_model_versions(url: str) -> dict[str, int]:
    """Comments per model version of their current prediction when there are several.

    Most first; empty when every classified comment comes from one version.
    A store that never held a second version answers from two index look-ups; otherwise
    every row is read (about 9 ms per 24,000 rows here), once per cache.
    """
    from voc.store import current_model_versions, several_model_versions

    if not several_model_versions(engine(url)):
        return {}
    versions = {v: n for v, n in current_model_versions(engine(url)).items() if v is not None}
    return versions if len(versions) > 1 else {}


@st.cache_resource(show_spinner=False, max_entries=8)
def classified(url: str, start: dt.date | None, end: dt.date | None) -> pd.DataFrame:
    """Classified feedback created in ``[start, end)``: the analysis columns, no text.

    A store of up to :data:`WHOLE_STORE_ROWS` classified comments is read once and each
    window is cut from that frame in memory (the same rows, in the same order, as the query),
    so moving between periods does not go back to the database. Read-only: do not modify.
    """
    from voc.store import read_frame

    if _windowed(url, start, end):
        return _slice(classified(url, None, None), start, end)
    return read_frame(engine(url), start=start, end=end)


def _windowed(url: str, start: dt.date | None, end: dt.date | None) -> bool:
    """Whether the window is cut in memory from the whole-store frame."""
    return (start is not None or end is not None) and _store_rows(url) <= WHOLE_STORE_ROWS


def _store_rows(url: str) -> int:
    counts = weekly_counts(url)
    return int(counts["n"].sum()) if not counts.empty else 0


@st.cache_resource(show_spinner=False, max_entries=8)
def _extra_by_id(
    url: str, start: dt.date | None, end: dt.date | None, columns: tuple[str, ...]
) -> pd.DataFrame:
    """More columns of the classified comments of a window, indexed by feedback id."""
    from voc.store import read_frame

    if _windowed(url, start, end):
        return _extra_by_id(url, None, None, columns)
    frame = read_frame(engine(url), ("feedback_id", *columns), start=start, end=end, ordered=False)
    return frame.set_index("feedback_id")


@st.cache_resource(show_spinner=False, max_entries=8)
def with_columns(
    url: str,
    start: dt.date | None,
    end: dt.date | None,
    columns: tuple[str, ...] = TEXT_COLUMNS,
) -> pd.DataFrame:
    """:func:`classified` plus ``columns`` (default: the text), for pages that need them.

    The extra columns are read once per store (or window, for big stores) and lined up with
    the analysis frame by feedback id. Read-only: do not modify.
    """
    frame = classified(url, start, end)
    extra = _extra_by_id(url, start, end, tuple(columns)).reindex(frame["feedback_id"])
    return frame.assign(**{column: extra[column].array for column in columns})


def texts(url: str, feedback_ids) -> pd.Series:
    """Redacted text of a few comments (a page's verbatims), indexed by feedback id."""
    from voc.store import read_texts

    return read_texts(engine(url), feedback_ids)


def _slice(frame: pd.DataFrame, start: dt.date | None, end: dt.date | None) -> pd.DataFrame:
    import pandas as pd

    created = frame["created_at"]
    keep = created.notna()
    if start is not None:
        keep &= created >= pd.Timestamp(start)
    if end is not None:
        keep &= created < pd.Timestamp(end)
    return frame.loc[keep.to_numpy()].reset_index(drop=True)


@st.cache_resource(show_spinner=False, max_entries=8)
def prepared(
    url: str, start: dt.date | None, end: dt.date | None, columns: tuple[str, ...] = ()
) -> PreparedFrame:
    """The journey-prepared version of :func:`classified` (read-only).

    Args:
        url: The store.
        start: First day of the window (inclusive), ``None`` for the beginning.
        end: Day after the window, ``None`` for the end.
        columns: More columns for the frame (:func:`with_columns`), e.g. :data:`TEXT_COLUMNS`
            for evidence; the rows are the same as without them.
    """
    from journey import prepare

    frame = with_columns(url, start, end, columns) if columns else classified(url, start, end)
    return prepare(frame, taxonomy())


def invalidate() -> None:
    """Forget every cached query result (after an ingest, a classification or an edit)."""
    st.cache_data.clear()
    for cached in (classified, _extra_by_id, with_columns, prepared, ranked, evidence):
        cached.clear()


def available_periods(url: str, kind: str) -> list[str]:
    """Labels of the periods of ``kind`` that hold classified comments, newest first."""
    from journey.periods import iso_week_label

    counts = weekly_counts(url)
    if counts.empty:
        return []
    weeks = sorted(
        {
            w if isinstance(w, dt.date) else dt.date.fromisoformat(str(w)[:10])
            for w in counts["week"]
        }
    )
    labels: list[str] = []
    for position, monday in enumerate(weeks):
        # A week counts for the month of its Monday (the first week: of its Sunday), so a
        # last week that spills into the next month does not offer an empty month.
        anchor = monday + dt.timedelta(days=6 if position == 0 else 0)
        if kind == "week":
            label = iso_week_label(monday)
        elif kind == "month":
            label = f"{anchor.year:04d}-{anchor.month:02d}"
        else:
            label = f"{anchor.year:04d}-Q{(anchor.month - 1) // 3 + 1}"
        if label not in labels:
            labels.append(label)
    return labels[::-1]


def analysis_window(period: Period) -> tuple[dt.date, dt.date]:
    """Dates to load for ``period``: its previous period plus the issue baseline history."""
    start = period.previous().start - dt.timedelta(weeks=_HISTORY_WEEKS)
    return start, period.end


@st.cache_resource(show_spinner=False, max_entries=16)
def ranked(url: str, period_label: str, overrides: tuple = ()):
    """``journey.rank_issues`` of a period (with the committee's effort overrides)."""
    from journey import parse_period, rank_issues

    period = parse_period(period_label)
    start, end = analysis_window(period)
    return rank_issues(
        prepared(url, start, end),
        period,
        effort_overrides={(topic, touchpoint): effort for topic, touchpoint, effort in overrides}
        or None,
        taxonomy=taxonomy(),
    )


@st.cache_resource(show_spinner=False, max_entries=16)
def evidence(url: str, period_label: str, overrides: tuple = (), top: int = 10):
    """``journey.build_evidence`` for the first ``top`` ranked issues of a period."""
    from journey import build_evidence, parse_period

    start, end = analysis_window(parse_period(period_label))
    return build_evidence(
        ranked(url, period_label, overrides), prepared(url, start, end, TEXT_COLUMNS), top=top
    )


def effort_overrides(url: str) -> tuple:
    """The committee's effort overrides as a hashable tuple (empty without a backlog)."""
    try:
        from journey.backlog import effort_overrides as read_overrides
    except ImportError:
        return ()
    return tuple(sorted((k[0], k[1], int(v)) for k, v in read_overrides(engine(url)).items()))
