import math

import numpy as np
import pandas as pd
import pytest

from journey.issues import IssueSettings, find_issues
from journey.metrics import (
    csat_drag_points,
    csat_mean,
    csat_percent,
    drag_points,
    fcr_percent,
    net_sentiment,
    net_sentiment_drag_points,
    nps_drag_points,
    nps_score,
    weekly_zscores,
    zscore_against_baseline,
)
from voc.errors import ConfigError, ValidationError

from .frames import make_frame, repeat

NAN = float("nan")


@pytest.mark.parametrize(
    ("ratings", "expected"),
    [
        ([5, 4, 3, 2, 1, NAN], 40.0),
        ([5, 5, 4], 100.0),
        ([1, 2, 3], 0.0),
        ([4, 0, 6, 9], 100.0),  # out-of-scale values are not responses
        ([NAN, NAN], NAN),
        ([], NAN),
    ],
)
def test_csat_percent(ratings, expected):
    result = csat_percent(ratings)
    if math.isnan(expected):
        assert math.isnan(result)
    else:
        assert result == pytest.approx(expected)


def test_csat_mean_ignores_missing():
    assert csat_mean(pd.Series([5, 1, None, 3])) == pytest.approx(3.0)


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ([10, 9, 8, 7, 6, 0], 0.0),
        ([10, 10, 0], 100.0 / 3.0),
        ([6, 5, 8], -200.0 / 3.0),
        ([9, 10], 100.0),
    ],
)
def test_nps_score(scores, expected):
    assert nps_score(scores) == pytest.approx(expected)


def test_fcr_percent_counts_known_outcomes_only():
    assert fcr_percent(pd.Series([True, False, True, None])) == pytest.approx(200.0 / 3.0)
    assert fcr_percent([1, 0, 0, 0]) == pytest.approx(25.0)


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (["positive", "negative", "negative", "neutral"], -25.0),
        (["positive", "positive"], 100.0),
        (["neutral"], 0.0),
    ],
)
def test_net_sentiment(labels, expected):
    assert net_sentiment(labels) == pytest.approx(expected)


def test_csat_drag_hand_computed():
    # Period CSAT% = 3 satisfied / 5 = 60%; without the two issue comments 3/3 = 100%.
    ratings = [5, 5, 5, 1, 1]
    in_issue = [False, False, False, True, True]
    assert csat_drag_points(ratings, in_issue) == pytest.approx(40.0)


def test_csat_drag_is_negative_for_praised_comments():
    # Removing the two satisfied comments lowers CSAT% from 50% to 0%.
    assert csat_drag_points([5, 5, 1, 1], [True, True, False, False]) == pytest.approx(-50.0)


def test_csat_drag_zero_without_surveyed_issue_comments():
    assert csat_drag_points([5, 1, NAN], [False, False, True]) == 0.0


def test_csat_drag_nan_when_nothing_remains():
    assert math.isnan(csat_drag_points([1, 2], [True, True]))


def test_nps_drag_hand_computed():
    # NPS = (1 promoter - 2 detractors) / 4 = -25; without the detractors: 1/2 -> 50.
    scores = [10, 0, 3, 8]
    assert nps_drag_points(scores, [False, True, True, False]) == pytest.approx(75.0)


def test_net_sentiment_drag_hand_computed():
    negative = np.array([1, 1, 0, 0])
    positive = np.array([0, 0, 1, 0])
    # net = (1 - 2) / 4 = -25; without the first comment (1 - 1) / 3 = 0.
    drag = net_sentiment_drag_points(negative, positive, [True, False, False, False])
    assert drag == pytest.approx(25.0)


def test_drag_points_vectorised():
    drags = drag_points(6, 10, np.array([0, 2, 0]), np.array([0, 4, 2]))
    # issue 0: no responses -> 0; issue 1: (6-2)/6 - 6/10 = 6.67 points; issue 2: 6/8 - .6.
    assert drags == pytest.approx([0.0, 100 * (4 / 6 - 0.6), 100 * (6 / 8 - 0.6)])


@pytest.mark.parametrize(
    ("value", "baseline", "expected"),
    [
        # sd = sqrt(72/7) = 3.207 is above the Poisson floor sqrt(5) = 2.236.
        (20, [2, 8, 2, 8, 2, 8, 2, 8], 15 / math.sqrt(72 / 7)),
        # sd = sqrt(8/7) = 1.069 is under the floor sqrt(5): the floor is used.
        (20, [4, 6, 4, 6, 4, 6, 4, 6], 15 / math.sqrt(5)),
        # a flat zero baseline: floor sqrt(max(0, 1)) = 1.
        (3, [0, 0, 0, 0, 0, 0, 0, 0], 3.0),
        (5, [4, 6, 4, 6, 4, 6, 4, 6], 0.0),
    ],
)
def test_zscore_against_baseline(value, baseline, expected):
    assert zscore_against_baseline(value, baseline) == pytest.approx(expected)


