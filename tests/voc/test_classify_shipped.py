"""Checks on the shipped default classifier (real encoder, real corpus): slow."""

import json

import pytest

from voc.classify import load_classifier
from voc.classify.model import CLASSIFIERS_DIR
from voc.taxonomy import default_taxonomy

pytestmark = pytest.mark.slow

CARD = CLASSIFIERS_DIR / "default" / "v1" / "model_card.json"


def test_card_matches_default_taxonomy_and_records_metrics():
    card = json.loads(CARD.read_text())
    tax = default_taxonomy()
    assert card["taxonomy_sha256"] == tax.sha256
    assert card["labels"]["topic"] == list(tax.topic_ids)
    assert sorted(card["labels"]["touchpoint"]) == sorted(tax.touchpoint_ids)
    metrics = card["metrics_internal_test"]
    for task in ("sentiment", "topic", "touchpoint"):
        assert set(metrics[task]["per_group"]) == {"id", "en", "mixed"}
        assert len(metrics[task]["per_label"]) >= 3


def test_shipped_model_classifies_bilingual_examples():
    model = load_classifier()
    pred = model.predict(
        [
            "Barangnya bagus tapi pengirimannya lama banget",
            "The app keeps crashing when I open my balance",
            "makasih kak, refund sudah masuk 🙏",
        ]
    )
    assert "delivery_speed" in pred["topics"].iloc[0].split("|")
    aspects = json.loads(pred["aspects"].iloc[0])
    assert {a["topic"]: a["sentiment"] for a in aspects}.get("delivery_speed") == "negative"
    assert pred["topic"].iloc[1] == "app_website"
    assert pred["sentiment"].iloc[2] == "positive"


def test_shouted_or_stretched_text_is_classified_as_written_plainly():
    import pandas as pd

    model = load_classifier()
    shouted = [
        "PESANAN SAYA TERLAMBAT PARAH, SUDAH SEMINGGU BELUM SAMPAI!",
        "paket TELAT BANGET, kurirnya GAK ADA KABAR",
        "THE APP KEEPS CRASHING WHEN I PAY, FIX IT",
        "TERIMA KASIH [NAME], CS NYA RAMAH SEKALI",
        "refundnya lamaaaa bangettt, udah 2 minggu belummm masuk",
    ]
    lower = [
        "pesanan saya terlambat parah, sudah seminggu belum sampai!",
        "paket telat banget, kurirnya gak ada kabar",
        "the app keeps crashing when I pay, fix it",
        "terima kasih [NAME], cs nya ramah sekali",
        "refundnya lama banget, udah 2 minggu belum masuk",
    ]
    a, b = model.predict(shouted), model.predict(lower)
    columns = ["sentiment", "topics", "touchpoint", "sentiment_score", "topic_confidence"]
    pd.testing.assert_frame_equal(a[columns], b[columns])
    # the aspects keep the clause as the customer wrote it
    assert "TELAT BANGET" in a["aspects"].iloc[1]


def test_retrain_reproduces_committed_heads(tmp_path):
    from voc.classify.trainer import run_training

    card = json.loads(CARD.read_text())
    result = run_training(version="v1", out_dir=tmp_path / "v1", encoder=card["encoder"])
    for task in ("sentiment", "topic", "touchpoint"):
        committed = card["metrics_internal_test"][task]["macro_f1"]
        assert abs(result["metrics"][task]["macro_f1"] - committed) <= 0.02, task
