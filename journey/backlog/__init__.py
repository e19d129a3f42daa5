"""The cross-department CX backlog: items from ranked issues, workflow, audit, views, exports.

Stable Python API (the Streamlit app and ``voc backlog`` call only these; docs/BACKLOG.md):

Items and rules (``journey.backlog.store``, ``.notes``, ``.issue``):
    create_item(engine, title, *, by, taxonomy=None, **fields) -> CreateResult
    create_from_issue(engine, issue, *, by, effort=None, period=None, lang="en", **fields)
        -> CreateResult
    get_item(engine, item_id, *, with_comments=True) -> BacklogItem
    list_items(engine, department=None, status=None, *, topic=None, touchpoint=None,
               open_only=False) -> list[BacklogItem]
    update_item(engine, item_id, changes: dict, expected_version: int, by: str) -> BacklogItem
    add_comment(engine, item_id, body, *, by) -> Comment
    history(engine, item_id) -> list[AuditEntry]
    effort_overrides(engine) -> dict[(topic, touchpoint), int]
    set_effort_override(engine, topic, touchpoint, effort, *, by) -> None

Views (``journey.backlog.views``):
    department_view(engine, department, *, include_closed=False) -> list[BacklogItem]
    weekly_view(engine) -> WeeklyView (biggest issue + three quick wins)
    monthly_view(engine, month, *, feedback=None, as_of=None) -> MonthlyView

Exports (``journey.backlog.export``): export_csv, export_xlsx, export_jira, committee_pack.

``engine`` is a SQLAlchemy engine from ``voc.store.get_engine`` (``None`` means the default
store). Errors: ``ConflictError`` (stale version, duplicate open item), ``TransitionError``
(status rule), ``NotFoundError``, ``ValidationError``, ``TaxonomyError``.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = [
    "STATUSES",
    "OPEN_STATUSES",
    "CLOSED_STATUSES",
    "TRANSITIONS",
    "COUNTERMEASURE_TYPES",
    "EDITABLE_FIELDS",
    "BacklogItem",
    "Comment",
    "AuditEntry",
    "CreateResult",
    "check_transition",
    "create_item",
    "create_from_issue",
    "get_item",
    "list_items",
    "update_item",
    "add_comment",
    "history",
    "effort_overrides",
    "set_effort_override",
    "WeeklyView",
    "MonthlyView",
    "DepartmentSummary",
    "department_view",
    "weekly_view",
    "monthly_view",
    "ITEM_COLUMNS",
    "JIRA_COLUMNS",
    "export_csv",
    "export_xlsx",
    "export_jira",
    "committee_pack",
]

_MODULE_OF = {
    **dict.fromkeys(
        (
            "STATUSES",
            "OPEN_STATUSES",
            "CLOSED_STATUSES",
            "TRANSITIONS",
            "COUNTERMEASURE_TYPES",
            "EDITABLE_FIELDS",
            "BacklogItem",
            "Comment",
            "AuditEntry",
            "CreateResult",
            "check_transition",
        ),
        "model",
    ),
    **dict.fromkeys(
        (
            "create_item",
            "get_item",
            "list_items",
            "update_item",
        ),
        "store",
    ),
    **dict.fromkeys(("add_comment", "history", "effort_overrides", "set_effort_override"), "notes"),
    "create_from_issue": "issue",
    **dict.fromkeys(
        (
            "WeeklyView",
            "MonthlyView",
            "DepartmentSummary",
            "department_view",
            "weekly_view",
            "monthly_view",
        ),
        "views",
    ),
    **dict.fromkeys(
        (
            "ITEM_COLUMNS",
            "JIRA_COLUMNS",
            "export_csv",
            "export_xlsx",
            "export_jira",
            "committee_pack",
        ),
        "export",
    ),
}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'journey.backlog' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"journey.backlog.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
