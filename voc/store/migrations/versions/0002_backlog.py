"""CX backlog: items, comments, audit log, effort overrides.

Revision ID: 0002_backlog
Revises: 0001_core
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002_backlog"
down_revision = "0001_core"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "backlog_items",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("description", sa.Text),
        sa.Column("topic", sa.String(100)),
        sa.Column("touchpoint", sa.String(100)),
        sa.Column("owner_department", sa.String(100)),
        sa.Column("assignee", sa.String(200)),
        sa.Column("status", sa.String(40), nullable=False),
        sa.Column("effort", sa.Integer),
        sa.Column("impact_snapshot", JSON),
        sa.Column("priority", sa.Float),
        sa.Column("due_date", sa.Date),
        sa.Column("countermeasure_type", sa.String(100)),
        sa.Column("target_kpi", sa.String(100)),
        sa.Column("kpi_baseline", sa.Float),
        sa.Column("kpi_target", sa.Float),
        sa.Column("verbatim_ids", JSON),
        sa.Column("issue_key", sa.String(300)),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("done_at", sa.DateTime),
        sa.PrimaryKeyConstraint("id", name="pk_backlog_items"),
    )
    op.create_index("ix_backlog_items_status", "backlog_items", ["status"])
    op.create_index("ix_backlog_items_issue_key", "backlog_items", ["issue_key"])
    op.create_index("ix_backlog_items_topic_touchpoint", "backlog_items", ["topic", "touchpoint"])

    op.create_table(
        "backlog_comments",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("item_id", sa.Integer, nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_backlog_comments"),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["backlog_items.id"],
            name="fk_backlog_comments_item_id_backlog_items",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_backlog_comments_item_id", "backlog_comments", ["item_id"])

    op.create_table(
        "backlog_audit",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("item_id", sa.Integer, nullable=False),
        sa.Column("who", sa.String(200), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("field", sa.String(100), nullable=False),
        sa.Column("old_value", sa.Text),
        sa.Column("new_value", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_backlog_audit"),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["backlog_items.id"],
            name="fk_backlog_audit_item_id_backlog_items",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_backlog_audit_item_id", "backlog_audit", ["item_id"])

    op.create_table(
        "effort_overrides",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("topic", sa.String(100), nullable=False),
        sa.Column("touchpoint", sa.String(100), nullable=False),
        sa.Column("effort", sa.Integer, nullable=False),
        sa.Column("who", sa.String(200), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_effort_overrides"),
    )
    op.create_index(
        "ix_effort_overrides_topic_touchpoint", "effort_overrides", ["topic", "touchpoint"]
    )


def downgrade() -> None:
    op.drop_table("effort_overrides")
    op.drop_table("backlog_audit")
    op.drop_table("backlog_comments")
    op.drop_table("backlog_items")