def test_zscore_needs_enough_baseline():
    assert math.isnan(zscore_against_baseline(10, [1, 2, 3], min_baseline=4))


def test_weekly_zscores_use_trailing_window_and_first_valid_week():
    counts = np.array([100, 2, 8, 2, 8, 20], dtype=float)
    z = weekly_zscores(counts, baseline_weeks=4, min_baseline=4, first_valid=1)
    # Week 5 uses weeks 1-4 only (week 0 is before the data starts).
    assert z[5] == pytest.approx((20 - 5) / max(np.std([2, 8, 2, 8], ddof=1), math.sqrt(5)))
    assert np.isnan(z[:5]).all()


def _issue_frame():
    may = "2026-05-12 09:00"
    rows = []
    rows += [
        {
            "topics": "refund_return",
            "touchpoint": "returns",
            "sentiment": "negative",
            "csat": 1,
            "customer_id": c,
            "resolved_first_contact": False,
            "created_at": may,
        }
        for c in ("c1", "c1", "c2", "c3")
    ]
    rows += [
        {
            "topics": "refund_return|cs_responsiveness",
            "touchpoint": "returns",
            "sentiment": "negative",
            "csat": 2,
            "customer_id": c,
            "resolved_first_contact": False,
            "created_at": may,
        }
        for c in ("c4", "c5")
    ]
    rows += [
        {
            "topics": "refund_return",
            "touchpoint": "returns",
            "sentiment": "positive",
            "csat": 5,
            "customer_id": "c6",
            "resolved_first_contact": True,
            "created_at": may,
        }
    ]
    rows += [
        {
            "topics": "delivery_speed",
            "touchpoint": "delivery",
            "sentiment": "positive",
            "csat": 5,
            "customer_id": c,
            "resolved_first_contact": True,
            "created_at": may,
        }
        for c in ("c7", "c8", "c9")
    ]
    rows += [
        {
            "topics": "delivery_speed",
            "touchpoint": "delivery",
            "sentiment": "negative",
            "csat": None,
            "customer_id": c,
            "resolved_first_contact": True,
            "created_at": may,
        }
        for c in ("c7", "c10")
    ]
    rows += repeat(
        3,
        topics="refund_return",
        touchpoint="returns",
        sentiment="negative",
        customer_id="c99",
        created_at="2026-04-10 10:00",
    )
    return make_frame(rows)  # fmt: skip


def _issue(table, topic, touchpoint):
    issues = table.issues
    match = issues[(issues["topic"] == topic) & (issues["touchpoint"] == touchpoint)]
    assert len(match) == 1, f"{topic}/{touchpoint} not an issue: {issues[['topic', 'touchpoint']]}"
    return match.iloc[0]


SETTINGS = IssueSettings(min_mentions=2, min_period_csat_responses=1)


def test_issue_threshold_and_multi_topic_counting():
    table = find_issues(_issue_frame(), "2026-05", SETTINGS)
    pairs = set(zip(table.issues["topic"], table.issues["touchpoint"], strict=True))
    assert pairs == {
        ("refund_return", "returns"),
        ("cs_responsiveness", "returns"),  # from the two multi-topic comments
        ("delivery_speed", "delivery"),
    }
    higher = find_issues(_issue_frame(), "2026-05", IssueSettings(min_mentions=3))
    assert list(higher.issues["topic"]) == ["refund_return"]


def test_issue_reach_and_negativity():
    row = _issue(find_issues(_issue_frame(), "2026-05", SETTINGS), "refund_return", "returns")
    assert row["mentions"] == 7
    assert row["negative_mentions"] == 6
    assert row["comments_share"] == pytest.approx(6 / 12)
    assert row["customers_affected"] == 5
    assert row["customers_share"] == pytest.approx(5 / 10)
    assert row["share_negative"] == pytest.approx(6 / 7)
    assert row["mean_sentiment_score"] == pytest.approx(-5 / 7)


