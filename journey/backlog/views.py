"""Backlog views: per department, weekly pick (biggest issue + quick wins), monthly committee."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from journey.backlog._db import _engine, _taxonomy
from journey.backlog.model import BacklogItem
from journey.backlog.store import list_items

if TYPE_CHECKING:
    import pandas as pd
    from sqlalchemy.engine import Engine

    from journey.closed_loop import ClosedLoopResult
    from voc.taxonomy import Taxonomy

__all__ = [
    "WeeklyView",
    "DepartmentSummary",
    "MonthlyView",
    "department_view",
    "weekly_view",
    "monthly_view",
    "is_quick_win",
]

#: Efforts at or above this are "high" (same rule as journey.prioritize.GridSettings).
_EFFORT_THRESHOLD = 3


def department_view(
    engine: Engine | None,
    department: str,
    *,
    include_closed: bool = False,
    taxonomy: Taxonomy | None = None,
) -> list[BacklogItem]:
    """What ``department`` owns, by priority (open items only unless ``include_closed``).

    Raises:
        TaxonomyError: Unknown department id.
    """
    _taxonomy(taxonomy).department(department)
    return list_items(engine, department, open_only=not include_closed)


def is_quick_win(item: BacklogItem) -> bool:
    """High impact and low effort (effort below 3), judged with the item's current effort.

    Impact is "high" when the snapshot impact reaches the snapshot's impact threshold; a
    snapshot without a threshold falls back to its quadrant (quick win or major project); an
    item without a snapshot counts on its effort alone.
    """
    if item.effort is None or item.effort >= _EFFORT_THRESHOLD:
        return False
    snapshot = item.impact_snapshot or {}
    threshold = snapshot.get("impact_threshold")
    if item.impact is not None and threshold is not None:
        return item.impact >= float(threshold)
    if snapshot.get("quadrant"):
        return snapshot["quadrant"] in ("quick_win", "major_project")
    return True


@dataclass(frozen=True)
class WeeklyView:
    """The weekly committee pick (VOC loop): the biggest open issue and three quick wins.

    Attributes:
        biggest: Open item with the highest impact (priority when no impact), or None.
        quick_wins: Up to three other open quick-win items, by priority.
    """

    biggest: BacklogItem | None
    quick_wins: list[BacklogItem]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dictionary."""
        return {
            "biggest": None if self.biggest is None else self.biggest.to_dict(with_comments=False),
            "quick_wins": [i.to_dict(with_comments=False) for i in self.quick_wins],
        }


def weekly_view(engine: Engine | None, *, n_quick_wins: int = 3) -> WeeklyView:
    """The biggest open issue plus ``n_quick_wins`` open quick wins (see :func:`is_quick_win`)."""
    items = list_items(engine, open_only=True)
    if not items:
        return WeeklyView(biggest=None, quick_wins=[])

    def size(item: BacklogItem):
        impact = item.impact if item.impact is not None else -1.0
        return (-impact, -(item.priority or 0.0), item.id)

    biggest = sorted(items, key=size)[0]
    wins = [i for i in items if i.id != biggest.id and is_quick_win(i)][:n_quick_wins]
    return WeeklyView(biggest=biggest, quick_wins=wins)


