import json

import numpy as np
import pandas as pd
import pytest
import yaml
from sklearn.base import clone

from tests.voc.classify_helpers import install
from voc.classify import (
    FeedbackClassifier,
    MultiLabelHead,
    PrototypeHead,
    SingleLabelHead,
    load_classifier,
    split_clauses,
)
from voc.classify.features import TEXT_REVISION
from voc.classify.metrics import label_set_micro_f1, single_label_report
from voc.classify.train import TrainConfig, train_classifier
from voc.errors import ConfigError, ModelCardMismatchError, ModelNotPreparedError, NotFittedError
from voc.taxonomy import load_taxonomy


def _blobs(n_per=30, n_labels=3, dim=16, seed=0):
    rng = np.random.default_rng(seed)
    centers = rng.standard_normal((n_labels, dim)) * 4
    X = np.vstack([centers[i] + rng.standard_normal((n_per, dim)) for i in range(n_labels)])
    y = np.repeat([f"l{i}" for i in range(n_labels)], n_per)
    return X.astype(np.float32), y


@pytest.mark.parametrize("head", [SingleLabelHead(), MultiLabelHead(), PrototypeHead()])
def test_estimator_contract(head):
    params = head.get_params()
    twin = clone(head)
    assert twin.get_params() == params
    assert twin is not head
    with pytest.raises(NotFittedError, match="not fitted yet"):
        head.predict_proba(np.zeros((2, 4), np.float32))


def test_single_label_head_learns_and_probabilities_sum_to_one():
    X, y = _blobs()
    head = SingleLabelHead(C=1.0).fit(X, y)
    assert head.fit(X, y) is head
    proba = head.predict_proba(X)
    assert proba.shape == (len(X), 3)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, rtol=1e-5)
    assert (head.predict(X) == y).mean() > 0.95


def test_single_label_head_rejects_bad_input():
    X, y = _blobs()
    with pytest.raises(ConfigError, match="X has 90 rows but y has 89"):
        SingleLabelHead().fit(X, y[:-1])
    with pytest.raises(ConfigError, match="at least two distinct labels"):
        SingleLabelHead().fit(X, ["a"] * len(X))
    with pytest.raises(ConfigError, match="2-D feature matrix"):
        SingleLabelHead().fit(X[0], y[:1])


def test_multilabel_head_primary_first_and_secondary_labels():
    X, y = _blobs(n_per=40, n_labels=3)
    # every l0 row also carries l2 as a secondary label
    sets = [[lab, "l2"] if lab == "l0" else [lab] for lab in y]
    head = MultiLabelHead(random_state=0).fit(X, sets, labels=["l0", "l1", "l2"])
    assert head.thresholds_.shape == (3,)
    assert ((head.thresholds_ >= 0.2) & (head.thresholds_ <= 0.9)).all()
    pred = head.predict_sets(X)
    assert all(p[0] == head.predict(X[i : i + 1])[0] for i, p in enumerate(pred))
    assert label_set_micro_f1(sets, pred) > 0.7
    proba = head.predict_proba(X)
    assert ((proba >= 0) & (proba <= 1)).all()


def test_multilabel_head_errors():
    X, y = _blobs()
    with pytest.raises(ConfigError, match="not in `labels`"):
        MultiLabelHead().fit(X, [[lab] for lab in y], labels=["l0", "l1"])
    with pytest.raises(ConfigError, match="no training rows for label"):
        MultiLabelHead().fit(X, [[lab] for lab in y], labels=["l0", "l1", "l2", "l9"])
    with pytest.raises(ConfigError, match="at least one label"):
        MultiLabelHead().fit(X[:2], [["l0"], []], labels=["l0"])


