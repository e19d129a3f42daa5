"""Review corrections: analyst-corrected labels of comments, the retraining examples.

Revision ID: 0003_review_corrections
Revises: 0002_backlog
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_review_corrections"
down_revision = "0002_backlog"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review_corrections",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("feedback_id", sa.String(255), nullable=False),
        sa.Column("topics", sa.String(500), nullable=False),
        sa.Column("touchpoint", sa.String(100), nullable=False),
        sa.Column("sentiment", sa.String(20), nullable=False),
        sa.Column("corrected_by", sa.String(200), nullable=False),
        sa.Column("corrected_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_review_corrections"),
        sa.ForeignKeyConstraint(
            ["feedback_id"],
            ["feedback.feedback_id"],
            name="fk_review_corrections_feedback_id_feedback",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_review_corrections_feedback_id", "review_corrections", ["feedback_id"])


def downgrade() -> None:
    op.drop_table("review_corrections")
