"""SQLAlchemy table definitions of the core store: runs, feedback, predictions, quarantine, reviews.

The tables here are the target of the Alembic migrations shipped in
``voc/store/migrations``; a test checks that the migrated database matches this metadata.
Raw customer text is never stored: ``feedback.text_redacted`` holds the redacted words.
``feedback.current_*`` copy the current prediction of each row (the one written last) so the
app's aggregations run on one table.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

__all__ = [
    "FEEDBACK_INPUT_COLUMNS",
    "PREDICTION_COLUMNS",
    "JSONType",
    "metadata",
    "ingest_runs",
    "feedback",
    "predictions",
    "quarantine",
    "review_corrections",
    "store_settings",
    "erasures",
]

#: JSON on SQLite, JSONB on PostgreSQL.
JSONType = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")

_NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = sa.MetaData(naming_convention=_NAMING)

#: The input columns of the feedback record (docs/ARCHITECTURE.md), ``text`` stored redacted.
FEEDBACK_INPUT_COLUMNS = (
    "feedback_id",
    "created_at",
    "channel",
    "text_redacted",
    "csat",
    "nps",
    "customer_id",
    "customer_segment",
    "product_line",
    "region",
    "agent_id",
    "first_response_seconds",
    "handle_seconds",
    "resolved_first_contact",
)

#: The columns a classifier writes for each feedback record.
PREDICTION_COLUMNS = (
    "sentiment",
    "sentiment_score",
    "topic",
    "topics",
    "topic_confidence",
    "touchpoint",
    "touchpoint_confidence",
    "aspects",
    "needs_review",
)

ingest_runs = sa.Table(
    "ingest_runs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("file_name", sa.String(500), nullable=False),
    sa.Column("file_hash", sa.String(64), nullable=False, index=True),
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
    sa.Column("pii_counts", JSONType),
    sa.Column("quarantine_reasons", JSONType),
    sa.Column("column_mapping", JSONType),
    sa.Column("warnings", JSONType),
    sa.Column("error", sa.Text),
    # Set when the run was undone (voc runs delete): its rows are gone, its counts kept.
    sa.Column("deleted_at", sa.DateTime),
)

feedback = sa.Table(
    "feedback",
    metadata,
    sa.Column("feedback_id", sa.String(255), primary_key=True),
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
    sa.Column(
        "ingest_run_id",
        sa.Integer,
        sa.ForeignKey("ingest_runs.id", ondelete="SET NULL"),
        index=True,
    ),
    sa.Column("source_file", sa.String(500)),
    sa.Column("source_line", sa.Integer),
    # A copy of the current prediction, kept in sync by write_predictions, so the app's
    # aggregations are one covering-index scan instead of a join plus a sort.
    sa.Column("current_model_version", sa.String(200)),
    sa.Column("current_sentiment", sa.String(20)),
    sa.Column("current_topic", sa.String(100)),
    sa.Column("current_touchpoint", sa.String(100)),
    sa.Index("ix_feedback_created_at", "created_at"),
    sa.Index(
        "ix_feedback_week_topic_touchpoint",
        "week",
        "current_topic",
        "current_touchpoint",
        "created_at",
    ),
    sa.Index("ix_feedback_touchpoint_csat", "current_touchpoint", "csat", "created_at"),
)

predictions = sa.Table(
    "predictions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "feedback_id",
        sa.String(255),
        sa.ForeignKey("feedback.feedback_id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("model_version", sa.String(200), nullable=False),
    sa.Column("sentiment", sa.String(20)),
    sa.Column("sentiment_score", sa.Float),
    sa.Column("topic", sa.String(100)),
    sa.Column("topics", sa.Text),
    sa.Column("topic_confidence", sa.Float),
    sa.Column("touchpoint", sa.String(100)),
    sa.Column("touchpoint_confidence", sa.Float),
    sa.Column("aspects", JSONType),
    sa.Column("needs_review", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.UniqueConstraint("feedback_id", "model_version"),
    sa.Index("ix_predictions_model_version", "model_version"),
)

quarantine = sa.Table(
    "quarantine",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "ingest_run_id",
        sa.Integer,
        sa.ForeignKey("ingest_runs.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("source_file", sa.String(500)),
    sa.Column("source_line", sa.Integer),
    sa.Column("reason", sa.String(50), nullable=False, index=True),
    sa.Column("detail", sa.Text),
    sa.Column("raw_redacted", sa.Text),
)

#: Analyst corrections of a comment's labels (the review queue), kept as training examples.
#: The text is the comment's ``feedback.text_redacted`` (joined on read, never copied); every
#: correction is kept, the newest per comment is the one that counts.
review_corrections = sa.Table(
    "review_corrections",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "feedback_id",
        sa.String(255),
        sa.ForeignKey("feedback.feedback_id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("topics", sa.String(500), nullable=False),
    sa.Column("touchpoint", sa.String(100), nullable=False),
    sa.Column("sentiment", sa.String(20), nullable=False),
    sa.Column("corrected_by", sa.String(200), nullable=False),
    sa.Column("corrected_at", sa.DateTime, nullable=False),
)

#: Settings of the store itself, one row each, such as the secret key of the pseudonyms
#: (``pseudonym_key``, see :mod:`voc.store.settings`).
store_settings = sa.Table(
    "store_settings",
    metadata,
    sa.Column("name", sa.String(100), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
)

#: What was erased and when (voc runs delete, voc erase): counts only, never the data.
erasures = sa.Table(
    "erasures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.DateTime, nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),  # run, customer, feedback
    sa.Column("reference", sa.String(200)),  # the run id; nothing that names a person
    sa.Column("feedback_rows", sa.Integer, nullable=False),
    sa.Column("quarantine_rows", sa.Integer, nullable=False),
)
