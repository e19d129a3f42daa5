from datetime import date

import pytest

from journey.periods import parse_period
from voc.errors import ValidationError


@pytest.mark.parametrize(
    ("text", "start", "end", "kind", "label"),
    [
        ("2026-05", date(2026, 5, 1), date(2026, 6, 1), "month", "2026-05"),
        ("2026-12", date(2026, 12, 1), date(2027, 1, 1), "month", "2026-12"),
        ("2026-W19", date(2026, 5, 4), date(2026, 5, 11), "week", "2026-W19"),
        ("2026w1", date(2025, 12, 29), date(2026, 1, 5), "week", "2026-W01"),
        ("2026-Q2", date(2026, 4, 1), date(2026, 7, 1), "quarter", "2026-Q2"),
        ("2026-Q4", date(2026, 10, 1), date(2027, 1, 1), "quarter", "2026-Q4"),
        ("2026-05-01..2026-05-14", date(2026, 5, 1), date(2026, 5, 15), "range", None),
        ("2026-05-01/2026-05-03", date(2026, 5, 1), date(2026, 5, 4), "range", None),
        ("2026-05-03", date(2026, 5, 3), date(2026, 5, 4), "range", None),
    ],
)
def test_parse_period(text, start, end, kind, label):
    period = parse_period(text)
    assert (period.start, period.end, period.kind) == (start, end, kind)
    if label:
        assert period.label == label


@pytest.mark.parametrize(
    ("text", "previous"),
    [
        ("2026-05", "2026-04"),
        ("2026-01", "2025-12"),
        ("2026-W01", "2025-W52"),
        ("2026-W19", "2026-W18"),
        ("2026-Q1", "2025-Q4"),
        ("2026-05-15..2026-05-28", "2026-05-01..2026-05-14"),
    ],
)
def test_previous_period(text, previous):
    period = parse_period(text).previous()
    assert period.label == previous
    if period.kind == "range":
        assert period.days == parse_period(text).days


def test_weeks_belong_to_the_month_of_their_thursday():
    weeks = parse_period("2026-05").week_starts()
    # 2026-04-27 (Thursday 30 April) belongs to April; 2026-05-25 (Thursday 28 May) to May.
    assert weeks[0] == date(2026, 5, 4)
    assert weeks[-1] == date(2026, 5, 25)
    assert parse_period("2026-05-05..2026-05-06").week_starts() == [date(2026, 5, 4)]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-13", "month 13 does not exist"),
        ("2026-W54", "has no week 54"),
        ("2026-05-31..2026-05-01", "ends before it starts"),
        ("2026-02-30", "not a calendar date"),
        ("May 2026", "not recognised"),
        ("", "empty"),
    ],
)
def test_bad_periods(text, message):
    with pytest.raises(ValidationError, match=message):
        parse_period(text)
