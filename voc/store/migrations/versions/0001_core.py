"""Core store: ingest runs, feedback, predictions, quarantine.

Revision ID: 0001_core
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001_core"
down_revision = None
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "ingest_runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("file_name", sa.String(500), nullable=False),
        sa.Column("file_hash", sa.String(64), nullable=False),
        sa.Column("file_format", sa.String(20)),
        sa.Column("encoding", sa.String(40)),
        sa.Column("status", sa.String(20), nullable=False, server_default="running"),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("finished_at", sa.DateTime),
        sa.Column("rows_in", sa.Integer, nullable=False, server_default="0"),
        sa.Column("loaded", sa.Integer, nullable=False, server_default="0"),
        sa.Column("quarantined", sa.Integer, nullable=False, server_default="0"),
        sa.Column("duplicates", sa.Integer, nullable=False, server_default="0"),
        sa.Column("truncated", sa.Integer, nullable=False, server_default="0"),
        sa.Column("pii_counts", JSON),
        sa.Column("quarantine_reasons", JSON),
        sa.Column("column_mapping", JSON),
        sa.Column("warnings", JSON),
        sa.Column("error", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_ingest_runs"),
    )
    op.create_index("ix_ingest_runs_file_hash", "ingest_runs", ["file_hash"])

    op.create_table(
        "feedback",
        sa.Column("feedback_id", sa.String(255), nullable=False),
        sa.Column("created_at", sa.DateTime),
        sa.Column("week", sa.Date),
        sa.Column("channel", sa.String(100)),
        sa.Column("text_redacted", sa.Text, nullable=False),
        sa.Column("csat", sa.Float),
        sa.Column("nps", sa.Float),
        sa.Column("customer_id", sa.String(255)),
        sa.Column("customer_segment", sa.String(255)),
        sa.Column("product_line", sa.String(255)),
        sa.Column("region", sa.String(255)),
        sa.Column("agent_id", sa.String(255)),
        sa.Column("first_response_seconds", sa.Float),
        sa.Column("handle_seconds", sa.Float),
        sa.Column("resolved_first_contact", sa.Boolean),
        sa.Column("lang", sa.String(8)),
        sa.Column("text_truncated", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("ingest_run_id", sa.Integer),
        sa.Column("source_file", sa.String(500)),
        sa.Column("source_line", sa.Integer),
        sa.Column("current_model_version", sa.String(200)),
        sa.Column("current_sentiment", sa.String(20)),
        sa.Column("current_topic", sa.String(100)),
        sa.Column("current_touchpoint", sa.String(100)),
        sa.PrimaryKeyConstraint("feedback_id", name="pk_feedback"),
        sa.ForeignKeyConstraint(
            ["ingest_run_id"],
            ["ingest_runs.id"],
            name="fk_feedback_ingest_run_id_ingest_runs",
            ondelete="SET NULL",
        ),
    )
    op.create_index("ix_feedback_ingest_run_id", "feedback", ["ingest_run_id"])
    op.create_index("ix_feedback_created_at", "feedback", ["created_at"])
    op.create_index(
        "ix_feedback_week_topic_touchpoint",
        "feedback",
        ["week", "current_topic", "current_touchpoint", "created_at"],
    )
    op.create_index(
        "ix_feedback_touchpoint_csat", "feedback", ["current_touchpoint", "csat", "created_at"]
    )

    op.create_table(
        "predictions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("feedback_id", sa.String(255), nullable=False),
        sa.Column("model_version", sa.String(200), nullable=False),
        sa.Column("sentiment", sa.String(20)),
        sa.Column("sentiment_score", sa.Float),
        sa.Column("topic", sa.String(100)),
        sa.Column("topics", sa.Text),
        sa.Column("topic_confidence", sa.Float),
        sa.Column("touchpoint", sa.String(100)),
        sa.Column("touchpoint_confidence", sa.Float),
        sa.Column("aspects", JSON),
        sa.Column("needs_review", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_predictions"),
        sa.ForeignKeyConstraint(
            ["feedback_id"],
            ["feedback.feedback_id"],
            name="fk_predictions_feedback_id_feedback",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint(
            "feedback_id", "model_version", name="uq_predictions_feedback_id_model_version"
        ),
    )
    op.create_index("ix_predictions_model_version", "predictions", ["model_version"])

    op.create_table(
        "quarantine",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("ingest_run_id", sa.Integer, nullable=False),
        sa.Column("source_file", sa.String(500)),
        sa.Column("source_line", sa.Integer),
        sa.Column("reason", sa.String(50), nullable=False),
        sa.Column("detail", sa.Text),
        sa.Column("raw_redacted", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_quarantine"),
        sa.ForeignKeyConstraint(
            ["ingest_run_id"],
            ["ingest_runs.id"],
            name="fk_quarantine_ingest_run_id_ingest_runs",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_quarantine_ingest_run_id", "quarantine", ["ingest_run_id"])
    op.create_index("ix_quarantine_reason", "quarantine", ["reason"])


def downgrade() -> None:
    op.drop_table("quarantine")
    op.drop_table("predictions")
    op.drop_table("feedback")
    op.drop_table("ingest_runs")
