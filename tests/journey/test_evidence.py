import numpy as np
import pytest

from journey.evidence import build_evidence, issue_title, pick_verbatims
from journey.frame import prepare
from journey.issues import IssueSettings
from journey.prioritize import rank_issues
from journey.text import class_tfidf_phrases, ngrams, stop_words, tokenize
from voc.errors import ConfigError, ValidationError

from .frames import TAXONOMY, make_frame, repeat


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("id", "Refund & retur di tahap Retur, refund & pembatalan"),
        ("en", "Refunds & returns at Returns, refunds & cancellation"),
    ],
)
def test_issue_title_from_taxonomy_names(lang, expected):
    assert issue_title("refund_return", "returns", TAXONOMY, lang) == expected


@pytest.mark.parametrize(
    ("word", "listed"),
    [("yang", True), ("the", True), ("tidak", False), ("belum", False), ("not", False),
     ("gak", False)],
)  # fmt: skip
def test_stop_word_lists_keep_negations(word, listed):
    assert (word in stop_words()) is listed


def test_tokenize_drops_placeholders_and_numbers():
    assert tokenize("Hubungi [PHONE] soal order 12345, refund BELUM masuk!") == [
        "hubungi", "soal", "order", "refund", "belum", "masuk",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("refund yang belum masuk", ["refund yang belum", "belum masuk"], ["yang", "yang belum"]),
        ("the app is not working", ["app", "not working", "app is not"], ["the app", "is"]),
    ],
)
def test_ngrams_do_not_start_or_end_with_stop_words(text, present, absent):
    grams = ngrams(tokenize(text))
    for gram in present:
        assert gram in grams
    for gram in absent:
        assert gram not in grams


def test_class_tfidf_prefers_distinctive_phrases():
    issue = [
        "refund belum masuk sudah 5 hari",
        "kenapa refund belum masuk juga",
        "refund belum masuk padahal dijanjikan",
        "aplikasi lancar",
    ]
    background = [
        "paket telat sampai",
        "aplikasi lancar sekali",
        "kurir ramah",
        "aplikasi lancar dan cepat",
        "paket telat lagi",
    ]
    phrases = class_tfidf_phrases([issue, background], top_n=3)
    issue_phrases = [p for p, _ in phrases[0]]
    assert issue_phrases[0] == "refund belum masuk"
    assert "aplikasi lancar" not in issue_phrases
    # A phrase contained in one already listed is skipped.
    assert "refund belum" not in issue_phrases
    assert [p for p, _ in phrases[1]][0] in {"aplikasi lancar", "paket telat"}


def test_class_tfidf_min_docs_filters_one_offs():
    phrases = class_tfidf_phrases([["unik sekali kata ini"], ["lain hal"]], min_docs=2)
    assert phrases == [[], []]


def _verbatim_frame(langs=None, texts=None):
    texts = texts or [
        "refund saya belum masuk sudah seminggu",
        "dana refund belum kembali ke rekening",
        "pengembalian dana lama sekali prosesnya",
        "refund lambat dan cs tidak membantu",
        "aplikasi sering error saat checkout",
        "kurir datang terlambat dua hari",
    ]
    langs = langs or ["id"] * len(texts)
    rows = [
        {"text_redacted": t, "lang": lang, "topics": "refund_return", "touchpoint": "returns",
         "sentiment": "negative"}
        for t, lang in zip(texts, langs, strict=True)
    ]  # fmt: skip
    return prepare(make_frame(rows))


def test_verbatims_nearest_the_embedding_centroid():
    prepared = _verbatim_frame()
    e1, e2, e3 = np.eye(3)
    # Centroid direction (3, 2, 1): the three e1 rows are nearest.
    embeddings = np.array([e1, e1, e1, e2, e3, e2])
    picks = pick_verbatims(prepared, np.arange(6), n=3, embeddings=embeddings)
    assert [v.feedback_id for v in picks] == ["fb00000", "fb00001", "fb00002"]
    moved = np.array([e2, e2, e3, e1, e1, e1])
    far = pick_verbatims(prepared, np.arange(6), n=3, embeddings=moved)
    assert [v.feedback_id for v in far] == ["fb00003", "fb00004", "fb00005"]