def test_prototype_head_zero_shot_uses_descriptions():
    desc = np.eye(3, 8, dtype=np.float32)
    head = PrototypeHead().fit(np.zeros((0, 8)), [], label_embeddings=desc, labels=["a", "b", "c"])
    X = np.eye(3, 8, dtype=np.float32)[[2, 0, 1]] + 0.01
    assert list(head.predict(X)) == ["c", "a", "b"]
    with pytest.raises(ConfigError, match="has 3 rows but there are 2 labels"):
        PrototypeHead().fit(np.zeros((0, 8)), [], label_embeddings=desc, labels=["a", "b"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Barangnya bagus tapi pengirimannya lama banget",
            ["Barangnya bagus", "pengirimannya lama banget"],
        ),
        ("harga oke, cuma kemasannya penyok", ["harga oke", "kemasannya penyok"]),
        ("Aplikasinya bagus. Namun OTP sering telat", ["Aplikasinya bagus.", "OTP sering telat"]),
        ("Great food but the driver was rude", ["Great food", "the driver was rude"]),
        (
            "The app is fast. However, refunds take weeks.",
            ["The app is fast.", "refunds take weeks."],
        ),
        ("udh bayar padahal saldo kepotong", ["udh bayar", "saldo kepotong"]),
        ("Signal is good although the bill is high", ["Signal is good", "the bill is high"]),
        ("mantap", ["mantap"]),
        ("tapisan kopi bagus", ["tapisan kopi bagus"]),  # 'tapi' inside a word is no marker
        ("", []),
    ],
)
def test_split_clauses_bilingual(text, expected):
    assert split_clauses(text) == expected


def test_metrics_report_and_groups():
    rep = single_label_report(
        ["a", "a", "b", "b"], ["a", "b", "b", "b"], groups=["id", "id", "en", "en"]
    )
    assert rep["accuracy"] == 0.75
    assert rep["per_label"]["a"]["recall"] == 0.5
    assert rep["per_label"]["b"]["precision"] == pytest.approx(0.6667, abs=1e-4)
    assert rep["per_group"]["id"]["accuracy"] == 0.5
    assert rep["per_group"]["en"]["accuracy"] == 1.0
    assert rep["confusion_matrix"] == [[1, 1], [0, 2]]
    assert label_set_micro_f1([["a", "b"]], [["a"]]) == pytest.approx(0.6667, abs=1e-4)


TOY = {
    "name": "toy",
    "version": 1,
    "touchpoints": [
        {"id": "shop", "en": "Shop", "id_name": "Toko", "about": "buying in a shop, checkout"},
        {"id": "home", "en": "Home", "id_name": "Rumah", "about": "using at home after delivery"},
    ],
    "topics": [
        {"id": "coffee", "owner": "ops", "effort": 2, "en": "Coffee", "id_name": "Kopi",
         "about": "coffee taste beans espresso latte"},
        {"id": "shipping", "owner": "ops", "effort": 3, "en": "Shipping", "id_name": "Pengiriman",
         "about": "shipping courier package late parcel"},
    ],
    "departments": [{"id": "ops", "en": "Ops", "id_name": "Operasional"}],
}  # fmt: skip


@pytest.fixture
def toy_taxonomy(tmp_path):
    path = tmp_path / "toy.yaml"
    path.write_text(yaml.safe_dump(TOY))
    return load_taxonomy(path)


def test_custom_taxonomy_zero_shot(monkeypatch, toy_taxonomy):
    enc = install(monkeypatch)
    model = train_classifier(toy_taxonomy, None, config=TrainConfig(encoder=enc), version="v1")
    assert model.mode == "zero-shot"
    pred = model.predict(["the espresso latte taste is great", "courier lost my parcel package"])
    assert list(pred["topic"]) == ["coffee", "shipping"]
    assert pred["model_version"].iloc[0] == f"toy/v1+r{TEXT_REVISION}"


