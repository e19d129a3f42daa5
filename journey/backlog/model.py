"""Backlog records, workflow rules and value validation (no database access here)."""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from voc.errors import TransitionError, ValidationError

if TYPE_CHECKING:
    from voc.taxonomy import Taxonomy

__all__ = [
    "STATUSES",
    "OPEN_STATUSES",
    "CLOSED_STATUSES",
    "TRANSITIONS",
    "COUNTERMEASURE_TYPES",
    "EDITABLE_FIELDS",
    "BacklogItem",
    "Comment",
    "AuditEntry",
    "CreateResult",
    "check_transition",
    "issue_key",
]

#: Workflow statuses, in the order an item normally moves through them.
STATUSES = ("new", "triaged", "committed", "in_progress", "done", "wont_fix")
#: Statuses that count as closed (an issue with only closed items may get a new item).
CLOSED_STATUSES = ("done", "wont_fix")
#: Statuses that count as open.
OPEN_STATUSES = tuple(s for s in STATUSES if s not in CLOSED_STATUSES)
#: Allowed next statuses. ``done`` and ``wont_fix`` can be reopened when the closed loop
#: shows the fix did not work or the committee changes its mind.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "new": ("triaged", "wont_fix"),
    "triaged": ("committed", "new", "wont_fix"),
    "committed": ("in_progress", "triaged", "wont_fix"),
    "in_progress": ("done", "committed", "wont_fix"),
    "done": ("in_progress",),
    "wont_fix": ("triaged",),
}
#: Countermeasure types (PRODUCT.md, step 5 of the VOC loop).
COUNTERMEASURE_TYPES = (
    "sop_script",
    "faq_wiki",
    "product_fix",
    "process_change",
    "staffing_overflow",
    "other",
)
#: Fields ``update_item`` accepts (``version``, ids and timestamps are managed by the store).
EDITABLE_FIELDS = (
    "title",
    "description",
    "topic",
    "touchpoint",
    "owner_department",
    "assignee",
    "status",
    "effort",
    "impact_snapshot",
    "priority",
    "due_date",
    "countermeasure_type",
    "target_kpi",
    "kpi_baseline",
    "kpi_target",
    "verbatim_ids",
)


def issue_key(topic: str | None, touchpoint: str | None) -> str | None:
    """The key that links items to a ranked issue: ``"topic:touchpoint"`` (None if either lacks)."""
    if not topic or not touchpoint:
        return None
    return f"{topic}:{touchpoint}"


@dataclass(frozen=True)
class Comment:
    """One comment on a backlog item."""

    id: int
    item_id: int
    author: str
    created_at: datetime
    body: str


@dataclass(frozen=True)
class AuditEntry:
    """One changed field of one change (``field="created"`` for the creation).

    Attributes:
        item_id: The item changed.
        version: The item version this change produced (1 = creation).
        who: Who made the change.
        at: When (UTC).
        field: The field changed ("created" and "comment" are events, not fields).
        old_value: Value before, as text (None when empty).
        new_value: Value after, as text (None when empty).
    """

    item_id: int
    version: int
    who: str
    at: datetime
    field: str
    old_value: str | None
    new_value: str | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dictionary."""
        out = asdict(self)
        out["at"] = self.at.isoformat()
        return out


@dataclass(frozen=True)
class BacklogItem:
    """One backlog item as stored. See docs/BACKLOG.md for the meaning of every field."""

    id: int
    title: str
    description: str | None
    topic: str | None
    touchpoint: str | None
    owner_department: str | None
    assignee: str | None
    status: str
    effort: int | None
    impact_snapshot: dict[str, Any] | None
    priority: float | None
    due_date: date | None
    countermeasure_type: str | None
    target_kpi: str | None
    kpi_baseline: float | None
    kpi_target: float | None
    verbatim_ids: list[str]
    issue_key: str | None
    version: int
    created_at: datetime
    updated_at: datetime
    done_at: datetime | None
    comments: list[Comment] = field(default_factory=list)

    @property
    def is_open(self) -> bool:
        """Whether the item is neither done nor won't-fix."""
        return self.status not in CLOSED_STATUSES

    def is_overdue(self, today: date) -> bool:
        """Open and past its due date on ``today``."""
        return self.is_open and self.due_date is not None and self.due_date < today

    @property
    def impact(self) -> float | None:
        """Impact (0-100) of the issue snapshot, when the item came from a ranked issue."""
        value = (self.impact_snapshot or {}).get("impact")
        return None if value is None else float(value)

    def to_dict(self, *, with_comments: bool = True) -> dict[str, Any]:
        """JSON-ready dictionary (dates as ISO strings)."""
        out = {}
        for name, value in asdict(self).items():
            if name == "comments":
                continue
            out[name] = value.isoformat() if isinstance(value, date | datetime) else value
        if with_comments:
            out["comments"] = [
                {**asdict(c), "created_at": c.created_at.isoformat()} for c in self.comments
            ]
        return out


