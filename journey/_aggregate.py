"""Vectorised per-group KPI sums shared by the journey model and the issue metrics."""

from __future__ import annotations

from typing import TYPE_CHECKING

from journey.metrics import csat_values, nps_values

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from journey.frame import PreparedFrame

KPI_COLUMNS = (
    "volume",
    "negative",
    "positive",
    "share_negative",
    "share_positive",
    "net_sentiment",
    "mean_sentiment_score",
    "csat_responses",
    "csat_percent",
    "csat_mean",
    "nps_responses",
    "nps",
    "frt_median_seconds",
    "aht_seconds",
    "fcr_cases",
    "fcr_percent",
)


def _sum(keys: np.ndarray, n_groups: int, weights: np.ndarray | None = None) -> np.ndarray:
    import numpy as np

    if weights is None:
        return np.bincount(keys, minlength=n_groups).astype("float64")
    return np.bincount(keys, weights=weights, minlength=n_groups)


def _valid_sum(
    keys: np.ndarray, n_groups: int, values: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    import numpy as np

    valid = ~np.isnan(values)
    return _sum(keys[valid], n_groups), _sum(keys[valid], n_groups, values[valid])


def _ratio(num: np.ndarray, den: np.ndarray, scale: float = 1.0) -> np.ndarray:
    import numpy as np

    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den > 0, scale * num / den, np.nan)


def _median(keys: np.ndarray, n_groups: int, values: np.ndarray) -> np.ndarray:
    import numpy as np
    import pandas as pd

    valid = ~np.isnan(values)
    out = np.full(n_groups, np.nan)
    if valid.any():
        medians = pd.Series(values[valid]).groupby(keys[valid]).median()
        out[medians.index.to_numpy()] = medians.to_numpy()
    return out


def group_kpis(
    prepared: PreparedFrame, rows: np.ndarray, keys: np.ndarray, n_groups: int
) -> pd.DataFrame:
    """KPIs of comment ``rows`` grouped by integer ``keys`` (0..n_groups-1).

    Args:
        prepared: The prepared frame.
        rows: Row positions of the comments (a comment may repeat under different keys).
        keys: Group code of each entry of ``rows``.
        n_groups: Number of groups; groups without rows get volume 0 and NaN rates.

    Returns:
        A frame indexed 0..n_groups-1 with the columns of ``KPI_COLUMNS``.
    """
    import numpy as np
    import pandas as pd

    keys = np.asarray(keys, dtype=np.int64)
    volume = _sum(keys, n_groups)
    negative = _sum(keys, n_groups, prepared.negative[rows].astype("float64"))
    positive = _sum(keys, n_groups, prepared.positive[rows].astype("float64"))
    scored, score_sum = _valid_sum(keys, n_groups, prepared.score[rows])
    out = {
        "volume": volume.astype(np.int64),
        "negative": negative.astype(np.int64),
        "positive": positive.astype(np.int64),
        "share_negative": _ratio(negative, volume),
        "share_positive": _ratio(positive, volume),
        "net_sentiment": _ratio(positive - negative, volume, 100.0),
        "mean_sentiment_score": _ratio(score_sum, scored),
    }
    nan = np.full(n_groups, np.nan)
    if prepared.has("csat"):
        ratings = prepared.kpis["csat"][rows]
        responses, satisfied = _valid_sum(keys, n_groups, csat_values(ratings))
        _, rating_sum = _valid_sum(keys, n_groups, ratings)
        out["csat_responses"] = responses.astype(np.int64)
        out["csat_percent"] = _ratio(satisfied, responses, 100.0)
        out["csat_mean"] = _ratio(rating_sum, responses)
    else:
        out.update(csat_responses=np.zeros(n_groups, np.int64), csat_percent=nan, csat_mean=nan)
    if prepared.has("nps"):
        responses, net = _valid_sum(keys, n_groups, nps_values(prepared.kpis["nps"][rows]))
        out["nps_responses"] = responses.astype(np.int64)
        out["nps"] = _ratio(net, responses, 100.0)
    else:
        out.update(nps_responses=np.zeros(n_groups, np.int64), nps=nan)
    out["frt_median_seconds"] = (
        _median(keys, n_groups, prepared.kpis["frt"][rows]) if prepared.has("frt") else nan
    )
    if prepared.has("aht"):
        handled, handle_sum = _valid_sum(keys, n_groups, prepared.kpis["aht"][rows])
        out["aht_seconds"] = _ratio(handle_sum, handled)
    else:
        out["aht_seconds"] = nan
    if prepared.has("fcr"):
        cases, resolved = _valid_sum(keys, n_groups, prepared.kpis["fcr"][rows])
        out["fcr_cases"] = cases.astype(np.int64)
        out["fcr_percent"] = _ratio(resolved, cases, 100.0)
    else:
        out.update(fcr_cases=np.zeros(n_groups, np.int64), fcr_percent=nan)
    return pd.DataFrame({column: out[column] for column in KPI_COLUMNS})