def test_custom_taxonomy_few_shot_beats_nothing(monkeypatch, toy_taxonomy):
    enc = install(monkeypatch)
    examples = pd.DataFrame(
        {
            "text": [
                "kopi pahit",
                "kopinya enak",
                "paket telat",
                "kurir lambat",
                "beli di toko",
                "pakai di rumah",
            ],
            "topics": ["coffee", "coffee", "shipping", "shipping", "coffee", "coffee"],
            "touchpoint": ["home", "home", "home", "home", "shop", "home"],
        }
    )
    model = train_classifier(toy_taxonomy, examples, config=TrainConfig(encoder=enc), version="v2")
    assert model.card["modes"]["topic"] == "few-shot"
    assert model.card["modes"]["sentiment"] == "zero-shot"
    pred = model.predict(["kopi enak pahit", "kurir paket telat"])
    assert list(pred["topic"]) == ["coffee", "shipping"]


def test_save_load_and_card_checks(monkeypatch, toy_taxonomy, tmp_path):
    enc = install(monkeypatch)
    model = train_classifier(toy_taxonomy, None, config=TrainConfig(encoder=enc), version="v1")
    root = tmp_path / "models"
    model.save(root / "toy" / "v1")
    card = json.loads((root / "toy" / "v1" / "model_card.json").read_text())
    assert card["taxonomy_sha256"] == toy_taxonomy.sha256
    assert card["labels"]["topic"] == ["coffee", "shipping"]
    assert card["encoder"] == enc
    loaded = load_classifier(toy_taxonomy, root=root)
    assert isinstance(loaded, FeedbackClassifier)
    texts = ["espresso beans", "late courier"]
    pd.testing.assert_frame_equal(loaded.predict(texts), model.predict(texts))
    with pytest.raises(ModelCardMismatchError, match="trained on encoder 'test-bow'"):
        load_classifier(toy_taxonomy, root=root, encoder="e5-small")
    changed = dict(TOY, topics=[dict(TOY["topics"][0], effort=5), TOY["topics"][1]])
    path = tmp_path / "toy.yaml"
    path.write_text(yaml.safe_dump(changed))
    with pytest.raises(ModelCardMismatchError, match="different version of taxonomy 'toy'"):
        load_classifier(load_taxonomy(path), root=root)
    with pytest.raises(ModelNotPreparedError, match="version 'v7'"):
        load_classifier(toy_taxonomy, "v7", root=root)
    with pytest.raises(ModelNotPreparedError, match="No trained classifier"):
        load_classifier(toy_taxonomy, root=tmp_path / "empty")


def test_prediction_columns_and_needs_review(monkeypatch, toy_taxonomy):
    enc = install(monkeypatch)
    model = train_classifier(toy_taxonomy, None, config=TrainConfig(encoder=enc), version="v1")
    pred = model.predict(["espresso taste but courier late", "zzz"])
    assert list(pred.columns) == [
        "sentiment", "sentiment_score", "topic", "topics", "topic_confidence", "touchpoint",
        "touchpoint_confidence", "aspects", "needs_review", "model_version",
    ]  # fmt: skip
    assert pred["sentiment_score"].between(-1, 1).all()
    aspects = json.loads(pred["aspects"].iloc[0])
    assert [a["text"] for a in aspects] == ["espresso taste", "courier late"]
    assert [a["topic"] for a in aspects] == ["coffee", "shipping"]
    model.review = type(model.review)(sentiment=1.01, topic=0.0, touchpoint=0.0)
    assert model.predict(["espresso"])["needs_review"].all()


