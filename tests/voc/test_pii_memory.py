"""Redaction keeps memory bounded: unseen words do not pile up in spaCy's vocabulary."""

from __future__ import annotations

import random
import string

import pytest

from voc.pii import component
from voc.pii.component import build_pipeline, pipe_redactions
from voc.pii.types import Redaction


def _fresh_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)

    def word() -> str:
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(5, 9)))

    return [
        f"pesanan {rng.randint(10**9, 10**10)} atas nama {word().title()} {word()} belum "
        f"sampai, hubungi 08{rng.randint(10**9, 10**10)} ya {word()}"
        for _ in range(n)
    ]


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def test_unseen_words_leave_no_strings_behind(monkeypatch):
    nlp = build_pipeline()
    monkeypatch.setattr(component, "_ZONE_TEXTS", 50)
    monkeypatch.setattr(component, "_WARM_TEXTS", 10)
    pipe_redactions(nlp, _fresh_texts(30, seed=1))  # spends the warm budget
    before = len(nlp.vocab.strings)
    results = pipe_redactions(nlp, _fresh_texts(400, seed=2))
    assert len(results) == 400
    assert all("[NAME]" in r.text and "[PHONE]" in r.text for r in results)
    # 400 texts hold about 2,000 new words; none of them stays.
    assert len(nlp.vocab.strings) == before


def test_only_the_first_texts_of_a_pipeline_fill_the_cache(monkeypatch):
    nlp = build_pipeline()
    monkeypatch.setattr(component, "_WARM_TEXTS", 20)
    start = len(nlp.vocab.strings)
    pipe_redactions(nlp, _fresh_texts(15, seed=3))
    after_warm = len(nlp.vocab.strings)
    assert after_warm > start  # the warm texts stay (bounded by _WARM_TEXTS)
    pipe_redactions(nlp, _fresh_texts(15, seed=4))  # 5 more warm texts, then zones
    after_mixed = len(nlp.vocab.strings)
    pipe_redactions(nlp, _fresh_texts(200, seed=5))
    assert len(nlp.vocab.strings) == after_mixed


def test_zones_change_no_redaction(nlp, monkeypatch):
    monkeypatch.setattr(component, "_ZONE_TEXTS", 7)
    texts = _fresh_texts(40, seed=6) + [
        "WA saya 0812-3456-7890, a.n. Budi Santoso, Jl. Melati No. 5 RT 02/RW 03",
        "resi JP1234567890 dan INV/20260512/0001 bukan data pribadi",
    ]
    plain = [Redaction(text=doc._.redacted, spans=doc._.pii_spans) for doc in nlp.pipe(list(texts))]
    assert pipe_redactions(nlp, texts) == plain
