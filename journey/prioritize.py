"""Impact score, effort, the effort-versus-impact grid and the ranked top-10 issues.

Impact comes from the data (reach, negativity, CSAT/NPS drag, momentum, repeat contacts, FCR
gap), each component min-max normalised (or percentile-ranked) over the period's issues and
combined with :class:`ImpactWeights`. Effort comes from the organisation: the taxonomy default
of the topic, raised when an issue spans several departments, or the committee's override.
docs/PRIORITISATION.md gives every formula and default.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import TYPE_CHECKING, Any

from journey.frame import PreparedFrame, prepare
from journey.issues import IssueSettings, IssueTable, find_issues
from journey.periods import Period
from voc.errors import ConfigError

if TYPE_CHECKING:
    import pandas as pd

    from voc.taxonomy import Taxonomy

__all__ = [
    "ImpactWeights",
    "EffortSettings",
    "GridSettings",
    "RankedIssues",
    "QUADRANTS",
    "impact_components",
    "impact_scores",
    "effort_scores",
    "assign_quadrants",
    "priority_scores",
    "rank_issues",
    "issues_to_records",
]

#: Quadrant ids of the effort-versus-impact grid.
QUADRANTS = ("quick_win", "major_project", "fill_in", "thankless")
_NORMALISATIONS = ("minmax", "rank")
# Momentum in percent is clipped so one issue growing from 1 to 40 cannot flatten the rest.
MOMENTUM_PCT_CLIP = (-100.0, 300.0)


@dataclass(frozen=True)
class ImpactWeights:
    """Weights of the impact components (any non-negative numbers; they are renormalised).

    Attributes:
        reach: Share of the period's customers (or comments) the issue's complaints reach.
        negativity: How negative its mentions are (share negative and mean score).
        drag: CSAT drag in points (fallback: NPS drag, then net-sentiment drag).
        nps_drag: NPS drag in points, on top of ``drag`` (0 by default).
        momentum: Growth against the previous period and the latest week's z-score.
        repeat_contact: Share of the issue's customers who contacted more than once.
        fcr_gap: Overall FCR% minus the issue's FCR%.
        normalisation: "minmax" (default; keeps how much bigger one issue is) or "rank"
            (percentile rank; robust to outliers).
    """

    reach: float = 0.30
    negativity: float = 0.15
    drag: float = 0.30
    nps_drag: float = 0.0
    momentum: float = 0.15
    repeat_contact: float = 0.05
    fcr_gap: float = 0.05
    normalisation: str = "minmax"

    def __post_init__(self) -> None:
        values = self.as_dict()
        bad = {k: v for k, v in values.items() if not isinstance(v, int | float) or v < 0}
        if bad or not any(v > 0 for v in values.values()):
            raise ConfigError(
                "Impact weights must be non-negative numbers with at least one above zero, "
                f"got {values}."
            )
        if self.normalisation not in _NORMALISATIONS:
            raise ConfigError(
                f"normalisation must be one of {', '.join(_NORMALISATIONS)}, "
                f"got {self.normalisation!r}."
            )

    def as_dict(self) -> dict[str, float]:
        """The component weights by component name."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "normalisation"}


@dataclass(frozen=True)
class EffortSettings:
    """How effort is derived.

    Attributes:
        cross_department_share: A department counts as involved when at least this share of
            the issue's comments also mention a topic it owns.
        cross_department_min: Involved departments (besides the owner) needed for the bump.
        cross_department_bump: Effort added when an issue spans that many departments.
        max_effort: Effort cap (the scale is 1-5).
    """

    cross_department_share: float = 0.30
    cross_department_min: int = 2
    cross_department_bump: int = 1
    max_effort: int = 5

    def __post_init__(self) -> None:
        if not 0 < self.cross_department_share <= 1:
            raise ConfigError(
                f"cross_department_share must be in (0, 1], got {self.cross_department_share!r}."
            )
        if self.cross_department_min < 1 or not 1 <= self.max_effort <= 5:
            raise ConfigError(
                "cross_department_min must be >= 1 and max_effort in 1-5, got "
                f"{self.cross_department_min!r} and {self.max_effort!r}."
            )