def test_heads_accept_sparse_joined_features(monkeypatch):
    import scipy.sparse as sp

    from voc.classify.features import TextFeaturizer

    enc = install(monkeypatch)
    texts = ["kopi enak sekali", "kopi pahit", "paket telat", "kurir lambat sekali"] * 5
    labels = ["coffee", "coffee", "shipping", "shipping"] * 5
    feat = TextFeaturizer(encoder=enc, tfidf_weight=0.5).fit(texts)
    X = feat.transform(texts)
    assert sp.issparse(X)
    assert X.shape[0] == len(texts) and X.shape[1] > 64
    head = SingleLabelHead().fit(X, labels)
    assert list(head.predict(feat.transform(["kurir telat"]))) == ["shipping"]
    multi = MultiLabelHead(cv=2).fit(X, [[lab] for lab in labels], labels=["coffee", "shipping"])
    assert multi.predict_sets(feat.transform(["kopi enak"]))[0][0] == "coffee"
    with pytest.raises(ConfigError, match="X has 20 rows but y has 19"):
        SingleLabelHead().fit(X, labels[:-1])


def test_char_ngram_counter_equals_scikit_learn():
    """The per-word cached counts are exactly CountVectorizer's, odd whitespace included."""
    import scipy.sparse as sp
    from sklearn.feature_extraction.text import TfidfVectorizer

    from voc.classify.features import CharNgramCounter

    train = [
        "Paket belum sampai udh 3 hari!!",
        "barangnya bagus tapi kurirnya lama bgt",
        "The app keeps crashing after the update",
        "CS-nya ramah, refund cepat 👍",
    ] * 3
    texts = train + [
        "",
        "   ",
        "a",
        "ab\tcd\n\n ef",
        "ÉCOLE Straße ǅemal",
        "x" * 40,
        "I  think\u00a0so",
        "kurir kurir kurir",
        "unseen wordsss only",
    ]
    for ngram_range, max_features in (((2, 5), 200), ((1, 3), None), ((3, 3), 50)):
        vec = TfidfVectorizer(
            analyzer="char_wb", ngram_range=ngram_range, max_features=max_features
        ).fit(train)
        counter = CharNgramCounter(vec)
        for _ in range(2):  # the second pass reads the word cache
            got = sp.csr_matrix(counter.transform(texts))
            ref = sp.csr_matrix(_count_transform(vec, texts))
            assert got.shape == ref.shape
            assert np.array_equal(got.indptr, ref.indptr)
            assert np.array_equal(got.indices, ref.indices)
            assert np.array_equal(got.data, ref.data)
    with pytest.raises(ConfigError, match="char_wb"):
        CharNgramCounter(TfidfVectorizer(analyzer="word").fit(train))


def _count_transform(vec, texts):
    from sklearn.feature_extraction.text import CountVectorizer

    return CountVectorizer.transform(vec, texts)


def test_featurizer_tfidf_block_matches_vectorizer(monkeypatch):
    import pickle

    import scipy.sparse as sp

    from voc.classify.features import TextFeaturizer

    enc = install(monkeypatch)
    texts = ["kopi enak sekali", "kopi pahit", "paket telat", "kurir lambat sekali"] * 5
    feat = TextFeaturizer(encoder=enc, tfidf_weight=0.5).fit(texts)
    new = ["kopi telat sekali", "brand new words", ""]
    X = sp.csr_matrix(feat.transform(new))
    ref = sp.csr_matrix(feat.tfidf_.transform(new) * 0.5)
    assert abs(X[:, -ref.shape[1] :] - ref).max() == 0
    restored = pickle.loads(pickle.dumps(feat))  # the word cache is not pickled
    assert "_counter" not in restored.__dict__
    assert abs(sp.csr_matrix(restored.transform(new)) - X).max() == 0


