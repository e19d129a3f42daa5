"""Long texts of one repeated pattern cost time in proportion to their length (PII, clauses).

Times live in ``benchmarks/bench_pii.py`` (pathological texts); these tests check the
mechanisms: spaCy's tokenizer never sees a long run without whitespace, and the redaction of
such texts is the same as ever around the run.
"""

from __future__ import annotations

import pytest

from voc.pii import redact
from voc.pii.component import build_pipeline
from voc.spacy_text import LONG_RUN, tokenize


@pytest.fixture(scope="module")
def tokenizer():
    return build_pipeline().tokenizer


@pytest.mark.parametrize(
    "text",
    [
        "",
        "halo kak, pesanan saya belum sampai",
        "x" * 299,
        "😡" * 5_000,
        "!?" * 3_000 + " ok",
        "awal  " + "x" * 450 + "!!!" + "\n\n" + "a" * 301 + " akhir \t",
        "WA saya 0812-3456-7890 " + "😡" * 1_000 + " a.n. Budi Santoso",
    ],
)
def test_the_doc_keeps_the_text_and_the_tokenizer_never_sees_a_long_run(tokenizer, text):
    seen: list[str] = []

    def spy(piece: str):
        seen.append(piece)
        return tokenizer(piece)

    doc = tokenize(spy, text)
    assert doc.text == text
    assert "".join(seen) == text
    assert all(LONG_RUN.search(piece) is None for piece in seen)
    if LONG_RUN.search(text) is None:  # everyday texts: one call, spaCy's own tokens
        assert seen == [text]
        assert [t.text for t in doc] == [t.text for t in tokenizer(text)]


def test_personal_data_around_a_long_run_is_still_found():
    run = "😡" * 5_000
    text = f"WA saya 0812-3456-7890 {run} a.n. Budi Santoso"
    result = redact(text)
    assert result.text == f"WA saya [PHONE] {run} a.n. [NAME]"
    assert [(text[s.start : s.end], s.type) for s in result.spans] == [
        ("0812-3456-7890", "PHONE"),
        ("Budi Santoso", "NAME"),
    ]


def test_clauses_around_a_long_run_are_split_as_ever():
    from voc.classify.aspects import split_clauses

    run = "😡" * 5_000
    assert split_clauses(f"Barangnya bagus tapi pengirimannya lama {run}. Kurir ramah") == [
        "Barangnya bagus",
        f"pengirimannya lama {run}.",
        "Kurir ramah",
    ]
    short = "Barangnya bagus tapi pengirimannya lama 😡😡. Kurir ramah"
    assert split_clauses(short) == ["Barangnya bagus", "pengirimannya lama 😡😡.", "Kurir ramah"]
