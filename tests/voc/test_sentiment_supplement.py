"""The general-domain sentiment supplement: loading, splitting and training the head on it."""

import pandas as pd
import pytest
import yaml

from tests.voc.classify_helpers import install
from tests.voc.test_classify import TOY
from voc.classify.corpus import load_sentiment_supplement, normalise_for_dedup
from voc.classify.train import TrainConfig, train_classifier
from voc.errors import ConfigError, ValidationError
from voc.taxonomy import load_taxonomy


def _write(path, rows, columns=("text", "lang", "sentiment", "domain")):
    pd.DataFrame(rows, columns=list(columns)).to_csv(path, index=False)


def _rows(n, lang, sentiment):
    return [(f"{lang} {sentiment} kalimat nomor {i} {'x' * i}", lang, sentiment, "daily")
            for i in range(n)]  # fmt: skip


def test_supplement_split_is_stratified_deduplicated_and_stable(tmp_path):
    rows = [r for lang in ("id", "en") for s in ("negative", "neutral", "positive")
            for r in _rows(20, lang, s)]  # fmt: skip
    _write(tmp_path / "sentiment_general_a.csv", rows[:60])
    _write(
        tmp_path / "sentiment_general_b.csv",
        rows[60:] + [("  ID NEGATIVE kalimat nomor 0!!", "id", "negative", "x")],
    )
    _write(tmp_path / "other.csv", [("ignored", "id", "neutral", "x")])
    corpus_text = rows[5][0]
    sup = load_sentiment_supplement(tmp_path, exclude_texts=[corpus_text])
    keys = sup["text"].map(normalise_for_dedup)
    assert not keys.duplicated().any()
    assert normalise_for_dedup(corpus_text) not in set(keys)
    assert "ignored" not in set(sup["text"])
    assert len(sup) == 120 - 1  # the duplicate and the corpus row are gone
    tests = sup[sup["split"] == "test"].groupby(["lang", "sentiment"]).size()
    assert set(tests.values) == {3}  # 15% of every (language, sentiment) stratum
    assert set(sup["source_part"]) == {"sentiment_general_a", "sentiment_general_b"}
    again = load_sentiment_supplement(tmp_path, exclude_texts=[corpus_text])
    assert sup.equals(again)


def test_supplement_errors_and_empty(tmp_path):
    empty = load_sentiment_supplement(tmp_path)
    assert empty.empty and "split" in empty.columns
    _write(tmp_path / "sentiment_general_x.csv", [("teks", "id", "happy", "daily")])
    with pytest.raises(ValidationError, match="sentiment label.*happy"):
        load_sentiment_supplement(tmp_path)
    _write(tmp_path / "sentiment_general_x.csv", [("teks", "id")], columns=("text", "lang"))
    with pytest.raises(ValidationError, match="lacks column"):
        load_sentiment_supplement(tmp_path)


def test_sentiment_extra_rows_train_only_the_sentiment_head(monkeypatch, tmp_path):
    enc = install(monkeypatch)
    taxonomy_path = tmp_path / "toy.yaml"
    taxonomy_path.write_text(yaml.safe_dump(TOY))
    taxonomy = load_taxonomy(taxonomy_path)
    base = pd.DataFrame(
        {
            "text": ["kopi pahit sekali", "kopi enak", "paket telat", "kurir baik"] * 10,
            "topics": ["coffee", "coffee", "shipping", "shipping"] * 10,
            "touchpoint": ["home", "home", "shop", "shop"] * 10,
            "sentiment": ["negative", "positive", "negative", "positive"] * 10,
        }
    )
    # the corpus never says "film" or "konser": only the extra rows teach those words
    extra = pd.DataFrame(
        {
            "text": ["film jelek membosankan", "konser keren mantap", "film bagus keren",
                     "konser buruk jelek", "jadwal film jam tujuh", "konser mulai besok"] * 8,
            "sentiment": ["negative", "positive", "positive", "negative", "neutral", "neutral"] * 8,
        }
    )  # fmt: skip
    cfg = TrainConfig(encoder=enc, supervised_min=5)
    without = train_classifier(taxonomy, base, config=cfg, version="a")
    with_extra = train_classifier(taxonomy, base, config=cfg, version="b", sentiment_extra=extra)
    assert with_extra.card["n_sentiment_extra"] == len(extra)
    assert without.card["n_sentiment_extra"] == 0
    probe = ["film jelek membosankan sekali", "konser keren mantap banget"]
    assert list(with_extra.predict(probe, aspects=False)["sentiment"]) == ["negative", "positive"]
    assert "neutral" in set(with_extra.sentiment_head.classes_)
    # topic and touchpoint heads are untouched by the extra rows
    texts = ["kopi pahit", "kurir telat"]
    a, b = without.predict(texts, aspects=False), with_extra.predict(texts, aspects=False)
    assert a["topics"].tolist() == b["topics"].tolist()
    assert a["topic_confidence"].tolist() == b["topic_confidence"].tolist()
    bad = extra.assign(sentiment="happy")
    with pytest.raises(ConfigError, match="outside the taxonomy"):
        train_classifier(taxonomy, base, config=cfg, version="c", sentiment_extra=bad)


def test_data_card_describes_corpus_and_supplement(monkeypatch, tmp_path):
    from voc.classify import corpus as corpus_module
    from voc.classify.datacard import write_data_card
    from voc.embed import DEFAULT_ENCODER

    install(monkeypatch, DEFAULT_ENCODER)
    monkeypatch.setattr(corpus_module, "TRAIN_DIR", tmp_path)
    corpus = pd.DataFrame(
        {
            "text": ["paket telat", "kopi enak", "app crash", "refund lama"],
            "lang": ["id", "id", "en", "id"],
            "topics": ["delivery_speed", "product_quality|other", "app_website", "refund_return"],
            "touchpoint": ["delivery", "usage", "usage", "returns"],
            "sentiment": ["negative", "positive", "negative", "negative"],
            "industry": ["ecommerce", "retail_store", "bank", "ecommerce"],
            "split": ["train", "train", "test", "train"],
        }
    )
    card = write_data_card(corpus, tmp_path / "README.md").read_text()
    assert "- Rows: 4 (train 3, internal test 1)" in card
    assert "Multi-topic rows: 25.0%" in card
    assert "General-domain sentiment supplement" not in card  # no supplement files yet
    _write(
        tmp_path / "sentiment_general_en.csv",
        _rows(20, "en", "positive") + _rows(20, "en", "neutral"),
    )
    card = write_data_card(corpus, tmp_path / "README.md").read_text()
    assert "General-domain sentiment supplement" in card
    assert "- Rows: 40 (train 34, internal test 6), files: `sentiment_general_en.csv`" in card
    assert "| en | 0 | 20 | 20 |" not in card and "| en | 20 | 20 |" in card