@dataclass(frozen=True)
class GridSettings:
    """Quadrant thresholds and the priority formula.

    Attributes:
        impact_threshold: Impact at or above this is "high"; ``None`` uses the median impact
            of the period's issues.
        effort_threshold: Effort at or above this is "high" (default 3: efforts 1-2 are low,
            3-5 high). The same "at or above = high" rule holds on both axes.
        effort_penalty: Priority = impact x (1 - effort_penalty x (effort - 1) / 4): with 0.5,
            the hardest issue (effort 5) needs twice the impact of the easiest to rank equal.
    """

    impact_threshold: float | None = None
    effort_threshold: float = 3.0
    effort_penalty: float = 0.5

    def __post_init__(self) -> None:
        if self.impact_threshold is not None and not 0 <= self.impact_threshold <= 100:
            raise ConfigError(
                f"impact_threshold must be in 0-100 or None, got {self.impact_threshold!r}."
            )
        if not 1 <= self.effort_threshold <= 5:
            raise ConfigError(f"effort_threshold must be in 1-5, got {self.effort_threshold!r}.")
        if not 0 <= self.effort_penalty < 1:
            raise ConfigError(f"effort_penalty must be in [0, 1), got {self.effort_penalty!r}.")


@dataclass(frozen=True)
class RankedIssues:
    """Ranked issues of one period.

    Attributes:
        table: The issue metrics (:class:`IssueTable`), weekly series included.
        ranked: All issues sorted by priority, with ``rank`` (1 = first), impact components,
            ``impact``, ``effort``, ``quadrant`` and ``priority``; original positions in
            ``table.issues`` are kept in column ``issue_index``.
        impact_threshold: The impact threshold the quadrants used.
        weights: The impact weights used.
        effort_settings: The effort settings used.
        grid: The grid settings used.
    """

    table: IssueTable
    ranked: pd.DataFrame
    impact_threshold: float
    weights: ImpactWeights = field(default_factory=ImpactWeights)
    effort_settings: EffortSettings = field(default_factory=EffortSettings)
    grid: GridSettings = field(default_factory=GridSettings)

    @property
    def period(self) -> Period:
        """The period analysed."""
        return self.table.period

    def top(self, n: int = 10) -> pd.DataFrame:
        """The first ``n`` issues by priority."""
        return self.ranked.head(n)


def _normalise(values: pd.Series, method: str) -> pd.Series:
    import numpy as np

    valid = values.dropna()
    out = values.astype("float64").copy()
    if valid.empty:
        return out
    if method == "rank":
        if len(valid) == 1:
            out[valid.index] = 0.5
        else:
            out[valid.index] = (valid.rank(method="average") - 1.0) / (len(valid) - 1.0)
        return out
    low, high = float(valid.min()), float(valid.max())
    out[valid.index] = 0.5 if math.isclose(low, high) else (valid - low) / (high - low)
    return out.where(values.notna(), np.nan)


def impact_components(issues: pd.DataFrame, weights: ImpactWeights | None = None) -> pd.DataFrame:
    """Raw and normalised (0-1) impact components of each issue.

    Raw values: ``reach`` = customers_share (comments_share without customer ids);
    ``negativity`` = (share_negative + (1 - mean_sentiment_score) / 2) / 2; ``drag`` =
    drag_points; ``nps_drag`` = nps_drag_points; ``momentum`` = mean of the normalised
    momentum_pct (clipped to -100..300; a new issue counts as 300) and the normalised
    momentum_z; ``repeat_contact`` = repeat_contact_rate; ``fcr_gap`` = fcr_gap_points.

    Returns:
        Columns ``<component>_raw`` and ``<component>_norm`` per component (NaN where the
        data lacks it).
    """
    import numpy as np
    import pandas as pd

    weights = weights or ImpactWeights()
    method = weights.normalisation
    has_customers = issues["customers_share"].notna().any()
    reach = issues["customers_share"] if has_customers else issues["comments_share"]
    negativity = (issues["share_negative"] + (1.0 - issues["mean_sentiment_score"]) / 2.0) / 2.0
    momentum_pct = issues["momentum_pct"].clip(*MOMENTUM_PCT_CLIP)
    momentum_pct = momentum_pct.where(~issues["is_new"].astype(bool), MOMENTUM_PCT_CLIP[1])
    momentum_parts = pd.concat(
        [_normalise(momentum_pct, method), _normalise(issues["momentum_z"], method)], axis=1
    )
    raw = {
        "reach": reach,
        "negativity": negativity,
        "drag": issues["drag_points"],
        "nps_drag": issues["nps_drag_points"],
        "momentum": momentum_pct,
        "repeat_contact": issues["repeat_contact_rate"],
        "fcr_gap": issues["fcr_gap_points"],
    }
    out = pd.DataFrame(index=issues.index)
    for name, values in raw.items():
        values = values.astype("float64")
        out[f"{name}_raw"] = values
        if name == "momentum":
            with np.errstate(invalid="ignore"):
                out[f"{name}_norm"] = momentum_parts.mean(axis=1, skipna=True)
        else:
            out[f"{name}_norm"] = _normalise(values, method)
    return out


