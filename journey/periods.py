"""Reporting periods: parse "2026-05", "2026-W19", "2026-Q2" or a date range, find the one before.

Periods are half-open day ranges ``[start, end)`` in the wall-clock time of the data. A week is
an ISO week (Monday to Sunday); a week belongs to the month (or quarter, or range) that holds its
Thursday, the ISO rule, so every week belongs to exactly one month.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from voc.errors import ValidationError

__all__ = ["Period", "parse_period", "iso_week_label", "week_start"]

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)
_QUARTER = re.compile(r"^(\d{4})-?Q([1-4])$", re.IGNORECASE)
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_RANGE_SEPARATORS = ("..", "/", " to ")


@dataclass(frozen=True, slots=True)
class Period:
    """A reporting period ``[start, end)``.

    Attributes:
        start: First day of the period.
        end: First day after the period (exclusive).
        kind: "week", "month", "quarter" or "range".
        label: How the period is written, e.g. "2026-05", "2026-W19", "2026-Q2",
            "2026-05-01..2026-05-14".
    """

    start: date
    end: date
    kind: str
    label: str

    @property
    def days(self) -> int:
        """Number of days in the period."""
        return (self.end - self.start).days

    def previous(self) -> Period:
        """Return the period of the same kind and length just before this one.

        Months, quarters and weeks step back one calendar unit (April before May); a date
        range steps back by its own number of days.
        """
        if self.kind == "week":
            return _week(self.start - timedelta(days=7))
        if self.kind == "month":
            prev_last = self.start - timedelta(days=1)
            return _month(prev_last.year, prev_last.month)
        if self.kind == "quarter":
            prev_last = self.start - timedelta(days=1)
            return _quarter(prev_last.year, (prev_last.month - 1) // 3 + 1)
        return _range(self.start - timedelta(days=self.days), self.start - timedelta(days=1))

    def contains(self, day: date) -> bool:
        """Return whether ``day`` lies inside the period."""
        return self.start <= day < self.end

    def week_starts(self) -> list[date]:
        """Mondays of the ISO weeks that belong to this period (their Thursday lies in it).

        A range too short to hold any Thursday gets the week that contains its first day.
        """
        first = week_start(self.start)
        weeks = []
        monday = first
        while monday < self.end:
            if self.contains(monday + timedelta(days=3)):
                weeks.append(monday)
            monday += timedelta(days=7)
        return weeks or [first]

    def __str__(self) -> str:
        return self.label


def week_start(day: date) -> date:
    """Return the Monday of the ISO week holding ``day``."""
    return day - timedelta(days=day.weekday())


def iso_week_label(monday: date) -> str:
    """Return the ISO label ("2026-W19") of the week starting on ``monday``."""
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def _week(monday: date) -> Period:
    return Period(monday, monday + timedelta(days=7), "week", iso_week_label(monday))


def _month(year: int, month: int) -> Period:
    start = date(year, month, 1)
    end = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return Period(start, end, "month", f"{year:04d}-{month:02d}")


def _quarter(year: int, quarter: int) -> Period:
    start = date(year, 3 * (quarter - 1) + 1, 1)
    end = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    return Period(start, end, "quarter", f"{year:04d}-Q{quarter}")


def _range(first: date, last: date) -> Period:
    label = f"{first.isoformat()}..{last.isoformat()}"
    return Period(first, last + timedelta(days=1), "range", label)


def _bad(text: str, why: str) -> ValidationError:
    return ValidationError(
        f"Period '{text}' is not valid: {why}.",
        hint="Use a month (2026-05), an ISO week (2026-W19), a quarter (2026-Q2) "
        "or a date range (2026-05-01..2026-05-14).",
    )


def _day(text: str, whole: str) -> date:
    if not _DAY.match(text):
        raise _bad(whole, f"'{text}' is not a date written YYYY-MM-DD")
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise _bad(whole, f"'{text}' is not a calendar date") from exc


def parse_period(text: str | Period) -> Period:
    """Parse a period written as a month, an ISO week, a quarter, a day or a date range.

    Args:
        text: "2026-05", "2026-W19", "2026-Q2", "2026-05-03" (one day) or
            "2026-05-01..2026-05-14" (both ends included; "/" also separates). A
            :class:`Period` is returned unchanged.

    Returns:
        The :class:`Period`.

    Raises:
        ValidationError: The text matches none of the forms or names an impossible date.
    """
    if isinstance(text, Period):
        return text
    if not isinstance(text, str) or not text.strip():
        raise _bad(str(text), "it is empty")
    raw = text.strip()
    if match := _MONTH.match(raw):
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12:
            raise _bad(raw, f"month {month} does not exist")
        return _month(year, month)
    if match := _WEEK.match(raw):
        year, week = int(match[1]), int(match[2])
        try:
            monday = date.fromisocalendar(year, week, 1)
        except ValueError as exc:
            raise _bad(raw, f"ISO year {year} has no week {week}") from exc
        return _week(monday)
    if match := _QUARTER.match(raw):
        return _quarter(int(match[1]), int(match[2]))
    for separator in _RANGE_SEPARATORS:
        if separator in raw:
            first_text, _, last_text = raw.partition(separator)
            first, last = _day(first_text.strip(), raw), _day(last_text.strip(), raw)
            if last < first:
                raise _bad(raw, "the range ends before it starts")
            return _range(first, last)
    if _DAY.match(raw):
        day = _day(raw, raw)
        return _range(day, day)
    raise _bad(raw, "the format is not recognised")
