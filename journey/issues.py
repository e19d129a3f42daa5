"""Find the period's issues -- (topic, touchpoint) pairs with enough complaints -- and measure them.

An *issue* is a (topic, touchpoint) pair with at least ``min_mentions`` negative comments in the
period. A comment with several topics counts toward each of them. Per issue this module measures
reach, negativity, CSAT/NPS drag, momentum, spikes, repeat contacts and the FCR gap, all with
numpy/pandas group operations so a million comments take seconds. docs/PRIORITISATION.md
gives every formula.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from journey._aggregate import group_kpis
from journey.frame import PreparedFrame, day_number, prepare
from journey.metrics import csat_values, drag_points, nps_values, weekly_zscores
from journey.periods import Period, iso_week_label, parse_period
from voc.errors import ConfigError

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from voc.taxonomy import Taxonomy

__all__ = ["IssueSettings", "IssueTable", "find_issues"]

_BASES = ("negative", "all")


@dataclass(frozen=True)
class IssueSettings:
    """How issues are found and measured.

    Attributes:
        min_mentions: Negative comments a (topic, touchpoint) pair needs in the period to be
            an issue.
        comment_basis: Which comments are "the issue's comments" for drag, reach in
            customers, repeat contacts, FCR and department spread: "negative" (the
            complaints; default: if the issue disappeared, its complaints would, while praise
            of the same topic would stay) or "all" (every mention of the pair).
        min_period_csat_responses: CSAT responses the period needs for CSAT drag to drive
            the impact score; below it NPS drag (if NPS exists) or net-sentiment drag is used.
        baseline_weeks: Trailing weeks that form the baseline of the weekly z-score.
        min_baseline_weeks: Fewer baseline weeks with data than this gives no z-score.
        spike_z: A week is a spike when ``|z| >= spike_z``.
    """

    min_mentions: int = 10
    comment_basis: str = "negative"
    min_period_csat_responses: int = 30
    baseline_weeks: int = 8
    min_baseline_weeks: int = 4
    spike_z: float = 2.0

    def __post_init__(self) -> None:
        if not isinstance(self.min_mentions, int) or self.min_mentions < 1:
            raise ConfigError(f"min_mentions must be an integer >= 1, got {self.min_mentions!r}.")
        if self.comment_basis not in _BASES:
            raise ConfigError(
                f"comment_basis must be one of {', '.join(_BASES)}, got {self.comment_basis!r}."
            )
        if self.baseline_weeks < 2 or self.min_baseline_weeks < 2:
            raise ConfigError(
                "baseline_weeks and min_baseline_weeks must be at least 2 "
                f"(got {self.baseline_weeks} and {self.min_baseline_weeks})."
            )
        if self.min_baseline_weeks > self.baseline_weeks:
            raise ConfigError(
                f"min_baseline_weeks ({self.min_baseline_weeks}) cannot exceed "
                f"baseline_weeks ({self.baseline_weeks})."
            )
        if self.spike_z <= 0:
            raise ConfigError(f"spike_z must be positive, got {self.spike_z!r}.")


@dataclass(frozen=True)
class IssueTable:
    """The issues of one period with their metrics.

    Attributes:
        period: The period analysed.
        previous: The period before it (for momentum).
        issues: One row per issue (columns in docs/PRIORITISATION.md), unsorted.
        weekly: Issues x weeks counts of negative mentions, from the first week with data up
            to the period's last week (columns = ISO week labels); aligned with ``issues``.
        totals: Period-wide reference values: comments, customers, csat_responses,
            csat_percent, nps_responses, nps, net_sentiment, fcr_percent,
            repeat_contact_rate, drag_source.
        settings: The settings used.
        mention_rows: Per issue, the row positions of its negative comments in the period.
        basis_rows: Per issue, the row positions of "the issue's comments" (comment_basis).
    """

    period: Period
    previous: Period
    issues: pd.DataFrame
    weekly: pd.DataFrame
    totals: dict
    settings: IssueSettings
    mention_rows: list = field(default_factory=list, repr=False)
    basis_rows: list = field(default_factory=list, repr=False)


def distinct_sorted(values: np.ndarray) -> np.ndarray:
    """Sorted distinct values (sort + diff: faster than hash-based np.unique on 1M ints)."""
    import numpy as np

    ordered = np.sort(values, kind="stable")
    if len(ordered) == 0:
        return ordered
    return ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))]


def _unique_pairs(keys: np.ndarray, values: np.ndarray, n_keys: int) -> np.ndarray:
    """Number of distinct ``values`` per key (values >= 0 only)."""
    import numpy as np

    keep = values >= 0
    if not keep.any():
        return np.zeros(n_keys, dtype=np.int64)
    pairs = distinct_sorted(keys[keep].astype(np.int64) * (int(values.max()) + 1) + values[keep])
    return np.bincount(pairs // (int(values.max()) + 1), minlength=n_keys)


def _split(rows: np.ndarray, keys: np.ndarray, n_keys: int) -> list[np.ndarray]:
    import numpy as np

    order = np.argsort(keys, kind="stable")
    bounds = np.cumsum(np.bincount(keys, minlength=n_keys))[:-1]
    return np.split(rows[order], bounds)


def _period_totals(prepared: PreparedFrame, mask: np.ndarray) -> dict:
    import numpy as np

    totals: dict = {"comments": int(mask.sum())}
    rows = np.flatnonzero(mask)
    positive, negative = prepared.positive[rows], prepared.negative[rows]
    totals["sentiment_sum"] = float(positive.sum()) - float(negative.sum())
    totals["net_sentiment"] = 100.0 * totals["sentiment_sum"] / len(rows) if len(rows) else np.nan
    for kpi, to_values in (("csat", csat_values), ("nps", nps_values)):
        values = to_values(prepared.kpis[kpi][rows]) if prepared.has(kpi) else np.array([])
        valid = values[~np.isnan(values)]
        totals[f"{kpi}_responses"] = len(valid)
        totals[f"{kpi}_sum"] = float(valid.sum())
        score = 100.0 * valid.mean() if len(valid) else np.nan
        totals["csat_percent" if kpi == "csat" else "nps"] = score
    if prepared.has("fcr"):
        flags = prepared.kpis["fcr"][rows]
        flags = flags[~np.isnan(flags)]
        totals["fcr_percent"] = 100.0 * flags.mean() if len(flags) else np.nan
    else:
        totals["fcr_percent"] = np.nan
    if prepared.customer is not None:
        customers = prepared.customer[rows]
        customers = customers[customers >= 0]
        contacts = np.bincount(customers) if len(customers) else np.array([], dtype=np.int64)
        distinct = int((contacts > 0).sum())
        totals["customers"] = distinct
        totals["repeat_contact_rate"] = (
            float((contacts > 1).sum() / distinct) if distinct else np.nan
        )
        totals["_contacts"] = contacts
    else:
        totals["customers"] = np.nan
        totals["repeat_contact_rate"] = np.nan
    return totals


def _drag_source(totals: dict, settings: IssueSettings) -> str:
    if totals["csat_responses"] >= settings.min_period_csat_responses:
        return "csat"
    if totals["nps_responses"] >= settings.min_period_csat_responses:
        return "nps"
    return "sentiment"


def _weekly(
    prepared: PreparedFrame,
    pair_of_issue: np.ndarray,
    period: Period,
    n_stages: int,
    n_pairs: int,
) -> tuple[np.ndarray, list[str], int]:
    """Issue x week negative counts from the data's first week to the period's last week."""
    import numpy as np

    start = prepared.data_start_day()
    period_weeks = [day_number(monday) for monday in period.week_starts()]
    last_week = period_weeks[-1]
    first_week = min(start - (start + 3) % 7, period_weeks[0]) if start is not None else last_week
    n_weeks = (last_week - first_week) // 7 + 1
    rows = prepared.mention_row
    negative = prepared.negative[rows] & (prepared.touchpoint[rows] >= 0)
    week = prepared.week[rows]
    keep = negative & (week >= first_week) & (week <= last_week)
    pair = (
        prepared.mention_topic[keep].astype(np.int64) * n_stages + prepared.touchpoint[rows[keep]]
    )
    issue_of_pair = np.full(n_pairs, -1, dtype=np.int64)
    issue_of_pair[pair_of_issue] = np.arange(len(pair_of_issue))
    issue = issue_of_pair[pair]
    week_index = (week[keep] - first_week) // 7
    inside = issue >= 0
    counts = np.bincount(
        issue[inside] * n_weeks + week_index[inside], minlength=len(pair_of_issue) * n_weeks
    ).reshape(len(pair_of_issue), n_weeks)
    labels = [_label(first_week + 7 * i) for i in range(n_weeks)]
    first_data_week = 0 if start is None else max(0, ((start - (start + 3) % 7) - first_week) // 7)
    return counts, labels, first_data_week


def _label(day: int) -> str:
    from datetime import date, timedelta

    return iso_week_label(date(1970, 1, 1) + timedelta(days=day))


def find_issues(
    df: pd.DataFrame | PreparedFrame,
    period: str | Period,
    settings: IssueSettings | None = None,
    *,
    taxonomy: Taxonomy | None = None,
) -> IssueTable:
    """Find the period's issues and compute every impact metric for them.

    Args:
        df: Classified feedback or a prepared frame.
        period: The period ("2026-05", "2026-W19", "2026-Q2", a date range or a Period).
        settings: Thresholds (defaults: :class:`IssueSettings`).
        taxonomy: Taxonomy of the labels (default taxonomy when ``None``).

    Returns:
        The :class:`IssueTable`; its ``issues`` frame is empty (with all columns) when no
        pair reaches ``min_mentions``.
    """
    import numpy as np
    import pandas as pd

    settings = settings or IssueSettings()
    prepared = prepare(df, taxonomy)
    taxonomy = prepared.taxonomy
    period = parse_period(period)
    previous = period.previous()
    n_stages, n_topics = len(taxonomy.touchpoints), len(taxonomy.topics)
    n_pairs = n_stages * n_topics
    mask, prev_mask = prepared.mask(period), prepared.mask(previous)
    totals = _period_totals(prepared, mask)
    totals["drag_source"] = _drag_source(totals, settings)

    rows_all = prepared.mention_row
    topic_all = prepared.mention_topic.astype(np.int64)
    stage_all = prepared.touchpoint[rows_all].astype(np.int64)
    pair_all = np.where(stage_all >= 0, topic_all * n_stages + stage_all, -1)

    def negative_counts(period_mask: np.ndarray) -> np.ndarray:
        keep = period_mask[rows_all] & prepared.negative[rows_all] & (pair_all >= 0)
        return np.bincount(pair_all[keep], minlength=n_pairs)

    neg_now, neg_prev = negative_counts(mask), negative_counts(prev_mask)
    pair_of_issue = np.flatnonzero(neg_now >= settings.min_mentions)
    n_issues = len(pair_of_issue)
    issue_of_pair = np.full(n_pairs, -1, dtype=np.int64)
    issue_of_pair[pair_of_issue] = np.arange(n_issues)

    in_period = mask[rows_all] & (pair_all >= 0)
    m_rows, m_issue = rows_all[in_period], issue_of_pair[pair_all[in_period]]
    keep = m_issue >= 0
    m_rows, m_issue = m_rows[keep], m_issue[keep]
    m_negative = prepared.negative[m_rows]
    mention_kpis = group_kpis(prepared, m_rows, m_issue, n_issues)
    neg_rows, neg_issue = m_rows[m_negative], m_issue[m_negative]
    if settings.comment_basis == "negative":
        basis_rows, basis_issue = neg_rows, neg_issue
    else:
        basis_rows, basis_issue = m_rows, m_issue
    basis_kpis = group_kpis(prepared, basis_rows, basis_issue, n_issues)

    topics = pair_of_issue // n_stages
    out = pd.DataFrame(
        {
            "topic": np.array(taxonomy.topic_ids, dtype=object)[topics],
            "touchpoint": np.array(taxonomy.touchpoint_ids, dtype=object)[pair_of_issue % n_stages],
        }
    )
    out["owner"] = [taxonomy.topics[t].owner for t in topics]
    out["mentions"] = mention_kpis["volume"].to_numpy()
    out["negative_mentions"] = neg_now[pair_of_issue]
    out["positive_mentions"] = mention_kpis["positive"].to_numpy()
    comments = totals["comments"]
    out["comments_share"] = out["negative_mentions"] / comments if comments else np.nan
    if prepared.customer is not None:
        affected = _unique_pairs(basis_issue, prepared.customer[basis_rows], n_issues)
        out["customers_affected"] = affected
        out["customers_share"] = affected / totals["customers"] if totals["customers"] else np.nan
    else:
        out["customers_affected"] = np.nan
        out["customers_share"] = np.nan
    out["share_negative"] = mention_kpis["share_negative"].to_numpy()
    out["mean_sentiment_score"] = mention_kpis["mean_sentiment_score"].to_numpy()

    # Drag: score of the period without the issue's comments minus the score with them.
    issue_sums = {}
    for kpi, to_values in (("csat", csat_values), ("nps", nps_values)):
        if prepared.has(kpi):
            values = to_values(prepared.kpis[kpi][basis_rows])
            valid = ~np.isnan(values)
            n = np.bincount(basis_issue[valid], minlength=n_issues)
            s = np.bincount(basis_issue[valid], weights=values[valid], minlength=n_issues)
        else:
            n, s = np.zeros(n_issues), np.zeros(n_issues)
        issue_sums[kpi] = (s, n)
    out["csat_responses"] = basis_kpis["csat_responses"].to_numpy()
    out["csat_percent"] = basis_kpis["csat_percent"].to_numpy()
    out["csat_mean"] = basis_kpis["csat_mean"].to_numpy()
    out["csat_drag_points"] = drag_points(
        totals["csat_sum"], totals["csat_responses"], *issue_sums["csat"]
    )
    out["nps_responses"] = basis_kpis["nps_responses"].to_numpy()
    out["nps"] = basis_kpis["nps"].to_numpy()
    out["nps_drag_points"] = drag_points(
        totals["nps_sum"], totals["nps_responses"], *issue_sums["nps"]
    )
    sentiment = prepared.positive[basis_rows].astype("float64") - prepared.negative[basis_rows]
    out["sentiment_drag_points"] = drag_points(
        totals["sentiment_sum"],
        comments,
        np.bincount(basis_issue, weights=sentiment, minlength=n_issues),
        np.bincount(basis_issue, minlength=n_issues),
    )
    source = totals["drag_source"]
    out["drag_points"] = out[f"{source}_drag_points"]
    out["drag_source"] = source

    # Momentum against the previous period, per day so months of 30 and 31 days compare.
    out["previous_negative_mentions"] = neg_prev[pair_of_issue]
    out["momentum_delta"] = out["negative_mentions"] - out["previous_negative_mentions"]
    has_history = bool(prev_mask.any())
    rate_now = out["negative_mentions"] / period.days
    rate_prev = out["previous_negative_mentions"] / previous.days
    with np.errstate(divide="ignore", invalid="ignore"):
        momentum = 100.0 * (rate_now / rate_prev - 1.0)
    out["momentum_pct"] = np.where(has_history & (rate_prev > 0), momentum, np.nan)
    out["is_new"] = has_history & (out["previous_negative_mentions"] == 0)

    counts, labels, first_data_week = _weekly(prepared, pair_of_issue, period, n_stages, n_pairs)
    z = weekly_zscores(
        counts,
        baseline_weeks=settings.baseline_weeks,
        min_baseline=settings.min_baseline_weeks,
        first_valid=first_data_week,
    ).reshape(n_issues, len(labels))
    period_labels = {iso_week_label(m) for m in period.week_starts()}
    period_cols = [i for i, label in enumerate(labels) if label in period_labels]
    z_period = z[:, period_cols]
    out["momentum_z"] = z_period[:, -1] if period_cols else np.nan
    with np.errstate(invalid="ignore"):
        spikes = np.abs(z_period) >= settings.spike_z
    if period_cols and n_issues:
        highest = np.where(np.isnan(z_period), -np.inf, z_period).max(axis=1)
        out["max_week_z"] = np.where(np.isinf(highest), np.nan, highest)
    else:
        out["max_week_z"] = np.nan
    out["spike_weeks"] = [
        [labels[period_cols[j]] for j in np.flatnonzero(spikes[i])] for i in range(n_issues)
    ]
    out["spike"] = spikes.any(axis=1) if n_issues else np.zeros(0, dtype=bool)

    # Repeat contacts: share of the issue's customers with more than one contact in the period.
    if prepared.customer is not None:
        contacts = totals["_contacts"]
        customers = prepared.customer[basis_rows]
        known = customers >= 0
        pairs = distinct_sorted(basis_issue[known] * (len(contacts) + 1) + customers[known])
        issue_idx, customer_idx = pairs // (len(contacts) + 1), pairs % (len(contacts) + 1)
        repeat = np.bincount(
            issue_idx, weights=(contacts[customer_idx] > 1).astype("float64"), minlength=n_issues
        )
        distinct = np.bincount(issue_idx, minlength=n_issues)
        with np.errstate(divide="ignore", invalid="ignore"):
            out["repeat_contact_rate"] = np.where(distinct > 0, repeat / distinct, np.nan)
    else:
        out["repeat_contact_rate"] = np.nan
    out["fcr_percent"] = basis_kpis["fcr_percent"].to_numpy()
    out["fcr_gap_points"] = totals["fcr_percent"] - out["fcr_percent"]
    out["frt_median_seconds"] = basis_kpis["frt_median_seconds"].to_numpy()
    out["aht_seconds"] = basis_kpis["aht_seconds"].to_numpy()
    out["department_shares"] = _department_shares(
        prepared, basis_rows, basis_issue, topics, n_issues, mask
    )

    totals.pop("_contacts", None)
    weekly = pd.DataFrame(counts, columns=labels)
    return IssueTable(
        period=period,
        previous=previous,
        issues=out,
        weekly=weekly,
        totals=totals,
        settings=settings,
        mention_rows=_split(neg_rows, neg_issue, n_issues) if n_issues else [],
        basis_rows=_split(basis_rows, basis_issue, n_issues) if n_issues else [],
    )


def _department_shares(
    prepared: PreparedFrame,
    basis_rows: np.ndarray,
    basis_issue: np.ndarray,
    issue_topics: np.ndarray,
    n_issues: int,
    mask: np.ndarray,
) -> list[dict[str, float]]:
    """Per issue: share of its comments that also mention a topic owned by each other department."""
    import numpy as np

    departments = prepared.taxonomy.department_ids
    owners = prepared.topic_owner_codes
    rows = prepared.mention_row
    in_period = mask[rows]
    # Only comments with two or more topics can mention another department.
    multi = np.bincount(rows[in_period], minlength=prepared.n_rows) > 1
    keep = in_period & multi[rows]
    local = np.full(prepared.n_rows, -1, dtype=np.int64)
    multi_rows = np.flatnonzero(multi)
    local[multi_rows] = np.arange(len(multi_rows))
    row_department = np.zeros((len(multi_rows), len(departments)), dtype=bool)
    row_department[local[rows[keep]], owners[prepared.mention_topic[keep]]] = True
    basis_local = local[basis_rows]
    has_multi = basis_local >= 0
    size = np.bincount(basis_issue, minlength=n_issues).astype("float64")
    shares = np.zeros((n_issues, len(departments)))
    for d in range(len(departments)):
        hits = row_department[basis_local[has_multi], d].astype("float64")
        shares[:, d] = np.bincount(basis_issue[has_multi], weights=hits, minlength=n_issues)
    with np.errstate(divide="ignore", invalid="ignore"):
        shares = np.where(size[:, None] > 0, shares / size[:, None], 0.0)
    result = []
    for i in range(n_issues):
        own = owners[issue_topics[i]]
        result.append(
            {
                departments[d]: round(float(shares[i, d]), 4)
                for d in np.flatnonzero(shares[i] > 0)
                if d != own
            }
        )
    return result
