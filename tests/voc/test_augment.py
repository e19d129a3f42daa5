"""Noisy copies of training rows (voc.classify.augment)."""

import random

import pandas as pd
import pytest

from voc.classify.augment import noisy_copies, noisy_text

TEXTS = [
    "Saya sudah menunggu tapi paketnya belum datang, tidak ada kabar sama sekali!",
    "Thanks for the quick reply, please check my refund because it is really late.",
    "aplikasinya error terus 😡 gimana ini",
    "ok",
]


def _frame():
    return pd.DataFrame(
        {
            "text": TEXTS,
            "topics": ["delivery_speed", "refund_return", "app_website", "other"],
            "touchpoint": ["delivery", "returns", "usage", "support"],
            "sentiment": ["negative", "negative", "negative", "neutral"],
        }
    )


def test_same_seed_same_copies_other_seed_other_copies():
    a = noisy_copies(_frame(), seed=0)
    b = noisy_copies(_frame(), seed=0)
    pd.testing.assert_frame_equal(a, b)
    others = [noisy_copies(_frame(), seed=s)["text"].tolist() for s in range(1, 6)]
    assert any(o != a["text"].tolist() for o in others)


@pytest.mark.parametrize("seed", range(10))
def test_copies_keep_labels_and_differ_from_their_source(seed):
    frame = _frame()
    copies = noisy_copies(frame, seed=seed)
    assert list(copies.columns) == list(frame.columns)
    source = dict(zip(frame["topics"], frame["text"], strict=True))
    for row in copies.itertuples():
        original = frame[frame["topics"] == row.topics].iloc[0]
        assert row.text != source[row.topics]
        assert row.text.strip()
        assert (row.touchpoint, row.sentiment) == (original.touchpoint, original.sentiment)


def test_abbreviations_use_customer_spellings_only():
    seen = set()
    for seed in range(50):
        out = noisy_text("saya tidak bisa", random.Random(seed)).lower()
        seen.add(out.split()[1] if len(out.split()) == 3 else out)
    assert seen & {"tdk", "gak", "ga", "nggak"}
    allowed = {"tidak", "tdk", "gak", "ga", "nggak"}
    # A typo may also hit "tidak" (4+ letters); anything else is a bug.
    assert all(w in allowed or len(w) in (4, 5, 6) for w in seen)


def test_short_or_unchangeable_text_is_not_copied():
    frame = pd.DataFrame({"text": ["ok", "👍"], "sentiment": ["neutral", "positive"]})
    for seed in range(20):
        # "ok" has nothing to rewrite; dropping the only emoji would leave nothing.
        assert noisy_copies(frame, seed=seed).empty


def test_typos_change_at_most_one_letter_per_word():
    rng = random.Random(3)
    words = "pengirimannya terlambat sekali kurirnya tidak menghubungi".split()
    for _ in range(200):
        out = noisy_text(" ".join(words), rng).split(" ")
        assert len(out) == len(words)
        for before, after in zip(words, out, strict=True):
            if after.lower() != before and after.lower() not in {"tdk", "gak", "ga", "nggak"}:
                assert abs(len(after) - len(before)) <= 1
