import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml
from typer.testing import CliRunner

from voc.cli import app
from voc.errors import ConfigError, TaxonomyError
from voc.sample import FEEDBACK_COLUMNS, TRUTH_COLUMNS, generate_sample
from voc.sample.planted import csat_pct, normalise_text
from voc.sample.scenario import SCENARIO_PATH, load_scenario
from voc.sample.texts import load_banks
from voc.taxonomy import default_taxonomy

CHANNELS = {"whatsapp", "chat", "email", "phone", "social", "app_review", "survey"}
CONTACT = ["whatsapp", "chat", "email", "phone"]
NO_CUSTOMER = ["app_review", "social"]


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample") / "feedback.csv"
    result = generate_sample(out, seed=42, show_progress=False, n_rows=24_000)
    feedback = pd.read_csv(result.csv_path, keep_default_na=False, na_values=[""])
    truth = pd.read_csv(result.truth_path, keep_default_na=False)
    planted = json.loads(result.planted_path.read_text(encoding="utf-8"))
    frame = feedback.merge(truth, on="feedback_id", validate="one_to_one")
    frame["created"] = pd.to_datetime(frame["created_at"])
    frame["month"] = frame["created"].dt.strftime("%Y-%m")
    iso = frame["created"].dt.isocalendar()
    frame["week"] = iso["year"].astype(str) + "-W" + iso["week"].astype(str).str.zfill(2)
    frame["primary"] = frame["topics"].str.split("|").str[0]
    return result, feedback, truth, frame, planted


def _signal(planted, signal_id):
    return next(s for s in planted["signals"] if s["id"] == signal_id)


def _cell(frame, topic, touchpoint, sentiment=None):
    mask = (frame["primary"] == topic) & (frame["touchpoint"] == touchpoint)
    if sentiment is not None:
        mask &= frame["sentiment"] == sentiment
    return mask


def test_rows_and_columns(sample):
    result, feedback, truth, _, _ = sample
    assert result.n_rows == len(feedback) == len(truth) == 24_000
    assert tuple(feedback.columns) == FEEDBACK_COLUMNS
    assert tuple(truth.columns) == TRUTH_COLUMNS
    assert feedback["feedback_id"].is_unique
    assert (feedback["feedback_id"] == truth["feedback_id"]).all()
    assert feedback["text"].str.strip().str.len().min() > 0


def test_dates_are_local_iso_within_six_months(sample):
    _, feedback, _, frame, _ = sample
    assert feedback["created_at"].str.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d").all()
    assert frame["created"].min() >= pd.Timestamp("2026-01-01")
    assert frame["created"].max() < pd.Timestamp("2026-07-01")
    assert sorted(frame["month"].unique()) == [f"2026-0{m}" for m in range(1, 7)]
    assert frame["created"].is_monotonic_increasing


def test_channel_set(sample):
    _, feedback, _, _, _ = sample
    assert set(feedback["channel"]) == CHANNELS


@pytest.mark.parametrize(("lang", "share"), [("id", 0.60), ("en", 0.30), ("mixed", 0.10)])
def test_language_mix(sample, lang, share):
    _, _, truth, _, planted = sample
    measured = (truth["lang"] == lang).mean()
    assert abs(measured - share) < 0.02
    assert planted["overall"]["languages"][lang] == pytest.approx(measured, abs=1e-4)


def test_csat_and_nps_ranges(sample):
    _, feedback, _, _, _ = sample
    csat = feedback["csat"].dropna()
    assert set(csat.unique()) <= {1, 2, 3, 4, 5}
    survey = feedback["channel"] == "survey"
    assert feedback.loc[survey, "csat"].notna().all()
    assert feedback.loc[feedback["channel"].isin(NO_CUSTOMER), "csat"].isna().all()
    contact_answered = feedback.loc[feedback["channel"].isin(CONTACT), "csat"].notna().mean()
    assert 0.2 < contact_answered < 0.6
    nps = feedback["nps"].dropna()
    assert nps.between(0, 10).all() and (nps == nps.round()).all()
    assert feedback.loc[~survey, "nps"].isna().all()
    assert 0.3 < feedback.loc[survey, "nps"].notna().mean() < 0.6