@dataclass(frozen=True)
class DepartmentSummary:
    """One department's line in the monthly committee view.

    Attributes:
        department: Department id.
        name_en: English name.
        name_id: Indonesian name.
        open: Open items, by priority.
        overdue: Open items past their due date on the view's ``as_of`` day.
        done: Items marked done during the month.
        closed_loop: Before/after result per done item id (items without topic and
            touchpoint, or without feedback to measure, are absent).
    """

    department: str
    name_en: str
    name_id: str
    open: list[BacklogItem] = field(default_factory=list)
    overdue: list[BacklogItem] = field(default_factory=list)
    done: list[BacklogItem] = field(default_factory=list)
    closed_loop: dict[int, ClosedLoopResult] = field(default_factory=dict)

    def name(self, lang: str = "en") -> str:
        """Department name in "en" or "id"."""
        return self.name_id if lang == "id" else self.name_en

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dictionary (closed-loop results as verdict + sentences)."""
        return {
            "department": self.department,
            "name_en": self.name_en,
            "name_id": self.name_id,
            "open": [i.to_dict(with_comments=False) for i in self.open],
            "overdue": [i.id for i in self.overdue],
            "done": [i.to_dict(with_comments=False) for i in self.done],
            "closed_loop": {
                str(k): {
                    "verdict": r.verdict,
                    "sentence_en": r.sentence_en,
                    "sentence_id": r.sentence_id,
                    "delta": {n: _finite(v) for n, v in r.delta.items()},
                }
                for k, r in self.closed_loop.items()
            },
        }


def _finite(value: float) -> float | None:
    import math

    return None if value is None or math.isnan(value) or math.isinf(value) else round(value, 4)


@dataclass(frozen=True)
class MonthlyView:
    """The monthly committee view: per department open, overdue, done, closed-loop results."""

    month: str
    as_of: date
    departments: list[DepartmentSummary]
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dictionary."""
        return {
            "month": self.month,
            "as_of": self.as_of.isoformat(),
            "note": self.note,
            "departments": [d.to_dict() for d in self.departments],
        }


def _read_feedback(engine: Engine, done: list[BacklogItem], weeks: int) -> pd.DataFrame | None:
    from voc.store import read_feedback

    days = [i.done_at.date() for i in done]
    span = timedelta(days=7 * weeks)
    frame = read_feedback(
        engine,
        start=min(days) - span,
        end=max(days) + span + timedelta(days=1),
        classified_only=True,
    )
    return frame if frame is not None and len(frame) else None


def monthly_view(
    engine: Engine | None,
    month: str,
    *,
    feedback: pd.DataFrame | None = None,
    as_of: date | None = None,
    weeks: int = 4,
    taxonomy: Taxonomy | None = None,
) -> MonthlyView:
    """Per department: open and overdue items, items done in ``month``, and their closed loop.

    Args:
        engine: The store.
        month: The month, e.g. "2026-05".
        feedback: Classified feedback for the closed loop (default: read from the store around
            the done dates).
        as_of: Day overdue is judged on (default: today, or the month's last day when the
            month is over).
        weeks: Weeks before/after the done day compared by ``journey.closed_loop``.
        taxonomy: Taxonomy of the ids.

    Raises:
        ValidationError: ``month`` is not a month label.
    """
    from journey.closed_loop import closed_loop
    from journey.periods import parse_period
    from voc.errors import ValidationError

    engine = _engine(engine)
    taxonomy = _taxonomy(taxonomy)
    period = parse_period(month)
    if period.kind != "month":
        raise ValidationError(f"The monthly view needs a month like 2026-05, got {month!r}.")
    if as_of is None:
        as_of = min(date.today(), period.end - timedelta(days=1))
    start = datetime.combine(period.start, datetime.min.time())
    end = datetime.combine(period.end, datetime.min.time())
    items = list_items(engine)
    done = [i for i in items if i.status == "done" and i.done_at and start <= i.done_at < end]
    measurable = [i for i in done if i.topic and i.touchpoint]
    note = ""
    if measurable and feedback is None:
        feedback = _read_feedback(engine, measurable, weeks)
        if feedback is None:
            note = "No classified feedback in the store around the done dates: no closed loop."
    results: dict[int, ClosedLoopResult] = {}
    if feedback is not None:
        for item in measurable:
            results[item.id] = closed_loop(
                feedback, item.topic, item.touchpoint, item.done_at, weeks, taxonomy=taxonomy
            )
    departments = []
    for department in taxonomy.departments:
        owned = [i for i in items if i.owner_department == department.id]
        open_items = [i for i in owned if i.is_open]
        done_items = [i for i in done if i.owner_department == department.id]
        if not open_items and not done_items:
            continue
        departments.append(
            DepartmentSummary(
                department=department.id,
                name_en=department.name_en,
                name_id=department.name_id,
                open=open_items,
                overdue=[i for i in open_items if i.is_overdue(as_of)],
                done=done_items,
                closed_loop={i.id: results[i.id] for i in done_items if i.id in results},
            )
        )
    return MonthlyView(month=period.label, as_of=as_of, departments=departments, note=note)
