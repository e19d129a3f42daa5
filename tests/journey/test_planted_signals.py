"""The journey analytics find the signals planted in the sample data (data/sample/planted.json).

Every check runs twice: on the sample classified by the shipped models (redaction, language,
encoder and heads, as in production; marked slow) and on the sample joined with its intended
labels (data/sample/truth.csv; sentiment_score = -1/0/1), which isolates the analytics from
classifier errors. Signals are recognised by their shape in planted.json (a monthly peak, a
one-week spike, a decline, a decoy), not by id.
"""

import json
from pathlib import Path

import pandas as pd
import pytest

from journey.frame import prepare
from journey.issues import find_issues
from journey.prioritize import rank_issues

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample"
FILES = ("feedback.csv", "truth.csv", "planted.json")


@pytest.fixture(scope="module")
def sample_dir(tmp_path_factory):
    if all((SAMPLE / name).exists() for name in FILES):
        return SAMPLE
    # The sample is generated deterministically (seed 42): rebuild it when not on disk.
    from voc.sample.generator import generate_sample

    folder = tmp_path_factory.mktemp("sample")
    generate_sample(folder / "feedback.csv", seed=42, show_progress=False)
    return folder


@pytest.fixture(scope="module")
def planted(sample_dir):
    return json.loads((sample_dir / "planted.json").read_text(encoding="utf-8"))


def _classified_sample(sample_dir):
    feedback = pd.read_csv(sample_dir / "feedback.csv")
    truth = pd.read_csv(sample_dir / "truth.csv")
    # Raw texts are not needed here (and hold fake PII): drop them.
    frame = feedback.drop(columns=["text"]).merge(truth, on="feedback_id", validate="1:1")
    frame["topic"] = frame["topics"].str.split("|").str[0]
    frame["sentiment_score"] = frame["sentiment"].map(
        {"negative": -1.0, "neutral": 0.0, "positive": 1.0}
    )
    return frame


def _shipped_sample(sample_dir):
    from voc.pipeline import classify_frame

    feedback = pd.read_csv(sample_dir / "feedback.csv")
    return classify_frame(feedback, text_col="text", aspects=False)


@pytest.fixture(
    scope="module",
    params=["truth", pytest.param("shipped", marks=pytest.mark.slow)],
)
def classified(request, sample_dir):
    if request.param == "shipped":
        return prepare(_shipped_sample(sample_dir))
    return prepare(_classified_sample(sample_dir))


def _signals(planted, kind):
    out = []
    for signal in planted["signals"]:
        multipliers = signal["multipliers"]
        if kind == "decoy" and not multipliers:
            out.append(signal)
        elif kind == "decline" and multipliers and min(multipliers.values()) < 1:
            out.append(signal)
        elif multipliers and max(multipliers.values()) > 1 and signal["period"] == kind:
            out.append(signal)
    assert out, f"planted.json describes no {kind} signal"
    return out


def _peak(signal):
    raised = signal["multipliers"]
    return max(raised, key=lambda k: (raised[k], k))


def _row(ranked, signal):
    match = ranked[
        (ranked["topic"] == signal["topic"]) & (ranked["touchpoint"] == signal["touchpoint"])
    ]
    return None if match.empty else match.iloc[0]


def test_monthly_peak_issue_ranks_top_three_with_positive_csat_drag(classified, planted):
    for signal in _signals(planted, "month"):
        ranked = rank_issues(classified, _peak(signal)).ranked
        row = _row(ranked, signal)
        assert row is not None, f"{signal['id']} is not an issue in {_peak(signal)}"
        assert row["rank"] <= 3, ranked[["rank", "topic", "touchpoint", "impact"]].head(5)
        assert row["drag_source"] == "csat"
        assert row["csat_drag_points"] > 0


def test_weekly_spike_is_flagged_in_its_week(classified, planted):
    for signal in _signals(planted, "week"):
        week = _peak(signal)
        row = _row(find_issues(classified, week).issues, signal)
        assert row is not None
        assert row["spike"] and row["spike_weeks"] == [week]
        assert row["momentum_z"] >= 2
        # The month holding that week lists it among its spike weeks too.
        month = pd.Timestamp.fromisocalendar(int(week[:4]), int(week[-2:]), 4).strftime("%Y-%m")
        monthly = _row(find_issues(classified, month).issues, signal)
        assert week in monthly["spike_weeks"]


def test_declining_trend_shows_negative_momentum(classified, planted, request):
    shipped = request.node.callspec.params.get("classified") == "shipped"
    for signal in _signals(planted, "decline"):
        counts = signal["measured"]["counts_by_month"]
        start = signal["measured"]["decline"]["from"]
        months = [m for m in sorted(counts) if m > start]
        assert months
        rows = {}
        for month in months:
            row = _row(find_issues(classified, month).issues, signal)
            assert row is not None, month
            # momentum (per-day rate against the previous period) is what the ranking uses
            assert row["momentum_pct"] < 0, (month, row["momentum_pct"])
            rows[month] = row
            if not shipped:
                assert row["momentum_delta"] < 0, month
        if shipped:
            # Classifier noise (multi-topic comments of the March OTP spike that also blame
            # CS) can leave one month's raw count flat; the raw count must still fall from
            # the first declining month to the last, and most months must fall.
            first, last = _row(find_issues(classified, start).issues, signal), rows[months[-1]]
            assert last["negative_mentions"] < first["negative_mentions"]
            falling = sum(r["momentum_delta"] < 0 for r in rows.values())
            assert falling >= len(months) - 1, {m: r["momentum_delta"] for m, r in rows.items()}


def test_decoy_does_not_outrank_the_peak_issue(classified, planted):
    decoy = _signals(planted, "decoy")[0]
    for signal in _signals(planted, "month"):
        ranked = rank_issues(classified, _peak(signal)).ranked
        peak_rank = _row(ranked, signal)["rank"]
        decoy_row = _row(ranked, decoy)
        assert decoy_row is None or decoy_row["rank"] > peak_rank


def test_join_keeps_every_labelled_row(sample_dir, planted):
    frame = _classified_sample(sample_dir)
    assert len(frame) == planted["rows"]
    assert frame["touchpoint"].notna().all() and frame["sentiment"].notna().all()
