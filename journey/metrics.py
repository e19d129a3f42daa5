"""KPI formulas (CSAT%, NPS, FCR, net sentiment), score drag and spike z-scores.

The formulas follow the product brief exactly:

* CSAT% = responses rated 4 or 5 (1-5 scale) / all responses x 100.
* NPS = % promoters (9-10) - % detractors (0-6) on the 0-10 scale.
* FCR% = cases resolved in the first contact / cases with a known outcome x 100.
* Net sentiment = (share positive - share negative) x 100.
* AHT = mean handle seconds; FRT is reported as a median.

Each of CSAT%, NPS and net sentiment is ``100 x mean(v)`` of a per-response value ``v``
(1/0 for CSAT; +1/0/-1 for NPS and sentiment), so a *drag* -- the score the period would have
without a set of comments, minus the score it has -- is computed from four sums by one formula,
:func:`drag_points`, vectorised over many issues at once.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "CSAT_SATISFIED_MIN",
    "NPS_PROMOTER_MIN",
    "NPS_DETRACTOR_MAX",
    "csat_percent",
    "csat_mean",
    "nps_score",
    "fcr_percent",
    "net_sentiment",
    "csat_values",
    "nps_values",
    "drag_points",
    "csat_drag_points",
    "nps_drag_points",
    "net_sentiment_drag_points",
    "zscore_against_baseline",
    "weekly_zscores",
    "ZSCORE_SD_FLOOR_NOTE",
]

#: Ratings at or above this count as satisfied (4 or 5 on 1-5).
CSAT_SATISFIED_MIN = 4.0
#: NPS answers at or above this are promoters (9-10).
NPS_PROMOTER_MIN = 9.0
#: NPS answers at or below this are detractors (0-6).
NPS_DETRACTOR_MAX = 6.0
ZSCORE_SD_FLOOR_NOTE = (
    "The baseline standard deviation is floored at sqrt(max(baseline mean, 1)) -- the Poisson "
    "spread of a count -- so a flat baseline cannot turn a small change into a huge z."
)


def _array(values: Any) -> np.ndarray:
    import numpy as np
    import pandas as pd

    if isinstance(values, pd.Series):
        return pd.to_numeric(values, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    return np.asarray(values, dtype="float64")


def csat_values(ratings: Any) -> np.ndarray:
    """Per-response CSAT value: 1.0 satisfied (4-5), 0.0 other rating, NaN not surveyed."""
    import numpy as np

    r = _array(ratings)
    valid = (r >= 1.0) & (r <= 5.0)
    return np.where(valid, (r >= CSAT_SATISFIED_MIN).astype("float64"), np.nan)


def nps_values(scores: Any) -> np.ndarray:
    """Per-response NPS value: +1 promoter (9-10), -1 detractor (0-6), 0 passive, NaN none."""
    import numpy as np

    s = _array(scores)
    valid = (s >= 0.0) & (s <= 10.0)
    value = np.where(s >= NPS_PROMOTER_MIN, 1.0, np.where(s <= NPS_DETRACTOR_MAX, -1.0, 0.0))
    return np.where(valid, value, np.nan)


def _points(values: np.ndarray) -> float:
    import numpy as np

    valid = ~np.isnan(values)
    n = int(valid.sum())
    return float(100.0 * values[valid].sum() / n) if n else math.nan


def csat_percent(ratings: Any) -> float:
    """CSAT% of 1-5 ratings: share rated 4 or 5 among the responses, x 100 (NaN if none)."""
    return _points(csat_values(ratings))


def csat_mean(ratings: Any) -> float:
    """Mean 1-5 rating among the responses (NaN if none)."""
    r = _array(ratings)
    r = r[(r >= 1.0) & (r <= 5.0)]
    return float(r.mean()) if len(r) else math.nan


def nps_score(scores: Any) -> float:
    """NPS of 0-10 answers: % promoters (9-10) - % detractors (0-6) (NaN if none)."""
    return _points(nps_values(scores))


def fcr_percent(resolved: Any) -> float:
    """FCR%: share of cases resolved in the first contact among known outcomes, x 100."""
    import numpy as np
    import pandas as pd

    if isinstance(resolved, pd.Series):
        values = resolved.map(lambda v: np.nan if pd.isna(v) else float(bool(v)))
        values = values.to_numpy(dtype="float64")
    else:
        values = _array(resolved)
        values = np.where(np.isnan(values), np.nan, (values != 0).astype("float64"))
    return _points(values)


def net_sentiment(sentiments: Sequence[str] | Any, labels: Sequence[str] | None = None) -> float:
    """Net sentiment: (share positive - share negative) x 100 over all labelled comments.

    Args:
        sentiments: Sentiment labels.
        labels: The taxonomy's sentiment ids from most negative to most positive
            (default taxonomy when ``None``).
    """
    import numpy as np

    if labels is None:
        from voc.taxonomy import default_taxonomy

        labels = default_taxonomy().sentiment
    values = np.array(
        [
            math.nan
            if not isinstance(s, str)
            else 1.0
            if s == labels[-1]
            else -1.0
            if s == labels[0]
            else 0.0
            for s in sentiments
        ],
        dtype="float64",
    )
    return _points(values)


def drag_points(
    total_sum: Any, total_n: Any, issue_sum: Any, issue_n: Any, *, min_remaining: int = 1
) -> Any:
    """Score without a subset minus score with it, for scores of the form ``100 x mean(v)``.

    ``drag = 100 x (S - s) / (N - n) - 100 x S / N`` where ``S, N`` are the sum of ``v`` and
    the number of responses in the period and ``s, n`` those of the issue's comments. A
    positive drag means the issue pulls the score down. Works element-wise on arrays.

    Args:
        total_sum: Sum of per-response values in the period.
        total_n: Number of responses in the period.
        issue_sum: Sum of per-response values among the issue's comments.
        issue_n: Number of responses among the issue's comments.
        min_remaining: Fewer responses than this left after removal gives NaN.

    Returns:
        Drag in points (float or array); 0 when the issue has no responses, NaN when the
        period has none or nothing would remain.
    """
    import numpy as np

    total_sum = np.asarray(total_sum, dtype="float64")
    total_n = np.asarray(total_n, dtype="float64")
    issue_sum = np.asarray(issue_sum, dtype="float64")
    issue_n = np.asarray(issue_n, dtype="float64")
    remaining = total_n - issue_n
    with np.errstate(divide="ignore", invalid="ignore"):
        actual = 100.0 * total_sum / total_n
        without = 100.0 * (total_sum - issue_sum) / remaining
        drag = without - actual
    drag = np.where(issue_n == 0, 0.0, drag)
    drag = np.where((total_n == 0) | (remaining < min_remaining), np.nan, drag)
    return float(drag) if drag.ndim == 0 else drag


def _mask_drag(values: np.ndarray, in_issue: Any) -> float:
    import numpy as np

    in_issue = np.asarray(in_issue, dtype=bool)
    valid = ~np.isnan(values)
    return drag_points(
        values[valid].sum(),
        valid.sum(),
        values[valid & in_issue].sum(),
        (valid & in_issue).sum(),
    )


def csat_drag_points(ratings: Any, in_issue: Any) -> float:
    """CSAT% without the issue's comments minus the actual CSAT%, in points.

    Args:
        ratings: 1-5 ratings of all comments in the period (NaN = not surveyed).
        in_issue: Boolean mask of the issue's comments, aligned with ``ratings``.
    """
    return _mask_drag(csat_values(ratings), in_issue)


def nps_drag_points(scores: Any, in_issue: Any) -> float:
    """NPS without the issue's comments minus the actual NPS, in points."""
    return _mask_drag(nps_values(scores), in_issue)


