"""Backlog items: create, read and list, and optimistic-lock updates with an audit trail."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from journey.backlog._db import (
    _audit_rows,
    _engine,
    _get,
    _history,
    _lock_issue,
    _now,
    _open_item_id,
    _record_effort,
    _Stale,
    _tables,
    _taxonomy,
    _to_item,
    _who,
)
from journey.backlog.model import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    AuditEntry,
    BacklogItem,
    CreateResult,
    check_transition,
    issue_key,
    normalise_fields,
)
from voc.errors import ConflictError, ValidationError

if TYPE_CHECKING:
    import sqlalchemy as sa
    from sqlalchemy.engine import Engine

    from voc.taxonomy import Taxonomy

__all__ = ["create_item", "get_item", "list_items", "update_item"]


def create_item(
    engine: Engine | None,
    title: str,
    *,
    by: str,
    taxonomy: Taxonomy | None = None,
    record_effort_override: bool = True,
    **fields: Any,
) -> CreateResult:
    """Create a backlog item by hand (see ``EDITABLE_FIELDS`` for the keyword fields).

    The owner defaults to the taxonomy owner of ``topic``. When ``topic`` and ``touchpoint``
    are both given and an open item already exists for that pair, no item is created: the
    existing one is returned with ``created=False``.

    Args:
        engine: The store (``None``: the default store).
        title: Short title.
        by: Who creates it (written to the audit log).
        taxonomy: Taxonomy that validates topic, touchpoint and department ids.
        record_effort_override: Also store ``effort`` as the committee's effort override of
            the (topic, touchpoint) issue, so the next ranking uses it.
        **fields: Any of ``EDITABLE_FIELDS`` (status defaults to "new").

    Raises:
        ValidationError: A missing title or owner, or an invalid value.
        TaxonomyError: An unknown topic, touchpoint or department id.
    """
    engine = _engine(engine)
    taxonomy = _taxonomy(taxonomy)
    who = _who(by)
    values = normalise_fields({**fields, "title": title}, taxonomy, creating=True)
    if values.get("owner_department") is None and values.get("topic"):
        values["owner_department"] = taxonomy.topic(values["topic"]).owner
    if values.get("owner_department") is None:
        raise ValidationError(
            f"The item {values['title']!r} needs an owner department or a topic to derive it from.",
            hint=f"Pass one of: {', '.join(taxonomy.department_ids)}.",
        )
    if values["status"] in CLOSED_STATUSES:
        raise ValidationError(f"A new item cannot start as {values['status']!r}.")
    values.setdefault("verbatim_ids", [])
    key = issue_key(values.get("topic"), values.get("touchpoint"))
    at = _now()
    items = _tables().backlog_items
    with engine.begin() as conn:
        if key is not None:
            _lock_issue(conn, key)
            existing = _open_item_id(conn, key)
            if existing is not None:
                item = _get(conn, existing)
                return CreateResult(
                    item=item,
                    created=False,
                    message=(
                        f"Item {item.id} ({item.status}) is already open for issue {key}; "
                        "linked to it instead of creating a duplicate."
                    ),
                )
        row = {**values, "issue_key": key, "version": 1, "created_at": at, "updated_at": at}
        item_id = conn.execute(items.insert().values(**row).returning(items.c.id)).scalar_one()
        changes = [("created", None, values["title"])]
        changes += [(n, None, v) for n, v in values.items() if v not in (None, [], {})]
        conn.execute(_tables().backlog_audit.insert(), _audit_rows(item_id, 1, who, at, changes))
        if record_effort_override:
            _record_effort(
                conn, values.get("topic"), values.get("touchpoint"), values.get("effort"), who, at
            )
        item = _get(conn, item_id)
    return CreateResult(item=item, created=True, message=f"Created item {item.id}: {item.title}.")


def get_item(engine: Engine | None, item_id: int, *, with_comments: bool = True) -> BacklogItem:
    """Read one item (with its comments).

    Raises:
        NotFoundError: No item has this id.
    """
    with _engine(engine).connect() as conn:
        return _get(conn, int(item_id), with_comments)


def _sort_key(item: BacklogItem):
    return (item.priority is None, -(item.priority or 0.0), item.id)


def list_items(
    engine: Engine | None,
    department: str | None = None,
    status: str | Iterable[str] | None = None,
    *,
    topic: str | None = None,
    touchpoint: str | None = None,
    open_only: bool = False,
) -> list[BacklogItem]:
    """Items filtered by owner department, status(es), topic or touchpoint, by priority.

    Order: priority descending (items without one last), then id. Comments are not loaded.
    """
    import sqlalchemy as sa

    items = _tables().backlog_items
    query = sa.select(items)
    if department:
        query = query.where(items.c.owner_department == department)
    if status:
        statuses = [status] if isinstance(status, str) else list(status)
        query = query.where(items.c.status.in_(statuses))
    if open_only:
        query = query.where(items.c.status.in_(OPEN_STATUSES))
    if topic:
        query = query.where(items.c.topic == topic)
    if touchpoint:
        query = query.where(items.c.touchpoint == touchpoint)
    with _engine(engine).connect() as conn:
        out = [_to_item(row) for row in conn.execute(query).mappings()]
    return sorted(out, key=_sort_key)


def _changes_since(conn: sa.Connection, item_id: int, version: int) -> list[AuditEntry]:
    return [e for e in _history(conn, item_id) if e.version > version and e.field != "comment"]


def _conflict(engine: Engine, item_id: int, expected: int, wanted: Iterable[str]) -> ConflictError:
    with engine.connect() as conn:
        current = _get(conn, item_id, with_comments=False)
        newer = _changes_since(conn, item_id, expected)
    wanted = list(wanted)
    clashing = [e for e in newer if e.field in wanted] or newer
    if clashing:
        described = "; ".join(
            f"{e.who} set {e.field} to {e.new_value!r} (version {e.version})" for e in clashing
        )
    else:
        described = "its version moved on"
    return ConflictError(
        f"Item {item_id} changed after version {expected}, which your edit was based on: "
        f"{described}. It is now at version {current.version}; nothing was saved.",
        hint=f"Reload the item and apply your change again with expected version "
        f"{current.version}.",
    )


def _recomputed_priority(item: BacklogItem, effort: int) -> float | None:
    from journey.prioritize import GridSettings

    impact = item.impact
    if impact is None:
        return None
    penalty = float(
        (item.impact_snapshot or {}).get("effort_penalty", GridSettings().effort_penalty)
    )
    return round(impact * (1.0 - penalty * (effort - 1.0) / 4.0), 4)


def update_item(
    engine: Engine | None,
    item_id: int,
    changes: Mapping[str, Any],
    expected_version: int,
    by: str,
    *,
    taxonomy: Taxonomy | None = None,
    record_effort_override: bool = True,
) -> BacklogItem:
    """Change fields of an item if it is still at ``expected_version``; audit every change.

    The write is ``UPDATE ... WHERE id = :id AND version = :expected`` with a row-count check,
    so of two writers holding the same version exactly one wins, across processes. Moving to
    "done" stamps ``done_at``; leaving it clears it. A new ``effort`` also becomes the effort
    override of the item's issue and, when the item carries an impact snapshot, recomputes its
    priority. Values that do not change are ignored; with nothing to change the item is
    returned as it is.

    Raises:
        NotFoundError: No item has this id.
        ConflictError: The item is no longer at ``expected_version`` (names who changed which
            field to what), or reopening/retargeting it would duplicate another open item.
        TransitionError: The status change is not allowed (names the allowed next statuses).
        ValidationError: An unknown field or invalid value.
    """
    engine = _engine(engine)
    taxonomy = _taxonomy(taxonomy)
    who = _who(by)
    item_id, expected = int(item_id), int(expected_version)
    values = normalise_fields(dict(changes), taxonomy, creating=False)
    tables = _tables()
    items = tables.backlog_items
    try:
        with engine.begin() as conn:
            current = _get(conn, item_id, with_comments=False)
            if current.version != expected:
                raise _Stale
            diff = {n: v for n, v in values.items() if getattr(current, n) != v}
            if not diff:
                return current
            if "status" in diff:
                check_transition(current.status, diff["status"])
            if "effort" in diff and diff["effort"] is not None and "priority" not in diff:
                priority = _recomputed_priority(current, diff["effort"])
                if priority is not None and priority != current.priority:
                    diff["priority"] = priority
            at = _now()
            merged = replace(current, **diff)
            if merged.status == "done" and current.status != "done":
                diff["done_at"] = at
            elif merged.status != "done" and current.done_at is not None:
                diff["done_at"] = None
            key = issue_key(merged.topic, merged.touchpoint)
            if key != current.issue_key:
                diff["issue_key"] = key
            if key is not None and merged.is_open:
                _lock_issue(conn, key)
                other = _open_item_id(conn, key, exclude=item_id)
                if other is not None:
                    raise ConflictError(
                        f"Item {other} is already open for issue {key}; item {item_id} cannot "
                        "be reopened or moved onto the same issue.",
                        hint=f"Work on item {other}, or close it first.",
                    )
            result = conn.execute(
                items.update()
                .where(items.c.id == item_id, items.c.version == expected)
                .values(**diff, version=expected + 1, updated_at=at)
            )
            if result.rowcount != 1:
                raise _Stale
            audited = [(n, getattr(current, n), v) for n, v in diff.items() if n != "issue_key"]
            conn.execute(
                tables.backlog_audit.insert(),
                _audit_rows(item_id, expected + 1, who, at, audited),
            )
            if record_effort_override and "effort" in diff:
                _record_effort(conn, merged.topic, merged.touchpoint, diff["effort"], who, at)
            return _get(conn, item_id)
    except _Stale:
        raise _conflict(engine, item_id, expected, values) from None
