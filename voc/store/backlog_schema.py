"""SQLAlchemy table definitions of the CX backlog: items, comments, audit log, effort overrides.

These tables live in their own migration (``0002_backlog``) so the backlog owner can evolve
them without touching the core store. ``backlog_items.version`` is an optimistic lock: an
update must name the version it read and bumps it.
"""

from __future__ import annotations

import sqlalchemy as sa

from voc.store.schema import JSONType, metadata

__all__ = ["backlog_items", "backlog_comments", "backlog_audit", "effort_overrides"]

backlog_items = sa.Table(
    "backlog_items",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("title", sa.String(500), nullable=False),
    sa.Column("description", sa.Text),
    sa.Column("topic", sa.String(100)),
    sa.Column("touchpoint", sa.String(100)),
    sa.Column("owner_department", sa.String(100)),
    sa.Column("assignee", sa.String(200)),
    sa.Column("status", sa.String(40), nullable=False),
    sa.Column("effort", sa.Integer),
    sa.Column("impact_snapshot", JSONType),
    sa.Column("priority", sa.Float),
    sa.Column("due_date", sa.Date),
    sa.Column("countermeasure_type", sa.String(100)),
    sa.Column("target_kpi", sa.String(100)),
    sa.Column("kpi_baseline", sa.Float),
    sa.Column("kpi_target", sa.Float),
    sa.Column("verbatim_ids", JSONType),
    sa.Column("issue_key", sa.String(300)),
    sa.Column("version", sa.Integer, nullable=False, server_default="1"),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
    sa.Column("done_at", sa.DateTime),
    sa.Index("ix_backlog_items_status", "status"),
    sa.Index("ix_backlog_items_issue_key", "issue_key"),
    sa.Index("ix_backlog_items_topic_touchpoint", "topic", "touchpoint"),
)

backlog_comments = sa.Table(
    "backlog_comments",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "item_id",
        sa.Integer,
        sa.ForeignKey("backlog_items.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("author", sa.String(200), nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("body", sa.Text, nullable=False),
)

backlog_audit = sa.Table(
    "backlog_audit",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "item_id",
        sa.Integer,
        sa.ForeignKey("backlog_items.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("who", sa.String(200), nullable=False),
    sa.Column("at", sa.DateTime, nullable=False),
    sa.Column("field", sa.String(100), nullable=False),
    sa.Column("old_value", sa.Text),
    sa.Column("new_value", sa.Text),
)

effort_overrides = sa.Table(
    "effort_overrides",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("topic", sa.String(100), nullable=False),
    sa.Column("touchpoint", sa.String(100), nullable=False),
    sa.Column("effort", sa.Integer, nullable=False),
    sa.Column("who", sa.String(200), nullable=False),
    sa.Column("at", sa.DateTime, nullable=False),
    sa.Index("ix_effort_overrides_topic_touchpoint", "topic", "touchpoint"),
)
