"""Language detection: short slang, code-mixing, the labelled set's accuracy floors."""

import csv
import hashlib
from pathlib import Path

import pytest

from voc.errors import ValidationError
from voc.language import (
    LANGUAGES,
    MIXED_MIN_WORDS,
    detect_language,
    detect_languages,
    language_votes,
)

LANG_SET = Path(__file__).resolve().parents[1] / "data" / "language" / "lang_set.csv"


def _rows():
    with LANG_SET.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _is_heldout(text: str) -> bool:
    # Fixed hash split, the same one docs/PII.md reports: about 30% held out.
    return int(hashlib.sha1(text.encode()).hexdigest(), 16) % 10 < 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("gak bgt sih", "id"),
        ("udh 3 hari blm nyampe min", "id"),
        ("kak tolong dibantu ya", "id"),
        ("makasih min", "id"),
        ("aplikasinya error terus pas checkout", "id"),  # loanwords alone stay Indonesian
        ("thx", "en"),
        ("pls help", "en"),
        ("where is my order?", "en"),
        ("The package arrived damaged and nobody answers.", "en"),
        ("aplikasinya error terus, please fix asap", "mixed"),
        ("the courier was rude banget sih", "mixed"),
        ("kak, my refund has not arrived, belum masuk sampai sekarang", "mixed"),
    ],
)
def test_short_informal_and_mixed_texts(text, expected):
    assert detect_language(text) == expected


def test_one_english_word_does_not_make_a_comment_mixed():
    n_id, n_en = language_votes("tolong dicek ya, please")
    assert n_en < MIXED_MIN_WORDS <= n_id
    assert detect_language("tolong dicek ya, please") == "id"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hubungi saya di [PHONE] ya kak", "id"),
        ("please call me at [PHONE]", "en"),
        ("[NAME] [PHONE]", "id"),  # no words: the Indonesian default
        ("", "id"),
    ],
)
def test_placeholders_are_ignored(text, expected):
    assert detect_language(text) == expected


def test_detect_languages_matches_single_calls():
    texts = [row["text"] for row in _rows()[:40]]
    labels = detect_languages(texts)
    assert labels == [detect_language(t) for t in texts]
    assert set(labels) <= set(LANGUAGES)


@pytest.mark.parametrize("bad", [None, 3.5])
def test_non_text_is_rejected(bad):
    with pytest.raises(ValidationError, match="expects text as str"):
        detect_language(bad)


def test_labelled_set_size():
    rows = _rows()
    assert len(rows) >= 300
    assert {row["lang"] for row in rows} == set(LANGUAGES)
    assert sum(len(row["text"].split()) <= 4 for row in rows) >= 60  # short texts included


def _accuracy(rows):
    predicted = detect_languages([row["text"] for row in rows])
    overall = sum(p == r["lang"] for p, r in zip(predicted, rows, strict=True)) / len(rows)
    per_class = {}
    for lang in LANGUAGES:
        pairs = [(p, r) for p, r in zip(predicted, rows, strict=True) if r["lang"] == lang]
        per_class[lang] = sum(p == r["lang"] for p, r in pairs) / len(pairs)
    return overall, per_class


# Floors under the measured accuracy (docs/PII.md): 0.99 overall, held-out 0.97.
@pytest.mark.parametrize(
    ("part", "overall_floor", "class_floor"),
    [("all", 0.95, 0.90), ("heldout", 0.93, 0.90)],
)
def test_accuracy_floor(part, overall_floor, class_floor):
    rows = _rows()
    if part == "heldout":
        rows = [row for row in rows if _is_heldout(row["text"])]
    overall, per_class = _accuracy(rows)
    assert overall >= overall_floor
    assert min(per_class.values()) >= class_floor, per_class