def impact_scores(components: pd.DataFrame, weights: ImpactWeights | None = None) -> pd.Series:
    """Impact 0-100: weighted mean of the normalised components available for each issue.

    ``impact = 100 x sum(w_c x norm_c) / sum(w_c)`` over the components that are not NaN for
    the issue (a component the data lacks drops out and the others are reweighted).
    """
    import numpy as np
    import pandas as pd

    weights = weights or ImpactWeights()
    total = pd.Series(0.0, index=components.index)
    weight_sum = pd.Series(0.0, index=components.index)
    for name, weight in weights.as_dict().items():
        if weight <= 0:
            continue
        norm = components[f"{name}_norm"]
        available = norm.notna()
        total += np.where(available, weight * norm.fillna(0.0), 0.0)
        weight_sum += np.where(available, weight, 0.0)
    return (100.0 * total / weight_sum.where(weight_sum > 0)).rename("impact")


def effort_scores(
    issues: pd.DataFrame,
    taxonomy: Taxonomy,
    overrides: Mapping[tuple[str, str], float] | None = None,
    settings: EffortSettings | None = None,
) -> pd.DataFrame:
    """Effort 1-5 per issue with how it was set.

    Rule: an override for ``(topic, touchpoint)`` is final. Otherwise effort = the taxonomy
    default of the topic, plus ``cross_department_bump`` when at least
    ``cross_department_min`` departments other than the owner each own a topic mentioned in
    at least ``cross_department_share`` of the issue's comments; capped at ``max_effort``.

    Returns:
        Columns ``effort_default``, ``departments_spanned`` (list), ``effort_override``,
        ``effort`` and ``effort_source`` ("taxonomy", "taxonomy+departments", "override").
    """
    import numpy as np
    import pandas as pd

    settings = settings or EffortSettings()
    overrides = dict(overrides or {})
    for key, value in overrides.items():
        if not (isinstance(value, int | float) and 1 <= value <= 5):
            raise ConfigError(
                f"Effort override for {key} must be a number from 1 to 5, got {value!r}."
            )
    default = [taxonomy.topic(t).effort for t in issues["topic"]]
    spanned = [
        sorted((d for d, s in shares.items() if s >= settings.cross_department_share), key=str)
        for shares in issues["department_shares"]
    ]
    bump = np.array(
        [
            settings.cross_department_bump if len(s) >= settings.cross_department_min else 0
            for s in spanned
        ]
    )
    derived = np.minimum(np.array(default, dtype="float64") + bump, settings.max_effort)
    override = [
        float(overrides[(t, p)]) if (t, p) in overrides else np.nan
        for t, p in zip(issues["topic"], issues["touchpoint"], strict=True)
    ]
    override = np.array(override, dtype="float64")
    has_override = ~np.isnan(override)
    source = np.where(
        has_override, "override", np.where(bump > 0, "taxonomy+departments", "taxonomy")
    )
    return pd.DataFrame(
        {
            "effort_default": default,
            "departments_spanned": spanned,
            "effort_override": override,
            "effort": np.where(has_override, override, derived),
            "effort_source": source,
        },
        index=issues.index,
    )


def assign_quadrants(
    impact: pd.Series, effort: pd.Series, impact_threshold: float, effort_threshold: float
) -> pd.Series:
    """Quadrant per issue: "at or above the threshold" is high on both axes."""
    import numpy as np
    import pandas as pd

    high_impact = impact >= impact_threshold
    high_effort = effort >= effort_threshold
    labels = np.select(
        [high_impact & ~high_effort, high_impact & high_effort, ~high_impact & ~high_effort],
        ["quick_win", "major_project", "fill_in"],
        default="thankless",
    )
    return pd.Series(labels, index=impact.index, name="quadrant")


def priority_scores(impact: pd.Series, effort: pd.Series, effort_penalty: float = 0.5) -> pd.Series:
    """Priority = impact x (1 - effort_penalty x (effort - 1) / 4), on a 0-100 scale."""
    return (impact * (1.0 - effort_penalty * (effort - 1.0) / 4.0)).rename("priority")