@pytest.mark.parametrize("column", ["agent_id", "first_response_seconds", "handle_seconds"])
def test_contact_center_fields_only_where_a_contact_center_has_them(sample, column):
    _, feedback, _, _, _ = sample
    contact = feedback["channel"].isin(CONTACT)
    assert feedback.loc[contact, column].notna().all()
    assert feedback.loc[feedback["channel"].isin(NO_CUSTOMER), column].isna().all()


@pytest.mark.parametrize(
    "column", ["customer_id", "customer_segment", "product_line", "region", "csat", "nps"]
)
def test_no_customer_fields_on_public_channels(sample, column):
    _, feedback, _, _, _ = sample
    assert feedback.loc[feedback["channel"].isin(NO_CUSTOMER), column].isna().all()


def test_frt_is_stricter_on_chat_than_email(sample):
    _, feedback, _, _, _ = sample
    medians = feedback.groupby("channel")["first_response_seconds"].median()
    assert medians["chat"] < medians["whatsapp"] < medians["email"]
    assert feedback["resolved_first_contact"].dropna().isin([True, False]).all()


def test_daily_and_hourly_patterns(sample):
    _, _, _, frame, _ = sample
    day = frame["created"].dt.normalize()
    weekend = frame["created"].dt.day_of_week >= 5
    per_day = frame.assign(day=day, weekend=weekend).groupby(["channel", "weekend", "day"]).size()
    phone = per_day["phone"]
    assert phone[False].mean() > 1.5 * phone[True].mean()
    hour = frame["created"].dt.hour
    chat = frame["channel"] == "chat"
    assert (chat & hour.between(19, 21)).sum() > (chat & hour.between(15, 17)).sum()
    phone_rows = frame["channel"] == "phone"
    assert (phone_rows & hour.between(8, 17)).sum() > 0.8 * phone_rows.sum()


def test_refund_delays_triple_in_may_with_a_csat_drop(sample):
    _, _, _, frame, planted = sample
    refund = _cell(frame, "refund_return", "returns", "negative")
    monthly = frame[refund].groupby("month").size()
    baseline = monthly[["2026-01", "2026-02", "2026-03", "2026-04"]].mean()
    assert monthly["2026-05"] >= 2.5 * baseline
    may = frame["month"] == "2026-05"
    assert csat_pct(frame.loc[refund & may, "csat"].to_numpy()) < 15
    overall = {
        m: csat_pct(frame.loc[frame["month"] == m, "csat"].to_numpy()) for m in monthly.index
    }
    assert overall["2026-05"] < np.mean([overall[m] for m in ("2026-01", "2026-02", "2026-03")])
    assert overall["2026-05"] == min(overall.values())
    negative_may = frame[may & (frame["sentiment"] == "negative")]
    pairs = (negative_may["primary"] + "/" + negative_may["touchpoint"]).value_counts()
    assert pairs.index[0] == "refund_return/returns"
    measured = _signal(planted, "refund_delay_may")["measured"]
    assert measured["counts_by_month"] == {k: int(v) for k, v in monthly.items()}
    assert measured["peak"]["rank_by_csat_drag"] <= 2


def test_otp_spike_in_one_iso_week(sample):
    _, _, _, frame, planted = sample
    otp = _cell(frame, "account_access", "account", "negative")
    weekly = frame[otp].groupby("week").size()
    others = weekly.drop("2026-W11")
    assert weekly["2026-W11"] >= 4 * others.median()
    assert weekly.idxmax() == "2026-W11"
    spike = frame[otp & (frame["week"] == "2026-W11")]
    otp_words = spike["text"].str.contains(r"\bOTP\b|kode|code", case=False, regex=True)
    assert otp_words.mean() > 0.7
    assert _signal(planted, "otp_spike_w11")["measured"]["counts_by_week"]["2026-W11"] == int(
        weekly["2026-W11"]
    )


