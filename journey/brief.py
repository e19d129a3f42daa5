"""The committee's rhythm: a weekly brief (biggest issue + three quick wins) and a monthly one.

The monthly brief lists each department's issues with their trend. Open backlog items are
added through a hook: pass ``open_items`` -- a callable ``(department_id, period) -> list of
mappings`` with at least ``title`` (optional ``status``, ``due``, ``target_kpi``, ``id``) --
and each department section lists them. Rendering lives in :mod:`journey.render`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from journey.evidence import IssueEvidence, build_evidence
from journey.frame import PreparedFrame, prepare
from journey.model import stage_metrics
from journey.periods import Period, parse_period
from journey.prioritize import (
    EffortSettings,
    GridSettings,
    ImpactWeights,
    _json_value,
    rank_issues,
)
from voc.errors import ConfigError

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from journey.issues import IssueSettings
    from voc.taxonomy import Taxonomy

__all__ = [
    "Brief",
    "DepartmentSection",
    "OpenItemsProvider",
    "weekly_brief",
    "monthly_brief",
    "BRIEF_LANGS",
]

#: Languages a brief can be written in.
BRIEF_LANGS = ("en", "id")
#: Hook for open backlog items: ``(department_id, period) -> [{"title": ..., ...}, ...]``.
OpenItemsProvider = Callable[[str, Period], Sequence[Mapping[str, Any]]]


@dataclass(frozen=True)
class DepartmentSection:
    """One department in the monthly brief.

    Attributes:
        department: Department id.
        name_en: English name.
        name_id: Indonesian name.
        issues: Its issues in rank order, with evidence.
        open_items: Open backlog items from the ``open_items`` hook (empty without one).
    """

    department: str
    name_en: str
    name_id: str
    issues: list[IssueEvidence]
    open_items: list[dict[str, Any]] = field(default_factory=list)

    def name(self, lang: str = "id") -> str:
        """Department name in "id" or "en"."""
        return self.name_id if lang == "id" else self.name_en


@dataclass(frozen=True)
class Brief:
    """A weekly or monthly brief, ready to render as Markdown or HTML.

    Attributes:
        kind: "week" or "month".
        period: The period covered.
        lang: Language of the rendered text ("en" or "id").
        totals: Period KPIs (comments, customers, CSAT%, NPS, FCR%, net sentiment) and the
            same for the previous period under ``previous``.
        stages: Journey stages of the period (``journey.model.stage_metrics``).
        biggest: The issue with the highest impact (weekly brief).
        quick_wins: Up to three quick wins by priority, the biggest issue excluded (weekly).
        departments: Per-department sections (monthly brief).
        has_backlog_hook: Whether open backlog items were requested.
        issue_count: Issues found in the period.
    """

    kind: str
    period: Period
    lang: str
    totals: dict[str, Any]
    stages: pd.DataFrame
    biggest: IssueEvidence | None = None
    quick_wins: list[IssueEvidence] = field(default_factory=list)
    departments: list[DepartmentSection] = field(default_factory=list)
    has_backlog_hook: bool = False
    issue_count: int = 0

    def to_markdown(self) -> str:
        """Render as Markdown."""
        from journey.render import brief_markdown

        return brief_markdown(self)

    def to_html(self) -> str:
        """Render as a standalone HTML page."""
        from journey.render import brief_html

        return brief_html(self)

    def render(self, fmt: str = "md") -> str:
        """Render as "md" or "html"."""
        if fmt not in ("md", "html"):
            raise ConfigError(f"Brief format must be 'md' or 'html', got {fmt!r}.")
        return self.to_markdown() if fmt == "md" else self.to_html()


def _check_lang(lang: str) -> None:
    if lang not in BRIEF_LANGS:
        raise ConfigError(f"Brief language must be one of {', '.join(BRIEF_LANGS)}, got {lang!r}.")


def _totals(prepared: PreparedFrame, period: Period, ranked) -> dict[str, Any]:
    from journey.issues import IssueSettings, find_issues

    keys = ("comments", "customers", "csat_percent", "nps", "fcr_percent", "net_sentiment")
    totals = {k: _json_value(ranked.table.totals.get(k)) for k in keys}
    previous = find_issues(
        prepared, period.previous(), IssueSettings(min_mentions=10**9), taxonomy=prepared.taxonomy
    ).totals
    totals["previous"] = {k: _json_value(previous.get(k)) for k in keys}
    totals["previous_label"] = period.previous().label
    return totals


def _ranked(
    prepared: PreparedFrame,
    period: Period,
    issue_settings: IssueSettings | None,
    weights: ImpactWeights | None,
    effort_settings: EffortSettings | None,
    grid: GridSettings | None,
    effort_overrides: Mapping[tuple[str, str], float] | None,
):
    return rank_issues(
        prepared,
        period,
        issue_settings=issue_settings,
        weights=weights,
        effort_settings=effort_settings,
        grid=grid,
        effort_overrides=effort_overrides,
        taxonomy=prepared.taxonomy,
    )


def weekly_brief(
    df: pd.DataFrame | PreparedFrame,
    week: str | Period,
    *,
    lang: str = "en",
    quick_wins: int = 3,
    embeddings: np.ndarray | None = None,
    issue_settings: IssueSettings | None = None,
    weights: ImpactWeights | None = None,
    effort_settings: EffortSettings | None = None,
    grid: GridSettings | None = None,
    effort_overrides: Mapping[tuple[str, str], float] | None = None,
    taxonomy: Taxonomy | None = None,
) -> Brief:
    """The weekly committee brief: the biggest issue and up to three quick wins, with evidence.

    The biggest issue is the one with the highest impact (effort does not matter for "how
    big"); quick wins are issues in the quick_win quadrant, by priority, the biggest excluded.

    Args:
        df: Classified feedback or a prepared frame.
        week: An ISO week ("2026-W19"); any period is accepted.
        lang: "en" or "id".
        quick_wins: How many quick wins to list.
        embeddings: Optional embedding matrix aligned with the frame (verbatim choice).
        issue_settings: Issue thresholds (note: a week has fewer comments than a month;
            lower ``min_mentions`` for small data sets).
        weights: Impact weights.
        effort_settings: Effort rule settings.
        grid: Quadrant thresholds and priority penalty.
        effort_overrides: ``{(topic, touchpoint): effort}``.
        taxonomy: Taxonomy of the labels.
    """
    _check_lang(lang)
    prepared = prepare(df, taxonomy)
    period = parse_period(week)
    ranked = _ranked(
        prepared, period, issue_settings, weights, effort_settings, grid, effort_overrides
    )
    table = ranked.ranked
    biggest = None
    wins: list[IssueEvidence] = []
    if len(table):
        by_impact = table.sort_values(["impact", "rank"], ascending=[False, True], kind="mergesort")
        biggest_rank = int(by_impact.iloc[0]["rank"])
        win_ranks = [
            int(r)
            for r, q in zip(table["rank"], table["quadrant"], strict=True)
            if q == "quick_win" and int(r) != biggest_rank
        ][:quick_wins]
        wanted = [biggest_rank, *win_ranks]
        subset = table[table["rank"].isin(wanted)]
        evidence = _evidence_for(ranked, subset, prepared, embeddings)
        biggest = evidence[biggest_rank]
        wins = [evidence[r] for r in win_ranks]
    return Brief(
        kind="week",
        period=period,
        lang=lang,
        totals=_totals(prepared, period, ranked),
        stages=stage_metrics(prepared, period),
        biggest=biggest,
        quick_wins=wins,
        issue_count=len(table),
    )


def _evidence_for(ranked, subset: pd.DataFrame, prepared: PreparedFrame, embeddings):
    """Evidence for a subset of ranked rows, keyed by rank."""
    from dataclasses import replace

    limited = replace(ranked, ranked=subset.reset_index(drop=True))
    evidence = build_evidence(limited, prepared, top=len(subset), embeddings=embeddings)
    return {int(r): e for r, e in zip(subset["rank"], evidence, strict=True)}


def monthly_brief(
    df: pd.DataFrame | PreparedFrame,
    month: str | Period,
    *,
    lang: str = "en",
    top: int | None = None,
    open_items: OpenItemsProvider | None = None,
    embeddings: np.ndarray | None = None,
    issue_settings: IssueSettings | None = None,
    weights: ImpactWeights | None = None,
    effort_settings: EffortSettings | None = None,
    grid: GridSettings | None = None,
    effort_overrides: Mapping[tuple[str, str], float] | None = None,
    taxonomy: Taxonomy | None = None,
) -> Brief:
    """The monthly brief: per owner department, its issues with trend and evidence.

    Args:
        df: Classified feedback or a prepared frame.
        month: A month ("2026-05"); any period is accepted.
        lang: "en" or "id".
        top: Only the first ``top`` ranked issues (all issues when ``None``).
        open_items: Hook returning a department's open backlog items (see module doc).
        embeddings: Optional embedding matrix aligned with the frame (verbatim choice).
        issue_settings: Issue thresholds.
        weights: Impact weights.
        effort_settings: Effort rule settings.
        grid: Quadrant thresholds and priority penalty.
        effort_overrides: ``{(topic, touchpoint): effort}``.
        taxonomy: Taxonomy of the labels.

    Departments are ordered by the summed priority of their issues, highest first.
    """
    _check_lang(lang)
    prepared = prepare(df, taxonomy)
    taxonomy = prepared.taxonomy
    period = parse_period(month)
    ranked = _ranked(
        prepared, period, issue_settings, weights, effort_settings, grid, effort_overrides
    )
    table = ranked.ranked if top is None else ranked.ranked.head(top)
    evidence = _evidence_for(ranked, table, prepared, embeddings) if len(table) else {}
    weight = (
        table.groupby("owner", sort=False)["priority"]
        .sum()
        .sort_values(ascending=False, kind="mergesort")
    )
    sections = []
    for department_id in weight.index:
        department = taxonomy.department(department_id)
        ranks = table.loc[table["owner"] == department_id, "rank"]
        items = []
        if open_items is not None:
            items = [dict(item) for item in open_items(department_id, period)]
            for item in items:
                if "title" not in item:
                    raise ConfigError(
                        f"Open backlog items must have a 'title'; got keys {sorted(item)} "
                        f"for department '{department_id}'."
                    )
        sections.append(
            DepartmentSection(
                department=department.id,
                name_en=department.name_en,
                name_id=department.name_id,
                issues=[evidence[int(r)] for r in ranks],
                open_items=items,
            )
        )
    return Brief(
        kind="month",
        period=period,
        lang=lang,
        totals=_totals(prepared, period, ranked),
        stages=stage_metrics(prepared, period),
        departments=sections,
        has_backlog_hook=open_items is not None,
        issue_count=len(ranked.ranked),
    )
