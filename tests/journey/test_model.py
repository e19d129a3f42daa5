import math

import numpy as np
import pandas as pd
import pytest

from journey.frame import prepare
from journey.model import (
    KPI_COLUMNS,
    emotional_curve,
    group_kpis,
    journey_model,
    stage_metrics,
    stage_trend,
    touchpoint_topic_matrix,
)
from journey.periods import parse_period
from voc.errors import ValidationError

from .frames import TAXONOMY, make_frame


def _frame():
    rows = [
        # account: 2 comments, both surveyed
        {
            "touchpoint": "account",
            "topics": "account_access",
            "sentiment": "negative",
            "sentiment_score": -0.8,
            "csat": 1,
            "nps": 0,
            "first_response_seconds": 60,
            "handle_seconds": 100,
            "resolved_first_contact": False,
        },
        {
            "touchpoint": "account",
            "topics": "account_access|app_website",
            "sentiment": "positive",
            "sentiment_score": 0.6,
            "csat": 5,
            "nps": 10,
            "first_response_seconds": 120,
            "handle_seconds": 300,
            "resolved_first_contact": True,
        },
        # delivery: 3 comments, one surveyed
        {
            "touchpoint": "delivery",
            "topics": "delivery_speed",
            "sentiment": "negative",
            "sentiment_score": -0.9,
            "csat": 2,
            "nps": 8,
            "first_response_seconds": 10,
            "handle_seconds": 50,
            "resolved_first_contact": True,
        },
        {
            "touchpoint": "delivery",
            "topics": "delivery_speed",
            "sentiment": "neutral",
            "sentiment_score": 0.0,
            "csat": None,
            "nps": None,
            "first_response_seconds": 30,
            "handle_seconds": None,
            "resolved_first_contact": None,
        },
        {
            "touchpoint": "delivery",
            "topics": "item_condition",
            "sentiment": "negative",
            "sentiment_score": -0.3,
            "csat": None,
            "nps": None,
            "first_response_seconds": 1000,
            "handle_seconds": 150,
            "resolved_first_contact": False,
        },
        # outside the period
        {
            "touchpoint": "delivery",
            "topics": "delivery_speed",
            "sentiment": "positive",
            "sentiment_score": 1.0,
            "created_at": "2026-04-30 23:59",
        },
    ]
    return make_frame(rows)  # fmt: skip


def test_stages_follow_taxonomy_order_and_include_silent_stages():
    stages = stage_metrics(_frame(), "2026-05")
    assert list(stages.index) == list(TAXONOMY.touchpoint_ids)
    assert list(stages["order"]) == list(range(len(TAXONOMY.touchpoints)))
    assert stages.loc["discovery", "volume"] == 0
    assert math.isnan(stages.loc["discovery", "csat_percent"])
    assert stages.loc["returns", "name_id"] == "Retur, refund & pembatalan"


def test_stage_kpis_hand_computed():
    stages = stage_metrics(_frame(), "2026-05")
    account, delivery = stages.loc["account"], stages.loc["delivery"]
    assert account["volume"] == 2
    assert account["share_negative"] == pytest.approx(0.5)
    assert account["net_sentiment"] == pytest.approx(0.0)
    assert account["csat_percent"] == pytest.approx(50.0)
    assert account["csat_mean"] == pytest.approx(3.0)
    assert account["nps"] == pytest.approx(0.0)  # one promoter, one detractor
    assert account["frt_median_seconds"] == pytest.approx(90.0)
    assert account["aht_seconds"] == pytest.approx(200.0)
    assert account["fcr_percent"] == pytest.approx(50.0)
    assert delivery["volume"] == 3  # the April comment is outside the period
    assert delivery["share_negative"] == pytest.approx(2 / 3)
    assert delivery["net_sentiment"] == pytest.approx(-200 / 3)
    assert delivery["mean_sentiment_score"] == pytest.approx(-0.4)
    assert delivery["csat_responses"] == 1
    assert delivery["csat_percent"] == pytest.approx(0.0)
    assert delivery["nps"] == pytest.approx(0.0)  # a passive (8)
    assert delivery["frt_median_seconds"] == pytest.approx(30.0)
    assert delivery["aht_seconds"] == pytest.approx(100.0)
    assert delivery["fcr_cases"] == 2
    assert delivery["fcr_percent"] == pytest.approx(50.0)


def test_group_kpis_by_stage_equals_stage_metrics():
    prepared = prepare(_frame(), TAXONOMY)
    rows = np.flatnonzero(prepared.mask(parse_period("2026-05")) & (prepared.touchpoint >= 0))
    table = group_kpis(prepared, rows, prepared.touchpoint[rows], len(TAXONOMY.touchpoints))
    stages = stage_metrics(prepared, "2026-05")
    assert list(table.columns) == list(KPI_COLUMNS)
    expected = stages[list(KPI_COLUMNS)].reset_index(drop=True)
    pd.testing.assert_frame_equal(table, expected)