@dataclass(frozen=True)
class CreateResult:
    """What a create call did.

    Attributes:
        item: The new item, or the open item that already covers the issue.
        created: False when an open item for the same issue existed and was returned instead.
        message: One sentence saying which of the two happened.
    """

    item: BacklogItem
    created: bool
    message: str


def check_transition(current: str, new: str) -> None:
    """Raise :class:`TransitionError` unless ``current -> new`` is an allowed status change."""
    if new not in STATUSES:
        raise TransitionError(
            f"Status {new!r} does not exist.", hint=f"Use one of: {', '.join(STATUSES)}."
        )
    if new == current:
        return
    allowed = TRANSITIONS.get(current, ())
    if new not in allowed:
        raise TransitionError(
            f"An item cannot move from {current!r} to {new!r}; "
            f"from {current!r} it can move to: {', '.join(allowed) or 'nothing'}.",
            hint="Move it through the intermediate statuses one step at a time.",
        )


def _number(name: str, value: Any) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError) as exc:
        raise ValidationError(f"{name} must be a number, got {value!r}.") from exc
    if math.isnan(number) or math.isinf(number):
        raise ValidationError(f"{name} must be a finite number, got {value!r}.")
    return number


def _effort(value: Any) -> int | None:
    if value is None or value == "":
        return None
    number = _number("effort", value)
    if number is None or number != int(number) or not 1 <= number <= 5:
        raise ValidationError(f"effort must be a whole number from 1 to 5, got {value!r}.")
    return int(number)


def _date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError as exc:
        raise ValidationError(f"due_date must be a date (YYYY-MM-DD), got {value!r}.") from exc


def _text(name: str, value: Any, limit: int | None) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    if limit is not None and len(text) > limit:
        raise ValidationError(f"{name} is {len(text)} characters long; the limit is {limit}.")
    return text


def _ids(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        value = [v for v in value.replace(";", ",").split(",")]
    out: list[str] = []
    for v in value:
        text = str(v).strip()
        if text and text not in out:
            out.append(text)
    return out


def _snapshot(value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError as exc:
            raise ValidationError(f"impact_snapshot must be a JSON object: {exc}.") from exc
    if not isinstance(value, dict):
        raise ValidationError(f"impact_snapshot must be a mapping, got {type(value).__name__}.")
    return json.loads(json.dumps(value, default=str))


def normalise_fields(
    values: dict[str, Any], taxonomy: Taxonomy, *, creating: bool
) -> dict[str, Any]:
    """Validate and convert user-supplied field values to their stored types.

    Raises:
        ValidationError: An unknown field or an invalid value, named in the message.
    """
    unknown = sorted(set(values) - set(EDITABLE_FIELDS))
    if unknown:
        raise ValidationError(
            f"Unknown backlog field(s): {', '.join(unknown)}.",
            hint=f"Editable fields: {', '.join(EDITABLE_FIELDS)}.",
        )
    out: dict[str, Any] = {}
    for name, value in values.items():
        if name == "title":
            out[name] = _text(name, value, 500)
            if out[name] is None:
                raise ValidationError("A backlog item needs a non-empty title.")
        elif name in ("description",):
            out[name] = _text(name, value, None)
        elif name in ("assignee",):
            out[name] = _text(name, value, 200)
        elif name == "target_kpi":
            out[name] = _text(name, value, 100)
        elif name == "topic":
            out[name] = _text(name, value, 100)
            if out[name] is not None:
                taxonomy.topic(out[name])
        elif name == "touchpoint":
            out[name] = _text(name, value, 100)
            if out[name] is not None:
                taxonomy.touchpoint(out[name])
        elif name == "owner_department":
            out[name] = _text(name, value, 100)
            if out[name] is not None:
                taxonomy.department(out[name])
        elif name == "status":
            if value not in STATUSES:
                raise ValidationError(
                    f"Status {value!r} does not exist; use one of: {', '.join(STATUSES)}."
                )
            out[name] = value
        elif name == "countermeasure_type":
            text = _text(name, value, 100)
            if text is not None and text not in COUNTERMEASURE_TYPES:
                raise ValidationError(
                    f"Countermeasure type {text!r} does not exist; use one of: "
                    f"{', '.join(COUNTERMEASURE_TYPES)}."
                )
            out[name] = text
        elif name == "effort":
            out[name] = _effort(value)
        elif name in ("priority", "kpi_baseline", "kpi_target"):
            out[name] = _number(name, value)
        elif name == "due_date":
            out[name] = _date(value)
        elif name == "verbatim_ids":
            out[name] = _ids(value)
        elif name == "impact_snapshot":
            out[name] = _snapshot(value)
    if creating and "status" not in out:
        out["status"] = "new"
    return out


def audit_text(value: Any) -> str | None:
    """A stored value as audit-log text (None stays None; lists and dicts become JSON)."""
    if value is None:
        return None
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, float) and value == int(value):
        return str(int(value)) if abs(value) < 1e15 else repr(value)
    return str(value)