@pytest.mark.parametrize("calibration", ["sigmoid", "isotonic"])
def test_multilabel_stacked_proba_equals_per_label_models(calibration):
    """One stacked matrix product gives what each label model's predict_proba gives."""
    import scipy.sparse as sp

    X, y = _blobs(n_per=30, n_labels=3)
    sets = [[lab] for lab in y]
    sets[0] = ["l0", "rare"]  # one positive: a plain logistic regression, no calibration
    sets[1] = ["l0", "rare"]
    labels = ["l0", "l1", "l2", "rare"]
    head = MultiLabelHead(calibration=calibration, random_state=0).fit(X, sets, labels=labels)
    kinds = {type(m).__name__ for m in head.models_}
    assert kinds == {"CalibratedClassifierCV", "LogisticRegression"}
    for features in (X, sp.csr_matrix(X)):
        ref = np.column_stack([m.predict_proba(features)[:, 1] for m in head.models_])
        np.testing.assert_allclose(head.predict_proba(features), ref, rtol=1e-5, atol=1e-6)
    assert "_plan_cache" in head.__dict__
    assert "_plan_cache" not in clone(head).__dict__


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("topic=0.5", (0.5, 0.5, 0.4)),
        (" sentiment = 0.9 , touchpoint=0 ,", (0.9, 0.35, 0.0)),
        ("", (0.5, 0.35, 0.4)),
        ("topic=1,topic=0.2", (0.5, 0.2, 0.4)),
    ],
)
def test_review_thresholds_parse(spec, expected):
    from voc.classify.model import ReviewThresholds

    got = ReviewThresholds.parse(spec)
    assert (got.sentiment, got.topic, got.touchpoint) == expected


@pytest.mark.parametrize(
    ("spec", "match"),
    [
        ("aspect=0.5", "TASK=VALUE with TASK one of sentiment, topic, touchpoint"),
        ("topic", "TASK=VALUE"),
        ("topic=high", "number from 0 to 1, not 'high'"),
        ("touchpoint=1.5", "number from 0 to 1"),
    ],
)
def test_review_thresholds_parse_errors(spec, match):
    from voc.classify.model import ReviewThresholds

    with pytest.raises(ConfigError, match=match):
        ReviewThresholds.parse(spec)


def test_review_thresholds_from_environment_on_load(monkeypatch, toy_taxonomy, tmp_path):
    from voc.classify.model import REVIEW_ENV

    enc = install(monkeypatch)
    model = train_classifier(toy_taxonomy, None, config=TrainConfig(encoder=enc), version="v1")
    model.save(tmp_path / "toy" / "v1")
    texts = ["hello there", "espresso courier", "good morning", "the and a", "kopi paket"]
    confidence = model.predict(texts)["topic_confidence"]
    levels = np.unique(confidence)  # confidences are rounded: cut between two levels
    cut = float((levels[len(levels) // 2 - 1] + levels[len(levels) // 2]) / 2)
    monkeypatch.setenv(REVIEW_ENV, f"sentiment=0,touchpoint=0,topic={cut}")
    loaded = load_classifier(toy_taxonomy, root=tmp_path)
    assert (loaded.review.sentiment, loaded.review.topic) == (0.0, cut)
    flags = loaded.predict(texts)["needs_review"]
    assert flags.tolist() == (confidence < cut).tolist() and 0 < flags.sum() < len(texts)
    monkeypatch.setenv(REVIEW_ENV, "topic=2")
    with pytest.raises(ConfigError, match="number from 0 to 1"):
        load_classifier(toy_taxonomy, root=tmp_path)


def test_the_clause_splitter_renews_its_pipeline_so_unseen_words_do_not_pile_up(monkeypatch):
    import random
    import string

    from voc.classify import aspects

    rng = random.Random(0)

    def word() -> str:
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(5, 9)))

    monkeypatch.setattr(aspects, "_RENEW_TEXTS", 50)
    monkeypatch.setitem(aspects._state, "nlp", None)
    first = aspects._sentencizer()
    base = len(first.vocab.strings)
    texts = [f"barang {word()} bagus tapi {word()} lama. {word()} oke" for _ in range(400)]
    clauses = [split_clauses(text) for text in texts]
    assert all(len(parts) == 3 for parts in clauses)
    current = aspects._state["nlp"]
    assert current is not first
    # At most one renewal period of unseen words (50 texts x 3), not all 1,200 of them.
    assert len(current.vocab.strings) <= base + 50 * 3 + 20
