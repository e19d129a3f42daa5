import json
import math

import numpy as np
import pandas as pd
import pytest

from journey.issues import IssueSettings
from journey.prioritize import (
    EffortSettings,
    GridSettings,
    ImpactWeights,
    _normalise,
    assign_quadrants,
    effort_scores,
    impact_components,
    impact_scores,
    issues_to_records,
    priority_scores,
    rank_issues,
)
from voc.errors import ConfigError

from .frames import TAXONOMY, make_frame, repeat


@pytest.mark.parametrize(
    ("method", "values", "expected"),
    [
        ("minmax", [0.0, 5.0, 10.0], [0.0, 0.5, 1.0]),
        ("minmax", [2.0, 2.0], [0.5, 0.5]),
        ("minmax", [1.0, np.nan, 3.0], [0.0, np.nan, 1.0]),
        ("rank", [10.0, 1.0, 100.0], [0.5, 0.0, 1.0]),
        ("rank", [7.0], [0.5]),
    ],
)
def test_normalise(method, values, expected):
    result = _normalise(pd.Series(values), method).to_numpy()
    np.testing.assert_allclose(result, expected, equal_nan=True)


def _issues(**overrides):
    base = {
        "topic": ["refund_return", "product_info", "payment"],
        "touchpoint": ["returns", "discovery", "payment"],
        "customers_share": [0.10, 0.05, 0.0],
        "comments_share": [0.10, 0.05, 0.0],
        "share_negative": [1.0, 0.2, 0.6],
        "mean_sentiment_score": [-1.0, 0.0, -0.2],
        "drag_points": [3.0, 0.0, 1.0],
        "nps_drag_points": [np.nan] * 3,
        "momentum_pct": [200.0, -50.0, 0.0],
        "is_new": [False, False, False],
        "momentum_z": [3.0, -1.0, 1.0],
        "repeat_contact_rate": [np.nan] * 3,
        "fcr_gap_points": [np.nan] * 3,
        "department_shares": [{}, {}, {}],
    }
    base.update(overrides)
    return pd.DataFrame(base)


def test_impact_components_and_score_hand_computed():
    issues = _issues()
    weights = ImpactWeights()
    components = impact_components(issues, weights)
    np.testing.assert_allclose(components["reach_norm"], [1.0, 0.5, 0.0])
    # negativity raw = (share_negative + (1 - score) / 2) / 2 -> 1.0, 0.35, 0.6
    np.testing.assert_allclose(components["negativity_raw"], [1.0, 0.35, 0.6])
    np.testing.assert_allclose(components["negativity_norm"], [1.0, 0.0, 0.25 / 0.65])
    np.testing.assert_allclose(components["drag_norm"], [1.0, 0.0, 1 / 3])
    # momentum = mean(minmax(momentum_pct), minmax(z)) = mean([1, 0, .2], [1, 0, .5])
    np.testing.assert_allclose(components["momentum_norm"], [1.0, 0.0, 0.35])
    impact = impact_scores(components, weights)
    # repeat_contact and fcr_gap are missing: the weights .30 .15 .30 .15 are renormalised.
    expected_third = 100 * (0.15 * 0.25 / 0.65 + 0.30 / 3 + 0.15 * 0.35) / 0.90
    np.testing.assert_allclose(impact, [100.0, 100 * 0.30 * 0.5 / 0.90, expected_third])


def test_new_issue_gets_the_top_momentum():
    issues = _issues(
        momentum_pct=[10.0, np.nan, 0.0], is_new=[False, True, False], momentum_z=[np.nan] * 3
    )
    components = impact_components(issues)
    assert components["momentum_raw"][1] == 300.0
    np.testing.assert_allclose(components["momentum_norm"], [10 / 300, 1.0, 0.0])


def test_weights_change_the_score():
    issues = _issues()
    reach_only = ImpactWeights(negativity=0, drag=0, momentum=0, repeat_contact=0, fcr_gap=0)
    impact = impact_scores(impact_components(issues, reach_only), reach_only)
    np.testing.assert_allclose(impact, [100.0, 50.0, 0.0])


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"reach": -1}, "non-negative"),
        ({"reach": 0, "negativity": 0, "drag": 0, "momentum": 0, "repeat_contact": 0,
          "fcr_gap": 0}, "at least one above zero"),
        ({"normalisation": "zscore"}, "normalisation must be one of"),
    ],
)  # fmt: skip
def test_impact_weights_validation(kwargs, message):
    with pytest.raises(ConfigError, match=message):
        ImpactWeights(**kwargs)


def test_effort_default_override_and_department_bump():
    issues = _issues(
        department_shares=[
            {"cs_operations": 0.5, "cs_quality": 0.3},  # two departments >= 30% -> +1
            {"marketing": 0.9},  # only one
            {"cs_operations": 0.6, "product": 0.29},  # second is under 30%
        ]
    )
    effort = effort_scores(issues, TAXONOMY)
    assert list(effort["effort_default"]) == [3, 1, 4]
    assert list(effort["effort"]) == [4.0, 1.0, 4.0]
    assert list(effort["effort_source"]) == ["taxonomy+departments", "taxonomy", "taxonomy"]
    assert effort["departments_spanned"][0] == ["cs_operations", "cs_quality"]
    overridden = effort_scores(issues, TAXONOMY, {("refund_return", "returns"): 2})
    assert overridden["effort"][0] == 2.0
    assert overridden["effort_source"][0] == "override"


