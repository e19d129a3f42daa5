from datetime import date, timedelta

import pytest

from journey.closed_loop import closed_loop
from voc.errors import ConfigError, TaxonomyError

from .frames import make_frame

FIRST_MONDAY = date(2026, 4, 6)


def _frame(before_per_week, after_per_week, weeks=8, after_background=20):
    rows = []
    for week in range(weeks):
        monday = FIRST_MONDAY + timedelta(weeks=week)
        complaints = before_per_week if week < 4 else after_per_week
        for i in range(complaints):
            rows.append(
                {"topics": "refund_return", "touchpoint": "returns", "sentiment": "negative",
                 "csat": 1, "created_at": f"{monday + timedelta(days=i % 5)} 10:00"}
            )  # fmt: skip
        # Neutral refund questions: 3 and 2 in alternate weeks, 10 per four-week window.
        for _ in range(3 if week % 2 == 0 else 2):
            rows.append(
                {"topics": "refund_return", "touchpoint": "returns", "sentiment": "neutral",
                 "created_at": f"{monday + timedelta(days=1)} 11:00"}
            )  # fmt: skip
        for i in range(20 if week < 4 else after_background):
            rows.append(
                {"topics": "other", "touchpoint": "usage", "sentiment": "positive", "csat": 5,
                 "created_at": f"{monday + timedelta(days=i % 7)} 12:00"}
            )  # fmt: skip
    return make_frame(rows)


def test_improvement_with_hand_computed_numbers():
    result = closed_loop(_frame(10, 4), "refund_return", "returns", "2026-05-04")
    before, after = result.before, result.after
    assert (before.start, before.end) == (date(2026, 4, 6), date(2026, 5, 4))
    assert (after.start, after.end) == (date(2026, 5, 4), date(2026, 6, 1))
    assert before.negative_mentions == 40 and after.negative_mentions == 16
    assert before.mentions == 50 and after.mentions == 26
    assert before.negative_per_week == pytest.approx(10.0)
    assert after.negative_per_week == pytest.approx(4.0)
    assert before.share_negative == pytest.approx(0.8)
    assert after.share_negative == pytest.approx(16 / 26)
    assert result.drag_source == "csat"
    # CSAT% before: 80 satisfied of 120 -> 66.7%; without the complaints 100%.
    assert before.drag_points == pytest.approx(100 - 200 / 3)
    # after: 80 of 96 -> 83.3%.
    assert after.drag_points == pytest.approx(100 - 250 / 3)
    assert result.delta["negative_per_week"] == pytest.approx(-6.0)
    assert result.delta["volume_change_pct"] == pytest.approx(-60.0)
    assert result.verdict == "improved" and result.improved


@pytest.mark.parametrize(
    ("lang", "fragments"),
    [
        ("en", ["from 10.0 to 4.0 a week", "-60%", "CSAT drag", "improved", "2026-05-04"]),
        ("id", ["dari 10,0 menjadi 4,0 per minggu", "-60%", "drag CSAT", "membaik"]),
    ],
)
def test_sentences_carry_the_numbers(lang, fragments):
    result = closed_loop(_frame(10, 4), "refund_return", "returns", "2026-05-04")
    sentence = result.sentence(lang)
    for fragment in fragments:
        assert fragment in sentence
    title = "Refund & retur di tahap" if lang == "id" else "Refunds & returns at"
    assert sentence.startswith(title)


@pytest.mark.parametrize(
    ("before", "after", "verdict"),
    [(4, 10, "worse"), (10, 10, "no_change"), (10, 8, "improved"), (20, 19, "no_change")],
)
def test_verdicts(before, after, verdict):
    result = closed_loop(_frame(before, after), "refund_return", "returns", date(2026, 5, 4))
    assert result.verdict == verdict
    assert result.improved is (verdict == "improved")


def test_fewer_complaints_but_larger_drag_is_not_an_improvement():
    # After: 8 complaints a week but only 10 satisfied answers a week: CSAT drag rises from
    # 33.3 to 100 x 32 / 72 = 44.4 points although complaints fell 20%.
    result = closed_loop(
        _frame(10, 8, after_background=10), "refund_return", "returns", "2026-05-04"
    )
    assert result.after.drag_points == pytest.approx(100 * 32 / 72)
    assert result.delta["volume_change_pct"] == pytest.approx(-20.0)
    assert result.verdict == "no_change"


def test_too_early_when_after_window_is_not_covered():
    result = closed_loop(_frame(10, 4), "refund_return", "returns", "2026-05-18")
    assert not result.after.covered
    assert result.verdict == "too_early"
    assert "too early" in result.sentence_en


def test_no_data_without_complaints_before():
    result = closed_loop(_frame(0, 4), "refund_return", "returns", "2026-05-04")
    assert result.verdict == "no_data"
    assert result.before.negative_mentions == 0


def test_window_length_and_validation():
    result = closed_loop(_frame(10, 4), "refund_return", "returns", "2026-05-04", weeks=2)
    assert result.before.start == date(2026, 4, 20)
    assert result.before.negative_mentions == 20
    with pytest.raises(ConfigError, match="weeks must be a positive integer"):
        closed_loop(_frame(10, 4), "refund_return", "returns", "2026-05-04", weeks=0)
    with pytest.raises(ConfigError, match="done_at must be a date"):
        closed_loop(_frame(10, 4), "refund_return", "returns", "soon")
    with pytest.raises(TaxonomyError, match="no topic 'refunds'"):
        closed_loop(_frame(10, 4), "refunds", "returns", "2026-05-04")
