"""Journey model, impact and effort metrics, prioritisation and the CX backlog.

Public names are imported lazily (PEP 562) so ``import journey`` stays cheap: pandas, numpy and
scikit-learn load only when an analytics function is first used.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = [
    # periods
    "Period",
    "parse_period",
    # frame
    "PreparedFrame",
    "prepare",
    # metrics
    "csat_percent",
    "csat_mean",
    "nps_score",
    "fcr_percent",
    "net_sentiment",
    "drag_points",
    "csat_drag_points",
    "nps_drag_points",
    "net_sentiment_drag_points",
    "zscore_against_baseline",
    "weekly_zscores",
    # model
    "JourneyModel",
    "KPI_COLUMNS",
    "group_kpis",
    "journey_model",
    "stage_metrics",
    "stage_trend",
    "emotional_curve",
    "touchpoint_topic_matrix",
    # issues and prioritisation
    "IssueSettings",
    "IssueTable",
    "find_issues",
    "ImpactWeights",
    "EffortSettings",
    "GridSettings",
    "RankedIssues",
    "QUADRANTS",
    "rank_issues",
    "issues_to_records",
    # evidence
    "IssueEvidence",
    "Verbatim",
    "issue_title",
    "build_evidence",
    # emerging topics
    "EmergingSettings",
    "EmergingResult",
    "EmergingTopic",
    "find_emerging",
    # closed loop
    "ClosedLoopResult",
    "closed_loop",
    # briefs
    "Brief",
    "DepartmentSection",
    "weekly_brief",
    "monthly_brief",
    # backlog
    "BacklogItem",
    "CreateResult",
    "create_item",
    "create_from_issue",
    "get_item",
    "list_items",
    "update_item",
    "add_comment",
    "history",
    "effort_overrides",
    "set_effort_override",
    "department_view",
    "weekly_view",
    "monthly_view",
    "export_csv",
    "export_xlsx",
    "export_jira",
    "committee_pack",
]

_MODULE_OF = {
    "Period": "periods",
    "parse_period": "periods",
    "PreparedFrame": "frame",
    "prepare": "frame",
    "csat_percent": "metrics",
    "csat_mean": "metrics",
    "nps_score": "metrics",
    "fcr_percent": "metrics",
    "net_sentiment": "metrics",
    "drag_points": "metrics",
    "csat_drag_points": "metrics",
    "nps_drag_points": "metrics",
    "net_sentiment_drag_points": "metrics",
    "zscore_against_baseline": "metrics",
    "weekly_zscores": "metrics",
    "JourneyModel": "model",
    "KPI_COLUMNS": "model",
    "group_kpis": "model",
    "journey_model": "model",
    "stage_metrics": "model",
    "stage_trend": "model",
    "emotional_curve": "model",
    "touchpoint_topic_matrix": "model",
    "IssueSettings": "issues",
    "IssueTable": "issues",
    "find_issues": "issues",
    "ImpactWeights": "prioritize",
    "EffortSettings": "prioritize",
    "GridSettings": "prioritize",
    "RankedIssues": "prioritize",
    "QUADRANTS": "prioritize",
    "rank_issues": "prioritize",
    "issues_to_records": "prioritize",
    "IssueEvidence": "evidence",
    "Verbatim": "evidence",
    "issue_title": "evidence",
    "build_evidence": "evidence",
    "EmergingSettings": "emerging",
    "EmergingResult": "emerging",
    "EmergingTopic": "emerging",
    "find_emerging": "emerging",
    "ClosedLoopResult": "closed_loop",
    "closed_loop": "closed_loop",
    "Brief": "brief",
    "DepartmentSection": "brief",
    "weekly_brief": "brief",
    "monthly_brief": "brief",
    "BacklogItem": "backlog",
    "CreateResult": "backlog",
    "create_item": "backlog",
    "create_from_issue": "backlog",
    "get_item": "backlog",
    "list_items": "backlog",
    "update_item": "backlog",
    "add_comment": "backlog",
    "history": "backlog",
    "effort_overrides": "backlog",
    "set_effort_override": "backlog",
    "department_view": "backlog",
    "weekly_view": "backlog",
    "monthly_view": "backlog",
    "export_csv": "backlog",
    "export_xlsx": "backlog",
    "export_jira": "backlog",
    "committee_pack": "backlog",
}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'journey' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"journey.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
