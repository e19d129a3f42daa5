import numpy as np
import pytest

from journey.emerging import EmergingSettings, candidate_mask, find_emerging
from journey.frame import prepare
from voc.errors import ConfigError, ValidationError

from .frames import make_frame

GENERIC = [
    "pelayanan oke mantap",
    "aplikasinya bagus dan mudah dipakai",
    "terima kasih banyak tim",
    "biasa saja tidak ada masalah",
    "harga standar kualitas standar",
    "good job keep it up",
    "overall fine nothing special",
    "semoga makin sukses ke depan",
]
NEW = [
    "limit paylater turun tiba tiba tanpa pemberitahuan",
    "kenapa limit paylater saya turun drastis",
    "paylater limit dipotong tiba tiba",
    "limit paylater turun padahal bayar tepat waktu",
    "paylater limit suddenly reduced without notice",
]


def _frame():
    rows = []
    for month, day in (("2026-04", 8), ("2026-05", 12)):
        for i in range(24):
            rows.append(
                {"topics": "other", "touchpoint": "usage", "sentiment": "neutral",
                 "text_redacted": f"{GENERIC[i % len(GENERIC)]} {['', 'ya', 'sih'][i % 3]}",
                 "created_at": f"{month}-{day:02d} 10:00", "needs_review": False}
            )  # fmt: skip
    for i in range(15):
        rows.append(
            {"topics": "other", "touchpoint": "loyalty", "sentiment": "negative",
             "text_redacted": NEW[i % len(NEW)] + (" tolong" if i % 2 else ""),
             "created_at": "2026-05-20 10:00", "needs_review": True}
        )  # fmt: skip
    rows.append(
        {"topics": "other", "touchpoint": "loyalty", "sentiment": "negative",
         "text_redacted": NEW[0], "created_at": "2026-04-20 10:00", "needs_review": True}
    )  # fmt: skip
    # Well-classified comments are never candidates.
    rows += [{"topics": "delivery_speed", "touchpoint": "delivery", "sentiment": "negative",
              "text_redacted": "limit paylater turun", "needs_review": False}] * 10  # fmt: skip
    return make_frame(rows)


def test_candidates_are_catch_all_or_needs_review():
    frame = make_frame(
        [
            {"topics": "other", "needs_review": False},
            {"topics": "delivery_speed", "needs_review": True},
            {"topics": "delivery_speed", "needs_review": False},
            {"topics": "delivery_speed|other", "needs_review": False},  # other not primary
        ]
    )
    mask = candidate_mask(prepare(frame), EmergingSettings())
    assert mask.tolist() == [True, True, False, False]
    no_catch_all = EmergingSettings(catch_all_topic="not_in_this_taxonomy")
    assert candidate_mask(prepare(frame), no_catch_all).tolist() == [False, True, False, False]


def test_candidates_fall_back_to_topic_confidence():
    frame = make_frame(
        [
            {"topics": "delivery_speed", "topic_confidence": 0.9},
            {"topics": "delivery_speed", "topic_confidence": 0.3},
        ]
    )
    assert candidate_mask(prepare(frame), EmergingSettings()).tolist() == [False, True]


def test_growing_cluster_is_emerging_with_phrases_and_examples():
    result = find_emerging(_frame(), "2026-05")
    assert result.vectors == "tfidf_svd"
    assert result.candidates == 24 * 2 + 15 + 1
    assert len(result.emerging) == 1
    topic = result.emerging[0]
    assert topic.size == 15
    assert topic.previous_size == 1
    assert topic.growth == pytest.approx(15.0)
    assert any("paylater" in phrase for phrase, _ in topic.key_phrases)
    assert len(topic.examples) == 3
    assert all("paylater" in example for example in topic.examples)
    assert topic.touchpoints == {"loyalty": 15}
    steady = result.clusters[~result.clusters["emerging"]]
    assert (steady["growth"] < 2).all()


def test_emerging_is_deterministic():
    first, second = find_emerging(_frame(), "2026-05"), find_emerging(_frame(), "2026-05")
    assert first.clusters.equals(second.clusters)
    assert [t.feedback_ids for t in first.emerging] == [t.feedback_ids for t in second.emerging]


def test_emerging_on_embeddings_with_a_shared_offset():
    frame = _frame()
    rng = np.random.default_rng(7)
    centres = rng.normal(size=(4, 16)) * 3
    labels = np.array([i % 3 for i in range(48)] + [3] * 16 + [0] * 10)
    embeddings = centres[labels] + rng.normal(scale=0.05, size=(len(labels), 16)) + 10.0
    result = find_emerging(frame, "2026-05", embeddings=embeddings)
    assert result.vectors == "embeddings"
    assert len(result.emerging) == 1
    expected = set(frame["feedback_id"].iloc[48:63])
    assert set(result.emerging[0].feedback_ids) == expected


def test_min_size_and_growth_thresholds():
    strict = EmergingSettings(min_size=20)
    assert find_emerging(_frame(), "2026-05", settings=strict).emerging == []
    slow = EmergingSettings(min_growth=20.0)
    assert find_emerging(_frame(), "2026-05", settings=slow).emerging == []


def test_too_few_candidates_give_an_empty_result():
    result = find_emerging(_frame(), "2026-01")
    assert result.emerging == [] and result.clusters.empty


def test_emerging_input_errors():
    frame = _frame()
    with pytest.raises(ValidationError, match="embedding matrix has 2 rows"):
        find_emerging(frame, "2026-05", embeddings=np.zeros((2, 3)))
    with pytest.raises(ValidationError, match="text_redacted"):
        find_emerging(frame.drop(columns=["text_redacted"]), "2026-05")
    with pytest.raises(ConfigError, match="min_size"):
        EmergingSettings(min_size=1)
