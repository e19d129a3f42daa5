"""Backlog comments, the audit history and the committee's effort overrides per issue."""

from __future__ import annotations

from typing import TYPE_CHECKING

from journey.backlog._db import (
    _engine,
    _get,
    _history,
    _now,
    _record_effort,
    _tables,
    _taxonomy,
    _who,
)
from journey.backlog.model import AuditEntry, Comment, normalise_fields
from voc.errors import ValidationError

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from voc.taxonomy import Taxonomy

__all__ = ["add_comment", "history", "effort_overrides", "set_effort_override"]


def add_comment(engine: Engine | None, item_id: int, body: str, *, by: str) -> Comment:
    """Add a comment (audited as field "comment"; the item's version does not change).

    Raises:
        NotFoundError: No item has this id.
        ValidationError: An empty comment.
    """
    engine = _engine(engine)
    who = _who(by)
    text = (body or "").strip()
    if not text:
        raise ValidationError("A comment needs some text.")
    tables = _tables()
    at = _now()
    with engine.begin() as conn:
        item = _get(conn, int(item_id), with_comments=False)
        comment_id = conn.execute(
            tables.backlog_comments.insert()
            .values(item_id=item.id, author=who, created_at=at, body=text)
            .returning(tables.backlog_comments.c.id)
        ).scalar_one()
        conn.execute(
            tables.backlog_audit.insert().values(
                item_id=item.id, who=who, at=at, field="comment", old_value=None, new_value=text
            )
        )
    return Comment(id=comment_id, item_id=item.id, author=who, created_at=at, body=text)


def history(engine: Engine | None, item_id: int) -> list[AuditEntry]:
    """The audit log of an item, oldest first (creation rows have version 1).

    Raises:
        NotFoundError: No item has this id.
    """
    with _engine(engine).connect() as conn:
        _get(conn, int(item_id), with_comments=False)
        return _history(conn, int(item_id))


def effort_overrides(engine: Engine | None) -> dict[tuple[str, str], int]:
    """The committee's effort per issue: ``{(topic, touchpoint): effort}``, latest setting wins.

    Pass it to ``journey.rank_issues(..., effort_overrides=...)``.
    """
    import sqlalchemy as sa

    table = _tables().effort_overrides
    query = sa.select(table.c.topic, table.c.touchpoint, table.c.effort).order_by(table.c.id)
    with _engine(engine).connect() as conn:
        return {(r.topic, r.touchpoint): int(r.effort) for r in conn.execute(query)}


def set_effort_override(
    engine: Engine | None,
    topic: str,
    touchpoint: str,
    effort: int,
    *,
    by: str,
    taxonomy: Taxonomy | None = None,
) -> None:
    """Store the committee's effort (1-5) for the issue (topic, touchpoint).

    Raises:
        ValidationError: Effort outside 1-5.
        TaxonomyError: Unknown topic or touchpoint.
    """
    taxonomy = _taxonomy(taxonomy)
    values = normalise_fields(
        {"topic": topic, "touchpoint": touchpoint, "effort": effort}, taxonomy, creating=False
    )
    if values["effort"] is None or not values["topic"] or not values["touchpoint"]:
        raise ValidationError("An effort override needs a topic, a touchpoint and an effort 1-5.")
    with _engine(engine).begin() as conn:
        _record_effort(
            conn, values["topic"], values["touchpoint"], values["effort"], _who(by), _now()
        )