def rank_issues(
    df: pd.DataFrame | PreparedFrame,
    period: str | Period,
    *,
    issue_settings: IssueSettings | None = None,
    weights: ImpactWeights | None = None,
    effort_settings: EffortSettings | None = None,
    grid: GridSettings | None = None,
    effort_overrides: Mapping[tuple[str, str], float] | None = None,
    taxonomy: Taxonomy | None = None,
) -> RankedIssues:
    """Find, measure, score and rank the period's issues.

    Sort order: priority (descending), then momentum_pct, then momentum_z (growing issues
    first), then negative mentions, then topic and touchpoint ids, so ties resolve the same
    way on every run.

    Args:
        df: Classified feedback or a prepared frame.
        period: The period ("2026-05", "2026-W19", "2026-Q2", a date range or a Period).
        issue_settings: How issues are found and measured.
        weights: Impact weights.
        effort_settings: Effort rule settings.
        grid: Quadrant thresholds and priority penalty.
        effort_overrides: ``{(topic, touchpoint): effort}`` set by the committee.
        taxonomy: Taxonomy of the labels (default taxonomy when ``None``).

    Returns:
        :class:`RankedIssues`; ``top(10)`` gives the top-10.
    """
    import numpy as np

    weights = weights or ImpactWeights()
    effort_settings = effort_settings or EffortSettings()
    grid = grid or GridSettings()
    prepared = prepare(df, taxonomy)
    table = find_issues(prepared, period, issue_settings, taxonomy=prepared.taxonomy)
    issues = table.issues.copy()
    issues["issue_index"] = np.arange(len(issues))
    components = impact_components(issues, weights)
    issues = issues.join(components)
    issues["impact"] = impact_scores(components, weights)
    issues = issues.join(
        effort_scores(issues, prepared.taxonomy, effort_overrides, effort_settings)
    )
    threshold = grid.impact_threshold
    if threshold is None:
        threshold = float(issues["impact"].median()) if len(issues) else 50.0
    issues["quadrant"] = assign_quadrants(
        issues["impact"], issues["effort"], threshold, grid.effort_threshold
    )
    issues["priority"] = priority_scores(issues["impact"], issues["effort"], grid.effort_penalty)
    ranked = issues.assign(
        _momentum=issues["momentum_pct"].fillna(-np.inf).where(~issues["is_new"], np.inf),
        _z=issues["momentum_z"].fillna(-np.inf),
    ).sort_values(
        ["priority", "_momentum", "_z", "negative_mentions", "topic", "touchpoint"],
        ascending=[False, False, False, False, True, True],
        kind="mergesort",
    )
    ranked = ranked.drop(columns=["_momentum", "_z"]).reset_index(drop=True)
    ranked.insert(0, "rank", np.arange(1, len(ranked) + 1))
    return RankedIssues(
        table=table,
        ranked=ranked,
        impact_threshold=threshold,
        weights=weights,
        effort_settings=effort_settings,
        grid=grid,
    )


def _json_value(value: Any) -> Any:
    import numpy as np

    if isinstance(value, dict):
        return {str(k): _json_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple | np.ndarray):
        return [_json_value(v) for v in value]
    if isinstance(value, np.bool_ | bool):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating | float):
        return None if math.isnan(value) or math.isinf(value) else round(float(value), 4)
    return value


def issues_to_records(ranked: pd.DataFrame, *, top: int | None = None) -> list[dict[str, Any]]:
    """JSON-ready list of issues in rank order (NaN becomes ``None``).

    Each record starts with ``rank, topic, touchpoint, quadrant, impact, effort, priority``
    followed by every metric column.
    """
    head = ["rank", "topic", "touchpoint", "quadrant", "impact", "effort", "priority"]
    frame = ranked if top is None else ranked.head(top)
    columns = head + [c for c in frame.columns if c not in head and c != "issue_index"]
    return [
        {column: _json_value(row[column]) for column in columns}
        for row in frame.to_dict(orient="records")
    ]


def settings_summary(result: RankedIssues) -> dict[str, Any]:
    """The settings a ranking used, as plain data (for reports and JSON output)."""
    return {
        "weights": asdict(result.weights),
        "effort": asdict(result.effort_settings),
        "grid": asdict(result.grid),
        "issues": asdict(result.table.settings),
        "impact_threshold": _json_value(result.impact_threshold),
    }