def test_verbatims_tfidf_fallback_is_typical_and_deterministic():
    texts = [
        "refund belum masuk sudah lama",
        "refund belum masuk ke saldo",
        "kenapa refund belum masuk",
        "warna tas bagus sekali suka",
        "refund belum masuk juga ya",
    ]
    prepared = _verbatim_frame(texts=texts)
    first = pick_verbatims(prepared, np.arange(5), n=3)
    assert [v.feedback_id for v in first] == [
        v.feedback_id for v in pick_verbatims(prepared, np.arange(5), n=3)
    ]
    assert "warna tas bagus sekali suka" not in [v.text for v in first]
    assert len({v.text for v in first}) == 3


def test_verbatims_cover_both_languages():
    langs = ["id", "id", "id", "id", "en", "id"]
    texts = [
        "refund belum masuk sudah lama",
        "refund belum masuk ke saldo",
        "refund belum masuk padahal janji",
        "refund belum masuk juga ya",
        "my refund has not arrived after two weeks",
        "paket rusak saat sampai rumah",
    ]
    picks = pick_verbatims(_verbatim_frame(langs=langs, texts=texts), np.arange(6), n=3)
    assert {v.lang for v in picks} == {"id", "en"}
    assert len(picks) == 3


def test_verbatims_skip_duplicates_and_validate_n():
    prepared = _verbatim_frame(
        texts=["sama persis teks ini ya"] * 3 + ["beda teks lain sekali"] * 3
    )
    assert len(pick_verbatims(prepared, np.arange(6), n=5)) == 2
    with pytest.raises(ConfigError, match="1-5"):
        pick_verbatims(prepared, np.arange(6), n=6)


def _ranked_frame():
    rows = repeat(
        12, topics="refund_return", touchpoint="returns", sentiment="negative", csat=1,
        text_redacted="refund belum masuk hubungi [PHONE] segera",
        text="refund belum masuk hubungi 0812-3456-7890 segera",
    )  # fmt: skip
    rows += repeat(
        10, topics="delivery_speed", touchpoint="delivery", sentiment="negative", csat=2,
        text_redacted="paket telat tiga hari", text="paket telat tiga hari",
    )  # fmt: skip
    rows += repeat(30, topics="other", touchpoint="usage", sentiment="positive", csat=5,
                   text_redacted="mantap", text="mantap")  # fmt: skip
    april = {"created_at": "2026-04-08 10:00", "text_redacted": "refund", "text": "refund"}
    rows += repeat(5, topics="refund_return", touchpoint="returns", sentiment="negative", **april)
    for i, row in enumerate(rows):
        row["text_redacted"] = f"{row['text_redacted']} kasus {chr(97 + i % 26)}{i}"
    return make_frame(rows)


def test_build_evidence_bundles_everything():
    frame = _ranked_frame()
    ranked = rank_issues(frame, "2026-05", issue_settings=IssueSettings(min_mentions=10))
    evidence = build_evidence(ranked, frame, top=5, weeks=6)
    assert [e.topic for e in evidence] == list(ranked.ranked["topic"])
    first = evidence[0]
    assert first.title("en").endswith("at " + TAXONOMY.touchpoint(first.touchpoint).name_en)
    assert first.owner == TAXONOMY.topic(first.topic).owner
    assert first.metrics["rank"] == 1
    assert {"impact", "effort", "csat_drag_points", "momentum_z"} <= set(first.metrics)
    # Data start in 2026-W15: 8 weeks up to 2026-W22, the last 6 kept.
    assert [w for w, _ in first.weekly] == [f"2026-W{w}" for w in range(17, 23)]
    assert 1 <= len(first.verbatims) <= 5
    for item in evidence:
        for verbatim in item.verbatims:
            assert "0812" not in verbatim.text
        assert all("phone" not in p for p, _ in item.key_phrases)
    refund = next(e for e in evidence if e.topic == "refund_return")
    assert any("refund" in p for p, _ in refund.key_phrases)
    assert refund.to_dict()["verbatims"][0]["text"].startswith("refund belum masuk")


def test_build_evidence_checks_embedding_alignment():
    frame = _ranked_frame()
    ranked = rank_issues(frame, "2026-05", issue_settings=IssueSettings(min_mentions=10))
    with pytest.raises(ValidationError, match="embedding matrix has 3 rows"):
        build_evidence(ranked, frame, embeddings=np.zeros((3, 4)))


def test_build_evidence_without_text_column():
    frame = _ranked_frame().drop(columns=["text_redacted"])
    ranked = rank_issues(frame, "2026-05", issue_settings=IssueSettings(min_mentions=10))
    evidence = build_evidence(ranked, frame)
    assert evidence and all(e.verbatims == [] and e.key_phrases == [] for e in evidence)