def test_effort_is_capped():
    issues = _issues(
        topic=["network_service", "product_info", "payment"],
        department_shares=[{"cs_operations": 0.9, "billing_finance": 0.9}, {}, {}],
    )
    assert effort_scores(issues, TAXONOMY)["effort"][0] == 5.0


def test_effort_override_validation():
    with pytest.raises(ConfigError, match="from 1 to 5"):
        effort_scores(_issues(), TAXONOMY, {("payment", "payment"): 9})


@pytest.mark.parametrize(
    ("impact", "effort", "quadrant"),
    [
        (60.0, 2.0, "quick_win"),
        (50.0, 2.0, "quick_win"),  # at the impact threshold counts as high
        (60.0, 3.0, "major_project"),  # at the effort threshold counts as high
        (49.9, 1.0, "fill_in"),
        (10.0, 5.0, "thankless"),
    ],
)
def test_quadrants_at_or_above_threshold_is_high(impact, effort, quadrant):
    result = assign_quadrants(pd.Series([impact]), pd.Series([effort]), 50.0, 3.0)
    assert result[0] == quadrant


@pytest.mark.parametrize(
    ("impact", "effort", "penalty", "expected"),
    [
        (80.0, 1.0, 0.5, 80.0),
        (80.0, 5.0, 0.5, 40.0),
        (80.0, 3.0, 0.5, 60.0),
        (80.0, 5.0, 0.0, 80.0),
    ],
)
def test_priority_formula(impact, effort, penalty, expected):
    assert priority_scores(pd.Series([impact]), pd.Series([effort]), penalty)[0] == expected


def _ranking_frame():
    rows = []
    # Big, very negative, CSAT-dragging refund issue.
    rows += repeat(30, topics="refund_return", touchpoint="returns", sentiment="negative", csat=1)
    # Same-size but mild FAQ issue (effort 1) with good CSAT.
    rows += repeat(12, topics="product_info", touchpoint="discovery", sentiment="negative", csat=4)
    rows += repeat(40, topics="product_info", touchpoint="discovery", sentiment="neutral", csat=5)
    # Small payment issue.
    rows += repeat(10, topics="payment", touchpoint="payment", sentiment="negative", csat=2)
    rows += repeat(50, topics="other", touchpoint="usage", sentiment="positive", csat=5)
    rows += repeat(10, topics="payment", touchpoint="payment", sentiment="negative",
                   created_at="2026-04-15 08:00")  # fmt: skip
    return make_frame(rows)


def test_rank_issues_orders_by_priority_and_assigns_quadrants():
    result = rank_issues(_ranking_frame(), "2026-05")
    ranked = result.ranked
    assert list(ranked["rank"]) == [1, 2, 3]
    assert ranked.iloc[0]["topic"] == "refund_return"
    assert (ranked["priority"].diff().dropna() <= 0).all()
    assert set(ranked["quadrant"]) <= {"quick_win", "major_project", "fill_in", "thankless"}
    assert result.impact_threshold == pytest.approx(ranked["impact"].median())
    assert ranked.iloc[0]["drag_points"] > 0


def test_rank_ties_break_on_momentum():
    rows = []
    for topic, stage in (("delivery_speed", "delivery"), ("item_condition", "delivery")):
        rows += repeat(10, topics=topic, touchpoint=stage, sentiment="negative")
    # Only item_condition existed in April: it is not growing, delivery_speed is new.
    rows += repeat(10, topics="item_condition", touchpoint="delivery", sentiment="negative",
                   created_at="2026-04-10 10:00")  # fmt: skip
    flat = ImpactWeights(negativity=1, reach=0, drag=0, momentum=0, repeat_contact=0, fcr_gap=0)
    grid = GridSettings(effort_penalty=0.0)
    ranked = rank_issues(make_frame(rows), "2026-05", weights=flat, grid=grid).ranked
    assert ranked["priority"].nunique() == 1
    assert list(ranked["topic"]) == ["delivery_speed", "item_condition"]


def test_grid_settings_and_overrides_flow_through():
    grid = GridSettings(impact_threshold=0.0, effort_threshold=5)
    result = rank_issues(
        _ranking_frame(),
        "2026-05",
        grid=grid,
        effort_overrides={("payment", "payment"): 5},
        issue_settings=IssueSettings(min_mentions=10),
    )
    by_topic = result.ranked.set_index("topic")
    assert by_topic.loc["payment", "quadrant"] == "major_project"
    assert by_topic.loc["refund_return", "quadrant"] == "quick_win"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"impact_threshold": 120}, "impact_threshold"),
        ({"effort_threshold": 0}, "effort_threshold"),
        ({"effort_penalty": 1.0}, "effort_penalty"),
    ],
)
def test_grid_settings_validation(kwargs, message):
    with pytest.raises(ConfigError, match=message):
        GridSettings(**kwargs)


def test_effort_settings_validation():
    with pytest.raises(ConfigError, match="cross_department_share"):
        EffortSettings(cross_department_share=0)


def test_records_are_json_ready_and_ordered():
    result = rank_issues(_ranking_frame(), "2026-05")
    records = issues_to_records(result.ranked, top=2)
    assert len(records) == 2
    assert list(records[0])[:7] == [
        "rank", "topic", "touchpoint", "quadrant", "impact", "effort", "priority",
    ]  # fmt: skip
    assert [r["rank"] for r in records] == [1, 2]
    text = json.dumps(records)
    assert "NaN" not in text
    assert records[0]["nps"] is None
    assert isinstance(records[0]["spike"], bool)
    assert not math.isnan(records[0]["impact"])