def test_cs_responsiveness_complaints_fall_every_month_from_february(sample):
    _, _, _, frame, planted = sample
    cs = _cell(frame, "cs_responsiveness", "support", "negative")
    monthly = frame[cs].groupby("month").size()
    series = [monthly[f"2026-0{m}"] for m in range(2, 7)]
    assert all(a > b for a, b in zip(series, series[1:], strict=False))
    assert series[-1] < 0.5 * series[0]
    assert _signal(planted, "cs_responsiveness_decline")["measured"]["decline"][
        "strictly_decreasing"
    ]


def test_decoy_has_high_volume_but_no_csat_drag(sample):
    _, _, _, frame, planted = sample
    pairs = (frame["primary"] + "/" + frame["touchpoint"]).value_counts()
    assert pairs.index[0] == "product_info/discovery"
    decoy = _cell(frame, "product_info", "discovery")
    assert csat_pct(frame.loc[decoy, "csat"].to_numpy()) >= csat_pct(frame["csat"].to_numpy())
    overall_negative = (frame["sentiment"] == "negative").mean()
    assert (frame.loc[decoy, "sentiment"] == "negative").mean() < overall_negative / 2
    assert _signal(planted, "product_info_decoy")["measured"]["decoy"]["rank_by_volume"] == 1


def test_baseline_negatives_spread_over_many_pairs(sample):
    _, _, _, frame, _ = sample
    negative = frame[frame["sentiment"] == "negative"]
    pairs = (negative["primary"] + "/" + negative["touchpoint"]).value_counts()
    assert (pairs >= 100).sum() >= 15
    assert pairs.iloc[0] / pairs.sum() < 0.12


def test_texts_vary(sample):
    _, feedback, truth, _, planted = sample
    normalised = feedback["text"].map(normalise_text)
    duplicates = len(normalised) - normalised.nunique()
    assert duplicates / len(normalised) < 0.05
    assert planted["overall"]["exact_duplicate_share"] == pytest.approx(
        duplicates / len(normalised), abs=1e-4
    )
    assert (truth["topics"].str.contains("|", regex=False)).mean() > 0.15
    lengths = feedback["text"].str.len()
    assert lengths.min() < 40 and lengths.max() > 300
    shouting = feedback["text"].map(
        lambda t: sum(c.isupper() for c in t) > 0.8 * sum(c.isalpha() for c in t)
    )
    assert 0.01 < shouting.mean() < 0.15


def test_indonesian_texts_use_slang(sample):
    _, _, _, frame, _ = sample
    indonesian = frame.loc[frame["lang"] == "id", "text"]
    slang = indonesian.str.contains(r"\b(?:gak|nggak|ga|udh|blm|bgt|tp|yg|kak|min|gan|sis)\b")
    assert slang.mean() > 0.3


def test_fake_personal_data_in_a_small_share(sample):
    _, feedback, _, _, planted = sample
    pii = re.compile(r"@(?:mail\.)?example\.(?:com|org|net)|(?:\+62 ?|\b0|\b62)8\d{2}[- ]?\d{4}")
    share = feedback["text"].str.contains(pii).mean()
    assert 0.01 < share < 0.035
    assert planted["overall"]["fake_pii_rows"] == pytest.approx(0.02 * 24_000, rel=0.2)


def test_same_seed_same_bytes_and_other_seed_other_file(tmp_path):
    paths = {}
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        paths[name] = generate_sample(
            tmp_path / name / "feedback.csv", seed=seed, n_rows=3_000, show_progress=False
        )
    for attr in ("csv_path", "truth_path", "planted_path"):
        first = getattr(paths["a"], attr).read_bytes()
        assert first == getattr(paths["b"], attr).read_bytes()
        assert first != getattr(paths["c"], attr).read_bytes()


