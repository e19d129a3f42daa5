"""Journey model: per-stage KPIs in taxonomy order, the emotional curve, touchpoint x topic grid."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from journey._aggregate import KPI_COLUMNS
from journey._aggregate import group_kpis as _group_kpis
from journey.frame import PreparedFrame, prepare
from journey.periods import Period, iso_week_label, parse_period
from voc.errors import ValidationError

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from voc.taxonomy import Taxonomy

__all__ = [
    "JourneyModel",
    "KPI_COLUMNS",
    "STAGE_COLUMNS",
    "group_kpis",
    "journey_model",
    "stage_metrics",
    "stage_trend",
    "emotional_curve",
    "touchpoint_topic_matrix",
]

#: Columns of :func:`stage_metrics` (after the stage id index).
STAGE_COLUMNS = ("order", "name_en", "name_id") + KPI_COLUMNS
_FREQUENCIES = ("week", "month", "quarter")


@dataclass(frozen=True)
class JourneyModel:
    """The journey of one period.

    Attributes:
        period: The period analysed.
        stages: One row per touchpoint in journey order (index = touchpoint id), columns
            ``STAGE_COLUMNS``. Stages with no comments have volume 0 and NaN rates.
        previous_stages: The same table for the previous period.
        emotional_curve: Mean sentiment score per stage, in journey order.
        topic_volume: Touchpoint x topic mention counts (a multi-topic comment counts once
            under each of its topics).
        topic_negative: Touchpoint x topic counts of negative mentions.
        topic_negative_share: ``topic_negative / topic_volume`` (NaN where no mentions).
    """

    period: Period
    stages: pd.DataFrame
    previous_stages: pd.DataFrame
    emotional_curve: pd.Series
    topic_volume: pd.DataFrame
    topic_negative: pd.DataFrame
    topic_negative_share: pd.DataFrame


def _stage_table(prepared: PreparedFrame, mask: np.ndarray) -> pd.DataFrame:
    import numpy as np

    taxonomy = prepared.taxonomy
    rows = np.flatnonzero(mask & (prepared.touchpoint >= 0))
    n_stages = len(taxonomy.touchpoints)
    table = _group_kpis(prepared, rows, prepared.touchpoint[rows], n_stages)
    table.index = list(taxonomy.touchpoint_ids)
    table.index.name = "touchpoint"
    table.insert(0, "order", [t.order for t in taxonomy.touchpoints])
    table.insert(1, "name_en", [t.name_en for t in taxonomy.touchpoints])
    table.insert(2, "name_id", [t.name_id for t in taxonomy.touchpoints])
    return table


def group_kpis(
    df: pd.DataFrame | PreparedFrame,
    rows,
    keys,
    n_groups: int,
    *,
    taxonomy: Taxonomy | None = None,
) -> pd.DataFrame:
    """The journey KPIs of comments grouped by any integer key (channel, agent, hour, ...).

    The same vectorised sums as :func:`stage_metrics`, for groups the caller defines: entry
    ``i`` counts comment ``rows[i]`` in group ``keys[i]``, so a comment may be counted in
    several groups (e.g. once per topic it mentions).

    Args:
        df: Classified feedback or a prepared frame.
        rows: Row positions of the comments to count.
        keys: Group number (``0 .. n_groups - 1``) of each entry of ``rows``.
        n_groups: Number of groups; a group without comments gets volume 0 and NaN rates.
        taxonomy: Taxonomy of the labels (default taxonomy when ``None``).

    Returns:
        A frame indexed ``0 .. n_groups - 1`` with the columns of :data:`KPI_COLUMNS`.

    Raises:
        ValidationError: ``rows`` and ``keys`` differ in length, or a key or row is out of
            range.
    """
    import numpy as np

    prepared = prepare(df, taxonomy)
    rows = np.asarray(rows, dtype=np.int64).ravel()
    keys = np.asarray(keys, dtype=np.int64).ravel()
    if len(rows) != len(keys):
        raise ValidationError(
            f"group_kpis needs one key per row: got {len(rows)} rows and {len(keys)} keys."
        )
    if len(keys) and (keys.min() < 0 or keys.max() >= n_groups):
        raise ValidationError(
            f"group_kpis keys must lie in 0..{n_groups - 1}; got {keys.min()}..{keys.max()}."
        )
    if len(rows) and (rows.min() < 0 or rows.max() >= prepared.n_rows):
        raise ValidationError(
            f"group_kpis rows must be positions in the frame (0..{prepared.n_rows - 1}); "
            f"got {rows.min()}..{rows.max()}."
        )
    return _group_kpis(prepared, rows, keys, n_groups)


def stage_metrics(
    df: pd.DataFrame | PreparedFrame, period: str | Period, *, taxonomy: Taxonomy | None = None
) -> pd.DataFrame:
    """KPIs per journey stage for one period, stages in taxonomy order.

    Columns: ``volume``, ``negative``, ``positive``, ``share_negative``, ``share_positive``,
    ``net_sentiment`` ((share positive - share negative) x 100), ``mean_sentiment_score``,
    ``csat_responses``, ``csat_percent``, ``csat_mean``, ``nps_responses``, ``nps``,
    ``frt_median_seconds``, ``aht_seconds`` (mean handle seconds), ``fcr_cases``,
    ``fcr_percent``. KPI columns are NaN where the source column is missing or the stage has
    no responses.

    Args:
        df: Classified feedback or a prepared frame.
        period: The period ("2026-05", "2026-W19", "2026-Q2", a date range or a Period).
        taxonomy: Taxonomy of the labels (default taxonomy when ``None``).
    """
    prepared = prepare(df, taxonomy)
    return _stage_table(prepared, prepared.mask(parse_period(period)))


def _period_keys(prepared: PreparedFrame, freq: str) -> tuple[np.ndarray, list[str]]:
    import numpy as np

    valid = prepared.day > -(2**31)
    if not valid.any():
        return np.full(prepared.n_rows, -1, dtype=np.int64), []
    if freq == "week":
        raw = prepared.week
    else:
        months = prepared.day.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
        raw = months if freq == "month" else months // 3
    import pandas as pd

    inverse, uniques = pd.factorize(raw[valid], sort=True)
    keys = np.full(prepared.n_rows, -1, dtype=np.int64)
    keys[valid] = inverse
    if freq == "week":
        labels = [iso_week_label(_to_date(int(u))) for u in uniques]
    elif freq == "month":
        labels = [f"{1970 + int(u) // 12:04d}-{int(u) % 12 + 1:02d}" for u in uniques]
    else:
        labels = [f"{1970 + int(u) // 4:04d}-Q{int(u) % 4 + 1}" for u in uniques]
    return keys, labels


def _to_date(day_number: int):
    from datetime import date, timedelta

    return date(1970, 1, 1) + timedelta(days=day_number)


def stage_trend(
    df: pd.DataFrame | PreparedFrame, freq: str = "month", *, taxonomy: Taxonomy | None = None
) -> pd.DataFrame:
    """Stage KPIs for every week, month or quarter in the data (long format).

    Args:
        df: Classified feedback or a prepared frame.
        freq: "week" (ISO weeks), "month" or "quarter".
        taxonomy: Taxonomy of the labels (default taxonomy when ``None``).

    Returns:
        Columns ``period``, ``touchpoint``, ``order`` and the KPI columns of
        :func:`stage_metrics`; one row per (period, stage) that has comments, periods in
        time order and stages in journey order.
    """
    import numpy as np

    if freq not in _FREQUENCIES:
        raise ValidationError(
            f"freq must be one of {', '.join(_FREQUENCIES)}, got {freq!r}.",
        )
    prepared = prepare(df, taxonomy)
    period_keys, labels = _period_keys(prepared, freq)
    n_stages = len(prepared.taxonomy.touchpoints)
    rows = np.flatnonzero((period_keys >= 0) & (prepared.touchpoint >= 0))
    keys = period_keys[rows] * n_stages + prepared.touchpoint[rows]
    table = _group_kpis(prepared, rows, keys, len(labels) * n_stages)
    table.insert(0, "period", np.repeat(np.array(labels, dtype=object), n_stages))
    table.insert(1, "touchpoint", np.tile(np.array(prepared.taxonomy.touchpoint_ids), len(labels)))
    table.insert(2, "order", np.tile(np.arange(n_stages), len(labels)))
    return table[table["volume"] > 0].reset_index(drop=True)


def emotional_curve(
    df: pd.DataFrame | PreparedFrame, period: str | Period, *, taxonomy: Taxonomy | None = None
) -> pd.Series:
    """Mean sentiment score per journey stage, in journey order (NaN for silent stages)."""
    return stage_metrics(df, period, taxonomy=taxonomy)["mean_sentiment_score"].rename(
        "mean_sentiment_score"
    )


def touchpoint_topic_matrix(
    df: pd.DataFrame | PreparedFrame, period: str | Period, *, taxonomy: Taxonomy | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Touchpoint x topic mention counts and negative-mention counts for one period.

    Returns:
        ``(volume, negative)``: two frames indexed by touchpoint id (journey order) with one
        column per topic id (taxonomy order).
    """
    import numpy as np
    import pandas as pd

    prepared = prepare(df, taxonomy)
    mask = prepared.mask(parse_period(period))
    rows = prepared.mention_row
    keep = mask[rows] & (prepared.touchpoint[rows] >= 0)
    rows, topics = rows[keep], prepared.mention_topic[keep]
    n_topics = len(prepared.taxonomy.topics)
    n_stages = len(prepared.taxonomy.touchpoints)
    cells = prepared.touchpoint[rows].astype(np.int64) * n_topics + topics
    size = n_stages * n_topics
    volume = np.bincount(cells, minlength=size).reshape(n_stages, n_topics)
    negative = np.bincount(cells[prepared.negative[rows]], minlength=size)
    index = pd.Index(prepared.taxonomy.touchpoint_ids, name="touchpoint")
    columns = pd.Index(prepared.taxonomy.topic_ids, name="topic")
    return (
        pd.DataFrame(volume, index=index, columns=columns),
        pd.DataFrame(negative.reshape(n_stages, n_topics), index=index, columns=columns),
    )


def journey_model(
    df: pd.DataFrame | PreparedFrame, period: str | Period, *, taxonomy: Taxonomy | None = None
) -> JourneyModel:
    """Build the journey of one period: stages, previous stages, emotional curve, topic grid.

    Args:
        df: Classified feedback or a prepared frame.
        period: The period ("2026-05", "2026-W19", "2026-Q2", a date range or a Period).
        taxonomy: Taxonomy of the labels (default taxonomy when ``None``).
    """
    import numpy as np

    prepared = prepare(df, taxonomy)
    period = parse_period(period)
    stages = _stage_table(prepared, prepared.mask(period))
    previous = _stage_table(prepared, prepared.mask(period.previous()))
    volume, negative = touchpoint_topic_matrix(prepared, period)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = negative / volume.where(volume > 0)
    return JourneyModel(
        period=period,
        stages=stages,
        previous_stages=previous,
        emotional_curve=stages["mean_sentiment_score"].copy(),
        topic_volume=volume,
        topic_negative=negative,
        topic_negative_share=share,
    )