def net_sentiment_drag_points(negative: Any, positive: Any, in_issue: Any) -> float:
    """Net sentiment without the issue's comments minus the actual net sentiment, in points.

    This is the documented fallback for CSAT drag when a period has no CSAT responses.
    """
    import numpy as np

    values = np.asarray(positive, dtype="float64") - np.asarray(negative, dtype="float64")
    return _mask_drag(values, in_issue)


def zscore_against_baseline(value: Any, baseline: Any, *, min_baseline: int = 4) -> Any:
    """z-score of ``value`` against the mean and spread of ``baseline`` counts.

    ``z = (value - mean) / max(sd, sqrt(max(mean, 1)))`` with ``sd`` the sample standard
    deviation (ddof=1) of the baseline. NaN when the baseline has fewer than
    ``min_baseline`` values. ``baseline`` is 1-D for one series or 2-D (series x weeks)
    together with a 1-D ``value`` per series.
    """
    import numpy as np

    base = np.asarray(baseline, dtype="float64")
    value = np.asarray(value, dtype="float64")
    if base.ndim == 1:
        base = base[np.newaxis, :]
    weeks = base.shape[1]
    if weeks < max(min_baseline, 2):
        result = np.full(base.shape[0], np.nan)
    else:
        mean = base.mean(axis=1)
        sd = base.std(axis=1, ddof=1)
        floor = np.sqrt(np.maximum(mean, 1.0))
        result = (value.reshape(-1) - mean) / np.maximum(sd, floor)
    return float(result[0]) if value.ndim == 0 else result


def weekly_zscores(
    counts: Any, *, baseline_weeks: int = 8, min_baseline: int = 4, first_valid: Any = 0
) -> np.ndarray:
    """z-score of every week of count series against its trailing baseline.

    Args:
        counts: Weekly counts, 1-D (weeks) or 2-D (series x weeks), contiguous weeks.
        baseline_weeks: How many weeks before each week form its baseline.
        min_baseline: Fewer available baseline weeks than this gives NaN.
        first_valid: Index of the first week with data (weeks before it are not zeros but
            unknown, so they never enter a baseline); scalar or one per series.

    Returns:
        Array shaped like ``counts`` with the z-score of each week.
    """
    import numpy as np

    c = np.asarray(counts, dtype="float64")
    single = c.ndim == 1
    if single:
        c = c[np.newaxis, :]
    n_series, n_weeks = c.shape
    first = np.broadcast_to(np.asarray(first_valid, dtype=np.int64), (n_series,))
    out = np.full(c.shape, np.nan)
    for w in range(n_weeks):
        lo = w - baseline_weeks
        for start in np.unique(first):
            rows = first == start
            begin = max(lo, int(start))
            if w - begin < max(min_baseline, 2):
                continue
            out[rows, w] = zscore_against_baseline(
                c[rows, w], c[rows, begin:w], min_baseline=min_baseline
            )
    return out[0] if single else out