def test_group_kpis_counts_a_comment_in_every_group_it_is_given():
    frame = _frame()
    table = group_kpis(frame, [0, 1, 1, 2], [0, 0, 1, 1], 3)
    assert table["volume"].tolist() == [2, 2, 0]
    assert table["negative"].tolist() == [1, 1, 0]  # comment 1 is positive, 2 negative
    assert table.loc[0, "csat_percent"] == pytest.approx(50.0)
    assert math.isnan(table.loc[2, "csat_percent"])


@pytest.mark.parametrize(
    ("rows", "keys", "n_groups", "message"),
    [
        ([0, 1], [0], 2, "one key per row: got 2 rows and 1 keys"),
        ([0, 1], [0, 2], 2, "keys must lie in 0..1"),
        ([0, 99], [0, 1], 2, "rows must be positions in the frame"),
    ],
)
def test_group_kpis_rejects_misaligned_or_out_of_range_input(rows, keys, n_groups, message):
    with pytest.raises(ValidationError, match=message):
        group_kpis(_frame(), rows, keys, n_groups)


@pytest.mark.parametrize(
    "missing",
    [
        ("csat",),
        ("nps",),
        ("first_response_seconds", "handle_seconds"),
        ("resolved_first_contact",),
    ],
)
def test_missing_kpi_columns_give_nan(missing):
    stages = stage_metrics(_frame().drop(columns=list(missing)), "2026-05")
    columns = {
        "csat": ["csat_percent", "csat_mean"],
        "nps": ["nps"],
        "first_response_seconds": ["frt_median_seconds"],
        "handle_seconds": ["aht_seconds"],
        "resolved_first_contact": ["fcr_percent"],
    }
    for source in missing:
        for column in columns[source]:
            assert stages[column].isna().all(), column
    assert stages.loc["delivery", "volume"] == 3


def test_sentiment_score_falls_back_to_labels():
    frame = _frame().drop(columns=["sentiment_score"])
    curve = emotional_curve(frame, "2026-05")
    assert curve["account"] == pytest.approx(0.0)  # -1 and +1
    assert curve["delivery"] == pytest.approx(-2 / 3)


def test_emotional_curve_in_journey_order():
    curve = emotional_curve(_frame(), "2026-05")
    assert list(curve.index) == list(TAXONOMY.touchpoint_ids)
    assert curve["account"] == pytest.approx(-0.1)
    assert curve["delivery"] == pytest.approx(-0.4)
    assert np.isnan(curve["loyalty"])


def test_touchpoint_topic_matrix_counts_each_topic_of_a_comment():
    volume, negative = touchpoint_topic_matrix(_frame(), "2026-05")
    assert list(volume.index) == list(TAXONOMY.touchpoint_ids)
    assert list(volume.columns) == list(TAXONOMY.topic_ids)
    assert volume.loc["account", "account_access"] == 2
    assert volume.loc["account", "app_website"] == 1
    assert volume.loc["delivery", "delivery_speed"] == 2
    assert negative.loc["delivery", "delivery_speed"] == 1
    assert int(volume.to_numpy().sum()) == 6


def test_journey_model_bundles_period_and_previous():
    model = journey_model(_frame(), "2026-05")
    assert model.period.label == "2026-05"
    assert model.previous_stages.loc["delivery", "volume"] == 1
    assert model.topic_negative_share.loc["delivery", "delivery_speed"] == pytest.approx(0.5)
    assert np.isnan(model.topic_negative_share.loc["loyalty", "other"])


@pytest.mark.parametrize(("freq", "periods"), [("month", ["2026-04", "2026-05"]),
                                               ("week", ["2026-W18", "2026-W19"]),
                                               ("quarter", ["2026-Q2"])])  # fmt: skip
def test_stage_trend(freq, periods):
    trend = stage_trend(_frame(), freq)
    assert sorted(trend["period"].unique()) == periods
    assert int(trend["volume"].sum()) == 6


def test_stage_trend_rejects_unknown_frequency():
    with pytest.raises(ValidationError, match="freq must be one of"):
        stage_trend(_frame(), "day")


def test_prepare_reports_unknown_labels_and_timezones():
    frame = make_frame(
        [
            {"touchpoint": "moon", "topics": "delivery_speed|nonsense"},
            {"touchpoint": "Delivery", "topics": "delivery_speed"},
        ]
    )
    frame["created_at"] = pd.to_datetime(frame["created_at"]).dt.tz_localize("Asia/Jakarta")
    prepared = prepare(frame)
    assert prepared.diagnostics["unknown_touchpoint"] == 1
    assert prepared.diagnostics["unknown_topic_labels"] == 1
    assert prepared.touchpoint[1] == TAXONOMY.touchpoint_ids.index("delivery")
    # Wall-clock day kept: 2026-05-06 local, not shifted to UTC.
    assert stage_metrics(prepared, "2026-05-06")["volume"].sum() == 1