def test_issue_csat_and_sentiment_drag():
    table = find_issues(_issue_frame(), "2026-05", SETTINGS)
    row = _issue(table, "refund_return", "returns")
    assert table.totals["csat_percent"] == pytest.approx(40.0)
    assert row["csat_percent"] == pytest.approx(0.0)
    assert row["csat_drag_points"] == pytest.approx(60.0)
    assert row["drag_source"] == "csat"
    assert row["drag_points"] == pytest.approx(60.0)
    assert row["sentiment_drag_points"] == pytest.approx(200 / 3)
    assert math.isnan(row["nps_drag_points"])


def test_issue_drag_on_all_mentions_basis():
    settings = IssueSettings(min_mentions=2, min_period_csat_responses=1, comment_basis="all")
    row = _issue(find_issues(_issue_frame(), "2026-05", settings), "refund_return", "returns")
    # Removing all 7 mentions (1 satisfied of 7 responses) leaves 3 of 3 satisfied.
    assert row["csat_drag_points"] == pytest.approx(60.0)
    assert row["customers_affected"] == 6


def test_issue_momentum_repeat_contact_and_fcr_gap():
    table = find_issues(_issue_frame(), "2026-05", SETTINGS)
    refund = _issue(table, "refund_return", "returns")
    assert refund["previous_negative_mentions"] == 3
    assert refund["momentum_delta"] == 3
    # Per day: 6/31 now vs 3/30 in April.
    assert refund["momentum_pct"] == pytest.approx(100 * ((6 / 31) / (3 / 30) - 1))
    assert not refund["is_new"]
    assert refund["repeat_contact_rate"] == pytest.approx(1 / 5)
    assert table.totals["fcr_percent"] == pytest.approx(50.0)
    assert refund["fcr_gap_points"] == pytest.approx(50.0)
    assert refund["department_shares"] == {"cs_operations": pytest.approx(1 / 3, abs=1e-3)}
    delivery = _issue(table, "delivery_speed", "delivery")
    assert delivery["is_new"]
    assert math.isnan(delivery["momentum_pct"])
    assert delivery["repeat_contact_rate"] == pytest.approx(0.5)
    assert delivery["csat_drag_points"] == 0.0


def test_issue_metrics_without_optional_columns():
    frame = _issue_frame().drop(columns=["csat", "customer_id", "resolved_first_contact"])
    table = find_issues(frame, "2026-05", SETTINGS)
    row = _issue(table, "refund_return", "returns")
    assert row["drag_source"] == "sentiment"
    assert row["drag_points"] == pytest.approx(200 / 3)
    assert math.isnan(row["customers_affected"])
    assert math.isnan(row["repeat_contact_rate"])
    assert math.isnan(row["fcr_gap_points"])


def _spike_frame(target):
    rows = []
    baseline = [2, 8, 2, 8, 2, 8, 2, 8]
    mondays = pd.date_range("2026-01-12", periods=9, freq="7D")
    for monday, count in zip(mondays, baseline + [target], strict=True):
        rows += repeat(
            count, topics="account_access", touchpoint="account", sentiment="negative",
            created_at=str(monday + pd.Timedelta(hours=30)),
        )  # fmt: skip
    return make_frame(rows)


@pytest.mark.parametrize(("target", "spike"), [(20, True), (12, True), (11, False), (5, False)])
def test_weekly_zscore_and_spike_flag(target, spike):
    table = find_issues(_spike_frame(target), "2026-W11", IssueSettings(min_mentions=1))
    row = _issue(table, "account_access", "account")
    expected = (target - 5) / math.sqrt(72 / 7)
    assert row["momentum_z"] == pytest.approx(expected)
    assert bool(row["spike"]) is spike
    assert row["spike_weeks"] == (["2026-W11"] if spike else [])


def test_find_issues_rejects_bad_input():
    with pytest.raises(ValidationError, match="lacks the column"):
        find_issues(pd.DataFrame({"created_at": []}), "2026-05")
    with pytest.raises(ValidationError, match="sentiment"):
        find_issues(make_frame([{"sentiment": "angry"}]), "2026-05")
    with pytest.raises(ConfigError, match="min_mentions"):
        IssueSettings(min_mentions=0)
    with pytest.raises(ConfigError, match="comment_basis"):
        IssueSettings(comment_basis="some")


def test_empty_period_gives_empty_issue_table():
    table = find_issues(_issue_frame(), "2025-01", SETTINGS)
    assert table.issues.empty
    assert "impact" not in table.issues.columns
    assert {"topic", "csat_drag_points", "momentum_z"} <= set(table.issues.columns)
