"""Low-level backlog storage helpers shared by the backlog modules (private)."""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from journey.backlog.model import (
    EDITABLE_FIELDS,
    OPEN_STATUSES,
    AuditEntry,
    BacklogItem,
    Comment,
    audit_text,
)
from voc.errors import NotFoundError, ValidationError

if TYPE_CHECKING:
    import sqlalchemy as sa
    from sqlalchemy.engine import Engine

    from voc.taxonomy import Taxonomy

# Audit rows with this field mark the start of one change and carry the version it produced.
_VERSION_MARK = "_version"
_ITEM_COLUMNS = (
    "id",
    *EDITABLE_FIELDS,
    "issue_key",
    "version",
    "created_at",
    "updated_at",
    "done_at",
)


class _Stale(Exception):
    """The optimistic-lock UPDATE matched no row (raised inside the transaction)."""


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _engine(engine: Engine | None) -> Engine:
    if engine is not None:
        return engine
    from voc.store import get_engine

    return get_engine()


def _taxonomy(taxonomy: Taxonomy | None) -> Taxonomy:
    if taxonomy is not None:
        return taxonomy
    from voc.taxonomy import default_taxonomy

    return default_taxonomy()


def _who(by: str | None) -> str:
    text = (by or "").strip()
    if not text:
        raise ValidationError(
            "Every backlog change needs the name of who made it (by=...).",
            hint="Pass --by NAME on the command line, or set $USER.",
        )
    return text[:200]


def _tables():
    from voc.store import backlog_schema

    return backlog_schema


def _to_item(row: Mapping[str, Any], comments: list[Comment] | None = None) -> BacklogItem:
    values = {name: row[name] for name in _ITEM_COLUMNS}
    values["verbatim_ids"] = list(values["verbatim_ids"] or [])
    for name in ("priority", "kpi_baseline", "kpi_target"):
        if values[name] is not None:
            values[name] = float(values[name])
    return BacklogItem(**values, comments=comments or [])


def _lock_issue(conn: sa.Connection, key: str) -> None:
    """Serialise writers that create or reopen items of the issue ``key`` (across processes)."""
    import sqlalchemy as sa

    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": zlib.crc32(key.encode())})
        return
    # SQLite: a write statement takes the database write lock until the transaction ends.
    items = _tables().backlog_items
    conn.execute(items.update().where(items.c.id == -1).values(version=items.c.version))


def _open_item_id(conn: sa.Connection, key: str, exclude: int | None = None) -> int | None:
    import sqlalchemy as sa

    items = _tables().backlog_items
    query = sa.select(items.c.id).where(items.c.issue_key == key, items.c.status.in_(OPEN_STATUSES))
    if exclude is not None:
        query = query.where(items.c.id != exclude)
    return conn.execute(query.order_by(items.c.id).limit(1)).scalar()


def _audit_rows(
    item_id: int, version: int, who: str, at: datetime, changes: list[tuple[str, Any, Any]]
) -> list[dict[str, Any]]:
    rows = [
        {
            "item_id": item_id,
            "who": who,
            "at": at,
            "field": _VERSION_MARK,
            "old_value": str(version - 1) if version > 1 else None,
            "new_value": str(version),
        }
    ]
    for name, old, new in changes:
        rows.append(
            {
                "item_id": item_id,
                "who": who,
                "at": at,
                "field": name,
                "old_value": audit_text(old),
                "new_value": audit_text(new),
            }
        )
    return rows


def _record_effort(conn, topic, touchpoint, effort, who, at) -> None:
    if topic and touchpoint and effort is not None:
        conn.execute(
            _tables()
            .effort_overrides.insert()
            .values(topic=topic, touchpoint=touchpoint, effort=int(effort), who=who, at=at)
        )


def _get(conn: sa.Connection, item_id: int, with_comments: bool = True) -> BacklogItem:
    import sqlalchemy as sa

    tables = _tables()
    row = (
        conn.execute(sa.select(tables.backlog_items).where(tables.backlog_items.c.id == item_id))
        .mappings()
        .first()
    )
    if row is None:
        raise NotFoundError(
            f"Backlog item {item_id} does not exist.",
            hint="List the items with `voc backlog list`.",
        )
    comments = []
    if with_comments:
        c = tables.backlog_comments
        comments = [
            Comment(
                id=r.id, item_id=r.item_id, author=r.author, created_at=r.created_at, body=r.body
            )
            for r in conn.execute(sa.select(c).where(c.c.item_id == item_id).order_by(c.c.id))
        ]
    return _to_item(row, comments)


def _history(conn: sa.Connection, item_id: int) -> list[AuditEntry]:
    import sqlalchemy as sa

    audit = _tables().backlog_audit
    rows = conn.execute(
        sa.select(audit).where(audit.c.item_id == item_id).order_by(audit.c.id)
    ).mappings()
    out: list[AuditEntry] = []
    version = 1
    for row in rows:
        if row["field"] == _VERSION_MARK:
            version = int(row["new_value"])
            continue
        out.append(
            AuditEntry(
                item_id=row["item_id"],
                version=version,
                who=row["who"],
                at=row["at"],
                field=row["field"],
                old_value=row["old_value"],
                new_value=row["new_value"],
            )
        )
    return out
