"""Store settings: one row per setting, such as the secret key of the pseudonyms.

Revision ID: 0004_store_settings
Revises: 0003_review_corrections
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_store_settings"
down_revision = "0003_review_corrections"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The key itself is created by the first ingest (voc.store.settings.pseudonym_key).
    op.create_table(
        "store_settings",
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_store_settings"),
    )


def downgrade() -> None:
    op.drop_table("store_settings")
