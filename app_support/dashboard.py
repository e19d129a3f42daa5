"""Group the journey KPIs by the dashboard's dimensions (channel, agent, topic, weekday x hour).

Every number comes from ``journey``'s vectorised KPI sums (the same code as the journey
model); this module only maps dimension values to group keys for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from journey.frame import PreparedFrame
    from journey.periods import Period

__all__ = [
    "busy_hours",
    "filter_mask",
    "kpis_by",
    "kpis_by_topic",
    "overall_kpis",
    "weekly_by_sentiment",
]


def _group(prepared: PreparedFrame, rows, keys, n_groups: int) -> pd.DataFrame:
    from journey import group_kpis

    return group_kpis(prepared, rows, keys, n_groups)


def overall_kpis(prepared: PreparedFrame, period: Period) -> dict[str, dict[str, float]]:
    """KPIs of the whole period and of the previous period.

    Returns:
        ``{"current": {kpi: value}, "previous": {kpi: value}}`` with the KPI columns of
        ``journey.stage_metrics``.
    """
    import numpy as np

    out = {}
    for name, which in (("current", period), ("previous", period.previous())):
        rows = np.flatnonzero(prepared.mask(which))
        table = _group(prepared, rows, np.zeros(len(rows), dtype=np.int64), 1)
        out[name] = {k: float(v) for k, v in table.iloc[0].items()}
    return out


def kpis_by(prepared: PreparedFrame, period: Period, column: str) -> pd.DataFrame:
    """KPIs of the period grouped by the values of ``column`` (missing values left out)."""
    import numpy as np
    import pandas as pd

    if column not in prepared.frame.columns:
        return pd.DataFrame()
    values = prepared.frame[column]
    mask = prepared.mask(period) & values.notna().to_numpy()
    rows = np.flatnonzero(mask)
    codes, uniques = pd.factorize(values.iloc[rows], sort=True)
    table = _group(prepared, rows, codes, len(uniques))
    table.index = pd.Index([str(u) for u in uniques], name=column)
    return table


def kpis_by_topic(prepared: PreparedFrame, period: Period) -> pd.DataFrame:
    """KPIs of the period per topic mentioned (a multi-topic comment counts for each topic)."""
    import numpy as np
    import pandas as pd

    keep = prepared.mask(period)[prepared.mention_row]
    rows, topics = prepared.mention_row[keep], prepared.mention_topic[keep]
    table = _group(prepared, rows, topics.astype(np.int64), len(prepared.taxonomy.topics))
    table.index = pd.Index(prepared.taxonomy.topic_ids, name="topic")
    return table[table["volume"] > 0]


def busy_hours(prepared: PreparedFrame, period: Period) -> pd.DataFrame:
    """Comment volume per weekday (rows, 0 = Monday) and hour (columns 0-23) in the period."""
    import numpy as np
    import pandas as pd

    created = pd.to_datetime(prepared.frame["created_at"])
    mask = prepared.mask(period) & created.notna().to_numpy()
    rows = np.flatnonzero(mask)
    stamps = created.iloc[rows]
    keys = stamps.dt.day_of_week.to_numpy() * 24 + stamps.dt.hour.to_numpy()
    table = _group(prepared, rows, keys.astype(np.int64), 7 * 24)
    return pd.DataFrame(table["volume"].to_numpy().reshape(7, 24), index=range(7))


def weekly_by_sentiment(prepared: PreparedFrame, keep=None) -> pd.DataFrame:
    """Comments per ISO week: ``week`` (Monday), ``volume``, ``negative``, ``positive``.

    Args:
        prepared: The prepared frame.
        keep: Optional boolean mask of the rows to count (e.g. the explorer's filters).
    """
    import numpy as np
    import pandas as pd

    valid = prepared.day > -(2**31)
    if keep is not None:
        valid = valid & np.asarray(keep, dtype=bool)
    rows = np.flatnonzero(valid)
    if not len(rows):
        return pd.DataFrame(columns=["week", "volume", "negative", "positive"])
    uniques, keys = np.unique(prepared.week[rows], return_inverse=True)
    table = _group(prepared, rows, keys.astype(np.int64), len(uniques))
    table.insert(0, "week", pd.to_datetime(uniques.astype("datetime64[D]")))
    return table[["week", "volume", "negative", "positive", "net_sentiment"]]


def week_coverage(weeks, first, last) -> list[int]:
    """Days of each week (given by its Monday) that fall within ``first``..``last`` (inclusive).

    A week at either end of a date range is usually cut: its count is lower because it has
    fewer days, which a chart must not show as a fall.
    """
    import datetime as dt

    covered = []
    for week in weeks:
        monday = week.date() if hasattr(week, "date") else week
        sunday = monday + dt.timedelta(days=6)
        days = (min(sunday, last) - max(monday, first)).days + 1
        covered.append(max(0, min(7, days)))
    return covered


def filter_mask(frame: pd.DataFrame, filters: dict):
    """Boolean mask of the rows of ``frame`` that pass the explorer's filters.

    Args:
        frame: Classified feedback.
        filters: ``start``/``end`` dates (end inclusive), ``min_confidence``, and for any
            column a list of accepted values (empty or missing = no filter); ``topic`` matches
            any of a comment's ``topics``.
    """
    import numpy as np
    import pandas as pd

    mask = np.ones(len(frame), dtype=bool)
    created = pd.to_datetime(frame["created_at"])
    if filters.get("start") is not None:
        mask &= (created >= pd.Timestamp(filters["start"])).to_numpy()
    if filters.get("end") is not None:
        end = pd.Timestamp(filters["end"]) + pd.Timedelta(days=1)
        mask &= (created < end).to_numpy()
    if filters.get("min_confidence"):
        confidence = frame["topic_confidence"].astype("float64").fillna(0.0)
        mask &= (confidence >= float(filters["min_confidence"])).to_numpy()
    for column, accepted in filters.items():
        if column in ("start", "end", "min_confidence") or not accepted:
            continue
        if column == "topic":
            wanted = set(accepted)
            topics = frame["topics"].fillna("").str.split("|")
            mask &= topics.map(lambda ids, wanted=wanted: not wanted.isdisjoint(ids)).to_numpy(
                dtype=bool
            )
        else:
            mask &= frame[column].isin(list(accepted)).to_numpy()
    return mask