@pytest.mark.parametrize("rows", [-5, 0, 999, 2_000_000])
def test_bad_row_counts_are_refused(tmp_path, rows):
    with pytest.raises(ConfigError, match="between 1,000 and"):
        generate_sample(tmp_path / "x.csv", n_rows=rows, show_progress=False)
    assert not (tmp_path / "x.csv").exists()


def test_bad_seed_and_folder_output_are_refused(tmp_path):
    with pytest.raises(ConfigError, match="seed"):
        generate_sample(tmp_path / "x.csv", seed=-1, n_rows=1_000, show_progress=False)
    with pytest.raises(ConfigError, match="is a folder"):
        generate_sample(tmp_path, n_rows=1_000, show_progress=False)


def test_cli_writes_the_sample(tmp_path):
    out = tmp_path / "s" / "feedback.csv"
    result = CliRunner().invoke(app, ["sample", "--out", str(out), "--rows", "1500", "--quiet"])
    assert result.exit_code == 0, result.output
    assert "Wrote 1,500 rows" in result.output
    assert (tmp_path / "s" / "planted.json").exists() and (tmp_path / "s" / "truth.csv").exists()
    bad = CliRunner().invoke(app, ["sample", "--out", str(out), "--rows", "-5", "--quiet"])
    assert bad.exit_code != 0 and isinstance(bad.exception, ConfigError)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_fragment_banks_cover_every_cell(lang):
    scenario = load_scenario(default_taxonomy())
    bank = load_banks()[lang]
    assert bank.size >= 350
    needed = {(c.topic, c.touchpoint, s) for c in scenario.cells for s, _ in c.sentiment}
    needed |= {(g.topic, g.touchpoint, s) for g in scenario.signals for s, _ in g.sentiment}
    assert needed <= set(bank.pools)
    assert all(bank.special.get(g.pool) for g in scenario.signals if g.pool)
    for fragments in bank.pools.values():
        assert len(set(fragments)) == len(fragments)


def test_committed_bank_sizes_are_reported(sample):
    _, _, _, _, planted = sample
    sizes = planted["overall"]["fragment_bank_sizes"]
    assert sizes["id"] >= 350 and sizes["en"] >= 350 and sizes["mixed"] >= 150


def _scenario_copy(tmp_path: Path, edit) -> Path:
    raw = yaml.safe_load(SCENARIO_PATH.read_text(encoding="utf-8"))
    edit(raw)
    path = tmp_path / "scenario.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


def test_scenario_with_unknown_topic_is_refused(tmp_path):
    path = _scenario_copy(
        tmp_path, lambda raw: raw["cells"].append(["no_such", "usage", 1, [1, 0, 0]])
    )
    with pytest.raises(TaxonomyError, match="no_such"):
        load_scenario(default_taxonomy(), path)


def test_scenario_signal_overlapping_baseline_is_refused(tmp_path):
    path = _scenario_copy(
        tmp_path, lambda raw: raw["cells"].append(["refund_return", "returns", 1, [1, 0, 0]])
    )
    with pytest.raises(ConfigError, match="also a baseline cell"):
        load_scenario(default_taxonomy(), path)


@pytest.mark.parametrize("name", ["feedback.csv", "truth.csv", "planted.json"])
def test_committed_sample_is_what_the_generator_writes(sample, name):
    committed = Path(__file__).resolve().parents[2] / "data" / "sample" / name
    if not committed.exists():
        pytest.skip("data/sample has not been generated")
    fresh = sample[0].csv_path.parent / name
    assert committed.read_bytes() == fresh.read_bytes(), (
        f"data/sample/{name} is stale: run `voc sample --out data/sample/feedback.csv --seed 42`"
    )
