"""Erasure: undoing an ingest run (``ingest_runs.deleted_at``) and a log of erasures.

Revision ID: 0005_erasure
Revises: 0004_store_settings
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_erasure"
down_revision = "0004_store_settings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ingest_runs") as batch:
        batch.add_column(sa.Column("deleted_at", sa.DateTime))
    op.create_table(
        "erasures",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("reference", sa.String(200)),
        sa.Column("feedback_rows", sa.Integer, nullable=False),
        sa.Column("quarantine_rows", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_erasures"),
    )


def downgrade() -> None:
    op.drop_table("erasures")
    with op.batch_alter_table("ingest_runs") as batch:
        batch.drop_column("deleted_at")
